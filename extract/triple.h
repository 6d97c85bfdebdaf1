// The fact record that extraction produces and the graph consumes.
#ifndef NEWSGRAPH_EXTRACT_TRIPLE_H_
#define NEWSGRAPH_EXTRACT_TRIPLE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace newsgraph {

// One sentence that states a fact: the document, the sentence text, its
// half-open byte span [start, end) in the document text, the confidence the
// pattern gave it, and where the pattern is written.
struct Evidence {
  std::string doc;
  std::string sentence;
  uint32_t start = 0;
  uint32_t end = 0;
  double confidence = 0;
  std::string pattern;
};

// One fact found in one document: subject, predicate and object by their
// canonical names in that document, with types, aliases, the strongest
// evidence sentence and the document's other sentences that state it.
struct Triple {
  std::string doc;
  std::string subject;
  std::string subject_type;
  std::vector<std::string> subject_aliases;
  std::string predicate;
  std::string object;
  std::string object_type;
  std::vector<std::string> object_aliases;
  std::string sentence;
  uint32_t start = 0;
  uint32_t end = 0;
  double confidence = 0;
  std::string date;       // ISO 8601, as precise as the text allows, or ""
  std::string amount;     // money as written, or ""
  std::string role;       // works_for role, or ""
  std::string status;     // "current", "former" or ""
  std::string pattern;    // "schema.yaml:123", the pattern that fired
  std::string published;  // the article's date (ISO), or
  // Further sentences of the same document stating the same fact.
  std::vector<Evidence> evidence;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_TRIPLE_H_
