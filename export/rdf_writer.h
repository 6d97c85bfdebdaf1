// RDF export as N-Triples and Turtle, for triple stores. Namespaces:
//   entities  urn:newsgraph:entity:ID   (ID percent-encoded)
//   facts     urn:newsgraph:fact:ID     (one reified statement per edge)
//   vocabulary urn:newsgraph:vocab:     (ng:Person, ng:joined, ng:weight, ...)
// Each fact is written twice: as a direct triple (entity ng:joined entity)
// and as a ng:Fact resource carrying weight, confidence, sources, evidence,
// date, amount, role and status. Escaping lives in EscapeRdfLiteral and
// EncodeIri.
#ifndef NEWSGRAPH_EXPORT_RDF_WRITER_H_
#define NEWSGRAPH_EXPORT_RDF_WRITER_H_

#include <ostream>
#include <string>
#include <string_view>

#include "graph/knowledge_graph.h"

namespace newsgraph {

// The vocabulary namespace.
inline constexpr const char* kRdfVocabulary = "urn:newsgraph:vocab:";

// Returns `s` escaped for the inside of a double-quoted N-Triples or Turtle
// literal: quote, backslash, CR, LF and tab as \" \\ \r \n \t, other control
// characters as \uXXXX, invalid UTF-8 as U+FFFD.
std::string EscapeRdfLiteral(std::string_view s);

// Returns `s` percent-encoded where IRIs forbid a character (space, <>"{}|\^`
// and controls) and where it would end a prefixed name or fragment (%, #).
std::string EncodeIri(std::string_view s);

// Writes the graph as N-Triples.
void WriteNTriples(const KnowledgeGraph& graph, std::ostream& out);

// Writes the graph as Turtle, with prefixes for the vocabulary.
void WriteTurtle(const KnowledgeGraph& graph, std::ostream& out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORT_RDF_WRITER_H_
