#include "graph/knowledge_graph.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "tests/test_util.h"

namespace newsgraph {
namespace {

Triple Fact(const std::string& doc, const std::string& s, const std::string& st,
            const std::string& p, const std::string& o, const std::string& ot,
            double confidence = 0.8) {
  Triple t;
  t.doc = doc;
  t.subject = s;
  t.subject_type = st;
  t.predicate = p;
  t.object = o;
  t.object_type = ot;
  t.sentence = s + " " + p + " " + o + ".";
  t.start = 0;
  t.end = static_cast<uint32_t>(t.sentence.size());
  t.confidence = confidence;
  return t;
}

std::string Dump(const KnowledgeGraph& g) {
  std::string out;
  g.ForEachNode([&](const GraphNode& n) { out += n.id + " " + n.name + " " + n.type + "\n"; });
  g.ForEachEdge([&](const GraphEdge& e) {
    out += e.source + " " + e.predicate + " " + e.target + " w=" + std::to_string(e.weight()) +
           " c=" + std::to_string(e.confidence) + "\n";
  });
  return out;
}

}  // namespace

TEST_CASE("one node per entity, one edge per fact, every source kept") {
  KnowledgeGraph g;
  g.AddTriple(Fact("a", "Andrej Karpathy", "Person", "joined", "Anthropic", "Company", 0.9));
  g.AddTriple(Fact("b", "Andrej Karpathy", "Person", "joined", "Anthropic", "Company", 0.5));
  g.AddTriple(Fact("b", "Andrej Karpathy", "Person", "works_for", "Anthropic", "Company"));
  CHECK(g.node_count() == 2);
  CHECK(g.edge_count() == 2);  // two relations between the same nodes stay two edges
  std::vector<GraphEdge> edges;
  g.ForEachEdge([&](const GraphEdge& e) { edges.push_back(e); });
  REQUIRE(edges.size() == 2);
  CHECK(edges[0].predicate == "joined");
  CHECK(edges[0].weight() == 2);
  CHECK(edges[0].evidence.size() == 2);
  CHECK(edges[0].confidence == doctest::Approx(1 - 0.1 * 0.5));
  CHECK(edges[0].source == "person:andrej_karpathy");
  CHECK(edges[0].target == "org:anthropic");
}

TEST_CASE("Company and Organization merge; Person and Company never do") {
  KnowledgeGraph g;
  g.AddTriple(Fact("a", "Henry Ford", "Person", "founded", "Ford", "Company"));
  g.AddTriple(Fact("b", "Ford", "Person", "works_for", "Ford Inc", "Organization"));
  g.AddTriple(Fact("c", "Ford", "Person", "works_for", "Ford", "Company"));
  CHECK(g.FindNode("org:ford") != nullptr);
  CHECK(g.FindNode("org:ford")->type == "Company");  // two documents say Company, one Organization
  CHECK(g.FindNode("org:ford")->aliases == std::vector<std::string>{"Ford Inc"});
  // "Ford" the person is the corpus's only Ford: the surname merges into Henry Ford, never into the
  // company.
  REQUIRE(g.FindNode("person:henry_ford") != nullptr);
  CHECK(g.FindNode("person:ford") == nullptr);
  bool surname = false;
  for (const MergeRecord& r : g.FindNode("person:henry_ford")->merged) {
    surname = surname || (r.form == "Ford" && r.rule == "surname" &&
                          r.docs == std::vector<std::string>{"b", "c"});
  }
  CHECK(surname);
  CHECK(g.node_count() == 2);
}

TEST_CASE("symmetric predicates are one edge whatever the direction") {
  KnowledgeGraph g({"partnered_with"});
  g.AddTriple(Fact("a", "Google", "Company", "partnered_with", "Anthropic", "Company"));
  g.AddTriple(Fact("b", "Anthropic", "Company", "partnered_with", "Google", "Company"));
  CHECK(g.edge_count() == 1);
}

TEST_CASE("a graph for the default schema knows its symmetric relations and nicknames") {
  KnowledgeGraph g = GraphForSchema(*testing::DefaultSchema());
  g.AddTriple(Fact("a", "Google", "Company", "competes_with", "Anthropic", "Company"));
  g.AddTriple(Fact("b", "Anthropic", "Company", "competes_with", "Google", "Company"));
  g.AddTriple(Fact("c", "William Gates", "Person", "founded", "Microsoft", "Company"));
  g.AddTriple(Fact("d", "Bill Gates", "Person", "founded", "Microsoft", "Company"));
  CHECK(g.edge_count() == 2);
  CHECK(g.node_count() == 4);
}

TEST_CASE("the graph does not depend on the order triples arrive in") {
  std::vector<Triple> facts = {Fact("a", "A B", "Person", "joined", "Acme", "Company"),
                               Fact("b", "A B", "Person", "joined", "Acme", "Company"),
                               Fact("b", "Acme", "Company", "acquired", "Widget", "Company"),
                               Fact("c", "C D", "Person", "left", "Acme", "Company"),
                               Fact("c", "Acme Inc", "Company", "based_in", "US", "Place"),
                               Fact("d", "Widget", "Company", "created", "W1", "Product")};
  KnowledgeGraph first;
  for (const auto& t : facts) first.AddTriple(t);
  const std::string expected = Dump(first);
  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(facts.begin(), facts.end(), rng);
    KnowledgeGraph g;
    for (const auto& t : facts) g.AddTriple(t);
    CHECK(Dump(g) == expected);
  }
}

}  // namespace newsgraph
