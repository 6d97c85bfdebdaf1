#include "graph/entity_resolver.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

namespace newsgraph {
namespace {

struct Name {
  std::string doc, name, type;
  std::vector<std::string> aliases;
};

// Resolves the names and returns, for each, the id of its entity.
std::vector<std::string> Resolve(const std::vector<Name>& names,
                                 std::map<std::string, std::set<std::string>> nicknames = {}) {
  EntityResolver r(std::move(nicknames));
  for (const Name& n : names) r.Add(n.doc, n.name, n.type, n.aliases);
  r.Resolve();
  std::vector<std::string> ids;
  for (const Name& n : names) {
    const int i = r.Find(n.name, n.type);
    ids.push_back(i < 0 ? "?" : r.entities()[static_cast<size_t>(i)].id);
  }
  return ids;
}

}  // namespace

TEST_CASE("case, spacing, punctuation and corporate suffixes merge") {
  const auto ids = Resolve({{"a", "TimeWarner", "Company", {}},
                            {"b", "Time Warner Inc", "Company", {}},
                            {"c", "time warner", "Organization", {}},
                            {"d", "The Time-Warner Group", "Company", {}}});
  CHECK(ids[0] == ids[1]);
  CHECK(ids[1] == ids[2]);
  CHECK(ids[2] == ids[3]);
}

TEST_CASE("an acronym an article defines merges with its full name everywhere") {
  const auto ids = Resolve({{"a", "Securities and Exchange Commission", "Organization", {"SEC"}},
                            {"b", "SEC", "Organization", {}}});
  CHECK(ids[0] == ids[1]);
  CHECK(ids[0] == "org:securities_and_exchange_commission");
}

TEST_CASE("an alias claimed by two different entities merges with neither") {
  const auto ids = Resolve({{"a", "Alpha Beta Corp", "Company", {"AB"}},
                            {"b", "Anders Berg Holdings", "Company", {"AB"}},
                            {"c", "AB", "Company", {}}});
  CHECK(ids[2] != ids[0]);
  CHECK(ids[2] != ids[1]);
}

TEST_CASE("a surname alone merges only when one person in the corpus has it") {
  const auto unique = Resolve({{"a", "Andrej Karpathy", "Person", {}}, {"b", "Karpathy", "Person", {}}});
  CHECK(unique[0] == unique[1]);
  const auto ambiguous = Resolve({{"a", "John Smith", "Person", {}},
                                  {"b", "Mary Smith", "Person", {}},
                                  {"c", "Smith", "Person", {}}});
  CHECK(ambiguous[0] != ambiguous[1]);  // different given names never merge
  CHECK(ambiguous[2] != ambiguous[0]);
  CHECK(ambiguous[2] != ambiguous[1]);
}

TEST_CASE("nicknames merge when exactly one person fits") {
  const std::map<std::string, std::set<std::string>> nick = {{"bill", {"william"}}, {"william", {"bill"}}};
  const auto ids = Resolve({{"a", "Bill Gates", "Person", {}}, {"b", "William Gates", "Person", {}}}, nick);
  CHECK(ids[0] == ids[1]);
}

TEST_CASE("a person and a company never merge") {
  const auto ids = Resolve({{"a", "Ford", "Company", {}}, {"b", "Ford", "Person", {}}});
  CHECK(ids[0] == "org:ford");
  CHECK(ids[1] == "person:ford");
}

TEST_CASE("the merge log records forms, documents and rules; the name is the fullest form") {
  EntityResolver r;
  r.Add("a", "Andrej Karpathy", "Person", {"Karpathy"});
  r.Add("b", "Karpathy", "Person", {});
  r.Resolve();
  REQUIRE(r.entities().size() == 1);
  const ResolvedEntity& e = r.entities()[0];
  CHECK(e.name == "Andrej Karpathy");
  REQUIRE(e.merged.size() == 2);
  CHECK(e.merged[0].form == "Andrej Karpathy");
  CHECK(e.merged[0].rule == "same-name");
  CHECK(e.merged[1].form == "Karpathy");
  CHECK(e.merged[1].rule == "surname");
  CHECK(e.merged[1].docs == std::vector<std::string>{"a", "b"});
}

TEST_CASE("resolution does not depend on the order names arrive in") {
  std::vector<Name> names = {{"a", "Time Warner", "Company", {"TW"}}, {"b", "TimeWarner", "Company", {}},
                             {"c", "TW", "Company", {}},           {"d", "Richard Parsons", "Person", {}},
                             {"e", "Parsons", "Person", {}},        {"f", "Parsons", "Company", {}}};
  const auto expected = Resolve(names);
  std::mt19937 rng(11);
  for (int round = 0; round < 6; ++round) {
    std::vector<size_t> order(names.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<Name> shuffled;
    for (size_t i : order) shuffled.push_back(names[i]);
    const auto ids = Resolve(shuffled);
    for (size_t k = 0; k < order.size(); ++k) CHECK(ids[k] == expected[order[k]]);
  }
}

}  // namespace newsgraph
