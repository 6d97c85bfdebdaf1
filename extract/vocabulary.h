// Interning of lower-case word strings into dense integer ids, so that
// pattern matching compares integers rather than strings.
#ifndef NEWSGRAPH_EXTRACT_VOCABULARY_H_
#define NEWSGRAPH_EXTRACT_VOCABULARY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsgraph {

// A growing map from word to id. Ids are dense and start at 0.
class Vocabulary {
 public:
  // Returns the id of `word`, adding it when absent.
  int32_t Intern(std::string_view word);
  // Returns the id of `word`, or -1 when it was never interned.
  int32_t Find(std::string_view word) const;
  // Returns the word of an id.
  const std::string& Word(int32_t id) const { return words_[static_cast<size_t>(id)]; }
  // Returns the number of interned words.
  size_t size() const { return words_.size(); }

 private:
  std::unordered_map<std::string, int32_t> ids_;
  std::vector<std::string> words_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_VOCABULARY_H_
