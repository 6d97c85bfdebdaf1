#include "extract/triple_io.h"

#include <doctest/doctest.h>

#include "extract/error.h"

namespace newsgraph {

TEST_CASE("a triple survives a JSON round trip, hostile text included") {
  Triple t;
  t.doc = "docs/a.txt";
  t.subject = "a\"b \\ <&> \xC3\xA9";
  t.subject_type = "Person";
  t.subject_aliases = {"ab"};
  t.predicate = "works_for";
  t.object = "C:\\x\\";
  t.object_type = "Company";
  t.sentence = "line\nbreak\ttab\x01";
  t.start = 10;
  t.end = 42;
  t.confidence = 0.81;
  t.role = "chief executive";
  t.status = "former";
  t.evidence.push_back({"docs/a.txt", "again", 50, 55, 0.7, "schema.yaml:3"});
  const std::string json = TripleToJson(t);
  CHECK(json.find('\n') == std::string::npos);
  CHECK(json.rfind("{\"doc\":\"docs/a.txt\",\"subject\":", 0) == 0);
  CHECK(json.find("\"date\"") == std::string::npos);  // unset optional fields are left out
  const Triple back = TripleFromJson(json, "f.jsonl", 3);
  CHECK(back.subject == t.subject);
  CHECK(back.object == t.object);
  CHECK(back.sentence == t.sentence);
  CHECK(back.confidence == t.confidence);
  CHECK(back.role == t.role);
  CHECK(back.status == t.status);
  CHECK(back.subject_aliases == t.subject_aliases);
  REQUIRE(back.evidence.size() == 1);
  CHECK(back.evidence[0].start == 50);
  CHECK(back.evidence[0].doc == "docs/a.txt");
  CHECK(TripleToJson(back) == json);
}

TEST_CASE("bad triple lines name the file and line") {
  CHECK_THROWS_WITH_AS(TripleFromJson("{\"doc\": 1}", "t.jsonl", 4), "t.jsonl:4: \"doc\" must be a string", Error);
  CHECK_THROWS_WITH_AS(TripleFromJson("{\"doc\": \"d\"}", "t.jsonl", 5), "t.jsonl:5: triple lacks \"subject\"", Error);
  CHECK_THROWS_WITH_AS(TripleFromJson("{oops", "t.jsonl", 6), doctest::Contains("t.jsonl:6:2: not valid JSON"), Error);
  CHECK(LooksLikeTriple("{\"doc\":\"d\",\"subject\":\"a\",\"predicate\":\"p\"}"));
  CHECK_FALSE(LooksLikeTriple("{\"id\":\"d\",\"text\":\"a\"}"));
}

}  // namespace newsgraph
