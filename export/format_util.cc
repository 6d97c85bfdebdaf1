#include "export/format_util.h"

#include <charconv>

#include "extract/text_normalizer.h"

namespace newsgraph {

std::string FormatDouble(double v) {
  char buf[64];
  const auto result = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, result.ptr);
}

std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    int length = 1;
    const uint32_t cp = DecodeUtf8(s, i, &length);
    if (cp == 0xFFFD && length == 1) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(s, i, static_cast<size_t>(length));
    }
    i += static_cast<size_t>(length);
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

}  // namespace newsgraph
