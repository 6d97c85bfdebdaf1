// Cypher exports for graph databases:
//  - a Kuzu script: node and relationship tables (DDL) then CREATE statements,
//    one per node and per edge, for `kuzu` (the embedded database);
//  - a Neo4j script of idempotent MERGE statements for `cypher-shell`, one
//    label per entity type, one relationship type per predicate.
// Both quote strings through EscapeCypherString and names through QuoteName.
#ifndef NEWSGRAPH_EXPORT_CYPHER_WRITER_H_
#define NEWSGRAPH_EXPORT_CYPHER_WRITER_H_

#include <ostream>
#include <string>
#include <string_view>

#include "graph/knowledge_graph.h"

namespace newsgraph {

// Returns `s` as a single-quoted Cypher string literal: backslash, quotes and
// control characters backslash-escaped, invalid UTF-8 as U+FFFD.
std::string EscapeCypherString(std::string_view s);

// Returns a label, relationship type or property name in backquotes.
std::string QuoteName(std::string_view name);

// Writes the Kuzu script: DDL for the types and predicates present, then data.
void WriteKuzuScript(const KnowledgeGraph& graph, std::ostream& out);

// Writes only the DDL part of the Kuzu script (for loading the Neo4j script
// into Kuzu, where the two dialects agree).
void WriteKuzuSchema(const KnowledgeGraph& graph, std::ostream& out);

// Writes the Neo4j MERGE script: running it twice leaves the same graph.
void WriteNeo4jCypher(const KnowledgeGraph& graph, std::ostream& out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORT_CYPHER_WRITER_H_
