// A flat hash index of the gazetteer's names and of their proper prefixes,
// keyed by the Fnv1a64 hash of the name's bytes (extract/fingerprint.h, which
// continues from a seed, so a key can be hashed token by token as it grows),
// so that the recogniser can look
// a growing run of tokens up without building strings or chasing the nodes
// of a std::unordered_map (whose cache misses cost more than the hashing).
#ifndef NEWSGRAPH_EXTRACT_NAME_INDEX_H_
#define NEWSGRAPH_EXTRACT_NAME_INDEX_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsgraph {

// Names (each with a type id) and prefixes of names, by the Fnv1a64 hash of
// their bytes. Two keys with the same 64-bit hash would share an entry; for the
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
  // Returns the entry for the key whose Fnv1a64 hash is `hash`, or nullptr.
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
