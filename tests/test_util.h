// Helpers shared by the unit tests.
#ifndef NEWSGRAPH_TESTS_TEST_UTIL_H_
#define NEWSGRAPH_TESTS_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "extract/schema.h"
#include "extract/triple.h"
#include "extract/triple_extractor.h"

namespace newsgraph::testing {

// The project's source folder and the shared folder beside it.
std::string SourceDir();
std::string SharedDir();

// The default schema.yaml, loaded once.
std::shared_ptr<const Schema> DefaultSchema();

// Extracts the facts of `text` with the default schema.
std::vector<Triple> ExtractText(const std::string& text, const std::string& date = "");

// True when `triples` hold (subject, predicate, object).
bool HasFact(const std::vector<Triple>& triples, const std::string& subject, const std::string& predicate,
             const std::string& object);

// Renders triples as "subject predicate object" lines, for failure messages.
std::string Describe(const std::vector<Triple>& triples);

// A fresh empty temporary directory, removed by the caller if it wishes.
std::string TempDir();

// Writes `content` to `path`.
void WriteFile(const std::string& path, const std::string& content);

}  // namespace newsgraph::testing

#endif  // NEWSGRAPH_TESTS_TEST_UTIL_H_
