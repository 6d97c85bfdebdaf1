// GraphML export. Written by hand rather than with boost::write_graphml,
// which loses float precision and passes control characters through: here
// every string goes through EscapeXml, numbers keep their shortest exact form,
// and each attribute has a typed <key>.
#ifndef NEWSGRAPH_EXPORT_GRAPHML_WRITER_H_
#define NEWSGRAPH_EXPORT_GRAPHML_WRITER_H_

#include <ostream>
#include <string>
#include <string_view>

#include "graph/knowledge_graph.h"

namespace newsgraph {

// Returns `s` escaped for XML 1.0 text and attribute values: & < > " ' as
// entities, tab, newline and carriage return as character references, other
// characters XML 1.0 forbids (C0 controls, U+FFFE, U+FFFF) and invalid UTF-8
// as U+FFFD.
std::string EscapeXml(std::string_view s);

// Writes `graph` as GraphML. Nodes carry label, type, aliases ("; "-joined)
// and documents (count); edges carry label (= predicate), predicate, weight
// (documents that state it), sentences, confidence, sources (document ids,
// "; "-joined), evidence (the first evidence sentence), and date, amount,
// role, status and the first and last reported dates where known.
void WriteGraphml(const KnowledgeGraph& graph, std::ostream& out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORT_GRAPHML_WRITER_H_
