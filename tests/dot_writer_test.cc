#include "export/dot_writer.h"

#include <doctest/doctest.h>

#include <sstream>

#include "tests/test_util.h"

namespace newsgraph {

TEST_CASE("DOT escaping") {
  CHECK(EscapeDot("a\"b") == "a\\\"b");
  CHECK(EscapeDot("C:\\x\\") == "C:\\\\x\\\\");
  CHECK(EscapeDot("two\nlines") == "two\\nlines");
  CHECK(EscapeDot("bell\x07") == "bell\xEF\xBF\xBD");
  CHECK(EscapeDot("node") == "node");
}

TEST_CASE("nodes are quoted and styled by type, edges labelled, a legend lists the types") {
  KnowledgeGraph g;
  Triple t;
  t.doc = "d";
  t.subject = "node";
  t.subject_type = "Person";
  t.predicate = "works_for";
  t.object = "graph";
  t.object_type = "Company";
  t.sentence = "node works for graph.";
  g.AddTriple(t);
  std::ostringstream out;
  WriteDot(g, {{"Person", {"#a6cee3", "ellipse"}}, {"Company", {"#fdbf6f", "box"}}}, out);
  const std::string dot = out.str();
  CHECK(dot.find("\"person:node\" [label=\"node\", shape=\"ellipse\", fillcolor=\"#a6cee3\"") !=
        std::string::npos);
  CHECK(dot.find("\"person:node\" -> \"org:graph\" [label=\"works_for\", weight=1") !=
        std::string::npos);
  CHECK(dot.find("subgraph cluster_legend") != std::string::npos);
  CHECK(dot.find("\"legend:Company\" [label=\"Company\", shape=\"box\"") != std::string::npos);
}

TEST_CASE("node styles come from the schema's entity types") {
  const auto styles = NodeStylesOf(*testing::DefaultSchema());
  REQUIRE(styles.count("Company"));
  CHECK(styles.at("Company").color == "#fdbf6f");
  CHECK(styles.at("Company").shape == "box");
  CHECK(styles.at("Person").shape == "ellipse");
  CHECK(styles.size() == testing::DefaultSchema()->types.size());
}

}  // namespace newsgraph
