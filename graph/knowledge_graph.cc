#include "graph/knowledge_graph.h"

#include <boost/graph/adjacency_list.hpp>

#include <algorithm>
#include <cmath>
#include <tuple>

#include "extract/error.h"
#include "extract/tokenizer.h"
#include "extract/triple_scorer.h"

namespace newsgraph {
namespace {

using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, GraphNode, GraphEdge>;

// Votes by document: a value more documents give wins, then the longer one.
using Votes = std::map<std::string, std::set<std::string>>;

std::string Winner(const Votes& votes) {
  std::string best;
  size_t best_count = 0;
  for (const auto& [value, docs] : votes) {
    if (docs.size() > best_count || (docs.size() == best_count && value.size() > best.size())) {
      best = value;
      best_count = docs.size();
    }
  }
  return best;
}

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

void AddSupport(EdgeAccumulator& e, const Triple& t) {
  DocumentSupport& support = e.support[t.doc];
  support.doc = t.doc;
  support.confidence = std::max(support.confidence, t.confidence);
  if (support.date.empty()) support.date = t.date;
  if (support.amount.empty()) support.amount = t.amount;
  if (t.role.size() > support.role.size()) support.role = t.role;
  if (support.status.empty() || t.status == "former") {
    if (!t.status.empty()) support.status = t.status;
  }
  if (support.published.empty()) support.published = t.published;
  auto add = [&](const Evidence& ev) {
    if (e.seen_evidence.emplace(ev.doc, ev.start, ev.end).second) e.evidence.push_back(ev);
  };
  Evidence first;
  first.doc = t.doc;
  first.sentence = t.sentence;
  first.start = t.start;
  first.end = t.end;
  first.confidence = t.confidence;
  first.pattern = t.pattern;
  add(first);
  for (Evidence ev : t.evidence) {
    ev.doc = t.doc;
    add(ev);
  }
}

GraphEdge FinishEdge(const std::string& id, const EdgeAccumulator& acc) {
  GraphEdge edge;
  edge.id = id;
  edge.source = acc.source;
  edge.target = acc.target;
  edge.predicate = acc.predicate;
  double miss = 1.0;
  Votes roles;
  for (const auto& [doc, s] : acc.support) {
    edge.support.push_back(s);
    miss *= 1.0 - std::min(1.0, std::max(0.0, s.confidence));
    if (!s.date.empty() && (edge.date.empty() || s.date < edge.date)) edge.date = s.date;
    if (edge.amount.empty()) edge.amount = s.amount;
    if (!s.role.empty()) roles[s.role].insert(doc);
    if (s.status == "former" || (edge.status.empty() && !s.status.empty())) edge.status = s.status;
    const std::string& when = !s.published.empty() ? s.published : s.date;
    if (!when.empty()) {
      if (edge.first_reported.empty() || when < edge.first_reported) edge.first_reported = when;
      if (edge.last_reported.empty() || when > edge.last_reported) edge.last_reported = when;
    }
  }
  edge.role = Winner(roles);
  edge.confidence = RoundNoise(1.0 - miss);
  edge.evidence = acc.evidence;
  std::sort(edge.evidence.begin(), edge.evidence.end(), [](const Evidence& a, const Evidence& b) {
    return std::tie(a.doc, a.start, a.end, a.pattern) < std::tie(b.doc, b.start, b.end, b.pattern);
  });
  return edge;
}

}  // namespace

struct KnowledgeGraph::Impl {
  std::set<std::string> symmetric;
  std::map<std::string, std::set<std::string>> nicknames;
  std::vector<Triple> triples;
  // A filtered graph is given its nodes and edges directly.
  bool direct = false;
  std::vector<GraphNode> direct_nodes;
  std::vector<GraphEdge> direct_edges;
  mutable bool dirty = true;
  mutable Graph graph;
  mutable std::map<std::string, Graph::vertex_descriptor> by_id;

  void Insert(std::vector<GraphNode> nodes, std::vector<GraphEdge> edges) const {
    graph = Graph();
    by_id.clear();
    std::sort(nodes.begin(), nodes.end(),
              [](const GraphNode& a, const GraphNode& b) { return a.id < b.id; });
    for (GraphNode& node : nodes) {
      const std::string id = node.id;
      by_id[id] = boost::add_vertex(std::move(node), graph);
    }
    // Out-edges keep insertion order, so sorting by (source, predicate, target)
    // fixes the order ForEachEdge reports.
    std::sort(edges.begin(), edges.end(), [](const GraphEdge& a, const GraphEdge& b) {
      return std::tie(a.source, a.predicate, a.target) < std::tie(b.source, b.predicate, b.target);
    });
    for (GraphEdge& edge : edges) {
      const auto s = by_id.at(edge.source);
      const auto t = by_id.at(edge.target);
      boost::add_edge(s, t, std::move(edge), graph);
    }
  }

  void Build() const {
    if (!dirty) return;
    dirty = false;
    if (direct) {
      Insert(direct_nodes, direct_edges);
      return;
    }
    std::vector<const Triple*> ordered;
    for (const Triple& t : triples) ordered.push_back(&t);
    std::sort(ordered.begin(), ordered.end(), [](const Triple* a, const Triple* b) {
      return std::tie(a->doc, a->start, a->predicate, a->subject, a->object, a->end) <
             std::tie(b->doc, b->start, b->predicate, b->subject, b->object, b->end);
    });
    EntityResolver resolver(nicknames);
    for (const Triple* t : ordered) {
      resolver.Add(t->doc, t->subject, t->subject_type, t->subject_aliases);
      resolver.Add(t->doc, t->object, t->object_type, t->object_aliases);
    }
    resolver.Resolve();
    const auto& entities = resolver.entities();
    std::vector<std::set<std::string>> node_docs(entities.size());
    std::map<std::string, EdgeAccumulator> edges;
    for (const Triple* t : ordered) {
      const int si = resolver.Find(t->subject, t->subject_type);
      const int oi = resolver.Find(t->object, t->object_type);
      if (si < 0 || oi < 0 || si == oi) continue;
      node_docs[static_cast<size_t>(si)].insert(t->doc);
      node_docs[static_cast<size_t>(oi)].insert(t->doc);
      std::string s = entities[static_cast<size_t>(si)].id;
      std::string o = entities[static_cast<size_t>(oi)].id;
      if (symmetric.count(t->predicate) && o < s) std::swap(s, o);
      const std::string id = s + "|" + t->predicate + "|" + o;
      EdgeAccumulator& e = edges[id];
      e.source = s;
      e.target = o;
      e.predicate = t->predicate;
      AddSupport(e, *t);
    }
    std::vector<GraphNode> nodes;
    for (size_t i = 0; i < entities.size(); ++i) {
      if (node_docs[i].empty()) continue;  // only self-loops: nothing to show
      GraphNode node;
      node.id = entities[i].id;
      node.name = entities[i].name;
      node.type = entities[i].type;
      node.merged = entities[i].merged;
      for (const MergeRecord& r : node.merged) {
        if (r.form != node.name) node.aliases.push_back(r.form);
      }
      node.documents.assign(node_docs[i].begin(), node_docs[i].end());
      nodes.push_back(std::move(node));
    }
    std::vector<GraphEdge> edge_list;
    for (const auto& [id, acc] : edges) edge_list.push_back(FinishEdge(id, acc));
    Insert(std::move(nodes), std::move(edge_list));
  }
};

KnowledgeGraph::KnowledgeGraph(std::set<std::string> symmetric,
                               std::map<std::string, std::set<std::string>> nicknames)
    : impl_(std::make_unique<Impl>()) {
  impl_->symmetric = std::move(symmetric);
  impl_->nicknames = std::move(nicknames);
}
KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;

std::string KnowledgeGraph::TypeClass(const std::string& type) {
  return EntityResolver::TypeClass(type);
}

std::string KnowledgeGraph::NodeId(const std::string& name, const std::string& type) {
  std::string key = NormalizeName(name);
  if (key.empty()) key = ToLower(name);
  for (char& c : key) {
    if (c == ' ') c = '_';
  }
  return TypeClass(type) + ":" + key;
}

void KnowledgeGraph::AddTriple(const Triple& t) {
  impl_->dirty = true;
  impl_->triples.push_back(t);
}

size_t KnowledgeGraph::node_count() const {
  impl_->Build();
  return boost::num_vertices(impl_->graph);
}

size_t KnowledgeGraph::edge_count() const {
  impl_->Build();
  return boost::num_edges(impl_->graph);
}

void KnowledgeGraph::ForEachNode(const std::function<void(const GraphNode&)>& fn) const {
  impl_->Build();
  for (auto [it, end] = boost::vertices(impl_->graph); it != end; ++it) fn(impl_->graph[*it]);
}

void KnowledgeGraph::ForEachEdge(const std::function<void(const GraphEdge&)>& fn) const {
  impl_->Build();
  for (auto [v, vend] = boost::vertices(impl_->graph); v != vend; ++v) {
    for (auto [e, eend] = boost::out_edges(*v, impl_->graph); e != eend; ++e) fn(impl_->graph[*e]);
  }
}

const GraphNode* KnowledgeGraph::FindNode(const std::string& id) const {
  impl_->Build();
  auto it = impl_->by_id.find(id);
  return it == impl_->by_id.end() ? nullptr : &impl_->graph[it->second];
}

std::vector<const GraphNode*> KnowledgeGraph::FindByName(const std::string& name) const {
  impl_->Build();
  const std::string key = EntityResolver::CompactKey(name);
  std::vector<const GraphNode*> out;
  for (auto [it, end] = boost::vertices(impl_->graph); it != end; ++it) {
    const GraphNode& node = impl_->graph[*it];
    bool match = EntityResolver::CompactKey(node.name) == key;
    for (const MergeRecord& r : node.merged)
      match = match || EntityResolver::CompactKey(r.form) == key;
    if (match) out.push_back(&node);
  }
  return out;
}

KnowledgeGraph KnowledgeGraph::Filtered(const GraphFilter& filter) const {
  impl_->Build();
  // 1. Facts by confidence, support, predicate and node type.
  std::map<std::string, const GraphNode*> nodes;
  ForEachNode([&](const GraphNode& n) { nodes[n.id] = &n; });
  auto type_ok = [&](const std::string& id) {
    return filter.types.empty() || filter.types.count(nodes.at(id)->type) > 0;
  };
  std::vector<const GraphEdge*> edges;
  ForEachEdge([&](const GraphEdge& e) {
    if (e.confidence < filter.min_confidence || e.weight() < filter.min_support) return;
    if (!filter.predicates.empty() && !filter.predicates.count(e.predicate)) return;
    if (!type_ok(e.source) || !type_ok(e.target)) return;
    edges.push_back(&e);
  });
  // 2. The neighbourhood of the focus nodes, `hops` deep, direction ignored.
  if (!filter.focus.empty()) {
    std::set<std::string> reached;
    for (const std::string& name : filter.focus) {
      const auto found = FindByName(name);
      if (found.empty()) throw Error("--focus: no entity named \"" + name + "\" in the graph");
      for (const GraphNode* n : found) reached.insert(n->id);
    }
    std::set<std::string> frontier = reached;
    for (size_t hop = 0; hop < filter.hops && !frontier.empty(); ++hop) {
      std::set<std::string> next;
      for (const GraphEdge* e : edges) {
        if (frontier.count(e->source) && !reached.count(e->target)) next.insert(e->target);
        if (frontier.count(e->target) && !reached.count(e->source)) next.insert(e->source);
      }
      reached.insert(next.begin(), next.end());
      frontier = std::move(next);
    }
    edges.erase(std::remove_if(edges.begin(), edges.end(),
                               [&](const GraphEdge* e) {
                                 return !reached.count(e->source) || !reached.count(e->target);
                               }),
                edges.end());
  }
  // 3. The top nodes by degree or support; ties by id, so the choice is stable.
  if (filter.top > 0) {
    std::map<std::string, size_t> score;
    for (const GraphEdge* e : edges) {
      const size_t add = filter.top_by_support ? e->weight() : 1;
      score[e->source] += add;
      score[e->target] += add;
    }
    std::vector<std::pair<std::string, size_t>> ranked(score.begin(), score.end());
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::set<std::string> kept;
    for (size_t i = 0; i < ranked.size() && i < filter.top; ++i) kept.insert(ranked[i].first);
    edges.erase(std::remove_if(edges.begin(), edges.end(),
                               [&](const GraphEdge* e) {
                                 return !kept.count(e->source) || !kept.count(e->target);
                               }),
                edges.end());
  }
  // 4. The result, with event facts as Event nodes where asked.
  KnowledgeGraph out(impl_->symmetric, impl_->nicknames);
  out.impl_->direct = true;
  std::set<std::string> used;
  std::map<std::string, GraphNode> events;
  for (const GraphEdge* ep : edges) {
    const GraphEdge& e = *ep;
    used.insert(e.source);
    used.insert(e.target);
    if (!filter.event_predicates.count(e.predicate)) {
      out.impl_->direct_edges.push_back(e);
      continue;
    }
    // An event node: the fact itself, with agent and target role edges.
    GraphNode event;
    event.id = "event:" + e.id;
    event.name = e.predicate;
    event.type = "Event";
    for (const DocumentSupport& s : e.support) event.documents.push_back(s.doc);
    events[event.id] = event;
    GraphEdge agent = e;
    agent.id = event.id + "|agent";
    agent.source = e.source;
    agent.target = event.id;
    agent.predicate = "agent";
    GraphEdge target = e;
    target.id = event.id + "|target";
    target.source = event.id;
    target.target = e.target;
    target.predicate = "target";
    out.impl_->direct_edges.push_back(std::move(agent));
    out.impl_->direct_edges.push_back(std::move(target));
  }
  for (const auto& [id, node] : nodes) {
    if (used.count(id)) out.impl_->direct_nodes.push_back(*node);
  }
  for (auto& [id, node] : events) out.impl_->direct_nodes.push_back(std::move(node));
  out.impl_->dirty = true;
  return out;
}

size_t KnowledgeGraph::ComponentCount() const {
  impl_->Build();
  std::map<std::string, std::string> parent;
  std::function<std::string(const std::string&)> root = [&](const std::string& x) -> std::string {
    std::string r = x;
    while (parent[r] != r) r = parent[r];
    return r;
  };
  ForEachNode([&](const GraphNode& n) { parent[n.id] = n.id; });
  ForEachEdge([&](const GraphEdge& e) {
    const std::string a = root(e.source);
    const std::string b = root(e.target);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  });
  std::set<std::string> roots;
  for (const auto& [id, p] : parent) roots.insert(root(id));
  return roots.size();
}

namespace {

std::map<std::string, std::set<std::string>> Nicknames(const Schema& schema) {
  std::map<std::string, std::set<std::string>> out;
  const auto it = schema.lists.find("nicknames");
  if (it == schema.lists.end()) return out;
  // Each entry "nickname given" (two words) pairs a nickname with a given name, both ways.
  for (const auto& entry : it->second) {
    if (entry.size() != 2) continue;
    out[entry[0]].insert(entry[1]);
    out[entry[1]].insert(entry[0]);
  }
  return out;
}

}  // namespace

KnowledgeGraph GraphForSchema(const Schema& schema) {
  std::set<std::string> symmetric;
  for (const Relation& r : schema.relations) {
    if (r.symmetric) symmetric.insert(r.name);
  }
  return KnowledgeGraph(symmetric, Nicknames(schema));
}

}  // namespace newsgraph
