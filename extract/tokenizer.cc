#include "extract/tokenizer.h"

#include <algorithm>
#include <array>

namespace newsgraph {
namespace {

// Abbreviations that keep their full stop as part of the token.
constexpr std::array<std::string_view, 44> kAbbreviations = {
    "mr",   "mrs", "ms",  "dr",  "prof", "st",  "jr",  "sr",   "inc",    "corp", "co",
    "ltd",  "gen", "sen", "rep", "gov",  "lt",  "col", "capt", "sgt",    "mt",   "ft",
    "no",   "vs",  "etc", "jan", "feb",  "mar", "apr", "jun",  "jul",    "aug",  "sep",
    "sept", "oct", "nov", "dec", "dept", "est", "fig", "bros", "messrs", "mln",  "pct"};

bool IsAsciiAlpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n'; }

// True for non-ASCII code points that are punctuation or symbols rather than letters.
bool IsNonAsciiPunct(uint32_t cp) {
  return (cp >= 0x00A1 && cp <= 0x00BF) || cp == 0x00D7 || cp == 0x00F7 ||
         (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF01 && cp <= 0xFF0F) || cp == 0xFFFD ||
         cp >= 0x1F000;
}

// Returns the byte length of the letter at s[i], or 0 when it is no letter.
int LetterLength(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return IsAsciiAlpha(c) ? 1 : 0;
  int length = 1;
  const uint32_t cp = DecodeUtf8(s, i, &length);
  return IsNonAsciiPunct(cp) ? 0 : length;
}

bool IsAbbreviation(std::string_view lower) {
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), lower) != kAbbreviations.end();
}

}  // namespace

bool IsUpperAt(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  int length = 1;
  const uint32_t cp = DecodeUtf8(s, i, &length);
  return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3A9) ||
         (cp >= 0x400 && cp <= 0x42F) || (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0);
}

std::string ToLower(std::string_view s) {
  // ASCII, the common case, is lowered in place in one copy.
  std::string out(s);
  size_t ascii = 0;
  for (; ascii < out.size(); ++ascii) {
    const unsigned char c = static_cast<unsigned char>(out[ascii]);
    if (c >= 0x80) break;
    if (c >= 'A' && c <= 'Z') out[ascii] = static_cast<char>(c + 32);
  }
  if (ascii == out.size()) return out;
  out.resize(ascii);
  for (size_t i = ascii; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      ++i;
      continue;
    }
    int length = 1;
    uint32_t cp = DecodeUtf8(s, i, &length);
    if (length == 1) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3A9)) {
      cp += 32;
    } else if (cp >= 0x410 && cp <= 0x42F) {
      cp += 32;
    } else if (cp >= 0x400 && cp <= 0x40F) {
      cp += 80;
    } else if (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0) {
      cp += 1;
    }
    AppendUtf8(cp, &out);
    i += length;
  }
  return out;
}

std::vector<Token> Tokenize(const NormalizedText& normalized) {
  const std::string_view s = normalized.text;
  std::vector<Token> tokens;
  tokens.reserve(s.size() / 5 + 1);
  size_t i = 0;
  uint16_t pending = 0;  // whitespace flags for the next token
  int newlines = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (IsSpace(c)) {
      pending |= kSpaceBefore;
      if (c == '\n') {
        ++newlines;
        pending |= kNewlineBefore;
        if (newlines >= 2) pending |= kParagraphBefore;
        // An indented new line starts a paragraph (wire-service layout).
        if (i + 1 < s.size() && (s[i + 1] == ' ' || s[i + 1] == '\t')) pending |= kParagraphBefore;
      }
      ++i;
      continue;
    }
    const size_t start = i;
    uint16_t flags = pending;
    pending = 0;
    newlines = 0;
    int letter = LetterLength(s, i);
    if (letter > 0 || IsDigit(c)) {
      flags |= letter > 0 ? kWord : kNumber;
      if (letter > 0) {
        // A word: letters and digits, inner apostrophes before a letter
        // (O'Brien, don't) except a possessive 's, and '&' inside capitals (AT&T).
        while (i < s.size()) {
          const unsigned char d = static_cast<unsigned char>(s[i]);
          int l = LetterLength(s, i);
          if (l > 0) {
            i += l;
          } else if (IsDigit(d)) {
            ++i;
          } else if (d == '\'' && i + 1 < s.size() && LetterLength(s, i + 1) > 0 &&
                     !((s[i + 1] == 's' || s[i + 1] == 'S') &&
                       (i + 2 >= s.size() || LetterLength(s, i + 2) == 0))) {
            ++i;
          } else if (d == '&' && i + 1 < s.size() && IsUpperAt(s, i + 1) && i > start &&
                     IsUpperAt(s, i - 1)) {
            ++i;
          } else {
            break;
          }
        }
        // Web names: Exactly.ai, Amazon.com, Booking.com keep their domain.
        if (i + 2 < s.size() && s[i] == '.' && IsAsciiAlpha(static_cast<unsigned char>(s[i + 1]))) {
          size_t j = i + 1;
          while (j < s.size() && IsAsciiAlpha(static_cast<unsigned char>(s[j]))) ++j;
          const std::string tld = ToLower(s.substr(i + 1, j - i - 1));
          static const std::array<std::string_view, 8> kDomains = {"com", "ai", "io",  "net",
                                                                   "org", "co", "app", "dev"};
          if (std::find(kDomains.begin(), kDomains.end(), tld) != kDomains.end() &&
              (j >= s.size() || LetterLength(s, j) == 0)) {
            i = j;
          }
        }
        // Dotted acronyms: U.S., U.K., J.P. (single letters separated by dots).
        if (i - start == 1 && i + 2 < s.size() && s[i] == '.' && LetterLength(s, i + 1) == 1 &&
            (i + 2 == s.size() || s[i + 2] == '.')) {
          while (i + 2 <= s.size() && s[i] == '.' && i + 1 < s.size() &&
                 LetterLength(s, i + 1) == 1 && (i + 2 == s.size() || s[i + 2] == '.')) {
            i += 2;
          }
          if (i < s.size() && s[i] == '.') {
            ++i;
            flags |= kAbbreviation;
          }
        } else if (i < s.size() && s[i] == '.') {
          const std::string lower = ToLower(s.substr(start, i - start));
          // "Ing." (Ingegnere) opens Italian and German firm names: "Ing. C.
          // Olivetti". Written "ING." it is the Dutch bank ending a sentence.
          const bool engineer = s.substr(start, i - start) == "Ing";
          if (i - start == 1 || IsAbbreviation(lower) || engineer) {
            ++i;
            flags |= kAbbreviation;
          }
        }
      } else {
        // A number: digits with inner '.' or ',' before a digit, then letters (1.13bn, 1980s).
        while (i < s.size()) {
          const unsigned char d = static_cast<unsigned char>(s[i]);
          if (IsDigit(d)) {
            ++i;
          } else if ((d == '.' || d == ',') && i + 1 < s.size() &&
                     IsDigit(static_cast<unsigned char>(s[i + 1]))) {
            ++i;
          } else {
            break;
          }
        }
        // Trailing letters stay when lower case (1.13bn, 1980s, 5th), a short
        // capital run (3M), or a capitalised word after one digit inside a
        // line (3Com, 4Cast); "1Andrej" opening a line (a list number glued
        // to a name) splits.
        size_t j = i;
        bool lower = true;
        bool upper = true;
        while (j < s.size() && IsAsciiAlpha(static_cast<unsigned char>(s[j]))) {
          lower = lower && s[j] >= 'a';
          upper = upper && s[j] <= 'Z';
          ++j;
        }
        const bool capitalised = j > i + 1 && s[i] <= 'Z' && s[i + 1] >= 'a';
        const bool in_line = !(flags & kNewlineBefore) && start > 0;
        if (j > i && (lower || (upper && j - i <= 3) || (capitalised && i == start + 1 && in_line)))
          i = j;
      }
    } else if (c == '\'' && i + 1 < s.size() && (s[i + 1] == 's' || s[i + 1] == 'S') &&
               (i + 2 >= s.size() || LetterLength(s, i + 2) == 0)) {
      i += 2;  // possessive 's
      flags |= kPunct;
    } else if (c == '.') {
      while (i < s.size() && s[i] == '.') ++i;  // "." or "..."
      flags |= kPunct;
    } else {
      int length = 1;
      DecodeUtf8(s, i, &length);
      i += length;
      flags |= kPunct;
    }
    Token token;
    token.norm_begin = static_cast<uint32_t>(start);
    token.norm_end = static_cast<uint32_t>(i);
    token.begin = normalized.Original(start);
    // The original end is the original start of the next normalised byte,
    // which covers multi-byte characters replaced by shorter ASCII.
    token.end = normalized.Original(i);
    if (token.end <= token.begin) token.end = token.begin + 1;
    std::string_view body = s.substr(start, i - start);
    if (flags & kAbbreviation) body.remove_suffix(1);
    // One pass lowers ASCII and notes the ASCII capitals; a body with other
    // bytes is lowered again by ToLower.
    token.lower.assign(body.data(), body.size());
    bool ascii = true;
    bool any_upper = false;
    bool any_lower = false;
    bool inner_upper = false;
    for (size_t k = 0; k < body.size(); ++k) {
      const unsigned char b = static_cast<unsigned char>(body[k]);
      if (b >= 'A' && b <= 'Z') {
        any_upper = true;
        inner_upper = inner_upper || k > 0;
        token.lower[k] = static_cast<char>(b + 32);
      } else if (b >= 'a' && b <= 'z') {
        any_lower = true;
      } else if (b >= 0x80) {
        ascii = false;
      }
    }
    if (!ascii) token.lower = ToLower(body);
    if (flags & kWord) {
      if (IsUpperAt(body, 0)) flags |= kCapitalized;
      if (inner_upper) flags |= kInnerCapital;
      if (any_upper && !any_lower) flags |= kAllCaps;
    } else if ((flags & kNumber) && any_upper) {
      flags |= kCapitalized;  // "3M", "7-Eleven": a number with capitals counts as capitalised
    }
    token.flags = flags;
    tokens.push_back(std::move(token));
  }
  return tokens;
}

}  // namespace newsgraph
