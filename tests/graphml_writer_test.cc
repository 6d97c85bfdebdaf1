#include "export/graphml_writer.h"

#include <doctest/doctest.h>

#include <algorithm>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <sstream>

namespace newsgraph {
namespace {

// The names that break naive writers.
const std::vector<std::string> kHostileNames = {
    "node",    "a\"b", "C:\\x\\", "<&>", "tab\there", "Soci\xC3\xA9t\xC3\xA9 \xE2\x9C\x93",
    "]]> end", "x'y"};

KnowledgeGraph HostileGraph() {
  KnowledgeGraph g;
  for (size_t i = 0; i < kHostileNames.size(); ++i) {
    Triple t;
    t.doc = "doc<" + std::to_string(i) + ">";
    t.subject = kHostileNames[i];
    t.subject_type = "Company";
    t.predicate = "owns";
    t.object = "Target " + std::to_string(i);
    t.object_type = "Company";
    t.sentence = "Evidence with \"quotes\", <tags> & a control \x01 char\nand a newline.";
    t.confidence = 0.123456789;
    g.AddTriple(t);
  }
  return g;
}

struct VertexProps {
  std::string label, type, aliases;
  int documents = 0;
};
struct EdgeProps {
  std::string label, predicate, sources, evidence, date, amount, role, status;
  int weight = 0, sentences = 0;
  double confidence = 0;
};

}  // namespace

TEST_CASE("XML escaping") {
  CHECK(EscapeXml("a\"b<&>'") == "a&quot;b&lt;&amp;&gt;&apos;");
  CHECK(EscapeXml("x\ty\nz\r") == "x&#9;y&#10;z&#13;");
  CHECK(EscapeXml("bad\x01\xFF") == "bad\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(EscapeXml("\xC3\xA9") == "\xC3\xA9");
  // Plain runs around the characters that need work keep their place.
  CHECK(EscapeXml("Procter & Gamble said \xC3\xA9t\xC3\xA9 <b>\x01 end") ==
        "Procter &amp; Gamble said \xC3\xA9t\xC3\xA9 &lt;b&gt;\xEF\xBF\xBD end");
}

TEST_CASE("Boost's read_graphml loads the export and every hostile name survives") {
  const KnowledgeGraph graph = HostileGraph();
  std::ostringstream out;
  WriteGraphml(graph, out);
  using G =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, VertexProps, EdgeProps>;
  G g;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("label", boost::get(&VertexProps::label, g));
  dp.property("type", boost::get(&VertexProps::type, g));
  dp.property("aliases", boost::get(&VertexProps::aliases, g));
  dp.property("documents", boost::get(&VertexProps::documents, g));
  dp.property("label", boost::get(&EdgeProps::label, g));
  dp.property("weight", boost::get(&EdgeProps::weight, g));
  dp.property("confidence", boost::get(&EdgeProps::confidence, g));
  dp.property("sources", boost::get(&EdgeProps::sources, g));
  dp.property("evidence", boost::get(&EdgeProps::evidence, g));
  std::istringstream in(out.str());
  boost::read_graphml(in, g, dp);
  CHECK(boost::num_vertices(g) == graph.node_count());
  CHECK(boost::num_edges(g) == graph.edge_count());
  std::vector<std::string> labels;
  for (auto [v, end] = boost::vertices(g); v != end; ++v) labels.push_back(g[*v].label);
  for (const std::string& name : kHostileNames) {
    CHECK_MESSAGE(std::find(labels.begin(), labels.end(), name) != labels.end(), name);
  }
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    CHECK(g[*e].label == "owns");
    CHECK(g[*e].weight == 1);
    CHECK(g[*e].confidence == 0.123456789);  // full precision, not 6 digits
    CHECK(g[*e].evidence.find("\"quotes\", <tags> & a control \xEF\xBF\xBD char\nand") !=
          std::string::npos);
    CHECK(g[*e].sources.rfind("doc<", 0) == 0);
  }
}

}  // namespace newsgraph
