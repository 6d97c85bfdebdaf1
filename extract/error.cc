#include "extract/error.h"

namespace newsgraph {
namespace {

std::string FormatLocation(const std::string& file, int line, int column,
                           const std::string& message) {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  if (line > 0 && column > 0) out += ":" + std::to_string(column);
  if (!out.empty()) out += ": ";
  return out + message;
}

}  // namespace

Error::Error(std::string file, int line, int column, const std::string& message)
    : std::runtime_error(FormatLocation(file, line, column, message)),
      file_(std::move(file)),
      line_(line),
      column_(column) {}

Error::Error(const std::string& message) : std::runtime_error(message) {}

}  // namespace newsgraph
