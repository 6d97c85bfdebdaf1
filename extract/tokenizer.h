// Tokenisation of normalised text into words, numbers and punctuation, with
// byte offsets into the original text.
#ifndef NEWSGRAPH_EXTRACT_TOKENIZER_H_
#define NEWSGRAPH_EXTRACT_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/text_normalizer.h"

namespace newsgraph {

// Bit flags describing a token's shape and surroundings.
enum TokenFlag : uint16_t {
  kWord = 1 << 0,             // starts with a letter
  kNumber = 1 << 1,           // starts with a digit
  kPunct = 1 << 2,            // neither word nor number
  kCapitalized = 1 << 3,      // first letter is upper case
  kAllCaps = 1 << 4,          // every letter is upper case (and at least one)
  kSpaceBefore = 1 << 5,      // whitespace separates it from the previous token
  kNewlineBefore = 1 << 6,    // a line break separates it from the previous token
  kParagraphBefore = 1 << 7,  // a blank line or an indented new line precedes it
  kAbbreviation = 1 << 8,     // a word with its abbreviation full stop attached
  kInnerCapital = 1 << 9,     // a capital after the first letter (xAI, eBay, iPhone)
};

// One token. `begin`/`end` are half-open byte offsets into the original
// text; `norm_begin`/`norm_end` into the normalised text.
struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t norm_begin = 0;
  uint32_t norm_end = 0;
  uint16_t flags = 0;
  // Interned id of `lower` in the schema's vocabulary, or -1.
  int32_t word = -1;
  // The normalised token text in lower case, without an abbreviation's
  // trailing full stop ("Inc." -> "inc").
  std::string lower;

  // Returns true when every bit of `flag` is set.
  bool Has(uint16_t flag) const { return (flags & flag) == flag; }
  // True when the lower-case text is `word` (lengths compared first).
  bool Is(std::string_view word) const { return std::string_view(lower) == word; }
};

// Splits `text` into tokens. Possessive "'s" is its own token; hyphens are
// their own tokens (without kSpaceBefore when written inside a word);
// numbers keep inner '.' and ',' and trailing letters ("1.13bn"); dotted
// acronyms and known abbreviations keep their full stop ("U.S.", "Inc.").
std::vector<Token> Tokenize(const NormalizedText& text);

// Returns `s` in lower case (ASCII and Latin-1, Greek and Cyrillic capitals).
std::string ToLower(std::string_view s);

// Returns true when the UTF-8 code point starting at s[i] is an upper-case letter.
bool IsUpperAt(std::string_view s, size_t i);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_TOKENIZER_H_
