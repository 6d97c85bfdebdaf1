// Fuzzes the JSON Lines article reader: a record is a Document or an Error.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/error.h"
#include "extract/input_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string line(reinterpret_cast<const char*>(data), size);
  try {
    const newsgraph::Document doc = newsgraph::ParseArticleLine(line, "fuzz.jsonl", 1);
    (void)doc;
  } catch (const newsgraph::Error&) {
  }
  return 0;
}
