// Interning of lower-case word strings into dense integer ids, so that
// pattern matching compares integers rather than strings.
#ifndef NEWSGRAPH_EXTRACT_VOCABULARY_H_
#define NEWSGRAPH_EXTRACT_VOCABULARY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

// A growing map from word to id. Ids are dense and start at 0. Lookups take
// a string_view and allocate nothing: an open-addressing table of ids, kept
// at most half full, keyed by a 64-bit FNV-1a hash of the word.
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
  // The slot where `word` (of hash `hash`) is, or the empty slot where it would go.
  size_t Slot(std::string_view word, uint64_t hash) const;
  // Doubles the table and places every id again.
  void Grow();

  // Per slot: the word's id + 1 in the low 32 bits (0 when empty) and the
  // high 32 bits of its hash above, so that most mismatches are rejected
  // without reading the word. The size is a power of two.
  std::vector<uint64_t> slots_;
  std::vector<std::string> words_;
  std::vector<uint64_t> hashes_;  // per id
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_VOCABULARY_H_
