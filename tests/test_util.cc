#include "tests/test_util.h"

#include <stdlib.h>

#include <fstream>

namespace newsgraph::testing {

std::string SourceDir() { return NEWSGRAPH_SOURCE_DIR; }
std::string SharedDir() { return NEWSGRAPH_SHARED_DIR; }

std::shared_ptr<const Schema> DefaultSchema() {
  static const std::shared_ptr<const Schema> schema = Schema::LoadFile(SourceDir() + "/schema.yaml");
  return schema;
}

std::vector<Triple> ExtractText(const std::string& text, const std::string& date) {
  static const TripleExtractor extractor(DefaultSchema());
  Document doc;
  doc.id = "test";
  doc.text = text;
  doc.date = date;
  return extractor.Extract(doc);
}

bool HasFact(const std::vector<Triple>& triples, const std::string& subject, const std::string& predicate,
             const std::string& object) {
  for (const Triple& t : triples) {
    if (t.subject == subject && t.predicate == predicate && t.object == object) return true;
  }
  return false;
}

std::string Describe(const std::vector<Triple>& triples) {
  std::string out;
  for (const Triple& t : triples) out += t.subject + " " + t.predicate + " " + t.object + "\n";
  return out;
}

std::string TempDir() {
  std::string pattern = "/tmp/newsgraph_test.XXXXXX";
  char* dir = mkdtemp(pattern.data());
  return dir ? std::string(dir) : std::string("/tmp");
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

}  // namespace newsgraph::testing
