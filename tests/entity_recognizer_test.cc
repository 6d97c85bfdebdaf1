#include "extract/entity_recognizer.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "tests/test_util.h"

namespace newsgraph {
namespace {

// "text=Type" for every mention of `text`.
std::vector<std::string> Mentions(const std::string& text) {
  const auto schema = testing::DefaultSchema();
  const NormalizedText n = NormalizeText(text);
  std::vector<Token> tokens = Tokenize(n);
  for (Token& t : tokens) t.word = schema->vocabulary.Find(t.lower);  // as the pipeline does
  const auto sentences = SplitSentences(n, tokens);
  std::vector<std::string> out;
  for (const Mention& m : RecognizeEntities(*schema, n, tokens, sentences)) {
    out.push_back(m.text + "=" +
                  (m.type == kUnknownType ? "?" : schema->type_names[static_cast<size_t>(m.type)]));
  }
  return out;
}

bool Has(const std::vector<std::string>& mentions, const std::string& m) {
  return std::find(mentions.begin(), mentions.end(), m) != mentions.end();
}

}  // namespace

TEST_CASE("people by given name or honorific, organisations by suffix or head word") {
  const auto m = Mentions(
      "Yesterday Priya Raghunathan met Mr Okonkwo at Zentrix Holdings and the Ministry of "
      "Defence.");
  CHECK_MESSAGE(Has(m, "Priya Raghunathan=Person"), testing::Describe({}));
  CHECK(Has(m, "Okonkwo=Person"));
  CHECK(Has(m, "Zentrix Holdings=Company"));
  CHECK(Has(m, "Ministry of Defence=Organization"));
  CHECK_FALSE(Has(m, "Yesterday=?"));
}

TEST_CASE("'General' before one organisation head opens a firm's name, not a title") {
  const auto m = Mentions("He said General Partners and Data General Corp bid for Halvern.");
  CHECK(Has(m, "General Partners=Company"));
  CHECK(Has(m, "Data General Corp=Company"));
  CHECK_FALSE(Has(m, "Partners=Person"));
}

TEST_CASE("a name before 'and' and a known name of two words are two names") {
  const auto m = Mentions(
      "He met Volvo Flygmotor and General Electric, then James Baker and Federal Reserve Board "
      "staff. A spokesman for the Mines and Energy Ministry agreed.");
  CHECK(Has(m, "Volvo Flygmotor=?"));
  CHECK(Has(m, "General Electric=Company"));
  CHECK(Has(m, "James Baker=Person"));
  CHECK(Has(m, "Federal Reserve Board=Organization"));
  // One word before "and" is no name of its own.
  CHECK(Has(m, "Mines and Energy Ministry=Organization"));
}

TEST_CASE("titles split a capitalised run; sentence-initial common words are dropped") {
  const auto m = Mentions("Shares in Qorvantis rose after Qorvantis Chairman Bill Gates spoke.");
  CHECK_FALSE(Has(m, "Shares=?"));
  CHECK(Has(m, "Bill Gates=Person"));
  CHECK(Has(m, "Qorvantis=?"));
}

TEST_CASE("gazetteer names, places and nationality adjectives") {
  const auto m = Mentions("The German publisher bought a stake in Google, based in London.");
  CHECK(Has(m, "German=Place"));
  CHECK(Has(m, "Google=Company"));
  CHECK(Has(m, "London=Place"));
}

TEST_CASE("an organisation head before of, for or on carries the whole name") {
  const auto m = Mentions(
      "She joined the Center for International Digital Policy after the Global Partnership on "
      "Artificial Intelligence and the Institute for Fiscal Studies hired her.");
  CHECK(Has(m, "Center for International Digital Policy=Organization"));
  CHECK(Has(m, "Global Partnership on Artificial Intelligence=Organization"));
  CHECK(Has(m, "Institute for Fiscal Studies=Organization"));
}

TEST_CASE("a known family name after an unknown given name is a person, two family names are not") {
  const auto m = Mentions("Yiwen Takahashi and Wenting Zhao met Kowalczyk Nguyen in Hanoi.");
  CHECK(Has(m, "Yiwen Takahashi=Person"));
  CHECK(Has(m, "Wenting Zhao=Person"));
  CHECK_FALSE(Has(m, "Kowalczyk Nguyen=Person"));
}

TEST_CASE("the last word of an office is not part of the name after it") {
  const auto m = Mentions(
      "Secretary of State George Shultz met bankers from the Bank of Smith Barney Holdings.");
  CHECK(Has(m, "George Shultz=Person"));
  CHECK_FALSE(Has(m, "State George Shultz=Person"));
}

TEST_CASE("a product tier or a version after a brand makes a product") {
  const auto m = Mentions(
      "Testers compared Mistral's Mistral Large, Perplexity's Sonar Small and Meta's Llama 3 70B.");
  CHECK(Has(m, "Mistral Large=Product"));
  CHECK(Has(m, "Sonar Small=Product"));
  CHECK(Has(m, "Llama 3 70B=Product"));
  CHECK(Has(m, "Mistral=Company"));
  // A tier word that does not follow a name is not taken in.
  const auto n = Mentions("The Federation of Small Businesses said so.");
  CHECK_FALSE(Has(n, "Small=Product"));
}

TEST_CASE("a facility head word after a name makes a facility") {
  const auto m = Mentions("Training runs on the Colossus 1 data center in Memphis.");
  CHECK(Has(m, "Colossus 1=Facility"));
}

TEST_CASE("a strongly typed name fixes its type everywhere in the document") {
  const auto m = Mentions("Analysts at Brixworth Capital said so. Brixworth was upbeat.");
  CHECK(Has(m, "Brixworth Capital=Company"));
}

TEST_CASE("title-case headlines only keep names the body or the gazetteer knows") {
  const auto m = Mentions(
      "Veltrano Joins Microsoft To Lead Research Push\n\nAna Veltrano has joined Microsoft.");
  CHECK(Has(m, "Microsoft=Company"));
  CHECK_FALSE(Has(m, "Veltrano Joins Microsoft To Lead Research Push=?"));
  CHECK_FALSE(Has(m, "Research Push=?"));
}

TEST_CASE("a title-case line with a field label is a profile's field, not a headline") {
  const auto m = Mentions(
      "Startups To Watch\n\nQuorvia Labs builds agents.\n\nQuorvia Labs Founders: Rajiv Menon and "
      "Ines Duarte\n\nIt was started in 2020.");
  CHECK(Has(m, "Rajiv Menon=Person"));
  CHECK(Has(m, "Ines Duarte=Person"));
  // A title-case line without a field label is still a headline.
  const auto n = Mentions("Intro text here.\nTalent Magnetism Continues To Grow\nMore text.");
  CHECK_FALSE(Has(n, "Talent Magnetism Continues=?"));
}

TEST_CASE("in hard-wrapped wire copy a line break may fall inside a name") {
  const auto m = Mentions(
      "Simmons is president and chief executive officer of <Valhi\nInc>, which owns 51 pct\nof NL "
      "Industries.\n    NL said so.");
  CHECK(Has(m, "Valhi Inc=Company"));
}

TEST_CASE("a name opened by an initial is a person") {
  const auto m = Mentions("The board elected F. Ross Johnson as chairman.");
  CHECK(Has(m, "F. Ross Johnson=Person"));
}

TEST_CASE("a word in capitals is an honorific only when the list writes it so") {
  // "Ing." is a title, but "ING" before a name is the bank.
  const auto m = Mentions("He sold ING Mutual Fund shares on Monday.");
  CHECK(Has(m, "ING Mutual Fund=?"));
  CHECK_FALSE(Has(m, "Mutual Fund=Person"));
  CHECK(Has(Mentions("Ing. Petra Novakova runs the plant."), "Petra Novakova=Person"));
}

TEST_CASE("romanised Korean given names open a person's name") {
  CHECK(
      Has(Mentions("Prices will rise, said Sung Hoon Varek on Monday."), "Sung Hoon Varek=Person"));
}

}  // namespace newsgraph
