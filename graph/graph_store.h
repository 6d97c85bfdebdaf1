// The native graph file: everything needed to rebuild and update a graph
// without reading the articles again. JSON Lines:
//   line 1   {"format": "newsgraph-graph", "version": 1, "schema": DIGEST, "documents": N}
//   then     {"doc": ID, "text": FINGERPRINT, "triples": [TRIPLE, ...]}  per document, sorted by id
// where TRIPLE is the object `newsgraph extract` writes. The graph (entity
// resolution, merged edges) is derived from the documents' triples, so the
// same documents give the same graph however they arrived.
#ifndef NEWSGRAPH_GRAPH_GRAPH_STORE_H_
#define NEWSGRAPH_GRAPH_GRAPH_STORE_H_

#include <functional>
#include <istream>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "extract/triple.h"
#include "graph/knowledge_graph.h"

namespace newsgraph {

// The documents of a graph and their facts.
class GraphStore {
 public:
  // The file format's name and version.
  static constexpr const char* kFormat = "newsgraph-graph";
  static constexpr int kVersion = 1;

  // What SetDocument did.
  enum class Change { kAdded, kReplaced, kUnchanged };

  // Builds an empty store for facts extracted with the schema of this digest.
  explicit GraphStore(std::string schema_digest = "");

  // Loads a native graph file. Throws Error naming the file and line when it
  // is not one, is corrupt, or has another version; and when `schema_digest`
  // is not empty and differs from the file's (facts from another schema).
  static GraphStore Load(const std::string& path, const std::string& schema_digest);

  // Reads a native graph from a stream; `name` names it in errors. Same checks as Load.
  static GraphStore Read(std::istream& in, const std::string& name,
                         const std::string& schema_digest);

  // Returns true when the file at `path` starts like a native graph file.
  static bool LooksLikeGraphFile(const std::string& first_line);

  // Sets a document's facts. `text_fingerprint` identifies its text ("" when
  // unknown, as for facts read from a triples file): the same id with the same
  // fingerprint changes nothing; with another, the facts are replaced.
  Change SetDocument(const std::string& doc, const std::string& text_fingerprint,
                     std::vector<Triple> triples);

  // Appends facts to a document (triples files may hold a document's facts on several lines).
  void AppendTriples(const std::string& doc, std::vector<Triple> triples);

  // Removes a document and its facts; returns false when it was not there.
  bool RemoveDocument(const std::string& doc);

  // Writes the store in the native format.
  void Write(std::ostream& out) const;

  // Calls `fn(doc, fingerprint, triples)` for each document, in id order.
  void ForEachDocument(const std::function<void(const std::string&, const std::string&,
                                                const std::vector<Triple>&)>& fn) const;

  // Adds every fact to `graph`.
  void AddTo(KnowledgeGraph* graph) const;

  // The number of documents, and whether one is present.
  size_t size() const { return docs_.size(); }
  bool Contains(const std::string& doc) const { return docs_.count(doc) > 0; }
  const std::string& schema_digest() const { return schema_; }

 private:
  struct Record {
    std::string fingerprint;
    std::vector<Triple> triples;
  };
  std::string schema_;
  std::map<std::string, Record> docs_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_GRAPH_STORE_H_
