// Fuzzes the native graph file reader: any bytes are a graph or an Error.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "extract/error.h"
#include "graph/graph_store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    const newsgraph::GraphStore store = newsgraph::GraphStore::Read(in, "fuzz.ngraph", "");
    newsgraph::KnowledgeGraph graph;
    store.AddTo(&graph);
    (void)graph.edge_count();
  } catch (const newsgraph::Error&) {
  }
  return 0;
}
