// The extraction pipeline for one document: normalise, tokenise, split
// sentences, recognise entities, resolve coreference, extract relations.
#ifndef NEWSGRAPH_EXTRACT_TRIPLE_EXTRACTOR_H_
#define NEWSGRAPH_EXTRACT_TRIPLE_EXTRACTOR_H_

#include <memory>
#include <vector>

#include "extract/coreference.h"
#include "extract/document.h"
#include "extract/entity_recognizer.h"
#include "extract/schema.h"
#include "extract/sentence_splitter.h"
#include "extract/text_normalizer.h"
#include "extract/tokenizer.h"
#include "extract/triple.h"

namespace newsgraph {

// Every stage's output for one document, for inspection and tests.
struct DocumentAnalysis {
  NormalizedText text;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;
  std::vector<Entity> entities;
  std::vector<Triple> triples;
};

// Runs the whole pipeline with one schema. Thread-compatible: one instance
// may serve several threads, since Extract() does not modify it.
class TripleExtractor {
 public:
  // Builds an extractor over a loaded schema.
  explicit TripleExtractor(std::shared_ptr<const Schema> schema);

  // Returns the facts of one document.
  std::vector<Triple> Extract(const Document& document) const;

  // Returns every stage's output for one document.
  DocumentAnalysis Analyze(const Document& document) const;

  // The schema in use.
  const Schema& schema() const { return *schema_; }

 private:
  std::shared_ptr<const Schema> schema_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_TRIPLE_EXTRACTOR_H_
