#include "graph/knowledge_graph.h"

#include <boost/graph/adjacency_list.hpp>

#include <algorithm>
#include <cmath>
#include <tuple>

#include "extract/tokenizer.h"
#include "extract/triple_scorer.h"

namespace newsgraph {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, GraphNode, GraphEdge>;

// Counts by document: a name or type used by more documents wins.
using Votes = std::map<std::string, std::set<std::string>>;

std::string Winner(const Votes& votes) {
  std::string best;
  size_t best_count = 0;
  for (const auto& [value, docs] : votes) {
    const bool better = docs.size() > best_count ||
                        (docs.size() == best_count && value.size() > best.size());
    if (better) {
      best = value;
      best_count = docs.size();
    }
  }
  return best;
}

struct NodeAccumulator {
  Votes names;
  Votes types;
  std::set<std::string> aliases;
  std::set<std::string> documents;
};

struct EdgeAccumulator {
  std::string source;
  std::string target;
  std::string predicate;
  std::map<std::string, DocumentSupport> support;
  std::set<std::tuple<std::string, uint32_t, uint32_t>> seen_evidence;
  std::vector<Evidence> evidence;
};

// Rounds away floating-point noise of the noisy-OR, keeping every meaningful digit.
double RoundNoise(double v) { return std::round(v * 1e12) / 1e12; }

}  // namespace

struct KnowledgeGraph::Impl {
  std::set<std::string> symmetric;
  std::map<std::string, NodeAccumulator> nodes;
  std::map<std::string, EdgeAccumulator> edges;
  mutable bool dirty = true;
  mutable Graph graph;
  mutable std::map<std::string, Graph::vertex_descriptor> by_id;

  std::string AddNode(const std::string& name, const std::string& type, const std::vector<std::string>& aliases,
                      const std::string& doc) {
    const std::string id = NodeId(name, type);
    NodeAccumulator& n = nodes[id];
    n.names[name].insert(doc);
    n.types[type].insert(doc);
    n.aliases.insert(aliases.begin(), aliases.end());
    n.documents.insert(doc);
    return id;
  }

  void Build() const {
    if (!dirty) return;
    graph = Graph();
    by_id.clear();
    for (const auto& [id, acc] : nodes) {
      GraphNode node;
      node.id = id;
      node.name = Winner(acc.names);
      node.type = Winner(acc.types);
      std::set<std::string> aliases = acc.aliases;
      for (const auto& [name, docs] : acc.names) aliases.insert(name);
      aliases.erase(node.name);
      node.aliases.assign(aliases.begin(), aliases.end());
      node.documents.assign(acc.documents.begin(), acc.documents.end());
      by_id[id] = boost::add_vertex(node, graph);
    }
    for (const auto& [id, acc] : edges) {
      GraphEdge edge;
      edge.id = id;
      edge.source = acc.source;
      edge.target = acc.target;
      edge.predicate = acc.predicate;
      double miss = 1.0;
      std::map<std::string, std::set<std::string>> roles;
      for (const auto& [doc, s] : acc.support) {
        edge.support.push_back(s);
        miss *= 1.0 - std::min(1.0, std::max(0.0, s.confidence));
        if (!s.date.empty() && (edge.date.empty() || s.date < edge.date)) edge.date = s.date;
        if (edge.amount.empty()) edge.amount = s.amount;
        if (!s.role.empty()) roles[s.role].insert(doc);
        if (s.status == "former" || (edge.status.empty() && !s.status.empty())) edge.status = s.status;
      }
      edge.role = Winner(roles);
      edge.confidence = RoundNoise(1.0 - miss);
      edge.evidence = acc.evidence;
      std::sort(edge.evidence.begin(), edge.evidence.end(), [](const Evidence& a, const Evidence& b) {
        return std::tie(a.doc, a.start, a.end) < std::tie(b.doc, b.start, b.end);
      });
      boost::add_edge(by_id.at(acc.source), by_id.at(acc.target), edge, graph);
    }
    dirty = false;
  }
};

KnowledgeGraph::KnowledgeGraph(std::set<std::string> symmetric) : impl_(std::make_unique<Impl>()) {
  impl_->symmetric = std::move(symmetric);
}
KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;

std::string KnowledgeGraph::TypeClass(const std::string& type) {
  return type == "Company" || type == "Organization" ? "org" : ToLower(type);
}

std::string KnowledgeGraph::NodeId(const std::string& name, const std::string& type) {
  std::string key = NormalizeName(name);
  if (key.empty()) key = name;
  for (char& c : key) {
    if (c == ' ') c = '_';
  }
  return TypeClass(type) + ":" + key;
}

void KnowledgeGraph::AddTriple(const Triple& t) {
  Impl& g = *impl_;
  g.dirty = true;
  std::string s = g.AddNode(t.subject, t.subject_type, t.subject_aliases, t.doc);
  std::string o = g.AddNode(t.object, t.object_type, t.object_aliases, t.doc);
  if (g.symmetric.count(t.predicate) && o < s) std::swap(s, o);
  const std::string id = s + "|" + t.predicate + "|" + o;
  EdgeAccumulator& e = g.edges[id];
  e.source = s;
  e.target = o;
  e.predicate = t.predicate;
  DocumentSupport& support = e.support[t.doc];
  support.doc = t.doc;
  if (t.confidence >= support.confidence) {
    support.confidence = t.confidence;
  }
  if (support.date.empty()) support.date = t.date;
  if (support.amount.empty()) support.amount = t.amount;
  if (support.role.empty()) support.role = t.role;
  if (support.status.empty() || t.status == "former") support.status = t.status.empty() ? support.status : t.status;
  auto add_evidence = [&](const Evidence& ev) {
    if (e.seen_evidence.emplace(ev.doc, ev.start, ev.end).second) e.evidence.push_back(ev);
  };
  Evidence first;
  first.doc = t.doc;
  first.sentence = t.sentence;
  first.start = t.start;
  first.end = t.end;
  first.confidence = t.confidence;
  first.pattern = t.pattern;
  add_evidence(first);
  for (Evidence ev : t.evidence) {
    ev.doc = t.doc;
    add_evidence(ev);
  }
}

size_t KnowledgeGraph::node_count() const { return impl_->nodes.size(); }
size_t KnowledgeGraph::edge_count() const { return impl_->edges.size(); }

void KnowledgeGraph::ForEachNode(const std::function<void(const GraphNode&)>& fn) const {
  impl_->Build();
  for (auto [it, end] = boost::vertices(impl_->graph); it != end; ++it) fn(impl_->graph[*it]);
}

void KnowledgeGraph::ForEachEdge(const std::function<void(const GraphEdge&)>& fn) const {
  impl_->Build();
  // Vertices are in id order and each one's out-edges in insertion order, which is
  // (predicate, target id) order because edge ids sort that way.
  for (auto [v, vend] = boost::vertices(impl_->graph); v != vend; ++v) {
    for (auto [e, eend] = boost::out_edges(*v, impl_->graph); e != eend; ++e) fn(impl_->graph[*e]);
  }
}

const GraphNode* KnowledgeGraph::FindNode(const std::string& id) const {
  impl_->Build();
  auto it = impl_->by_id.find(id);
  return it == impl_->by_id.end() ? nullptr : &impl_->graph[it->second];
}

}  // namespace newsgraph
