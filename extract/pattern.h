// The relation pattern language of schema.yaml, compiled once into a
// Thompson NFA and run as a Pike VM: matching takes time linear in the number
// of items in a sentence times the size of the pattern, whatever the pattern.
//
// Syntax (elements separated by spaces):
//   word          a token, compared case-insensitively ("joined", ",", "'s")
//   co-founded    written with punctuation: the tokens it splits into, in order
//   join~         the word and its regular inflections (joins, joined, joining)
//   "("           a quoted literal, for the pattern syntax characters ( ) | ? * + { } < > _ "
//   <list>        any entry of a named word list (entries may be several words)
//   _             any one token that is not a typed entity (an untyped
//                 capitalised name or a resolved pronoun counts as a token)
//   !word !<list> any one such token except the word or the list's words
//                 (a resolved pronoun does not count here)
//   {subj} {obj}  an entity in the relation's subject or object slot; the
//                 entity's type must be in the relation's domain or range
//   {subj+}       one or more coordinated entities: "A, B and C"; unless
//                 the relation takes places, each may follow a place and
//                 "'s" ("Germany's A, B and Spain's C")
//   {obj?}        the slot also takes an untyped name, which the match types
//   {obj:Person|Place}  a slot restricted to the listed types
//   {_}           any entity, not captured
//   {name: ...}   captures the items the sub-pattern matches (e.g. {role: <title>})
//   ( a | b c )   alternation and grouping
//   x? x* x+ x{m,n} x{n}   optional, repeated and bounded repetition
#ifndef NEWSGRAPH_EXTRACT_PATTERN_H_
#define NEWSGRAPH_EXTRACT_PATTERN_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"
#include "extract/vocabulary.h"

namespace newsgraph {

// One item of a sentence as the matcher sees it: a token, or an entity mention
// (or a pronoun or description resolved to an entity) standing for its tokens.
struct MatchItem {
  // Vocabulary id of a token's lower-case text; -1 for entities and unknown words.
  int32_t word = -1;
  // The document entity this item refers to, or -1 for a plain token.
  int32_t entity = -1;
  // The entity's type, or kUnknownType.
  TypeId type = kUnknownType;
  // The half-open range of sentence-level token indexes the item covers.
  uint32_t token_begin = 0;
  uint32_t token_end = 0;
  // True for a pronoun or description resolved to `entity`.
  bool anaphor = false;
};

// The type bit of an entity item in a type mask: bit `type`, or bit 63 for
// an untyped name (schemas hold at most 63 types).
constexpr uint64_t kUntypedBit = 1ULL << 63;
inline uint64_t ItemTypeBit(const MatchItem& item) {
  return item.type == kUnknownType ? kUntypedBit : 1ULL << item.type;
}

// The most entities one slot collects, and the most named captures per pattern.
constexpr int kMaxSlotEntities = 6;
constexpr int kMaxCaptures = 4;

// One match of a pattern: the item range [begin, end), the items bound to the
// subject and object slots, and each named capture's item range ({-1, -1} when
// it matched nothing).
struct PatternMatch {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::vector<uint32_t> subjects;
  std::vector<uint32_t> objects;
  std::array<std::pair<int32_t, int32_t>, kMaxCaptures> captures{};
};

// What a pattern may refer to while it compiles: the vocabulary to intern
// words into, the named word lists (each entry a sequence of lower-case
// tokens), the entity type names, and the default type masks of the slots.
struct PatternContext {
  Vocabulary* vocabulary = nullptr;
  const std::map<std::string, std::vector<std::vector<std::string>>>* lists = nullptr;
  const std::vector<std::string>* type_names = nullptr;
  uint64_t subject_types = ~0ULL;
  uint64_t object_types = ~0ULL;
  // False for topic patterns, whose object is the article's main organisation.
  bool requires_object = true;
  // False leaves the epsilon closures to be walked while matching, as for
  // patterns too large to precompute (for tests that compare both ways).
  bool precompute_closures = true;
};

// A compiled pattern.
class Pattern {
 public:
  // Compiles `source`. Errors throw newsgraph::Error naming `file`, and the
  // line and column of the offending character (`line`/`column` locate the
  // pattern's first character in the file).
  static Pattern Compile(std::string_view source, const PatternContext& context,
                         const std::string& file, int line, int column);

  // Appends every match in `items` to `out`. Runs in O(items x program size).
  void Match(const std::vector<MatchItem>& items, std::vector<PatternMatch>* out) const;

  // Like Match, without first checking that `items` hold a required word and
  // enough entities: for callers that checked with a PatternIndex. Matches
  // start at items up to `last_start` only: a match holds a required word, so
  // none starts after the last item holding one.
  void MatchUnchecked(const std::vector<MatchItem>& items, std::vector<PatternMatch>* out,
                      uint32_t last_start = UINT32_MAX) const;

  // Word sets such that every match holds, as plain tokens, a word of each
  // (each sorted; at most 64; empty: none known).
  const std::vector<std::vector<int32_t>>& required_sets() const { return required_sets_; }
  // The fewest entities a match holds.
  int min_entities() const { return min_entities_; }
  // The type bits (ItemTypeBit) an entity must have to fill slot `slot` (0
  // subject, 1 object): a match binds a subject, so a sentence without an
  // entity of these types has none. 0 when the pattern has no such slot.
  uint64_t slot_types(int slot) const { return slot_types_[slot]; }
  // True when the pattern was compiled for a relation whose matches need an object.
  bool requires_object() const { return requires_object_; }

  // The names of the named captures, in capture index order.
  const std::vector<std::string>& capture_names() const { return capture_names_; }
  // The pattern's source text.
  const std::string& source() const { return source_; }
  // The number of NFA instructions (a measure of the pattern's size).
  size_t size() const { return program_.size(); }

  // The kinds of NFA instruction; public for the compiler's helpers.
  enum class Op : uint8_t {
    kWord,
    kWordSet,
    kAnyToken,
    kNotWordSet,
    kEntity,
    kSplit,
    kJump,
    kSave,
    kMatch
  };
  // One NFA instruction.
  struct Inst {
    Op op = Op::kMatch;
    int32_t x = 0;       // word id, word-set index, jump target, or save slot
    int32_t y = 0;       // second split target; for kEntity, 1 when untyped names are taken
    int32_t slot = -1;   // entity slot: 0 subject, 1 object, -1 none
    uint64_t types = 0;  // entity type mask
  };
  // One instruction reached from a pc through jumps, splits and saves: the
  // consuming (or match) instruction, and the save slots set on the way.
  struct ClosureEntry {
    int32_t pc = 0;
    uint8_t saves = 0;  // bit i: save slot i takes the current position
  };

 private:
  friend class PatternCompiler;
  // Precomputes every pc's epsilon closure, unless they would take too much memory.
  void BuildClosures();
  // True when instruction `inst` consumes `item`.
  bool Accepts(const Inst& inst, const MatchItem& item) const;

  std::string source_;
  std::vector<Inst> program_;
  // closure_entries_[closure_begin_[pc] .. closure_begin_[pc + 1]) is pc's
  // closure in the order a depth-first walk reaches it; empty when not built.
  std::vector<uint32_t> closure_begin_;
  std::vector<ClosureEntry> closure_entries_;
  // The same closures indexed by what their entries consume, so that adding
  // a thread looks only at the entries that can take the next item. Per pc:
  // its word entries (kWord and kWordSet of at most kMaxIndexedSet words) as
  // (word, entry) pairs sorted by word and then entry, in
  // word_entries_[word_entry_begin_[pc] .. word_entry_begin_[pc + 1]); and its
  // other entries (tested one by one), as indexes into closure_entries_ in
  // order, in other_entries_[other_entry_begin_[pc] .. other_entry_begin_[pc + 1]).
  struct WordEntry {
    int32_t word = 0;
    uint32_t entry = 0;
  };
  std::vector<uint32_t> word_entry_begin_;
  std::vector<WordEntry> word_entries_;
  std::vector<uint32_t> other_entry_begin_;
  std::vector<uint32_t> other_entries_;
  std::vector<std::vector<int32_t>> word_sets_;  // each sorted
  // A filter on the items a match can start at (built with the closures):
  // the words the first instructions take (sorted), whether they take any
  // word, and the type bits (ItemTypeBit) of the entities they take.
  std::vector<int32_t> start_words_;
  bool start_any_word_ = true;
  uint64_t start_entity_types_ = ~0ULL;
  std::vector<std::string> capture_names_;
  // Word sets of which every match contains a word of each (sorted; empty: none known).
  std::vector<std::vector<int32_t>> required_sets_;
  // The fewest entities a match contains.
  int min_entities_ = 0;
  std::array<uint64_t, 2> slot_types_{};
  bool requires_object_ = false;
};

// Picks, for one sentence, which of a set of patterns could match it: those
// with a word of each of their required sets in the sentence, no more
// entities than it has, and an entity of a type their subject slot takes (and
// their object slot, for patterns that require an object). Patterns share
// their required sets, so checking a sentence costs one pass over its items,
// touching each distinct set its words belong to once, plus a few integer
// tests per pattern keyed on a set the sentence holds (each pattern is keyed
// on one of its sets).
class PatternIndex {
 public:
  // A pattern that could match a sentence, and the last item at which one of
  // its matches could start: the least, over its required word sets, of the
  // last item holding a word of the set (the last item when it has none).
  struct Candidate {
    uint32_t pattern = 0;
    uint32_t last_start = 0;
  };

  // Adds a pattern to the set and returns its index (0, 1, 2, ...).
  uint32_t Add(const Pattern& pattern);

  // Sets `out` to the patterns that could match `items`, in increasing order of index.
  void Candidates(const std::vector<MatchItem>& items, std::vector<Candidate>* out) const;

  // The number of patterns in the set.
  size_t size() const { return filters_.size(); }

 private:
  // What a sentence must hold for one pattern to match it: the type bits its
  // subject and its object need (~0: no need), the fewest entities, and its
  // required sets, the distinct set ids pattern_sets_[set_begin .. set_end).
  struct Filter {
    uint64_t subject_types = ~0ULL;
    uint64_t object_types = ~0ULL;
    int32_t min_entities = 0;
    uint32_t set_begin = 0;
    uint32_t set_end = 0;
  };
  std::vector<Filter> filters_;
  std::vector<uint32_t> pattern_sets_;
  // Each distinct required set (its sorted words) and its id.
  std::map<std::vector<int32_t>, uint32_t> set_ids_;
  // Word id -> the ids of the distinct sets holding it.
  std::vector<std::vector<uint32_t>> by_word_;
  // Set id -> the number of words in the set.
  std::vector<uint32_t> set_sizes_;
  // Set id -> the patterns keyed on it (each pattern with sets has one key set).
  std::vector<std::vector<uint32_t>> by_key_set_;
  // The patterns without required sets, looked at for every sentence.
  std::vector<uint32_t> unkeyed_;
  // The fewest entities any pattern's match holds.
  int32_t min_entities_ = 0;
};

// Returns `word` with its regular English inflections (3rd person, past, -ing).
std::vector<std::string> Inflections(const std::string& word);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_PATTERN_H_
