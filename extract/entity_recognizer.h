// Entity recognition without a trained model: capitalised-sequence candidates
// typed by evidence from the schema's word lists (gazetteers, given names,
// honorifics, corporate suffixes and head words, nationality adjectives,
// facility heads). A name seen with strong evidence fixes its type for the
// whole document; headlines are read against the names the body defines.
#ifndef NEWSGRAPH_EXTRACT_ENTITY_RECOGNIZER_H_
#define NEWSGRAPH_EXTRACT_ENTITY_RECOGNIZER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/schema.h"
#include "extract/sentence_splitter.h"
#include "extract/tokenizer.h"

namespace newsgraph {

// How sure the recogniser is of a mention's type.
enum class TypeEvidence : uint8_t { kNone = 0, kWeak = 1, kStrong = 2, kGazetteer = 3 };

// A mention of a named entity: tokens [token_begin, token_end) of the
// document, the half-open byte span [begin, end) in the original text, and its
// surface text with the document's own spacing.
struct Mention {
  uint32_t sentence = 0;
  uint32_t token_begin = 0;
  uint32_t token_end = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string text;
  TypeId type = kUnknownType;
  TypeEvidence evidence = TypeEvidence::kNone;
  // For a nationality adjective ("German"), the place it stands for ("Germany").
  std::string place;
  // The entity this mention refers to, set by coreference; -1 before.
  int32_t entity = -1;
  // True for pronouns and descriptions ("he", "the company") resolved to an entity.
  bool anaphor = false;
};

// Finds the named-entity mentions of a tokenised document, in text order and
// without overlaps. Each token's `word` must be its id in the schema's
// vocabulary (as TripleExtractor::Analyze sets it): the word lists are read
// through it.
std::vector<Mention> RecognizeEntities(const Schema& schema, const NormalizedText& text,
                                       const std::vector<Token>& tokens,
                                       const std::vector<Sentence>& sentences);

// Returns true when `lower` (a lower-case word, without a full stop) is a
// legal form that closes a company's name: "inc", "corp", "ag", "plc".
bool IsLegalFormSuffix(const std::string& lower);

// Returns the surface text of tokens [begin, end): their normalised text,
// joined by one space where the document has whitespace.
std::string SurfaceText(const NormalizedText& text, const std::vector<Token>& tokens,
                        uint32_t begin, uint32_t end);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_ENTITY_RECOGNIZER_H_
