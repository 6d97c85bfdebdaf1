#include "graph/entity_resolver.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "extract/tokenizer.h"
#include "extract/triple_scorer.h"

namespace newsgraph {
namespace {

std::vector<std::string> Words(const std::string& normalized) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < normalized.size()) {
    const size_t space = normalized.find(' ', start);
    out.push_back(normalized.substr(start, space == std::string::npos ? std::string::npos : space - start));
    if (space == std::string::npos) break;
    start = space + 1;
  }
  return out;
}

std::string Slug(const std::string& normalized) {
  std::string out = normalized;
  for (char& c : out) {
    if (c == ' ') c = '_';
  }
  return out;
}

}  // namespace

EntityResolver::EntityResolver(std::map<std::string, std::set<std::string>> nicknames)
    : nicknames_(std::move(nicknames)) {}

std::string EntityResolver::TypeClass(const std::string& type) {
  return type == "Company" || type == "Organization" ? "org" : ToLower(type);
}

std::string EntityResolver::CompactKey(const std::string& name) {
  std::string key;
  for (char c : NormalizeName(name)) {
    if (c != ' ' && c != '-' && c != '\'') key += c;
  }
  return key.empty() ? ToLower(name) : key;
}

void EntityResolver::Add(const std::string& doc, const std::string& name, const std::string& type,
                         const std::vector<std::string>& aliases) {
  const std::string type_class = TypeClass(type);
  auto [it, inserted] = index_.emplace(std::make_pair(type_class, name), static_cast<int>(surfaces_.size()));
  if (inserted) {
    Surface s;
    s.name = name;
    s.type_class = type_class;
    surfaces_.push_back(std::move(s));
  }
  Surface& s = surfaces_[static_cast<size_t>(it->second)];
  s.type_docs[type].insert(doc);
  s.docs.insert(doc);
  for (const std::string& alias : aliases) {
    if (alias != name) s.alias_docs[alias].insert(doc);
  }
}

int EntityResolver::Root(int i) {
  while (parent_[static_cast<size_t>(i)] != i) {
    parent_[static_cast<size_t>(i)] = parent_[static_cast<size_t>(parent_[static_cast<size_t>(i)])];
    i = parent_[static_cast<size_t>(i)];
  }
  return i;
}

void EntityResolver::Union(int into, int merged, const std::string& rule) {
  int a = Root(into);
  int b = Root(merged);
  if (a == b) return;
  // The merged name records the rule that brought it in.
  if (surfaces_[static_cast<size_t>(merged)].rule == "same-name") surfaces_[static_cast<size_t>(merged)].rule = rule;
  // The smaller index (in sorted order) stays the root: the result does not
  // depend on the order in which names were added.
  if (b < a) std::swap(a, b);
  parent_[static_cast<size_t>(b)] = a;
}

void EntityResolver::Resolve() {
  // Renumber in (class, name) order so every later step is order-independent.
  std::vector<Surface> sorted;
  sorted.reserve(surfaces_.size());
  for (auto& [key, i] : index_) {
    sorted.push_back(std::move(surfaces_[static_cast<size_t>(i)]));
    i = static_cast<int>(sorted.size() - 1);
  }
  surfaces_ = std::move(sorted);
  for (Surface& s : surfaces_) s.rule = "same-name";
  const int n = static_cast<int>(surfaces_.size());
  parent_.resize(static_cast<size_t>(n));
  std::iota(parent_.begin(), parent_.end(), 0);

  // normalized: case, spacing, punctuation, "the", corporate suffixes.
  std::unordered_map<std::string, int> by_key;
  std::vector<std::string> keys(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    const Surface& s = surfaces_[static_cast<size_t>(i)];
    keys[static_cast<size_t>(i)] = s.type_class + "|" + CompactKey(s.name);
    auto [it, inserted] = by_key.emplace(keys[static_cast<size_t>(i)], i);
    if (!inserted) Union(it->second, i, "normalized");
  }

  // alias: a name some article gives as the alias of exactly one fuller entity.
  std::unordered_map<std::string, std::set<int>> alias_owners;
  for (int i = 0; i < n; ++i) {
    const Surface& s = surfaces_[static_cast<size_t>(i)];
    if (s.type_class == "person") continue;
    for (const auto& [alias, docs] : s.alias_docs) {
      const std::string key = s.type_class + "|" + CompactKey(alias);
      if (key != keys[static_cast<size_t>(i)]) alias_owners[key].insert(i);
    }
  }
  for (int i = 0; i < n; ++i) {
    auto it = alias_owners.find(keys[static_cast<size_t>(i)]);
    if (it == alias_owners.end()) continue;
    std::set<int> roots;
    for (int owner : it->second) roots.insert(Root(owner));
    roots.erase(Root(i));
    if (roots.size() == 1) Union(*roots.begin(), i, "alias");
  }

  // surname and nickname: people.
  std::unordered_map<std::string, std::set<int>> by_surname;
  std::vector<std::vector<std::string>> person_words(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    const Surface& s = surfaces_[static_cast<size_t>(i)];
    if (s.type_class != "person") continue;
    person_words[static_cast<size_t>(i)] = Words(NormalizeName(s.name));
    const auto& w = person_words[static_cast<size_t>(i)];
    if (w.size() >= 2) by_surname[w.back()].insert(i);
  }
  for (int i = 0; i < n; ++i) {
    const auto& w = person_words[static_cast<size_t>(i)];
    if (w.size() != 1) continue;
    auto it = by_surname.find(w[0]);
    if (it == by_surname.end()) continue;
    std::set<int> roots;
    for (int other : it->second) roots.insert(Root(other));
    if (roots.size() == 1) Union(*roots.begin(), i, "surname");
  }
  for (int i = 0; i < n; ++i) {
    const auto& w = person_words[static_cast<size_t>(i)];
    if (w.size() < 2) continue;
    auto nick = nicknames_.find(w.front());
    if (nick == nicknames_.end()) continue;
    std::set<int> roots;
    for (int other : by_surname[w.back()]) {
      const auto& ow = person_words[static_cast<size_t>(other)];
      if (ow.size() == w.size() && nick->second.count(ow.front()) &&
          std::equal(w.begin() + 1, w.end(), ow.begin() + 1)) {
        roots.insert(Root(other));
      }
    }
    roots.erase(Root(i));
    if (roots.size() == 1) Union(*roots.begin(), i, "nickname");
  }

  // Build the entities.
  std::map<int, std::vector<int>> clusters;
  for (int i = 0; i < n; ++i) clusters[Root(i)].push_back(i);
  entities_.clear();
  std::vector<int> cluster_of_root(static_cast<size_t>(n), -1);
  for (const auto& [root, members] : clusters) {
    ResolvedEntity e;
    // Name: the fullest form (most words), then the one most documents use,
    // then the longest, then the first in order.
    size_t best_docs = 0;
    size_t best_words = 0;
    std::map<std::string, std::set<std::string>> type_docs;
    std::map<std::string, MergeRecord> forms;
    for (int m : members) {
      const Surface& s = surfaces_[static_cast<size_t>(m)];
      const size_t words = Words(NormalizeName(s.name)).size();
      if (words > best_words || (words == best_words && s.docs.size() > best_docs) ||
          (words == best_words && s.docs.size() == best_docs && s.name.size() > e.name.size())) {
        best_words = words;
        best_docs = s.docs.size();
        e.name = s.name;
      }
      for (const auto& [type, docs] : s.type_docs) type_docs[type].insert(docs.begin(), docs.end());
      MergeRecord& r = forms[s.name];
      r.form = s.name;
      r.rule = s.rule;
      r.docs.insert(r.docs.end(), s.docs.begin(), s.docs.end());
    }
    for (int m : members) {
      for (const auto& [alias, docs] : surfaces_[static_cast<size_t>(m)].alias_docs) {
        MergeRecord& r = forms[alias];
        if (r.form.empty()) {
          r.form = alias;
          r.rule = "in-document";
        }
        r.docs.insert(r.docs.end(), docs.begin(), docs.end());
      }
    }
    size_t best_type_docs = 0;
    for (const auto& [type, docs] : type_docs) {
      if (docs.size() > best_type_docs) {
        best_type_docs = docs.size();
        e.type = type;
      }
    }
    for (auto& [form, record] : forms) {
      std::sort(record.docs.begin(), record.docs.end());
      record.docs.erase(std::unique(record.docs.begin(), record.docs.end()), record.docs.end());
      e.merged.push_back(std::move(record));
    }
    const std::string normalized = NormalizeName(e.name);
    e.id = surfaces_[static_cast<size_t>(root)].type_class + ":" + Slug(normalized.empty() ? ToLower(e.name) : normalized);
    cluster_of_root[static_cast<size_t>(root)] = static_cast<int>(entities_.size());
    entities_.push_back(std::move(e));
  }
  // Sort by id; ids are unique because equal normalized names merged above.
  std::vector<int> order(entities_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) { return entities_[static_cast<size_t>(a)].id < entities_[static_cast<size_t>(b)].id; });
  std::vector<int> position(entities_.size());
  std::vector<ResolvedEntity> sorted_entities;
  for (size_t k = 0; k < order.size(); ++k) {
    position[static_cast<size_t>(order[k])] = static_cast<int>(k);
    sorted_entities.push_back(std::move(entities_[static_cast<size_t>(order[k])]));
  }
  entities_ = std::move(sorted_entities);
  surface_entity_.assign(static_cast<size_t>(n), -1);
  for (int i = 0; i < n; ++i) {
    surface_entity_[static_cast<size_t>(i)] = position[static_cast<size_t>(cluster_of_root[static_cast<size_t>(Root(i))])];
  }
}

int EntityResolver::Find(const std::string& name, const std::string& type) const {
  auto it = index_.find({TypeClass(type), name});
  if (it == index_.end() || surface_entity_.empty()) return -1;
  return surface_entity_[static_cast<size_t>(it->second)];
}

}  // namespace newsgraph
