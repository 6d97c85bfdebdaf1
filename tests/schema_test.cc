#include "extract/schema.h"

#include <algorithm>

#include <doctest/doctest.h>

#include "extract/error.h"
#include "tests/test_util.h"

namespace newsgraph {
namespace {

const char* kMinimal = R"(version: 1
types:
  Person: {}
  Company: {class: org}
relations:
  works_for:
    domain: [Person]
    range: [Company]
    patterns:
      - "{subj} , chief executive of {obj}"
)";

std::string ErrorOf(const std::string& yaml) {
  try {
    Schema::LoadString(yaml, "s.yaml", ".");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// The minimal schema with its one pattern written as a map with `options`
// ("majority: works_for"); the map is on line 10.
std::string WithPatternOptions(const std::string& options) {
  std::string yaml = kMinimal;
  yaml.replace(yaml.find("      - \"{subj} , chief executive of {obj}\""), std::string::npos,
               "      - {match: \"{subj} , chief executive of {obj}\", " + options + "}\n");
  return yaml;
}

}  // namespace

TEST_CASE("the default schema ships exactly the guideline's relations and types") {
  const auto schema = testing::DefaultSchema();
  std::vector<std::string> names;
  for (const Relation& r : schema->relations) names.push_back(r.name);
  CHECK(names == std::vector<std::string>{"works_for", "joined", "left", "founded", "educated_at",
                                          "studied_under", "invested_in", "acquired", "owns",
                                          "partnered_with", "rents_compute_from", "created",
                                          "competes_with", "based_in", "sued"});
  CHECK(schema->type_names == std::vector<std::string>{"Person", "Company", "Organization",
                                                       "Product", "Place", "Facility"});
  CHECK(schema->FindRelation("partnered_with")->symmetric);
  CHECK(schema->FindRelation("competes_with")->symmetric);
  CHECK_FALSE(schema->FindRelation("acquired")->symmetric);
  CHECK(schema->TypeClass(schema->FindType("Company")) == "org");
  CHECK(schema->lexicon.given_names.count("andrej"));
  CHECK(schema->lexicon.gazetteer.count("Anthropic"));
  CHECK(schema->digest.size() == 16);
}

TEST_CASE("a firm with inner capitals is also known by its first capital only") {
  const auto& lex = testing::DefaultSchema()->lexicon;
  REQUIRE(lex.gazetteer.count("WorldCom"));
  CHECK(lex.gazetteer.count("Worldcom"));
  REQUIRE(lex.gazetteer.count("SAP"));
  CHECK_FALSE(lex.gazetteer.count("Sap"));  // an acronym is no name with inner capitals
}

TEST_CASE("a firm named with '&' is also known with 'and', and the other way round") {
  const auto& lex = testing::DefaultSchema()->lexicon;
  REQUIRE(lex.gazetteer.count("Gulf & Western"));
  CHECK(lex.gazetteer.count("Gulf and Western"));
  REQUIRE(lex.gazetteer.count("Chips and Technologies"));
  CHECK(lex.gazetteer.count("Chips & Technologies"));
}

TEST_CASE("gazetteer names keep every proper prefix in whole tokens for early stopping") {
  const auto& lex = testing::DefaultSchema()->lexicon;
  REQUIRE(lex.gazetteer.count("Bank of America"));
  CHECK(lex.gazetteer_prefixes.count("Bank"));
  CHECK(lex.gazetteer_prefixes.count("Bank of"));
  CHECK_FALSE(lex.gazetteer_prefixes.count("Bank of America"));
  CHECK_FALSE(lex.gazetteer_prefixes.count("Bank o"));
}

TEST_CASE("the one-word titles are gathered from the title list when the schema loads") {
  const auto& lex = testing::DefaultSchema()->lexicon;
  CHECK(lex.title_words.count("chairman"));
  CHECK(lex.title_words.count("analyst"));
  CHECK_FALSE(lex.title_words.count("said"));
}

TEST_CASE("courtesy titles that are not posts are interned when the schema loads") {
  const Schema& schema = *testing::DefaultSchema();
  const auto& words = schema.courtesy_words;
  auto has = [&](const char* w) {
    return std::binary_search(words.begin(), words.end(), schema.vocabulary.Find(w));
  };
  CHECK(has("mr"));
  CHECK(has("ms"));
  CHECK_FALSE(has("professor"));  // a post: "Professor X of Y University"
  CHECK_FALSE(has("said"));
}

TEST_CASE("hedge and negation phrases are interned once when the schema loads") {
  const Schema& schema = *testing::DefaultSchema();
  REQUIRE(schema.hedge_and_negation_ids.size() == schema.hedges.size() + schema.negations.size());
  REQUIRE(!schema.negations.empty());
  const auto& first_negation = schema.negations.front();
  const auto& ids = schema.hedge_and_negation_ids[schema.hedges.size()];
  REQUIRE(ids.size() == first_negation.size());
  for (size_t i = 0; i < ids.size(); ++i)
    CHECK(ids[i] == schema.vocabulary.Find(first_negation[i]));
  // Each phrase is listed under its first word, and only there.
  size_t listed = 0;
  for (size_t w = 0; w < schema.hedges_by_first_word.size(); ++w) {
    for (const uint32_t phrase : schema.hedges_by_first_word[w]) {
      CHECK(schema.hedge_and_negation_ids[phrase][0] == static_cast<int32_t>(w));
      ++listed;
    }
  }
  CHECK(listed == schema.hedge_and_negation_ids.size());
}

TEST_CASE("a pattern may ask for distinctive new names and pairwise objects") {
  std::string yaml = kMinimal;
  yaml.replace(yaml.find("      - \"{subj} , chief executive of {obj}\""), std::string::npos,
               "      - {match: \"{subj} , chief executive of {obj?}\", distinctive_names: true, "
               "pairwise: true}\n"
               "      - \"{subj} , chairman of {obj?}\"\n");
  const auto schema = Schema::LoadString(yaml, "s.yaml", ".");
  REQUIRE(schema->relations[0].patterns.size() == 2);
  CHECK(schema->relations[0].patterns[0].distinctive_names);
  CHECK(schema->relations[0].patterns[0].pairwise);
  CHECK_FALSE(schema->relations[0].patterns[1].distinctive_names);
  CHECK_FALSE(schema->relations[0].patterns[1].pairwise);
  std::string bad = yaml;
  bad.replace(bad.find("distinctive_names: true"), 23, "distinctive_names: maybe");
  CHECK(ErrorOf(bad).find("s.yaml:10") != std::string::npos);
}

TEST_CASE("a pattern may name the relation a majority share states instead") {
  const std::string yaml = WithPatternOptions("majority: works_for");
  const auto schema = Schema::LoadString(yaml, "s.yaml", ".");
  REQUIRE(schema->relations[0].patterns.size() == 1);
  CHECK(schema->relations[0].patterns[0].majority == "works_for");
  std::string bad = yaml;
  bad.replace(bad.find("majority: works_for"), 19, "majority: owns");
  CHECK(ErrorOf(bad).rfind("s.yaml:10:", 0) == 0);
  CHECK(ErrorOf(bad).find("'majority' names unknown relation 'owns'") != std::string::npos);
}

TEST_CASE("a relation may read facts from names that begin with a subject's name") {
  std::string yaml = kMinimal;
  yaml.replace(yaml.find("    patterns:"), 0, "    name_prefix: {confidence: 0.6}\n");
  const auto schema = Schema::LoadString(yaml, "s.yaml", ".");
  CHECK(schema->relations[0].name_prefix.enabled);
  CHECK(schema->relations[0].name_prefix.confidence == doctest::Approx(0.6));
  CHECK(schema->relations[0].name_prefix.location == "s.yaml:9");
  CHECK_FALSE(Schema::LoadString(kMinimal, "s.yaml", ".")->relations[0].name_prefix.enabled);
  std::string bad = yaml;
  bad.replace(bad.find("{confidence: 0.6}"), 17, "yes");
  CHECK(ErrorOf(bad).rfind("s.yaml:9:", 0) == 0);
  CHECK(ErrorOf(bad).find("name_prefix must be a map") != std::string::npos);
  bad = yaml;
  bad.replace(bad.find("confidence: 0.6"), 15, "confidence: 2");
  CHECK(ErrorOf(bad).find("confidence must be in (0, 1]") != std::string::npos);
  bad = yaml;
  bad.replace(bad.find("confidence: 0.6"), 15, "confidense: 0.6");
  CHECK(ErrorOf(bad).find("confidense") != std::string::npos);
}

TEST_CASE("a pattern may exclude matches followed by an entity of given types") {
  const std::string yaml = WithPatternOptions("not_followed_by: [Person]");
  const auto schema = Schema::LoadString(yaml, "s.yaml", ".");
  CHECK(schema->relations[0].patterns[0].not_followed_by == 1);  // Person is type 0
  std::string bad = yaml;
  bad.replace(bad.rfind("[Person]"), 8, "[Robot]");
  CHECK(ErrorOf(bad).rfind("s.yaml:10:", 0) == 0);
  CHECK(ErrorOf(bad).find("Robot") != std::string::npos);
}

TEST_CASE("a pattern may require its subject to be the sentence's first name") {
  const std::string yaml = WithPatternOptions("subject_first: true");
  const auto schema = Schema::LoadString(yaml, "s.yaml", ".");
  CHECK(schema->relations[0].patterns[0].subject_first);
  std::string bad = yaml;
  bad.replace(bad.rfind("true"), 4, "often");
  CHECK(ErrorOf(bad).rfind("s.yaml:10:", 0) == 0);
}

TEST_CASE("a minimal schema loads") {
  const auto schema = Schema::LoadString(kMinimal, "s.yaml", ".");
  REQUIRE(schema->relations.size() == 1);
  CHECK(schema->relations[0].patterns.size() == 1);
  CHECK(schema->relations[0].patterns[0].location == "s.yaml:10");
}

TEST_CASE("malformed schemas are rejected with file, line, column and what is wrong") {
  CHECK(ErrorOf("types: [a\nrelations: {}\n").find("s.yaml:") == 0);
  CHECK(ErrorOf("types: [a\nrelations: {}\n").find("YAML syntax error") != std::string::npos);
  std::string yaml = kMinimal;
  CHECK(ErrorOf(yaml + "colour: red\n")
            .rfind("s.yaml:11:1: unknown key 'colour' (expected one of: version, types,", 0) == 0);
  std::string bad_type = kMinimal;
  bad_type.replace(bad_type.find("range: [Company]"), 16, "range: [Compny]");
  CHECK(ErrorOf(bad_type) == "s.yaml:8:13: unknown entity type 'Compny'");
  std::string bad_pattern = kMinimal;
  bad_pattern.replace(bad_pattern.find("chief"), 5, "(chief");
  CHECK(ErrorOf(bad_pattern).find("s.yaml:10:") == 0);
  CHECK(ErrorOf(bad_pattern).find("unclosed '('") != std::string::npos);
  CHECK(ErrorOf(std::string(kMinimal) + "recognizer:\n  honorifics: no/such/file.txt\n")
            .find("s.yaml:12:15: cannot read word-list file './no/such/file.txt'") == 0);
  CHECK(ErrorOf("types: {Person: {}}\nrelations:\n  r:\n    domain: [Person]\n") ==
        "s.yaml:4:5: missing required key 'range'");
}

TEST_CASE("a YAML node of an unforeseen shape is still an Error naming file and line") {
  // Found by fuzz/schema_fuzzer: a mapping used as a top-level key.
  const std::string message = ErrorOf(std::string(kMinimal) + "? {a: b}\n: 1\n");
  INFO(message);
  CHECK(message.rfind("s.yaml:", 0) == 0);
  CHECK(message.find("a key or value of the wrong shape here") != std::string::npos);
}

}  // namespace newsgraph
