// A flat hash index of the gazetteer's names and of their proper prefixes,
// keyed by a 64-bit hash of the name's bytes, so that the recogniser can look
// a growing run of tokens up without building strings or chasing the nodes
// of a std::unordered_map (whose cache misses cost more than the hashing).
#ifndef NEWSGRAPH_EXTRACT_NAME_INDEX_H_
#define NEWSGRAPH_EXTRACT_NAME_INDEX_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsgraph {

// The FNV-1a hash of `bytes`, continuing from `hash` (start with kNameHashSeed),
// so that a key can be hashed piece by piece as its tokens are appended.
constexpr uint64_t kNameHashSeed = 14695981039346656037ULL;
inline uint64_t NameHash(std::string_view bytes, uint64_t hash = kNameHashSeed) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

// Names (each with a type id) and prefixes of names, by the hash of their
// bytes. Two keys with the same 64-bit hash would share an entry; for the
// tens of thousands of names of a gazetteer that chance is about 1e-11.
class NameIndex {
 public:
  // What the index knows of a key: the type of the name it is (-1: it is no
  // name) and whether it is a proper prefix of some name.
  struct Entry {
    uint64_t hash = 0;
    int32_t type = -1;
    bool prefix = false;
    bool used = false;
  };

  // Records `name` as a name of type `type`, unless it is one already (the
  // first type given wins).
  void AddName(std::string_view name, int32_t type);
  // Records `prefix` as a proper prefix of a name.
  void AddPrefix(std::string_view prefix);
  // Returns the entry for the key whose NameHash is `hash`, or nullptr.
  const Entry* Find(uint64_t hash) const;
  // The number of keys held.
  size_t size() const { return count_; }

 private:
  Entry& Slot(uint64_t hash);
  void Grow();

  std::vector<Entry> slots_;  // open addressing, a power of two, at most half full
  size_t count_ = 0;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_NAME_INDEX_H_
