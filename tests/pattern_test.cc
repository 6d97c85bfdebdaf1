#include "extract/pattern.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <random>

#include "extract/error.h"

namespace newsgraph {
namespace {

// A tiny world: types Person (0) and Company (1), one word list.
struct World {
  Vocabulary vocab;
  std::map<std::string, std::vector<std::vector<std::string>>> lists = {
      {"title", {{"chief", "executive"}, {"chairman"}, {"analyst"}}}};
  std::vector<std::string> types = {"Person", "Company"};

  Pattern Compile(const std::string& source) {
    PatternContext ctx;
    ctx.vocabulary = &vocab;
    ctx.lists = &lists;
    ctx.type_names = &types;
    ctx.subject_types = 1;  // Person
    ctx.object_types = 2;   // Company
    return Pattern::Compile(source, ctx, "test.yaml", 7, 9);
  }

  // Items from a spec: "P:name" is a Person entity, "C:name" a Company,
  // "U:name" an untyped name, else a word.
  std::vector<MatchItem> Items(const std::vector<std::string>& spec) {
    std::vector<MatchItem> items;
    int entity = 0;
    for (const std::string& s : spec) {
      MatchItem item;
      if (s.rfind("P:", 0) == 0 || s.rfind("C:", 0) == 0 || s.rfind("U:", 0) == 0) {
        item.entity = entity++;
        item.type = s[0] == 'P' ? 0 : s[0] == 'C' ? 1 : kUnknownType;
      } else {
        item.word = vocab.Find(s);
      }
      items.push_back(item);
    }
    return items;
  }
};

// A random item spec of 2 to `max_length` entries drawn from `alphabet`.
std::vector<std::string> RandomSpec(const std::vector<std::string>& alphabet, int max_length,
                                    std::mt19937& random) {
  std::vector<std::string> spec;
  const int n = 2 + static_cast<int>(random() % static_cast<unsigned>(max_length - 1));
  for (int i = 0; i < n; ++i) spec.push_back(alphabet[random() % alphabet.size()]);
  return spec;
}

// The pattern indexes of an index's candidates, in order.
std::vector<uint32_t> PatternIds(const std::vector<PatternIndex::Candidate>& candidates) {
  std::vector<uint32_t> ids;
  for (const auto& c : candidates) ids.push_back(c.pattern);
  return ids;
}

}  // namespace

TEST_CASE("apposition with a list and a capture") {
  World w;
  const Pattern p = w.Compile("{subj} , (the)? {role: <title>} of {obj}");
  std::vector<PatternMatch> out;
  p.Match(w.Items({"P:x", ",", "chief", "executive", "of", "C:y", "said"}), &out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].subjects == std::vector<uint32_t>{0});
  CHECK(out[0].objects == std::vector<uint32_t>{5});
  CHECK(out[0].captures[0] == std::make_pair(2, 4));
  CHECK(p.capture_names() == std::vector<std::string>{"role"});
}

TEST_CASE("a match starts at whatever the first instructions take") {
  // The matcher skips items the pattern's first instructions cannot take;
  // each kind of first instruction must still start its matches.
  World w;
  std::vector<PatternMatch> out;
  struct Case {
    const char* pattern;
    std::vector<std::string> items;
    uint32_t begin;
  };
  const std::vector<Case> cases = {
      {"<title> {subj} of {obj}", {"the", "chief", "executive", "P:x", "of", "C:y"}, 1},
      {"(former|ex) chairman {subj} of {obj}", {"so", "ex", "chairman", "P:x", "of", "C:y"}, 1},
      {"_ chairman {subj} of {obj}", {"so", "chairman", "P:x", "of", "C:y"}, 0},
      {"!so chairman {subj} of {obj}", {"so", "new", "chairman", "P:x", "of", "C:y"}, 1},
      {"{obj} chairman {subj}", {"at", "C:y", "chairman", "P:x"}, 1},
      {"{obj?} chairman {subj}", {"at", "U:y", "chairman", "P:x"}, 1},
      {"(the)? {obj} chairman {subj}", {"at", "C:y", "chairman", "P:x"}, 1},
  };
  for (const Case& c : cases) {
    CAPTURE(c.pattern);
    out.clear();
    w.Compile(c.pattern).Match(w.Items(c.items), &out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].begin == c.begin);
  }
  // An untyped name does not start a slot that takes typed entities only.
  out.clear();
  w.Compile("{obj} chairman {subj}").Match(w.Items({"at", "U:y", "chairman", "P:x"}), &out);
  CHECK(out.empty());
}

TEST_CASE("slot types come from domain and range") {
  World w;
  const Pattern p = w.Compile("{subj} joined {obj}");
  std::vector<PatternMatch> out;
  p.Match(w.Items({"C:x", "joined", "C:y"}), &out);
  CHECK(out.empty());
  p.Match(w.Items({"P:x", "joined", "C:y"}), &out);
  CHECK(out.size() == 1);
}

TEST_CASE("coordinated slots collect every entity") {
  World w;
  const Pattern p = w.Compile("{obj} founded by {subj+}");
  std::vector<PatternMatch> out;
  p.Match(w.Items({"C:a", "founded", "by", "P:b", ",", "P:c", "and", "P:d"}), &out);
  REQUIRE(!out.empty());
  CHECK(out.back().subjects.size() == 3);
}

TEST_CASE("inflections, optional elements, gaps and bounded repetition") {
  World w;
  const Pattern p = w.Compile("{subj} (has)? join~ _{0,2} {obj}");
  std::vector<PatternMatch> out;
  p.Match(w.Items({"P:a", "has", "joined", "rival", "C:b"}), &out);
  p.Match(w.Items({"P:a", "joins", "C:b"}), &out);
  p.Match(w.Items({"P:a", "joining", "x", "y", "z", "C:b"}), &out);  // gap too long
  CHECK(out.size() == 2);
  CHECK(Inflections("hire") == std::vector<std::string>{"hire", "hires", "hired", "hiring"});
  CHECK(Inflections("plan") ==
        std::vector<std::string>{"plan", "plans", "planed", "planing", "planned", "planning"});
}

TEST_CASE("a gap never skips an entity") {
  World w;
  const Pattern p = w.Compile("{subj} _{0,3} bought {obj}");
  std::vector<PatternMatch> out;
  p.Match(w.Items({"P:a", "and", "C:x", "bought", "C:b"}), &out);
  CHECK(out.empty());
}

TEST_CASE("compile errors name the file, line and column of the bad character") {
  World w;
  try {
    w.Compile("{subj} (joined {obj}");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.file() == "test.yaml");
    CHECK(e.line() == 7);
    CHECK(e.column() == 9 + 7);  // the unclosed '('
    CHECK(std::string(e.what()).find("unclosed '('") != std::string::npos);
  }
  CHECK_THROWS_WITH_AS(w.Compile("{subj} <nolist> {obj}"),
                       doctest::Contains("unknown word list <nolist>"), Error);
  CHECK_THROWS_WITH_AS(w.Compile("{subj} joined"), doctest::Contains("no {obj} slot"), Error);
  CHECK_THROWS_WITH_AS(w.Compile("{subj} x{3,1} {obj}"), doctest::Contains("m <= n"), Error);
  CHECK_THROWS_WITH_AS(w.Compile("{subj:Alien} x {obj}"),
                       doctest::Contains("unknown entity type 'Alien'"), Error);
}

TEST_CASE("nested repeats that would expand without bound are a compile error") {
  World w;
  // Found by fuzz/pattern_fuzzer: every '+' doubles the program.
  CHECK_THROWS_WITH_AS(w.Compile("{subj} x" + std::string(40, '+') + " {obj}"),
                       doctest::Contains("pattern too large"), Error);
  CHECK_THROWS_WITH_AS(w.Compile("{subj} (((x{20}){20}){20}){20} {obj}"),
                       doctest::Contains("pattern too large"), Error);
  CHECK_NOTHROW(w.Compile("{subj} (x{1,4}){1,4} {obj}"));
}

TEST_CASE("matching cost is linear: a 100,000-item sentence with a nested pattern") {
  World w;
  const Pattern p = w.Compile("{subj} (_ | , | _ _)* (and (_)*)* joined _{0,5} {obj}");
  std::vector<std::string> spec;
  for (int i = 0; i < 100000; ++i) spec.push_back(i % 7 == 0 ? "P:x" : "and");
  spec.push_back("joined");
  spec.push_back("C:y");
  std::vector<PatternMatch> out;
  p.Match(w.Items(spec), &out);
  // Only the last person before "joined" can reach it without crossing an entity.
  REQUIRE(out.size() == 1);
  CHECK(out[0].subjects[0] == 99995);
}

TEST_CASE("a long optional run matches the same with or without precomputed closures") {
  World w;
  // The short run keeps its closures precomputed; the long one (400 nested
  // optional ten-way choices) has too many closure entries (checked with a
  // debug print: none kept) and walks them while matching.
  for (const std::string source : {"{subj} ((x|a|b){0,4}){0,5} joined {obj}",
                                   "{subj} ((x|a|b|c|d|e|f|g|h|i){0,20}){0,20} joined {obj}"}) {
    CAPTURE(source);
    const Pattern p = w.Compile(source);
    std::vector<PatternMatch> out;
    p.Match(w.Items({"P:a", "x", "x", "joined", "C:b", "P:c", "joined", "C:d", "P:e", "y", "joined",
                     "C:f"}),
            &out);
    REQUIRE(out.size() == 2);
    CHECK(out[0].subjects == std::vector<uint32_t>{0});
    CHECK(out[0].objects == std::vector<uint32_t>{4});
    CHECK(out[1].subjects == std::vector<uint32_t>{5});
    CHECK(out[1].begin == 5);
    CHECK(out[1].end == 8);
  }
}

TEST_CASE("closures indexed by word match exactly as closures walked entry by entry") {
  World w;
  // A list larger than the closures index by word (256 words), so that its
  // entries are tested one by one, next to small lists that are indexed.
  std::vector<std::vector<std::string>> big = {{"said"}, {"the"}};
  for (int i = 0; i < 300; ++i) big.push_back({"w" + std::to_string(i)});
  w.lists["big"] = big;
  w.lists["small"] = {{"the"}, {"w3"}, {"chairman"}};
  // A list small enough to index, repeated so often that copying it into
  // every closure would take too much memory: its sets are tested one by one.
  std::vector<std::vector<std::string>> mid = {{"said"}, {"of"}};
  for (int i = 0; i < 240; ++i) mid.push_back({"m" + std::to_string(i)});
  w.lists["mid"] = mid;
  const std::vector<std::string> sources = {
      "{subj} , (the)? {role: <title>} (of|at) {obj}",
      "(<big> | chairman)? (of|at)? {obj} , {subj+}",
      "{subj} (said|joined|w7) !<small>{0,2} {obj?}", "{obj} 's? (<title>|w5|the){1,3} ,? {subj}",
      "{subj} _* (joined|<big>) (the)? {obj} (, (said|of))?",
      "(the|w3)? {subj} ((of|at|the) _?){0,3} {obj}",
      // Two branches that meet again: which one the captures come from
      // depends on the order the closure's entries are added in.
      "{subj} ({role: chairman} | _) (of|at) {obj}",
      "{subj} (the | {role: _}) (chairman | {rank: <big>}) , {obj}",
      "{subj} ((<mid> | at)? (<mid> | of)? (<mid> | the)? (<mid> | at)? (<mid> | w3)?){0,20} "
      "joined {obj}"};
  const std::vector<std::string> alphabet = {
      "P:a", "C:b",  "U:c",      "said",  "the",       "of",     "at", "w3", "w5",
      "w7",  "w299", "chairman", "chief", "executive", "joined", ",",  "'s"};
  std::vector<Pattern> indexed;
  std::vector<Pattern> walked;
  for (const std::string& source : sources) {
    indexed.push_back(w.Compile(source));
    PatternContext ctx;
    ctx.vocabulary = &w.vocab;
    ctx.lists = &w.lists;
    ctx.type_names = &w.types;
    ctx.subject_types = 1;
    ctx.object_types = 2;
    ctx.precompute_closures = false;
    walked.push_back(Pattern::Compile(source, ctx, "test.yaml", 1, 1));
  }
  std::mt19937 random(11);
  int matches = 0;
  for (int round = 0; round < 20000; ++round) {
    std::vector<MatchItem> items = w.Items(RandomSpec(alphabet, 11, random));
    // Now and then a pronoun resolved to an entity, which reads as its word too.
    if (random() % 4 == 0) {
      MatchItem& item = items[random() % items.size()];
      if (item.entity < 0) {
        item.entity = 9;
        item.type = 1;
        item.anaphor = true;
      }
    }
    for (size_t p = 0; p < sources.size(); ++p) {
      std::vector<PatternMatch> a;
      std::vector<PatternMatch> b;
      indexed[p].MatchUnchecked(items, &a);
      walked[p].MatchUnchecked(items, &b);
      matches += static_cast<int>(a.size());
      REQUIRE(a.size() == b.size());
      for (size_t m = 0; m < a.size(); ++m) {
        CHECK(a[m].begin == b[m].begin);
        CHECK(a[m].end == b[m].end);
        CHECK(a[m].subjects == b[m].subjects);
        CHECK(a[m].objects == b[m].objects);
        CHECK(a[m].captures == b[m].captures);
      }
    }
  }
  CHECK(matches > 1000);  // the random sentences do exercise the patterns
}

TEST_CASE("a pattern index picks the patterns whose words and entities a sentence has") {
  World w;
  w.vocab.Intern("said");
  const Pattern joined =
      w.Compile("{subj} (joined | hired) {obj}");  // needs joined or hired, 2 entities
  const Pattern chairman = w.Compile("{subj} , chairman of {obj}");  // needs ",", chairman and of
  const Pattern gap = w.Compile("{subj} _{0,3} {obj}");              // no required word
  PatternIndex index;
  CHECK(index.Add(joined) == 0);
  CHECK(index.Add(chairman) == 1);
  CHECK(index.Add(gap) == 2);
  CHECK(index.size() == 3);
  std::vector<PatternIndex::Candidate> out;
  auto ids = [&out] { return PatternIds(out); };
  index.Candidates(w.Items({"P:a", "hired", "C:b"}), &out);
  CHECK(ids() == std::vector<uint32_t>{0, 2});
  CHECK(out[0].last_start == 1);  // "hired"
  CHECK(out[1].last_start == 2);  // no required word: any item
  index.Candidates(w.Items({"P:a", "said"}), &out);
  CHECK(out.empty());  // one entity is too few for any of them
  index.Candidates(w.Items({"P:a", ",", "said", "C:b"}), &out);
  CHECK(ids() == std::vector<uint32_t>{2});  // "," alone is not enough for chairman
  // A match starts no later than the last "chairman", the earliest of the
  // last items of its three sets ("," 5, "chairman" 2, "of" 3).
  index.Candidates(w.Items({"P:a", ",", "chairman", "of", "C:b", ",", "said"}), &out);
  REQUIRE(ids() == std::vector<uint32_t>{1, 2});
  CHECK(out[0].last_start == 2);
  CHECK(out[1].last_start == 6);
  // Whatever the index leaves out, Match would not have matched.
  for (const auto& spec :
       std::vector<std::vector<std::string>>{{"P:a", "hired", "C:b"},
                                             {"P:a", ",", "chairman", "of", "C:b"},
                                             {"P:a", "said", "C:b"}}) {
    const auto items = w.Items(spec);
    index.Candidates(items, &out);
    int p = 0;
    for (const Pattern* pattern : {&joined, &chairman, &gap}) {
      std::vector<PatternMatch> matches;
      pattern->Match(items, &matches);
      const std::vector<uint32_t> picked = ids();
      if (!matches.empty()) CHECK(std::find(picked.begin(), picked.end(), p) != picked.end());
      ++p;
    }
  }
}

TEST_CASE("a pattern index leaves out patterns whose slots no entity of the sentence fits") {
  World w;
  const Pattern hired = w.Compile("{subj} hired {obj}");          // Person, then Company
  const Pattern untyped = w.Compile("{subj} hired {obj?}");       // the object may be untyped
  const Pattern people = w.Compile("{subj} hired {obj:Person}");  // Person, then Person
  PatternIndex index;
  index.Add(hired);
  index.Add(untyped);
  index.Add(people);
  std::vector<PatternIndex::Candidate> out;
  auto ids = [&out] { return PatternIds(out); };
  // The test is on the sentence's types, not on which entity fills which
  // slot: the Person subject also fits {obj:Person}.
  index.Candidates(w.Items({"P:a", "hired", "C:b"}), &out);
  CHECK(ids() == std::vector<uint32_t>{0, 1, 2});
  index.Candidates(w.Items({"P:a", "hired", "P:b"}), &out);
  CHECK(ids() == std::vector<uint32_t>{2});  // no Company for the first two
  index.Candidates(w.Items({"P:a", "hired", "U:b"}), &out);
  CHECK(ids() == std::vector<uint32_t>{1, 2});  // of the first two, only {obj?} takes it
  index.Candidates(w.Items({"C:a", "hired", "C:b"}), &out);
  CHECK(out.empty());  // no Person for any subject
  // Those it leaves out do not match.
  for (const auto& spec : std::vector<std::vector<std::string>>{
           {"P:a", "hired", "P:b"}, {"P:a", "hired", "U:b"}, {"C:a", "hired", "C:b"}}) {
    const auto items = w.Items(spec);
    index.Candidates(items, &out);
    const std::vector<uint32_t> picked = ids();
    uint32_t p = 0;
    for (const Pattern* pattern : {&hired, &untyped, &people}) {
      std::vector<PatternMatch> matches;
      pattern->Match(items, &matches);
      if (std::find(picked.begin(), picked.end(), p) == picked.end()) CHECK(matches.empty());
      ++p;
    }
  }
}

TEST_CASE("the index never drops a pattern that matches, nor a start a match has") {
  World w;
  for (const char* word : {"said", "the", "of", "at", "chairman", "joined", ","})
    w.vocab.Intern(word);
  const std::vector<Pattern> patterns = {
      w.Compile("{subj} , (the)? chairman (of|at) {obj}"),
      w.Compile("(the)? chairman (of|at) {obj} , {subj}"),
      w.Compile("{subj} (said|joined) _{0,2} {obj}"), w.Compile("{obj} 's? chairman ,? {subj}"),
      w.Compile("{subj} _* (joined) (the)? {obj} (, (said|of))?")};
  PatternIndex index;
  for (const Pattern& p : patterns) index.Add(p);
  const std::vector<std::string> alphabet = {"P:a", "C:b",      "U:c",    "said", "the", "of",
                                             "at",  "chairman", "joined", ",",    "'s"};
  std::mt19937 random(7);
  int matched = 0;
  for (int round = 0; round < 20000; ++round) {
    const auto items = w.Items(RandomSpec(alphabet, 10, random));
    std::vector<PatternIndex::Candidate> candidates;
    index.Candidates(items, &candidates);
    // In increasing order of index, each pattern once.
    CHECK(
        std::adjacent_find(candidates.begin(), candidates.end(),
                           [](const PatternIndex::Candidate& a, const PatternIndex::Candidate& b) {
                             return a.pattern >= b.pattern;
                           }) == candidates.end());
    for (uint32_t p = 0; p < patterns.size(); ++p) {
      std::vector<PatternMatch> all;
      // MatchUnchecked with no start limit: every match there is.
      patterns[p].MatchUnchecked(items, &all);
      if (all.empty()) continue;
      ++matched;
      const auto it =
          std::find_if(candidates.begin(), candidates.end(),
                       [p](const PatternIndex::Candidate& c) { return c.pattern == p; });
      REQUIRE_MESSAGE(it != candidates.end(), "pattern " << p << " dropped");
      for (const PatternMatch& m : all) CHECK(m.begin <= it->last_start);
      // And Match (with its own prefilter) finds the same matches.
      std::vector<PatternMatch> checked;
      patterns[p].Match(items, &checked);
      CHECK(checked.size() == all.size());
    }
  }
  CHECK(matched > 300);  // the random sentences do exercise the patterns
}

}  // namespace newsgraph
