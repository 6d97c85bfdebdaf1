// Fuzzes the text normaliser, tokeniser and sentence splitter: any bytes must
// give offsets inside the original text, in order, with every token in one sentence.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extract/sentence_splitter.h"
#include "extract/text_normalizer.h"
#include "extract/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const newsgraph::NormalizedText text = newsgraph::NormalizeText(input);
  if (text.to_original.size() != text.text.size() + 1) std::abort();
  const auto tokens = newsgraph::Tokenize(text);
  uint32_t previous = 0;
  for (const auto& t : tokens) {
    if (t.begin < previous || t.end > size || t.begin >= t.end) std::abort();
    previous = t.begin;
  }
  const auto sentences = newsgraph::SplitSentences(text, tokens, 50);
  uint32_t next = 0;
  for (const auto& s : sentences) {
    if (s.token_begin != next || s.token_end <= s.token_begin || s.token_end - s.token_begin > 50)
      std::abort();
    next = s.token_end;
  }
  if (next != tokens.size()) std::abort();
  return 0;
}
