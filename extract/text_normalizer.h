// Text normalisation: maps typographic Unicode punctuation and spaces to
// ASCII, repairs invalid UTF-8, and keeps a byte map back to the original text
// so that every later offset can be reported against the original bytes.
#ifndef NEWSGRAPH_EXTRACT_TEXT_NORMALIZER_H_
#define NEWSGRAPH_EXTRACT_TEXT_NORMALIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

// The normalised form of a text together with its offset map.
struct NormalizedText {
  // The normalised UTF-8 text.
  std::string text;
  // to_original[i] is the byte offset in the original text of normalised
  // byte i; it has text.size() + 1 entries, the last one mapping the end.
  std::vector<uint32_t> to_original;
  // The original byte offset of the first invalid UTF-8 sequence, or -1.
  int64_t first_invalid_byte = -1;

  // Returns the original offset of normalised offset `i` (0 <= i <= size).
  uint32_t Original(size_t i) const { return to_original[i]; }
};

// Normalises `original`: curly quotes become ' and ", dashes become '-' (an em
// dash becomes " - "), the ellipsis becomes "...", exotic spaces become ' ',
// zero-width characters and soft hyphens vanish, a lone CR becomes '\n', other
// control characters become ' ', and invalid UTF-8 becomes U+FFFD.
NormalizedText NormalizeText(std::string_view original);

// Decodes the UTF-8 code point at s[i]; sets `length` to its byte length.
// Returns 0xFFFD (with length 1) for an invalid or truncated sequence.
uint32_t DecodeUtf8(std::string_view s, size_t i, int* length);

// Returns `s` with every invalid UTF-8 sequence replaced by U+FFFD (one per
// bad byte, as NormalizeText does).
std::string ReplaceInvalidUtf8(std::string_view s);

// Appends the UTF-8 encoding of `code_point` to `out`.
void AppendUtf8(uint32_t code_point, std::string* out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_TEXT_NORMALIZER_H_
