// In-document coreference: groups the mentions of one entity (surnames and
// given names to the full name, spacing and suffix variants, acronyms and
// prefixes to the full organisation name, place variants to one place) and
// resolves pronouns and descriptions ("he", "its", "the company") to the
// entity they refer to.
#ifndef NEWSGRAPH_EXTRACT_COREFERENCE_H_
#define NEWSGRAPH_EXTRACT_COREFERENCE_H_

#include <string>
#include <vector>

#include "extract/entity_recognizer.h"
#include "extract/schema.h"
#include "extract/sentence_splitter.h"
#include "extract/tokenizer.h"

namespace newsgraph {

// An entity of one document: its canonical name (the fullest form the
// document uses), its type, and the other surface forms it goes by.
struct Entity {
  std::string name;
  TypeId type = kUnknownType;
  std::vector<std::string> aliases;  // sorted, without `name`
  // 'M', 'F' or 'U' for people.
  char gender = 'U';
};

// Clusters `mentions` into entities (setting Mention::entity) and appends
// anaphor mentions for resolved pronouns and descriptions, keeping `mentions`
// in text order. Returns the entities, indexed by Mention::entity.
std::vector<Entity> ResolveCoreference(const Schema& schema, const NormalizedText& text,
                                       const std::vector<Token>& tokens,
                                       const std::vector<Sentence>& sentences,
                                       std::vector<Mention>* mentions);

// The key under which organisation names are the same: lower case, letters
// and digits only, a leading "the" and trailing corporate suffixes dropped
// ("Time Warner Inc." and "TimeWarner" give "timewarner").
std::string OrganizationKey(const std::string& name);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_COREFERENCE_H_
