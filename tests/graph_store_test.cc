#include "graph/graph_store.h"

#include <doctest/doctest.h>

#include <sstream>

#include "extract/error.h"
#include "tests/test_util.h"

namespace newsgraph {
namespace {

Triple Fact(const std::string& doc, const std::string& s, const std::string& p, const std::string& o) {
  Triple t;
  t.doc = doc;
  t.subject = s;
  t.subject_type = "Person";
  t.predicate = p;
  t.object = o;
  t.object_type = "Company";
  t.sentence = s + " " + p + " " + o;
  t.confidence = 0.8;
  return t;
}

std::string Text(const GraphStore& store) {
  std::ostringstream out;
  store.Write(out);
  return out.str();
}

}  // namespace

TEST_CASE("documents are added, kept, replaced and removed") {
  GraphStore store("abc");
  CHECK(store.SetDocument("d1", "f1", {Fact("d1", "Ana Veltrano", "joined", "Acme")}) == GraphStore::Change::kAdded);
  const std::string before = Text(store);
  CHECK(store.SetDocument("d1", "f1", {Fact("d1", "Ana Veltrano", "left", "Acme")}) == GraphStore::Change::kUnchanged);
  CHECK(Text(store) == before);
  CHECK(store.SetDocument("d1", "f2", {Fact("d1", "Ana Veltrano", "left", "Acme")}) == GraphStore::Change::kReplaced);
  KnowledgeGraph g;
  store.AddTo(&g);
  std::vector<std::string> predicates;
  g.ForEachEdge([&](const GraphEdge& e) { predicates.push_back(e.predicate); });
  CHECK(predicates == std::vector<std::string>{"left"});  // the replaced fact is gone
  CHECK(store.RemoveDocument("d1"));
  CHECK_FALSE(store.RemoveDocument("d1"));
  CHECK(store.size() == 0);
}

TEST_CASE("the native file round-trips byte for byte") {
  GraphStore store("abc");
  store.SetDocument("b", "f", {Fact("b", "A \"quoted\" name", "joined", "C:\\x\\")});
  store.SetDocument("a", "g", {Fact("a", "Ana Veltrano", "joined", "Acme")});
  const std::string dir = testing::TempDir();
  testing::WriteFile(dir + "/g.ngraph", Text(store));
  const GraphStore back = GraphStore::Load(dir + "/g.ngraph", "abc");
  CHECK(Text(back) == Text(store));
  CHECK(Text(store).rfind("{\"format\":\"newsgraph-graph\",\"version\":1,\"schema\":\"abc\",\"documents\":2}\n", 0) == 0);
}

TEST_CASE("corrupt, foreign, truncated or other-schema files are refused with file and line") {
  const std::string dir = testing::TempDir();
  const std::string path = dir + "/g.ngraph";
  auto error_of = [&](const std::string& content, const std::string& digest) -> std::string {
    testing::WriteFile(path, content);
    try {
      GraphStore::Load(path, digest);
    } catch (const Error& e) {
      return e.what();
    }
    return "";
  };
  const std::string header = "{\"format\":\"newsgraph-graph\",\"version\":1,\"schema\":\"abc\",\"documents\":1}\n";
  CHECK(error_of("hello\n", "abc").find(path + ":1: not a newsgraph graph file") == 0);
  CHECK(error_of("{\"format\":\"newsgraph-graph\",\"version\":9,\"schema\":\"abc\",\"documents\":0}\n", "abc")
            .find("graph file version 9 is not the supported version 1") != std::string::npos);
  CHECK(error_of(header + "{\"doc\":\"d\",\"text\":\"\",\"triples\":[\n", "abc").find(path + ":2:") == 0);
  CHECK(error_of(header, "abc").find("truncated") != std::string::npos);
  CHECK(error_of(header + "{\"doc\":\"d\",\"text\":\"\",\"triples\":[]}\n", "xyz").find("another schema") !=
        std::string::npos);
}

}  // namespace newsgraph
