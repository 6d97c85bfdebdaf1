// Sentence splitting over a token stream: full stops, question and
// exclamation marks (with closing quotes and brackets), paragraph breaks and,
// in texts that are not hard-wrapped, single line breaks. Abbreviations,
// initials and decimals do not end a sentence.
#ifndef NEWSGRAPH_EXTRACT_SENTENCE_SPLITTER_H_
#define NEWSGRAPH_EXTRACT_SENTENCE_SPLITTER_H_

#include <cstdint>
#include <vector>

#include "extract/text_normalizer.h"
#include "extract/tokenizer.h"

namespace newsgraph {

// One sentence: tokens [token_begin, token_end) and the half-open byte span
// [begin, end) they cover in the original text.
struct Sentence {
  uint32_t token_begin = 0;
  uint32_t token_end = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Returns true when `text` is hard-wrapped wire copy (no line longer than
// 100 bytes): there a single line break is layout, not structure.
bool IsHardWrapped(const NormalizedText& text);

// Splits the tokens of `text` into sentences. Every token belongs to exactly
// one sentence; a sentence has at least one token. Sentences longer than
// `max_tokens` are cut so that later stages see bounded input.
std::vector<Sentence> SplitSentences(const NormalizedText& text, const std::vector<Token>& tokens,
                                     uint32_t max_tokens = 400);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_SENTENCE_SPLITTER_H_
