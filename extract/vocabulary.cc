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
  const uint64_t tag = hash & 0xFFFFFFFF00000000ULL;
  for (size_t i = static_cast<size_t>(hash) & mask;; i = (i + 1) & mask) {
    const uint64_t slot = slots_[i];
    if (slot == 0) return i;
    if ((slot & 0xFFFFFFFF00000000ULL) == tag && words_[(slot & 0xFFFFFFFFULL) - 1] == word)
      return i;
  }
}

void Vocabulary::Grow() {
  slots_.assign(slots_.empty() ? 64 : slots_.size() * 2, 0);
  const size_t mask = slots_.size() - 1;
  for (size_t k = 0; k < words_.size(); ++k) {
    size_t i = static_cast<size_t>(hashes_[k]) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = (hashes_[k] & 0xFFFFFFFF00000000ULL) | (k + 1);
  }
}

int32_t Vocabulary::Intern(std::string_view word) {
  if ((words_.size() + 1) * 2 > slots_.size()) Grow();
  const uint64_t hash = HashWord(word);
  const size_t i = Slot(word, hash);
  if (slots_[i] != 0) return static_cast<int32_t>((slots_[i] & 0xFFFFFFFFULL) - 1);
  const int32_t id = static_cast<int32_t>(words_.size());
  words_.emplace_back(word);
  hashes_.push_back(hash);
  slots_[i] = (hash & 0xFFFFFFFF00000000ULL) | (static_cast<uint64_t>(id) + 1);
  return id;
}

int32_t Vocabulary::Find(std::string_view word) const {
  if (slots_.empty()) return -1;
  return static_cast<int32_t>((slots_[Slot(word, HashWord(word))] & 0xFFFFFFFFULL)) - 1;
}

}  // namespace newsgraph
