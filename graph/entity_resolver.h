// Cross-document entity resolution: decides which entity names from
// different articles are one real entity, and records why. Rules, tried in
// this order, each only within one type class (Company and Organization form
// one class; a person never merges with a company):
//   same-name   identical canonical name
//   normalized  the same after folding case, spacing, punctuation, a leading
//               "the" and corporate suffixes ("TimeWarner", "Time Warner Inc")
//   alias       a name that some article gives as an alias of exactly one
//               fuller entity ("SEC" -> "Securities and Exchange Commission")
//   surname     a one-word person name that is the surname of exactly one
//               person in the corpus
//   nickname    a person whose given name is a nickname of another's, with the
//               same surname, when exactly one such person exists
// The rules prefer a missed merge to a wrong one: anything ambiguous stays apart.
// Candidate lookup goes through hash maps (by key, alias and surname), so the
// cost grows about linearly with the number of names.
#ifndef NEWSGRAPH_GRAPH_ENTITY_RESOLVER_H_
#define NEWSGRAPH_GRAPH_ENTITY_RESOLVER_H_

#include <map>
#include <set>
#include <string>
#include <vector>

namespace newsgraph {

// How one surface form came into a resolved entity.
struct MergeRecord {
  // The form as written.
  std::string form;
  // The rule that merged it: same-name, normalized, alias, surname, nickname,
  // or in-document (an alias the article itself resolved).
  std::string rule;
  // The documents that use the form, sorted.
  std::vector<std::string> docs;
};

// One resolved entity: stable id, display name, type and merge log.
struct ResolvedEntity {
  std::string id;
  std::string name;
  std::string type;
  std::vector<MergeRecord> merged;  // sorted by form
};

// Collects entity names as articles give them and resolves them.
class EntityResolver {
 public:
  // Builds a resolver. `nicknames` maps a lower-case nickname to the
  // lower-case given names it stands for ("bill" -> {"william"}).
  explicit EntityResolver(std::map<std::string, std::set<std::string>> nicknames = {});

  // Adds an entity as one document names it: its canonical name in that
  // document, its type and the other forms the document uses.
  void Add(const std::string& doc, const std::string& name, const std::string& type,
           const std::vector<std::string>& aliases);

  // Resolves everything added so far. Call before Find() and entities().
  void Resolve();

  // Returns the index in entities() of the entity a document's name belongs
  // to, or -1 when the name was never added.
  int Find(const std::string& name, const std::string& type) const;

  // The resolved entities, sorted by id.
  const std::vector<ResolvedEntity>& entities() const { return entities_; }

  // Returns the type class names merge within: "org" for Company and
  // Organization, otherwise the type in lower case.
  static std::string TypeClass(const std::string& type);

  // Returns the key under which names merge by the normalized rule.
  static std::string CompactKey(const std::string& name);

 private:
  struct Surface {
    std::string name;
    std::string type_class;
    std::map<std::string, std::set<std::string>> type_docs;   // type -> docs
    std::map<std::string, std::set<std::string>> alias_docs;  // alias -> docs
    std::set<std::string> docs;
    std::string rule = "same-name";
  };

  int Root(int i);
  // Merges the cluster of `merged` into that of `into`, recording `rule` on `merged`.
  void Union(int into, int merged, const std::string& rule);

  std::map<std::string, std::set<std::string>> nicknames_;
  std::map<std::pair<std::string, std::string>, int> index_;  // (class, name) -> surface
  std::vector<Surface> surfaces_;
  std::vector<int> parent_;
  std::vector<int> surface_entity_;  // surface -> entities_ index
  std::vector<ResolvedEntity> entities_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_ENTITY_RESOLVER_H_
