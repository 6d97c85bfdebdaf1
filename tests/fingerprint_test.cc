#include "extract/fingerprint.h"

#include <doctest/doctest.h>

namespace newsgraph {

TEST_CASE("fingerprints are 16 hex digits and never change (graph files store them)") {
  // The seed is the project's own (not FNV's usual offset basis); stored
  // .ngraph fingerprints and schema digests depend on these exact values.
  CHECK(Fingerprint("") == "14650fb0739d0383");
  CHECK(Fingerprint("a") == "44bd8ad473cd9906");
  CHECK(Fingerprint("a") != Fingerprint("b"));
}

TEST_CASE("a document's fingerprint covers its text and date, in that order") {
  Document doc;
  doc.id = "x";
  doc.text = "Anthropic rents compute from SpaceX.";
  doc.date = "2026-11-21";
  CHECK(DocumentFingerprint(doc) == Fingerprint(doc.text + '\x1f' + doc.date));
  Document other = doc;
  other.id = "y";  // the id is not part of it
  CHECK(DocumentFingerprint(other) == DocumentFingerprint(doc));
  other.date = "2026-11-22";
  CHECK(DocumentFingerprint(other) != DocumentFingerprint(doc));
}

}  // namespace newsgraph
