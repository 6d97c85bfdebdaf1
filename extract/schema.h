// The schema: entity types, word lists, recogniser resources and relations
// with their patterns, loaded from schema.yaml. Everything the extractor
// knows about the world is data here, not code.
#ifndef NEWSGRAPH_EXTRACT_SCHEMA_H_
#define NEWSGRAPH_EXTRACT_SCHEMA_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/document.h"
#include "extract/name_index.h"
#include "extract/pattern.h"
#include "extract/vocabulary.h"

namespace newsgraph {

// An entity type: its name, its matching class ("org" joins Company and
// Organization; otherwise the name itself) and how exports draw it.
struct EntityType {
  std::string name;
  std::string type_class;
  std::string color = "#dddddd";
  std::string shape = "ellipse";
};

// One relation pattern with the attributes it sets on the facts it finds.
struct RelationPattern {
  Pattern pattern;
  double confidence = 0.8;
  // "current" or "former" when the pattern fixes a works_for status, else "".
  std::string status;
  // When true, a name no list types fills a slot only when it is distinctive:
  // several words, or a word with a digit or an inner capital that is no
  // ordinary English word ("Genie 3", "Vasotec", not "Model" or "TV").
  bool distinctive_names = false;
  // For a symmetric relation: the objects of a match are also related to
  // one another ("Sony, Philips, Matsushita and Samsung are developing ...").
  bool pairwise = false;
  // When not empty, the relation a match states instead when it holds a
  // share above half ("owns 55% of Y" is control, not a stake): "owns" for
  // holdings, "acquired" for purchases.
  std::string majority;
  // Type bits: a match right before an entity of one of these types states
  // nothing ("X, Gazprom chairman Aleksey Miller": the role is Miller's).
  uint64_t not_followed_by = 0;
  // When true, the subject must be the first name the sentence gives that is
  // no place: "its" in "X said the regulator sued its Y unit" is X's, so a
  // pattern reading "its" as the nearest name before it holds only when
  // that name is also the sentence's first.
  bool subject_first = false;
  // Where the pattern is written, "file:line".
  std::string location;
};

// A relation: name, allowed subject and object types, and patterns.
struct Relation {
  std::string name;
  uint64_t domain = 0;  // bit mask over type ids
  uint64_t range = 0;
  bool symmetric = false;
  bool event = false;
  // Relations also asserted whenever this one is found (joined -> works_for).
  std::vector<std::string> implies;
  std::vector<RelationPattern> patterns;
  // Patterns with only a subject slot, whose object is the article's main
  // organisation ("chief executive John Smith said" in a story about one firm).
  std::vector<RelationPattern> topic_patterns;
  // When `name_prefix.enabled`: an object whose name begins with the whole
  // name of a subject the article names states the relation ("Microsoft
  // Outlook" is Microsoft's product), with this confidence and location.
  struct NamePrefix {
    bool enabled = false;
    double confidence = 0.8;
    std::string location;
  } name_prefix;
};

// The word lists the entity recogniser and coreference use.
struct RecognizerLexicon {
  // Bits of word_flags: which lists a lower-case word is on (not the long
  // English word list, which would make the vocabulary, read for every token,
  // several times larger).
  enum WordFlag : uint16_t {
    kGivenName = 1 << 0,
    kHonorific = 1 << 1,
    kCommonWord = 1 << 2,
    kTitleWord = 1 << 4,
    kOrgSuffix = 1 << 5,
    kFacilityHead = 1 << 6,
    // The first token of a gazetteer name, in lower case.
    kGazetteerStart = 1 << 7,
    kSurname = 1 << 8,
    kProductTier = 1 << 9,
    // Function words that never start a name, even before "Inc" or "Labs"
    // (kFunctionWords).
    kFunctionWord = 1 << 10,
  };
  // The words of kFunctionWord.
  static const std::vector<std::string> kFunctionWords;
  // Vocabulary id -> the lists the word is on (every listed word is in the
  // vocabulary), so that a token's lists cost one array read.
  std::vector<uint16_t> word_flags;
  // The lists word `id` is on (0 for -1 or an id no list has).
  uint16_t FlagsOf(int32_t id) const {
    return id >= 0 && static_cast<size_t>(id) < word_flags.size()
               ? word_flags[static_cast<size_t>(id)]
               : 0;
  }

  // Given names (lower case) to gender: 'M', 'F' or 'U'.
  std::unordered_map<std::string, char> given_names;
  // Given names that are also ordinary words or places ("will", "may").
  std::unordered_set<std::string> ambiguous_given_names;
  // Common family names of many cultures (lower case): "Given Surname" with
  // an unknown given name is still a person ("Wenting Zhao").
  std::unordered_set<std::string> surnames;
  // Words that end a product's or model's name after its brand ("Mistral
  // Large", "Gemini 1.5 Pro", "iPod Mini"), in lower case: they keep an
  // ordinary capitalised word inside the name and make the name a product.
  std::unordered_set<std::string> product_tiers;
  // Field labels of profile lists, before a colon ("founders", "investors"),
  // in lower case: a title-case line with one is no headline.
  std::unordered_set<std::string> field_labels;
  // Honorifics and titles that precede a name (lower case, no full stop).
  std::unordered_set<std::string> honorifics;
  // The honorifics the list writes in capitals ("CEO", "MP"), lower case: a
  // word in capitals is an honorific only when it is one of them, so "ING
  // Mutual Fund" is no "Ing." before a name.
  std::unordered_set<std::string> capital_honorifics;
  // Last words that make a name an organisation (lower case) -> type id.
  std::unordered_map<std::string, TypeId> org_suffixes;
  // Last words (or two words) that make a name a facility (lower case).
  std::unordered_set<std::string> facility_heads;
  // Capitalised words that are not names by themselves (lower case).
  std::unordered_set<std::string> common_words;
  // Ordinary English words (lower case), to spot sentence-initial and headline words.
  std::unordered_set<std::string> english_words;
  // Nationality adjective (as written) -> place name.
  std::unordered_map<std::string, std::string> nationalities;
  // Known names as written (case-sensitive, single-spaced) -> type id.
  std::unordered_map<std::string, TypeId> gazetteer;
  // The one-word entries of the "title" word list ("chairman", "analyst").
  std::unordered_set<std::string> title_words;
  // Every proper prefix, in whole tokens, of a gazetteer name ("Bank of" for
  // "Bank of America"), so that a lookup stops as soon as no name can follow.
  std::unordered_set<std::string> gazetteer_prefixes;
  // The gazetteer's names and prefixes again, by hash, for the recogniser's lookups.
  NameIndex gazetteer_index;
  // Place variant -> canonical place name.
  std::unordered_map<std::string, std::string> place_canonical;
  // Short name -> the longer names it is another name of, all lower case
  // ("fed" -> "federal reserve"): in one document they are one entity.
  std::unordered_map<std::string, std::vector<std::string>> aliases;
  // Longest gazetteer entry, in tokens.
  int max_gazetteer_tokens = 1;
  // Description nouns ("company", "firm") -> type id, for "the company".
  std::unordered_map<std::string, TypeId> descriptions;
  // Words that stop a description's modifiers: function words, and words
  // that point at another firm than the one last named ("the parent company").
  std::unordered_set<std::string> description_blockers;
};

// A loaded schema.
class Schema {
 public:
  // Loads the schema at `path`; word-list files resolve against its folder.
  // Any error throws newsgraph::Error with file, line and column.
  static std::shared_ptr<const Schema> LoadFile(const std::string& path);
  // Loads a schema from YAML text; `name` names it in errors, `base_dir`
  // resolves relative file paths.
  static std::shared_ptr<const Schema> LoadString(const std::string& yaml, const std::string& name,
                                                  const std::string& base_dir);

  // The entity types, indexed by TypeId.
  std::vector<EntityType> types;
  // The names of the types, indexed by TypeId.
  std::vector<std::string> type_names;
  // The relations in schema order.
  std::vector<Relation> relations;
  // Which pattern an entry of `relation_index` is: the relation's index in
  // `relations`, the pattern's index, and whether it is a topic pattern.
  struct PatternRef {
    uint32_t relation = 0;
    uint32_t pattern = 0;
    bool topic = false;
  };
  // Every relation's patterns then its topic patterns, in schema order,
  // indexed by the words they need; `relation_refs` says which is which.
  PatternIndex relation_index;
  std::vector<PatternRef> relation_refs;
  // Named word lists; each entry is a sequence of lower-case tokens.
  std::map<std::string, std::vector<std::vector<std::string>>> lists;
  // Vocabulary ids, sorted, of the one-word entries of the list `courtesy`
  // that the list `title` does not hold: Mr, Ms, Dr, but not Professor.
  std::vector<int32_t> courtesy_words;
  // Recogniser word lists.
  RecognizerLexicon lexicon;
  // Hedge and negation phrases (sequences of lower-case tokens).
  std::vector<std::vector<std::string>> hedges;
  std::vector<std::vector<std::string>> negations;
  // The same phrases as vocabulary ids, hedges then negations.
  std::vector<std::vector<int32_t>> hedge_and_negation_ids;
  // Per vocabulary id, the indexes into hedge_and_negation_ids of the phrases
  // that start with that word (ids past the end start none).
  std::vector<std::vector<uint32_t>> hedges_by_first_word;
  // How many tokens before a match are searched for hedges and negations.
  int hedge_window = 4;
  // Context patterns that type an untyped name, written as its {subj?} slot:
  // each (type, pattern) types the names it matches for the whole document.
  std::vector<std::pair<TypeId, RelationPattern>> typing;
  // The typing patterns, in that order, indexed by the words they need.
  PatternIndex typing_index;
  // Named pattern fragments, written @name inside patterns.
  std::map<std::string, std::string> macros;
  // Every lower-case word the patterns and lists mention.
  Vocabulary vocabulary;
  // A hex digest of the schema text and the files it reads.
  std::string digest;

  // Returns the id of the type called `name`, or kUnknownType.
  TypeId FindType(const std::string& name) const;
  // Returns the relation called `name`, or nullptr.
  const Relation* FindRelation(const std::string& name) const;
  // Returns the type class of `type` ("org" for Company and Organization).
  const std::string& TypeClass(TypeId type) const {
    return types[static_cast<size_t>(type)].type_class;
  }
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_SCHEMA_H_
