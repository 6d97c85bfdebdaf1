#include "extract/sentence_splitter.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace newsgraph {
namespace {

// Abbreviations that may also end a sentence ("... bought by Acme Inc. The deal").
constexpr std::array<std::string_view, 12> kMayEndSentence = {
    "inc", "corp", "co", "ltd", "etc", "u.s", "u.k", "jr", "sr", "bros", "mln", "pct"};

// Words that commonly start a sentence, used after an abbreviation that may end one.
constexpr std::array<std::string_view, 40> kSentenceStarters = {
    "the",   "a",     "an",         "it",    "he",    "she",     "they",      "we",
    "i",     "but",   "and",        "in",    "on",    "at",      "this",      "that",
    "its",   "his",   "her",        "their", "there", "however", "shares",    "analysts",
    "under", "for",   "as",         "after", "last",  "earlier", "meanwhile", "if",
    "when",  "while", "separately", "also",  "both",  "some",    "one",       "these"};

template <typename List>
bool Contains(const List& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool IsTerminal(const Token& t) { return t.Is(".") || t.Is("!") || t.Is("?") || t.Is("..."); }

bool IsCloser(const Token& t) { return t.Is("\"") || t.Is("'") || t.Is(")") || t.Is("]"); }

}  // namespace

bool IsHardWrapped(const NormalizedText& text) {
  const std::string_view s = text.text;
  for (size_t begin = 0; begin < s.size();) {
    const size_t end = std::min(s.find('\n', begin), s.size());
    if (end - begin > 100) return false;
    begin = end + 1;
  }
  return true;
}

std::vector<Sentence> SplitSentences(const NormalizedText& text, const std::vector<Token>& tokens,
                                     uint32_t max_tokens) {
  std::vector<Sentence> sentences;
  if (tokens.empty()) return sentences;
  const bool wrapped = IsHardWrapped(text);
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  uint32_t start = 0;
  auto close = [&](uint32_t end) {
    if (end <= start) return;
    Sentence s;
    s.token_begin = start;
    s.token_end = end;
    s.begin = tokens[start].begin;
    s.end = tokens[end - 1].end;
    sentences.push_back(s);
    start = end;
  };
  for (uint32_t i = 0; i < n; ++i) {
    if (i > start) {
      const Token& t = tokens[i];
      const bool paragraph = t.Has(kParagraphBefore) || (!wrapped && t.Has(kNewlineBefore));
      if (paragraph || i - start >= max_tokens) close(i);
    }
    const Token& t = tokens[i];
    bool ends = false;
    uint32_t last = i;
    if (IsTerminal(t)) {
      // Closing quotes and brackets join the sentence, but never past `max_tokens`.
      while (last + 1 < n && last + 1 - start < max_tokens && IsCloser(tokens[last + 1]) &&
             !tokens[last + 1].Has(kSpaceBefore)) {
        ++last;
      }
      const bool next_ok = last + 1 >= n || tokens[last + 1].Has(kSpaceBefore) ||
                           tokens[last + 1].Has(kNewlineBefore);
      if (t.Is("...")) {
        ends = next_ok && last + 1 < n && tokens[last + 1].Has(kCapitalized);
      } else {
        ends = next_ok;
      }
    } else if (t.Has(kAbbreviation) && Contains(kMayEndSentence, t.lower) && i + 1 < n) {
      const Token& next = tokens[i + 1];
      ends = next.Has(kCapitalized) && Contains(kSentenceStarters, next.lower);
    }
    if (ends) {
      i = last;
      close(i + 1);
    }
  }
  close(n);
  return sentences;
}

}  // namespace newsgraph
