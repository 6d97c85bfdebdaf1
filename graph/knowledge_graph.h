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

#include "extract/triple.h"

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
};

// What one document says about one fact.
struct DocumentSupport {
  std::string doc;
  double confidence = 0;
  std::string date;
  std::string amount;
  std::string role;
  std::string status;
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
  // The number of documents that state the fact.
  size_t weight() const { return support.size(); }
};

// The merged graph. Add triples in any order; the result does not depend on it.
class KnowledgeGraph {
 public:
  // Builds an empty graph. `symmetric` names the predicates whose direction
  // does not matter (their edges are stored with the smaller node id first).
  explicit KnowledgeGraph(std::set<std::string> symmetric = {});
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

  // Returns the id a node with this name and type gets.
  static std::string NodeId(const std::string& name, const std::string& type);

  // Returns the type class used to merge nodes: "org" for Company and
  // Organization, otherwise the type itself.
  static std::string TypeClass(const std::string& type);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_KNOWLEDGE_GRAPH_H_
