#include "extract/vocabulary.h"

namespace newsgraph {

namespace {

uint64_t HashWord(std::string_view word) {
  uint64_t h = 14695981039346656037ULL;
  for (const char c : word) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h ^ (h >> 29);
}

}  // namespace

size_t Vocabulary::Slot(std::string_view word, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = static_cast<size_t>(hash) & mask;; i = (i + 1) & mask) {
    const int32_t id = slots_[i];
    if (id < 0) return i;
    const size_t k = static_cast<size_t>(id);
    if (hashes_[k] == hash && words_[k] == word) return i;
  }
}

void Vocabulary::Grow() {
  slots_.assign(slots_.empty() ? 64 : slots_.size() * 2, -1);
  const size_t mask = slots_.size() - 1;
  for (size_t k = 0; k < words_.size(); ++k) {
    size_t i = static_cast<size_t>(hashes_[k]) & mask;
    while (slots_[i] >= 0) i = (i + 1) & mask;
    slots_[i] = static_cast<int32_t>(k);
  }
}

int32_t Vocabulary::Intern(std::string_view word) {
  if ((words_.size() + 1) * 2 > slots_.size()) Grow();
  const uint64_t hash = HashWord(word);
  const size_t i = Slot(word, hash);
  if (slots_[i] >= 0) return slots_[i];
  const int32_t id = static_cast<int32_t>(words_.size());
  words_.emplace_back(word);
  hashes_.push_back(hash);
  slots_[i] = id;
  return id;
}

int32_t Vocabulary::Find(std::string_view word) const {
  if (slots_.empty()) return -1;
  return slots_[Slot(word, HashWord(word))];
}

}  // namespace newsgraph
