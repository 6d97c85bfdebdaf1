// Small helpers shared by the exporters: exact number formatting and UTF-8 repair.
#ifndef NEWSGRAPH_EXPORT_FORMAT_UTIL_H_
#define NEWSGRAPH_EXPORT_FORMAT_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

// Returns the shortest decimal form of `v` that reads back as the same double.
std::string FormatDouble(double v);

// Returns `s` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string ValidUtf8(std::string_view s);

// Joins `parts` with `separator`.
std::string Join(const std::vector<std::string>& parts, std::string_view separator);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORT_FORMAT_UTIL_H_
