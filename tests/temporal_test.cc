#include "extract/temporal.h"

#include <doctest/doctest.h>

namespace newsgraph {
namespace {

std::string Date(const std::string& text, const std::string& doc_date) {
  const auto tokens = Tokenize(NormalizeText(text));
  return FindDate(tokens, 0, static_cast<uint32_t>(tokens.size()), doc_date);
}

std::string Amount(const std::string& text) {
  const NormalizedText n = NormalizeText(text);
  const auto tokens = Tokenize(n);
  return FindAmount(n, tokens, 0, static_cast<uint32_t>(tokens.size()), 0);
}

}  // namespace

TEST_CASE("absolute dates") {
  CHECK(Date("It closed on March 5, 2021 after talks.", "") == "2021-03-05");
  CHECK(Date("It closed on 5 March 2021.", "") == "2021-03-05");
  CHECK(Date("It was founded in 2019.", "") == "2019");
  CHECK(Date("The deal was agreed in January 2020.", "") == "2020-01");
}

TEST_CASE("relative dates resolve against the article date") {
  // 2005-01-19 was a Wednesday; the previous Monday was the 17th.
  CHECK(Date("The firm said on Monday it had bought it.", "2005-01-19") == "2005-01-17");
  CHECK(Date("He joined last year.", "2005-01-19") == "2004");
  CHECK(Date("It happened yesterday.", "2005-03-01") == "2005-02-28");
  CHECK(Date("It was agreed in November.", "2005-01-19") == "2004-11");
  CHECK(Date("He said on Monday.", "") == "");
}

TEST_CASE("may is a month only with a day or a year") {
  CHECK(Date("He may join the firm.", "2020-06-01") == "");
  CHECK(Date("He joined in May 2024.", "") == "2024-05");
}

TEST_CASE("money amounts are kept as written") {
  CHECK(Amount("It paid $1.13bn for the stake.") == "$1.13bn");
  CHECK(Amount("It paid 300 mln dlrs in cash.") == "300 mln dlrs");
  CHECK(Amount("It paid US$2 billion.") == "US$2 billion");
  CHECK(Amount("Profits rose 76%.") == "");
}

TEST_CASE("ISO dates parse and format") {
  CivilDate d;
  CHECK(ParseIsoDate("1987-02-26", &d));
  CHECK(FormatIsoDate(d) == "1987-02-26");
  CHECK(ParseIsoDate("2024", &d));
  CHECK(FormatIsoDate(d) == "2024");
  CHECK_FALSE(ParseIsoDate("yesterday", &d));
}

}  // namespace newsgraph
