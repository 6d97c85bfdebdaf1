// Fuzzes the whole extractor (recogniser, coreference, relation matching)
// with the default schema: any text gives facts whose evidence lies inside it
// and whose confidence is in (0, 1], or an Error; never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "extract/error.h"
#include "extract/schema.h"
#include "extract/triple_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const newsgraph::TripleExtractor* extractor = [] {
    return new newsgraph::TripleExtractor(newsgraph::Schema::LoadFile(NEWSGRAPH_DEFAULT_SCHEMA));
  }();
  newsgraph::Document doc;
  doc.id = "fuzz";
  doc.date = "2026-11-22";
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  try {
    for (const newsgraph::Triple& t : extractor->Extract(doc)) {
      if (t.start > t.end || t.end > size) std::abort();
      if (!(t.confidence > 0.0 && t.confidence <= 1.0)) std::abort();
      if (t.subject.empty() || t.object.empty() || t.predicate.empty()) std::abort();
    }
  } catch (const newsgraph::Error&) {
  }
  return 0;
}
