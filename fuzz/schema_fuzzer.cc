// Fuzzes the schema loader (YAML, types, lists, relations and the patterns it
// compiles): any text is a schema or an Error naming the file, never a crash
// or another exception.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/error.h"
#include "extract/schema.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string yaml(reinterpret_cast<const char*>(data), size);
  try {
    const auto schema = newsgraph::Schema::LoadString(yaml, "fuzz.yaml", "/nonexistent");
    (void)schema;
  } catch (const newsgraph::Error&) {
  }
  return 0;
}
