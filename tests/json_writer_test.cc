#include "export/json_writer.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <sstream>

namespace newsgraph {

TEST_CASE("node-link JSON parses and carries nodes, links and evidence") {
  KnowledgeGraph g;
  Triple t;
  t.doc = "d1";
  t.subject = "a\"b";
  t.subject_type = "Person";
  t.predicate = "joined";
  t.object = "C:\\x\\";
  t.object_type = "Company";
  t.sentence = "Bad byte \xFF here.";
  t.date = "2024-05";
  t.confidence = 0.5;
  g.AddTriple(t);
  std::ostringstream out;
  WriteNodeLinkJson(g, out);
  rapidjson::Document d;
  d.Parse(out.str().c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK(d["directed"].GetBool());
  CHECK(d["multigraph"].GetBool());
  REQUIRE(d["nodes"].Size() == 2);
  REQUIRE(d["links"].Size() == 1);
  const auto& link = d["links"][0];
  CHECK(std::string(link["predicate"].GetString()) == "joined");
  CHECK(std::string(link["date"].GetString()) == "2024-05");
  CHECK(link["weight"].GetInt() == 1);
  CHECK(std::string(link["evidence"][0]["sentence"].GetString()) == "Bad byte \xEF\xBF\xBD here.");
  CHECK(std::string(d["nodes"][0]["label"].GetString()) == "C:\\x\\");
}

}  // namespace newsgraph
