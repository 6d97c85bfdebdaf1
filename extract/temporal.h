// Dates and money amounts in a sentence: dates are resolved against the
// article's date ("on Monday", "last year"), amounts are kept as written.
#ifndef NEWSGRAPH_EXTRACT_TEMPORAL_H_
#define NEWSGRAPH_EXTRACT_TEMPORAL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "extract/text_normalizer.h"
#include "extract/tokenizer.h"

namespace newsgraph {

// A calendar date; month and day are 0 when unknown.
struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;
};

// Parses an ISO date prefix ("2024", "2024-05", "2024-05-17"); returns false
// when `iso` is not one.
bool ParseIsoDate(const std::string& iso, CivilDate* out);

// Formats a date as ISO 8601, as precise as it is known.
std::string FormatIsoDate(const CivilDate& date);

// Returns the first date expression in tokens [begin, end) as ISO 8601,
// resolving relative expressions against `document_date` (ISO, or ""), or ""
// when there is none or it cannot be resolved.
std::string FindDate(const std::vector<Token>& tokens, uint32_t begin, uint32_t end,
                     const std::string& document_date);

// Returns the money amount in tokens [begin, end) closest to token `near`,
// as written in `text` ("$1.13bn", "300 mln dlrs"), or "" when there is none.
std::string FindAmount(const NormalizedText& text, const std::vector<Token>& tokens, uint32_t begin,
                       uint32_t end, uint32_t near);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_TEMPORAL_H_
