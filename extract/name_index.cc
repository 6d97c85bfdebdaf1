#include "extract/name_index.h"

#include "extract/fingerprint.h"

namespace newsgraph {

NameIndex::Entry& NameIndex::Slot(uint64_t hash) {
  if (2 * (count_ + 1) > slots_.size()) Grow();
  const size_t mask = slots_.size() - 1;
  for (size_t i = static_cast<size_t>(hash) & mask;; i = (i + 1) & mask) {
    Entry& e = slots_[i];
    if (!e.used) {
      e.used = true;
      e.hash = hash;
      ++count_;
      return e;
    }
    if (e.hash == hash) return e;
  }
}

void NameIndex::Grow() {
  std::vector<Entry> old;
  old.swap(slots_);
  slots_.assign(old.empty() ? 1024 : 2 * old.size(), Entry());
  const size_t mask = slots_.size() - 1;
  for (const Entry& e : old) {
    if (!e.used) continue;
    size_t i = static_cast<size_t>(e.hash) & mask;
    while (slots_[i].used) i = (i + 1) & mask;
    slots_[i] = e;
  }
}

void NameIndex::AddName(std::string_view name, int32_t type) {
  Entry& e = Slot(Fnv1a64(name));
  if (e.type < 0) e.type = type;
}

void NameIndex::AddPrefix(std::string_view prefix) { Slot(Fnv1a64(prefix)).prefix = true; }

const NameIndex::Entry* NameIndex::Find(uint64_t hash) const {
  if (slots_.empty()) return nullptr;
  const size_t mask = slots_.size() - 1;
  for (size_t i = static_cast<size_t>(hash) & mask;; i = (i + 1) & mask) {
    const Entry& e = slots_[i];
    if (!e.used) return nullptr;
    if (e.hash == hash) return &e;
  }
}

}  // namespace newsgraph
