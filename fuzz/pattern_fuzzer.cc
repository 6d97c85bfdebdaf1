// Fuzzes the pattern compiler and matcher: a pattern either compiles or throws
// Error; a compiled pattern matches a fixed sentence without crashing.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "extract/error.h"
#include "extract/pattern.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static newsgraph::Vocabulary vocab;
  static const std::map<std::string, std::vector<std::vector<std::string>>> lists = {
      {"title", {{"chief", "executive"}, {"chairman"}}}, {"det", {{"a"}, {"the"}}}};
  static const std::vector<std::string> types = {"Person", "Company"};
  const std::string source(reinterpret_cast<const char*>(data), size);
  newsgraph::PatternContext ctx;
  ctx.vocabulary = &vocab;
  ctx.lists = &lists;
  ctx.type_names = &types;
  ctx.subject_types = 1;
  ctx.object_types = 2;
  try {
    const newsgraph::Pattern p = newsgraph::Pattern::Compile(source, ctx, "fuzz.yaml", 1, 1);
    std::vector<newsgraph::MatchItem> items;
    const char* words[] = {"the", "chairman", "of", "joined", ",", "a", "chief", "executive"};
    for (int i = 0; i < 40; ++i) {
      newsgraph::MatchItem item;
      if (i % 5 == 0) {
        item.entity = i;
        item.type = (i / 5) % 3 == 2 ? newsgraph::kUnknownType : (i / 5) % 2;
      } else {
        item.word = vocab.Find(words[i % 8]);
      }
      items.push_back(item);
    }
    std::vector<newsgraph::PatternMatch> matches;
    p.Match(items, &matches);
  } catch (const newsgraph::Error&) {
  }
  return 0;
}
