#include "extract/fingerprint.h"

namespace newsgraph {

uint64_t Fnv1a64(std::string_view data, uint64_t seed) {
  uint64_t h = seed;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string HexDigits(uint64_t value) {
  static const char* digits = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) s[static_cast<size_t>(i)] = digits[value & 15];
  return s;
}

std::string Fingerprint(std::string_view data) { return HexDigits(Fnv1a64(data)); }

std::string DocumentFingerprint(const Document& document) {
  return HexDigits(Fnv1a64(document.date, Fnv1a64("\x1f", Fnv1a64(document.text))));
}

}  // namespace newsgraph
