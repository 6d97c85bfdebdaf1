// The interactive HTML export: one self-contained page with the graph's data
// and a graph library (Cytoscape.js, from npm) inlined, working offline. A
// reader searches an entity, sees its neighbourhood, filters by type and
// predicate, and clicks an edge to read its evidence sentences and sources.
#ifndef NEWSGRAPH_EXPORT_HTML_WRITER_H_
#define NEWSGRAPH_EXPORT_HTML_WRITER_H_

#include <map>
#include <ostream>
#include <string>
#include <string_view>

#include "export/dot_writer.h"
#include "graph/knowledge_graph.h"

namespace newsgraph {

// Returns `s` escaped for HTML text and attribute values (& < > " '),
// with control characters and invalid UTF-8 as U+FFFD.
std::string EscapeHtml(std::string_view s);

// Returns JSON text made safe inside a <script> element ("</" -> "<\/").
std::string EscapeScriptJson(std::string_view json);

// Writes the page. `library` is the graph library's JavaScript source;
// `styles` colours nodes by type as in the DOT export.
void WriteHtml(const KnowledgeGraph& graph, const std::map<std::string, NodeStyle>& styles,
               std::string_view library, std::ostream& out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORT_HTML_WRITER_H_
