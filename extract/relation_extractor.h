// Relation extraction: runs every schema pattern over each sentence's items
// (tokens, with entity mentions and resolved anaphors as single items), drops
// hedged and negated matches, and turns matches into one triple per fact per
// document with date, amount, role and status.
#ifndef NEWSGRAPH_EXTRACT_RELATION_EXTRACTOR_H_
#define NEWSGRAPH_EXTRACT_RELATION_EXTRACTOR_H_

#include <vector>

#include "extract/coreference.h"
#include "extract/document.h"
#include "extract/entity_recognizer.h"
#include "extract/schema.h"
#include "extract/sentence_splitter.h"
#include "extract/tokenizer.h"
#include "extract/triple.h"

namespace newsgraph {

// Everything the relation extractor reads about one document.
struct AnnotatedDocument {
  const Document* document = nullptr;
  const NormalizedText* text = nullptr;
  const std::vector<Token>* tokens = nullptr;
  const std::vector<Sentence>* sentences = nullptr;
  const std::vector<Mention>* mentions = nullptr;
  const std::vector<Entity>* entities = nullptr;
};

// Returns the document's facts: one triple per (subject, predicate, object),
// ordered by first evidence, with the further evidence attached.
std::vector<Triple> ExtractRelations(const Schema& schema, const AnnotatedDocument& doc);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_RELATION_EXTRACTOR_H_
