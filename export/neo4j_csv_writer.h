// The neo4j-admin bulk-import layout: nodes.csv and relationships.csv in a
// folder, with typed headers (id:ID, :LABEL, :START_ID, :END_ID, :TYPE,
// weight:int, confidence:double, sources:string[] ...). Import with
//   neo4j-admin database import full --nodes=nodes.csv
//     --relationships=relationships.csv --multiline-fields=true neo4j
// (one command line).
#ifndef NEWSGRAPH_EXPORT_NEO4J_CSV_WRITER_H_
#define NEWSGRAPH_EXPORT_NEO4J_CSV_WRITER_H_

#include <ostream>
#include <string>
#include <string_view>

#include "graph/knowledge_graph.h"

namespace newsgraph {

// Returns `s` as one quoted CSV field (RFC 4180: quotes doubled; line breaks
// kept inside the quotes; invalid UTF-8 as U+FFFD).
std::string EscapeCsv(std::string_view s);

// Writes the nodes file.
void WriteNeo4jNodes(const KnowledgeGraph& graph, std::ostream& out);

// Writes the relationships file.
void WriteNeo4jRelationships(const KnowledgeGraph& graph, std::ostream& out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORT_NEO4J_CSV_WRITER_H_
