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

// Seconds spent in each stage of the pipeline, summed over the documents an
// extractor was given; the benchmark prints them.
struct StageTimes {
  // Normalising, tokenising and sentence splitting.
  double splitting = 0;
  // Recognising and typing entity mentions.
  double entities = 0;
  // Resolving coreference into entities.
  double coreference = 0;
  // Matching the relation patterns and building triples.
  double relations = 0;

  // Adds another document's (or thread's) times to these.
  void Add(const StageTimes& other);
};

// Runs the whole pipeline with one schema. Thread-compatible: one instance
// may serve several threads, since Extract() does not modify it.
class TripleExtractor {
 public:
  // Builds an extractor over a loaded schema.
  explicit TripleExtractor(std::shared_ptr<const Schema> schema);

  // Returns the facts of one document. When `times` is given, adds the time
  // of each stage to it.
  std::vector<Triple> Extract(const Document& document, StageTimes* times = nullptr) const;

  // Returns every stage's output for one document, adding each stage's time
  // to `times` when given.
  DocumentAnalysis Analyze(const Document& document, StageTimes* times = nullptr) const;

  // The schema in use.
  const Schema& schema() const { return *schema_; }

 private:
  std::shared_ptr<const Schema> schema_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_TRIPLE_EXTRACTOR_H_
