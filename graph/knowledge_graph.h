// The merged knowledge graph: one vertex per entity across documents (same
// normalised canonical name and compatible type), one edge per distinct
// (subject, predicate, object) carrying every source that states it. Backed
// by a Boost.Graph adjacency_list with vecS edge lists, so that two relations
// between the same pair of nodes stay two edges. Vertex and edge descriptors
// never leave this library: callers see stable string ids.
#ifndef NEWSGRAPH_GRAPH_KNOWLEDGE_GRAPH_H_
#define NEWSGRAPH_GRAPH_KNOWLEDGE_GRAPH_H_

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "extract/schema.h"
#include "extract/triple.h"
#include "graph/entity_resolver.h"

namespace newsgraph {

// One entity node as exporters see it.
struct GraphNode {
  // Stable id: the type class and the normalised name ("person:andrej_karpathy").
  std::string id;
  // The display name: the canonical name most documents use.
  std::string name;
  // The entity type most documents give it.
  std::string type;
  // Every other surface form, sorted.
  std::vector<std::string> aliases;
  // The documents whose facts involve it, sorted.
  std::vector<std::string> documents;
  // Every surface form merged into the node, with its documents and rule.
  std::vector<MergeRecord> merged;
};

// What one document says about one fact.
struct DocumentSupport {
  std::string doc;
  double confidence = 0;
  std::string date;
  std::string amount;
  std::string role;
  std::string status;
  // The article's publication date, when known.
  std::string published;
};

// One fact edge as exporters see it.
struct GraphEdge {
  // Stable id: "<source id>|<predicate>|<target id>".
  std::string id;
  std::string source;  // node id
  std::string target;  // node id
  std::string predicate;
  // Per-document support, sorted by document id.
  std::vector<DocumentSupport> support;
  // Every evidence sentence, sorted by (document, start).
  std::vector<Evidence> evidence;
  // Combined confidence: noisy-OR of each document's best confidence.
  double confidence = 0;
  // Attributes merged over documents: earliest date, first amount, most
  // frequent role, "former" when any document says so.
  std::string date;
  std::string amount;
  std::string role;
  std::string status;
  // The earliest and latest dates the fact was reported (publication dates,
  // or the fact's own date where the article has none), "" when unknown.
  std::string first_reported;
  std::string last_reported;
  // The number of documents that state the fact.
  size_t weight() const { return support.size(); }
};

// What an export includes: facts with at least this confidence and support,
// and, optionally, event facts as Event nodes with role edges.
struct GraphFilter {
  double min_confidence = 0;
  size_t min_support = 1;
  // Only these predicates and node types (empty: all).
  std::set<std::string> predicates;
  std::set<std::string> types;
  // Only the neighbourhood, `hops` edges deep, of the nodes these names
  // resolve to (empty: the whole graph).
  std::vector<std::string> focus;
  size_t hops = 1;
  // Only the `top` nodes with the most facts (by degree) or the most
  // supporting documents (by support); 0 keeps all.
  size_t top = 0;
  bool top_by_support = false;
  // Predicates written as Event nodes (empty: every fact is one edge).
  std::set<std::string> event_predicates;
};

// The merged graph. Add triples in any order; the result does not depend on it.
class KnowledgeGraph {
 public:
  // Builds an empty graph. `symmetric` names the predicates whose direction
  // does not matter (their edges are stored with the smaller node id first);
  // `nicknames` maps lower-case nicknames to given names for resolution.
  explicit KnowledgeGraph(std::set<std::string> symmetric = {},
                          std::map<std::string, std::set<std::string>> nicknames = {});
  ~KnowledgeGraph();
  KnowledgeGraph(KnowledgeGraph&&) noexcept;
  KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;

  // Adds one document's fact.
  void AddTriple(const Triple& triple);

  // The number of nodes and edges.
  size_t node_count() const;
  size_t edge_count() const;

  // Calls `fn` for every node, in id order.
  void ForEachNode(const std::function<void(const GraphNode&)>& fn) const;
  // Calls `fn` for every edge, in (source id, predicate, target id) order.
  void ForEachEdge(const std::function<void(const GraphEdge&)>& fn) const;

  // Returns the node with id `id`, or nullptr.
  const GraphNode* FindNode(const std::string& id) const;

  // Returns the nodes whose name or merged forms equal `name` after
  // normalisation (case, spacing, punctuation, corporate suffixes).
  std::vector<const GraphNode*> FindByName(const std::string& name) const;

  // Returns the subgraph an export shows: facts passing `filter`, the nodes
  // they touch, and, for the filter's event predicates, an Event node per
  // fact with "agent" and "target" edges. Throws Error when a focus name is
  // not in the graph.
  KnowledgeGraph Filtered(const GraphFilter& filter) const;

  // The number of connected components, ignoring edge direction.
  size_t ComponentCount() const;

  // Returns the id a node with this name and type gets.
  static std::string NodeId(const std::string& name, const std::string& type);

  // Returns the type class used to merge nodes: "org" for Company and
  // Organization, otherwise the type itself.
  static std::string TypeClass(const std::string& type);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Returns an empty graph for `schema`: its symmetric relations, and its
// "nicknames" word list (entries of two words, a nickname and a given name)
// for resolving people's names.
KnowledgeGraph GraphForSchema(const Schema& schema);

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_KNOWLEDGE_GRAPH_H_
