#include "extract/input_reader.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "extract/error.h"
#include "extract/triple_io.h"
#include "tests/test_util.h"

namespace newsgraph {

TEST_CASE("directories expand to their text files in sorted order") {
  const std::string dir = testing::TempDir();
  std::filesystem::create_directories(dir + "/sub");
  testing::WriteFile(dir + "/b.txt", "B");
  testing::WriteFile(dir + "/a.md", "A");
  testing::WriteFile(dir + "/sub/c.txt", "C");
  testing::WriteFile(dir + "/image.png", "\x89PNG");
  const auto inputs = ExpandInputs({dir + "/"});
  REQUIRE(inputs.size() == 3);
  CHECK(inputs[0].path == dir + "/a.md");
  CHECK(inputs[2].path == dir + "/sub/c.txt");
  std::vector<std::string> ids;
  for (const auto& in : inputs) ReadInput(in, [&](Document&& d) { ids.push_back(d.id + "=" + d.text); }, {});
  CHECK(ids == std::vector<std::string>{dir + "/a.md=A", dir + "/b.txt=B", dir + "/sub/c.txt=C"});
  std::filesystem::remove_all(dir);
}

TEST_CASE("articles in JSON Lines: id, title as first paragraph, date") {
  const std::string dir = testing::TempDir();
  testing::WriteFile(dir + "/a.jsonl",
                     "{\"id\": \"r-1\", \"date\": \"1987-02-26\", \"title\": \"ACME BUYS WIDGET\", \"text\": \"Acme said.\"}\n"
                     "\n"
                     "{\"text\": \"No id here.\"}\n");
  const auto inputs = ExpandInputs({dir + "/a.jsonl"});
  REQUIRE(inputs.size() == 1);
  CHECK(inputs[0].kind == InputKind::kArticles);
  std::vector<Document> docs;
  ReadInput(inputs[0], [&](Document&& d) { docs.push_back(d); }, {});
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].id == "r-1");
  CHECK(docs[0].date == "1987-02-26");
  CHECK(docs[0].text == "ACME BUYS WIDGET\n\nAcme said.");
  CHECK(docs[1].id == dir + "/a.jsonl:3");
  std::filesystem::remove_all(dir);
}

TEST_CASE("bad article lines are errors naming the file and line") {
  const std::string dir = testing::TempDir();
  const std::string path = dir + "/bad.jsonl";
  auto error_of = [&](const std::string& content) -> std::string {
    testing::WriteFile(path, content);
    try {
      ReadInput({path, InputKind::kArticles}, [](Document&&) {}, {});
    } catch (const Error& e) {
      return e.what();
    }
    return "";
  };
  CHECK(error_of("{\"text\": \"ok\"}\n{\"text\": 5}\n") == path + ":2: \"text\" must be a string");
  CHECK(error_of("{\"title\": \"x\"}\n") == path + ":1: article has no \"text\"");
  CHECK(error_of("{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"y\"}\n") ==
        path + ":2: duplicate article id \"a\"");
  CHECK(error_of("{\"text\": \"x\"\n").find(path + ":1:") == 0);
  CHECK(error_of("{\"text\": \"x\", \"date\": \"soon\"}\n") == path + ":1: \"date\" is not an ISO date: \"soon\"");
  CHECK_THROWS_WITH_AS(ExpandInputs({dir + "/missing.txt"}), (dir + "/missing.txt: no such file or directory").c_str(),
                       Error);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a triples file is recognised and read back") {
  const std::string dir = testing::TempDir();
  Triple t;
  t.doc = "d";
  t.subject = "A";
  t.subject_type = "Person";
  t.predicate = "joined";
  t.object = "B";
  t.object_type = "Company";
  testing::WriteFile(dir + "/t.jsonl", TripleToJson(t) + "\n");
  const auto inputs = ExpandInputs({dir + "/t.jsonl"});
  CHECK(inputs[0].kind == InputKind::kTriples);
  int n = 0;
  ReadInput(inputs[0], [](Document&&) {}, [&](Triple&& back, const std::string&, int) { n += back.subject == "A"; });
  CHECK(n == 1);
  CHECK_THROWS_WITH_AS(ReadInput(inputs[0], [](Document&&) {}, {}), doctest::Contains("holds triples"), Error);
  std::filesystem::remove_all(dir);
}

}  // namespace newsgraph
