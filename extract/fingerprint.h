// Content fingerprints: a stable 64-bit FNV-1a hash as 16 hex digits, used
// for schema digests and to tell whether an article's text changed.
#ifndef NEWSGRAPH_EXTRACT_FINGERPRINT_H_
#define NEWSGRAPH_EXTRACT_FINGERPRINT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "extract/document.h"

namespace newsgraph {

// Returns the FNV-1a hash of `data`, continuing from `seed`.
uint64_t Fnv1a64(std::string_view data, uint64_t seed = 1469598103934665603ULL);

// Returns `value` as 16 lower-case hex digits.
std::string HexDigits(uint64_t value);

// Returns the fingerprint of `data`: HexDigits(Fnv1a64(data)).
std::string Fingerprint(std::string_view data);

// Returns the fingerprint of what extraction reads from a document: its text
// and its date (Fingerprint(text + '\x1f' + date), without the copy). A
// document whose fingerprint is unchanged gives the same facts.
std::string DocumentFingerprint(const Document& document);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_FINGERPRINT_H_
