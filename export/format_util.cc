#include "export/format_util.h"

#include <charconv>

#include "extract/text_normalizer.h"

namespace newsgraph {

std::string FormatDouble(double v) {
  char buf[64];
  const auto result = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, result.ptr);
}

std::string ValidUtf8(std::string_view s) { return ReplaceInvalidUtf8(s); }

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

}  // namespace newsgraph
