// Node-link JSON export, the layout NetworkX's node_link_graph and
// Cytoscape-style viewers read: {"directed", "multigraph", "graph", "nodes", "links"}.
#ifndef NEWSGRAPH_EXPORT_JSON_WRITER_H_
#define NEWSGRAPH_EXPORT_JSON_WRITER_H_

#include <ostream>

#include "graph/knowledge_graph.h"

namespace newsgraph {

// Writes `graph` as node-link JSON. Links carry the predicate as "key" and
// "predicate", the weight, confidence, sources and every evidence sentence.
void WriteNodeLinkJson(const KnowledgeGraph& graph, std::ostream& out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORT_JSON_WRITER_H_
