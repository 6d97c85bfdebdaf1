#include "extract/triple_extractor.h"

#include "extract/relation_extractor.h"

namespace newsgraph {

TripleExtractor::TripleExtractor(std::shared_ptr<const Schema> schema) : schema_(std::move(schema)) {}

DocumentAnalysis TripleExtractor::Analyze(const Document& document) const {
  DocumentAnalysis a;
  a.text = NormalizeText(document.text);
  a.tokens = Tokenize(a.text);
  for (Token& t : a.tokens) t.word = schema_->vocabulary.Find(t.lower);
  a.sentences = SplitSentences(a.text, a.tokens);
  a.mentions = RecognizeEntities(*schema_, a.text, a.tokens, a.sentences);
  a.entities = ResolveCoreference(*schema_, a.text, a.tokens, a.sentences, &a.mentions);
  AnnotatedDocument annotated{&document, &a.text, &a.tokens, &a.sentences, &a.mentions, &a.entities};
  a.triples = ExtractRelations(*schema_, annotated);
  return a;
}

std::vector<Triple> TripleExtractor::Extract(const Document& document) const {
  return Analyze(document).triples;
}

}  // namespace newsgraph
