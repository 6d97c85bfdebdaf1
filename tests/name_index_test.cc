#include "extract/name_index.h"

#include <doctest/doctest.h>

#include <string>

#include "extract/fingerprint.h"

namespace newsgraph {

TEST_CASE("a name's hash grows piece by piece as its tokens are appended") {
  CHECK(Fnv1a64("Bank of America") == Fnv1a64("America", Fnv1a64(" of ", Fnv1a64("Bank"))));
  CHECK(Fnv1a64("Bank") != Fnv1a64("bank"));  // keys are case-sensitive
}

TEST_CASE("the index holds names with their first type and prefixes of names") {
  NameIndex index;
  index.AddName("Bank of America", 1);
  index.AddName("Bank of America", 2);  // the first type given wins
  index.AddPrefix("Bank");
  index.AddPrefix("Bank of");
  index.AddName("Bank", 3);  // a name that is also a prefix
  const NameIndex::Entry* name = index.Find(Fnv1a64("Bank of America"));
  REQUIRE(name != nullptr);
  CHECK(name->type == 1);
  CHECK_FALSE(name->prefix);
  const NameIndex::Entry* both = index.Find(Fnv1a64("Bank"));
  REQUIRE(both != nullptr);
  CHECK(both->type == 3);
  CHECK(both->prefix);
  const NameIndex::Entry* prefix = index.Find(Fnv1a64("Bank of"));
  REQUIRE(prefix != nullptr);
  CHECK(prefix->type == -1);
  CHECK(prefix->prefix);
  CHECK(index.Find(Fnv1a64("Bank of England")) == nullptr);
  CHECK(index.size() == 3);
}

TEST_CASE("the index grows past its first table and finds every key") {
  NameIndex index;
  for (int i = 0; i < 5000; ++i) index.AddName("Firm " + std::to_string(i), i % 7);
  CHECK(index.size() == 5000);
  for (int i = 0; i < 5000; ++i) {
    const NameIndex::Entry* e = index.Find(Fnv1a64("Firm " + std::to_string(i)));
    REQUIRE(e != nullptr);
    CHECK(e->type == i % 7);
  }
  CHECK(index.Find(Fnv1a64("Firm 5000")) == nullptr);
}

}  // namespace newsgraph
