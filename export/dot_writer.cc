#include "export/dot_writer.h"

#include <cmath>
#include <set>

#include "export/format_util.h"
#include "extract/text_normalizer.h"

namespace newsgraph {

std::map<std::string, NodeStyle> NodeStylesOf(const Schema& schema) {
  std::map<std::string, NodeStyle> styles;
  for (const EntityType& t : schema.types) styles[t.name] = NodeStyle{t.color, t.shape};
  return styles;
}

std::string EscapeDot(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size();) {
    int length = 1;
    const uint32_t cp = DecodeUtf8(s, i, &length);
    if (cp == '"') {
      out += "\\\"";
    } else if (cp == '\\') {
      out += "\\\\";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\t' || cp == '\r') {
      out += ' ';
    } else if (cp < 0x20 || cp == 0x7F || (cp == 0xFFFD && length == 1)) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(s, i, static_cast<size_t>(length));
    }
    i += static_cast<size_t>(length);
  }
  return out;
}

namespace {

std::string Quote(std::string_view s) { return "\"" + EscapeDot(s) + "\""; }

const NodeStyle& StyleOf(const std::map<std::string, NodeStyle>& styles, const std::string& type) {
  static const NodeStyle kDefault;
  auto it = styles.find(type);
  return it == styles.end() ? kDefault : it->second;
}

}  // namespace

void WriteDot(const KnowledgeGraph& graph, const std::map<std::string, NodeStyle>& styles,
              std::ostream& out) {
  // No splines=true: dot draws splines anyway, and under neato and sfdp it
  // routes every edge around the nodes, which on a graph of a few hundred
  // nodes takes minutes, varies from run to run and crashes Graphviz 2.42.
  out << "digraph newsgraph {\n"
         "  graph [rankdir=LR, fontname=\"Helvetica\", overlap=false];\n"
         "  node [style=filled, fontname=\"Helvetica\", fontsize=11];\n"
         "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n";
  std::set<std::string> types;
  graph.ForEachNode([&](const GraphNode& n) {
    types.insert(n.type);
    const NodeStyle& style = StyleOf(styles, n.type);
    out << "  " << Quote(n.id) << " [label=" << Quote(n.name) << ", shape=" << Quote(style.shape)
        << ", fillcolor=" << Quote(style.color) << ", tooltip=" << Quote(n.type) << "];\n";
  });
  graph.ForEachEdge([&](const GraphEdge& e) {
    const double penwidth = 1.0 + std::log2(static_cast<double>(e.weight()));
    out << "  " << Quote(e.source) << " -> " << Quote(e.target) << " [label=" << Quote(e.predicate)
        << ", weight=" << e.weight()
        << ", penwidth=" << FormatDouble(std::round(penwidth * 100) / 100);
    if (!e.evidence.empty()) out << ", tooltip=" << Quote(e.evidence.front().sentence);
    out << "];\n";
  });
  if (!types.empty()) {
    out << "  subgraph cluster_legend {\n"
           "    label=\"Legend\";\n"
           "    fontname=\"Helvetica\";\n"
           "    style=dashed;\n";
    for (const std::string& type : types) {
      const NodeStyle& style = StyleOf(styles, type);
      out << "    " << Quote("legend:" + type) << " [label=" << Quote(type)
          << ", shape=" << Quote(style.shape) << ", fillcolor=" << Quote(style.color) << "];\n";
    }
    out << "  }\n";
  }
  out << "}\n";
}

}  // namespace newsgraph
