#include "extract/tokenizer.h"

#include <doctest/doctest.h>

namespace newsgraph {
namespace {

std::vector<std::string> Lowers(const std::string& text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(NormalizeText(text))) out.push_back(t.lower);
  return out;
}

}  // namespace

TEST_CASE("possessives, hyphens, numbers and abbreviations") {
  CHECK(Lowers("Anthropic's Fei-Fei Li paid $1.13bn to U.S. Steel Inc. in 2004-05.") ==
        std::vector<std::string>{"anthropic", "'s", "fei", "-", "fei", "li", "paid", "$", "1.13bn",
                                 "to", "u.s", "steel", "inc", "in", "2004", "-", "05", "."});
}

TEST_CASE("token offsets are half-open byte offsets into the original text") {
  const std::string text =
      "\xE2\x80\x9C"
      "Claude"
      "\xE2\x80\x9D"
      " by Anthropic";
  const auto tokens = Tokenize(NormalizeText(text));
  REQUIRE(tokens.size() == 5);
  CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "Claude");
  CHECK(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin) == "\xE2\x80\x9D");
  CHECK(text.substr(tokens[4].begin, tokens[4].end - tokens[4].begin) == "Anthropic");
}

TEST_CASE("shape flags") {
  const auto tokens = Tokenize(NormalizeText("IBM said\n\nAT&T o1 3M"));
  REQUIRE(tokens.size() == 5);
  CHECK(tokens[0].Has(kAllCaps));
  CHECK(tokens[0].Has(kCapitalized));
  CHECK_FALSE(tokens[1].Has(kCapitalized));
  CHECK(tokens[2].lower == "at&t");
  CHECK(tokens[2].Has(kParagraphBefore));
  CHECK(tokens[3].lower == "o1");
  CHECK(tokens[4].Has(kNumber));
  CHECK(tokens[4].Has(kCapitalized));
}

TEST_CASE(
    "a digit glued to a capitalised word is one name inside a line, a list number at its start") {
  CHECK(Lowers("said analysts at 4Cast and 3Com.") ==
        std::vector<std::string>{"said", "analysts", "at", "4cast", "and", "3com", "."});
  CHECK(Lowers("Top investors:\n1Andrej Karpathy") ==
        std::vector<std::string>{"top", "investors", ":", "1", "andrej", "karpathy"});
  const auto tokens = Tokenize(NormalizeText("at 4Cast"));
  CHECK(tokens[1].Has(kCapitalized));
}

TEST_CASE("'Ing.' keeps its full stop; 'ING.' ends a sentence") {
  CHECK(Lowers("Ing. C. Olivetti bought shares in ING.") ==
        std::vector<std::string>{"ing", "c", "olivetti", "bought", "shares", "in", "ing", "."});
}

TEST_CASE("ToLower folds Latin-1 and Cyrillic capitals") {
  CHECK(ToLower("\xC3\x89"
                "COLE") ==
        "\xC3\xA9"
        "cole");
  CHECK(ToLower("\xD0\x9C") == "\xD0\xBC");
  // An ASCII run before and after a non-ASCII letter; ASCII only; empty.
  CHECK(ToLower("SOCI\xC3\x89T\xC3\x89 G\xC3\x89N\xC3\x89RALE Bank") ==
        "soci\xC3\xA9t\xC3\xA9 g\xC3\xA9n\xC3\xA9rale bank");
  CHECK(ToLower("AT&T Inc.") == "at&t inc.");
  CHECK(ToLower("").empty());
}

}  // namespace newsgraph
