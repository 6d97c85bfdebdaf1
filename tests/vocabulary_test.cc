#include "extract/vocabulary.h"

#include <doctest/doctest.h>

#include <string>

namespace newsgraph {

TEST_CASE("an empty vocabulary finds nothing") {
  const Vocabulary v;
  CHECK(v.Find("said") == -1);
  CHECK(v.Find("") == -1);
  CHECK(v.size() == 0);
}

TEST_CASE("interning gives dense ids, the same id twice, and the word back") {
  Vocabulary v;
  CHECK(v.Intern("said") == 0);
  CHECK(v.Intern("joined") == 1);
  CHECK(v.Intern("said") == 0);
  CHECK(v.Intern("") == 2);
  CHECK(v.Find("joined") == 1);
  CHECK(v.Find("join") == -1);
  CHECK(v.Find("joinedx") == -1);
  CHECK(v.Word(1) == "joined");
  CHECK(v.size() == 3);
}

TEST_CASE("ids survive the table growing through many thousand words") {
  Vocabulary v;
  for (int i = 0; i < 20000; ++i) REQUIRE(v.Intern("w" + std::to_string(i)) == i);
  for (int i = 0; i < 20000; i += 7) CHECK(v.Find("w" + std::to_string(i)) == i);
  CHECK(v.Find("w20000") == -1);
  // Non-ASCII and embedded NUL bytes are words like any other.
  const std::string with_nul("a\0b", 3);
  const int32_t id = v.Intern(with_nul);
  CHECK(v.Find(with_nul) == id);
  CHECK(v.Find("a") == -1);
  const int32_t accented = v.Intern("société");
  CHECK(v.Find("société") == accented);
  CHECK(v.Find("societe") == -1);
}

}  // namespace newsgraph
