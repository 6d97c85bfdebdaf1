// Measuring entity resolution against gold clusters: pairwise precision,
// recall and F1 over mentions (a document and a surface form) that both the
// gold and the graph contain.
#ifndef NEWSGRAPH_GRAPH_ENTITY_EVAL_H_
#define NEWSGRAPH_GRAPH_ENTITY_EVAL_H_

#include <cstddef>
#include <string>

#include "graph/knowledge_graph.h"

namespace newsgraph {

// Pairwise scores: a pair is two mentions in one cluster.
struct ClusterScore {
  size_t gold_mentions = 0;     // mentions in the gold
  size_t covered_mentions = 0;  // of those, mentions the graph has
  size_t gold_pairs = 0;        // same-entity pairs among covered mentions, by the gold
  size_t predicted_pairs = 0;   // same-node pairs among covered mentions, by the graph
  size_t correct_pairs = 0;     // pairs both agree on
  double Precision() const { return predicted_pairs ? static_cast<double>(correct_pairs) / predicted_pairs : 1.0; }
  double Recall() const { return gold_pairs ? static_cast<double>(correct_pairs) / gold_pairs : 1.0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// Scores `graph` against entity-cluster gold: a JSON Lines file, or a folder
// of them, with lines {"doc", "key", "type", "forms"}: the same (type class,
// key) is one entity across documents. Document ids match as in the triple
// scorer (extension dropped, path suffix). Throws Error on a bad gold line.
ClusterScore ScoreEntityClusters(const std::string& gold_path, const KnowledgeGraph& graph);

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_ENTITY_EVAL_H_
