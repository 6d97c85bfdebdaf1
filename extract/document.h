// Plain value types that flow between the extraction stages:
// Document -> Sentences/Tokens -> Mentions -> Entities -> Triples.
// Every offset is a byte offset into Document::text, half-open [begin, end).
#ifndef NEWSGRAPH_EXTRACT_DOCUMENT_H_
#define NEWSGRAPH_EXTRACT_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace newsgraph {

// One article: its id, its full text (a title, when given, is the first
// paragraph of the text) and its publication date as an ISO date ("" when
// unknown), used to resolve relative dates.
struct Document {
  std::string id;
  std::string text;
  std::string date;
  // Where the document came from, for error messages ("file" or "file:line").
  std::string source;
};

// The entity types known to the extractor. Types come from the schema; the
// index into Schema::types identifies one. kUnknownType marks a mention whose
// type no evidence fixed.
using TypeId = int;
constexpr TypeId kUnknownType = -1;

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_DOCUMENT_H_
