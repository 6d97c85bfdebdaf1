// Graphviz DOT export: every id and label quoted and escaped by EscapeDot,
// node shape and colour by entity type, edge labels by predicate, a legend.
#ifndef NEWSGRAPH_EXPORT_DOT_WRITER_H_
#define NEWSGRAPH_EXPORT_DOT_WRITER_H_

#include <map>
#include <ostream>
#include <string>
#include <string_view>

#include "graph/knowledge_graph.h"

namespace newsgraph {

// How nodes of one entity type are drawn.
struct NodeStyle {
  std::string color = "#dddddd";
  std::string shape = "ellipse";
};

// Returns the node style of each entity type of `schema`, by type name.
std::map<std::string, NodeStyle> NodeStylesOf(const Schema& schema);

// Returns `s` escaped for the inside of a DOT double-quoted string: '"' and
// '\' are backslash-escaped, a newline becomes "\n", other control characters
// and invalid UTF-8 become U+FFFD.
std::string EscapeDot(std::string_view s);

// Writes `graph` as a DOT digraph. `styles` maps type names to node styles;
// types without a style get the default one.
void WriteDot(const KnowledgeGraph& graph, const std::map<std::string, NodeStyle>& styles,
              std::ostream& out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORT_DOT_WRITER_H_
