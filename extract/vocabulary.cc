#include "extract/vocabulary.h"

namespace newsgraph {

int32_t Vocabulary::Intern(std::string_view word) {
  auto it = ids_.find(std::string(word));
  if (it != ids_.end()) return it->second;
  const int32_t id = static_cast<int32_t>(words_.size());
  words_.emplace_back(word);
  ids_.emplace(std::string(word), id);
  return id;
}

int32_t Vocabulary::Find(std::string_view word) const {
  auto it = ids_.find(std::string(word));
  return it == ids_.end() ? -1 : it->second;
}

}  // namespace newsgraph
