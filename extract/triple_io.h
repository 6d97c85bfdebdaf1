// JSON Lines encoding of triples, as `extract` writes them and `build` reads them.
#ifndef NEWSGRAPH_EXTRACT_TRIPLE_IO_H_
#define NEWSGRAPH_EXTRACT_TRIPLE_IO_H_

#include <string>

#include "extract/triple.h"

namespace newsgraph {

// Returns `triple` as one line of JSON (without the newline). Keys come in a
// fixed order; optional fields (date, amount, role, status) appear only when set.
std::string TripleToJson(const Triple& triple);

// Parses one line written by TripleToJson. Throws Error naming `file` and
// `line` when the line is not JSON or lacks a required field.
Triple TripleFromJson(const std::string& json, const std::string& file, int line);

// Returns true when the JSON object text looks like a triple (has "predicate").
bool LooksLikeTriple(const std::string& json);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_TRIPLE_IO_H_
