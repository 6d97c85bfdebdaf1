#include "extract/sentence_splitter.h"

#include <doctest/doctest.h>

namespace newsgraph {
namespace {

std::vector<std::string> Split(const std::string& text) {
  const NormalizedText n = NormalizeText(text);
  const auto tokens = Tokenize(n);
  std::vector<std::string> out;
  for (const Sentence& s : SplitSentences(n, tokens))
    out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

}  // namespace

TEST_CASE("abbreviations, initials and decimals do not end a sentence") {
  CHECK(Split("Mr. J. Smith paid $3.5bn for Acme Corp. in March. Dr. Jones left.") ==
        std::vector<std::string>{"Mr. J. Smith paid $3.5bn for Acme Corp. in March.",
                                 "Dr. Jones left."});
}

TEST_CASE("a corporate abbreviation can end a sentence before a usual sentence starter") {
  CHECK(Split("It sold the unit to Acme Inc. The deal closed.") ==
        std::vector<std::string>{"It sold the unit to Acme Inc.", "The deal closed."});
}

TEST_CASE("closing quotes stay with their sentence") {
  CHECK(Split("He said: \"We won.\" Then he left!") ==
        std::vector<std::string>{"He said: \"We won.\"", "Then he left!"});
}

TEST_CASE("paragraph breaks end sentences; headings without a full stop stand alone") {
  CHECK(Split("Big headline here\n\nBody text starts. More text.") ==
        std::vector<std::string>{"Big headline here", "Body text starts.", "More text."});
}

TEST_CASE("hard-wrapped wire copy joins lines but splits indented paragraphs") {
  const std::string text = "Acme said it would\nbuy Widget Co for cash\n    Shares rose.";
  CHECK(Split(text) ==
        std::vector<std::string>{"Acme said it would\nbuy Widget Co for cash", "Shares rose."});
}

TEST_CASE("long runs without a full stop are cut at the token limit") {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "word ";
  const NormalizedText n = NormalizeText(text);
  const auto tokens = Tokenize(n);
  const auto sentences = SplitSentences(n, tokens, 400);
  CHECK(sentences.size() == 3);
  CHECK(sentences.back().token_end == tokens.size());
}

TEST_CASE("closing quotes after a full stop never push a sentence past the token limit") {
  // Found by fuzz/text_fuzzer: a full stop just under the limit, then four closers.
  const std::string text = "one two three four.\")]\" five";
  const NormalizedText n = NormalizeText(text);
  const auto tokens = Tokenize(n);
  const auto sentences = SplitSentences(n, tokens, 5);
  REQUIRE(!sentences.empty());
  for (const Sentence& s : sentences) CHECK(s.token_end - s.token_begin <= 5);
  CHECK(sentences.back().token_end == tokens.size());
}

}  // namespace newsgraph
