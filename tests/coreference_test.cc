#include "extract/coreference.h"

#include <doctest/doctest.h>

#include "tests/test_util.h"

namespace newsgraph {
namespace {

struct Result {
  std::vector<Mention> mentions;
  std::vector<Entity> entities;
  // The canonical name of the entity of the mention written `text`.
  std::string EntityOf(const std::string& text) const {
    for (const Mention& m : mentions) {
      if (m.text == text && m.entity >= 0) return entities[static_cast<size_t>(m.entity)].name;
    }
    return "<none>";
  }
};

Result Resolve(const std::string& text) {
  const auto schema = testing::DefaultSchema();
  const NormalizedText n = NormalizeText(text);
  std::vector<Token> tokens = Tokenize(n);
  for (Token& t : tokens) t.word = schema->vocabulary.Find(t.lower);  // as the pipeline does
  const auto sentences = SplitSentences(n, tokens);
  Result r;
  r.mentions = RecognizeEntities(*schema, n, tokens, sentences);
  r.entities = ResolveCoreference(*schema, n, tokens, sentences, &r.mentions);
  return r;
}

}  // namespace

TEST_CASE("surnames and given names join the full name") {
  const Result r = Resolve("Andrej Karpathy joined the lab. Karpathy said Andrej was happy.");
  CHECK(r.EntityOf("Karpathy") == "Andrej Karpathy");
  CHECK(r.EntityOf("Andrej") == "Andrej Karpathy");
}

TEST_CASE("a generational suffix is not the surname") {
  const Result r = Resolve("Harvey Mason Jr. runs the academy. Mason said it was growing.");
  CHECK(r.EntityOf("Mason") == "Harvey Mason Jr.");
}

TEST_CASE("spacing, suffix and acronym variants of an organisation are one entity") {
  const Result r = Resolve(
      "TimeWarner said profits rose. Time Warner Inc. also settled with the Securities and "
      "Exchange "
      "Commission (SEC). The SEC declined to comment.");
  CHECK(r.EntityOf("TimeWarner") == r.EntityOf("Time Warner Inc."));
  CHECK(r.EntityOf("SEC") == "Securities and Exchange Commission");
}

TEST_CASE("a short name joins a longer one that opens with it, initials left out") {
  const Result r = Resolve(
      "H.J. Zentrix Co said profits rose. Zentrix said it would buy Orbitek Corp. "
      "The U.S. Commerce Department said exports fell, Commerce officials said.");
  CHECK(r.EntityOf("Zentrix") == "H.J. Zentrix Co");
  CHECK(r.EntityOf("Commerce") == "U.S. Commerce Department");
  CHECK(r.EntityOf("Orbitek Corp.") == "Orbitek Corp");
  const Result eng = Resolve("Ing. C. Zentrix EC Spa said sales rose. Zentrix also hired staff.");
  CHECK(eng.EntityOf("Zentrix") == "Ing. C. Zentrix EC Spa");
}

TEST_CASE("a short name the alias table lists joins its full name, wherever it comes") {
  const Result r = Resolve(
      "Fed holds rates. The Federal Reserve said inflation was low. Vivendi said Vivendi "
      "Universal would sell. Sony makes the PSP. The PlayStation Portable sold well. Google "
      "said Google DeepMind grew.");
  CHECK(r.EntityOf("Fed") == "Federal Reserve");
  CHECK(r.EntityOf("Vivendi") == "Vivendi Universal");
  CHECK(r.EntityOf("PSP") == "PlayStation Portable");
  // Names the table does not pair stay apart.
  CHECK(r.EntityOf("Google") == "Google");
  CHECK(r.EntityOf("Google DeepMind") == "Google DeepMind");
}

TEST_CASE("a formal place name goes by its usual name in fewer words") {
  const Result r = Resolve(
      "Russian oil firm Zentrix said the Russian Federation would tax it. Oporto and Lyons "
      "were calm.");
  CHECK(r.EntityOf("Russian Federation") == "Russia");
  CHECK(r.EntityOf("Russian") == "Russia");
  CHECK(r.EntityOf("Oporto") == "Oporto");
  CHECK(r.EntityOf("Lyons") == "Lyons");
}

TEST_CASE("pronouns and descriptions resolve to the salient antecedent") {
  const Result r =
      Resolve("Dario Amodei runs the lab. He founded Anthropic. The company makes Claude.");
  bool he = false, company = false;
  for (const Mention& m : r.mentions) {
    if (m.anaphor && m.text == "He")
      he = r.entities[static_cast<size_t>(m.entity)].name == "Dario Amodei";
    if (m.anaphor && m.text == "The company")
      company = r.entities[static_cast<size_t>(m.entity)].name == "Anthropic";
  }
  CHECK(he);
  CHECK(company);
}

TEST_CASE("'It said' opening a sentence is the article's main organisation") {
  const Result r = Resolve(
      "Zentrix Inc named a chairman. Zentrix Inc shares rose. Zentrix Inc is based in Ohio. "
      "Rajiv Menon will head its Quorvia Foods unit. It added that profits rose.");
  std::string it;
  for (const Mention& m : r.mentions) {
    if (m.text == "It" && m.entity >= 0) it = r.entities[static_cast<size_t>(m.entity)].name;
  }
  CHECK(it == "Zentrix Inc");
}

TEST_CASE("a person and a company with the same word stay apart") {
  const Result r = Resolve("Henry Ford built cars. Ford Motor Company grew. Ford said sales rose.");
  CHECK(r.EntityOf("Henry Ford") == "Henry Ford");
  CHECK(r.EntityOf("Ford Motor Company") == "Ford Motor Company");
}

TEST_CASE("OrganizationKey ignores spacing, case and corporate suffixes") {
  CHECK(OrganizationKey("Time Warner Inc.") == "timewarner");
  CHECK(OrganizationKey("TimeWarner") == "timewarner");
  CHECK(OrganizationKey("The Acme Group") == "acme");
}

}  // namespace newsgraph
