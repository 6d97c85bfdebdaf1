#include "extract/pattern.h"

#include <algorithm>
#include <memory>

#include "extract/error.h"
#include "extract/text_normalizer.h"
#include "extract/tokenizer.h"

namespace newsgraph {

std::vector<std::string> Inflections(const std::string& w) {
  std::vector<std::string> out = {w};
  if (w.empty()) return out;
  const char last = w.back();
  const auto is_vowel = [](char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  };
  const std::string stem_e = last == 'e' ? w.substr(0, w.size() - 1) : w;
  // Third person singular.
  if (last == 's' || last == 'x' || last == 'z' ||
      (w.size() > 1 && (w.substr(w.size() - 2) == "ch" || w.substr(w.size() - 2) == "sh"))) {
    out.push_back(w + "es");
  } else if (last == 'y' && w.size() > 1 && !is_vowel(w[w.size() - 2])) {
    out.push_back(w.substr(0, w.size() - 1) + "ies");
  } else {
    out.push_back(w + "s");
  }
  // Past tense and participle.
  if (last == 'e') {
    out.push_back(w + "d");
  } else if (last == 'y' && w.size() > 1 && !is_vowel(w[w.size() - 2])) {
    out.push_back(w.substr(0, w.size() - 1) + "ied");
  } else {
    out.push_back(w + "ed");
  }
  // Present participle.
  out.push_back((last == 'e' && w.size() > 2 && w[w.size() - 2] != 'e' ? stem_e : w) + "ing");
  // Doubled final consonant (plan -> planned, planning) for consonant-vowel-consonant endings.
  if (w.size() >= 3 && !is_vowel(last) && last != 'w' && last != 'x' && last != 'y' &&
      is_vowel(w[w.size() - 2]) && !is_vowel(w[w.size() - 3])) {
    out.push_back(w + last + "ed");
    out.push_back(w + last + "ing");
  }
  return out;
}

namespace {

struct Node {
  enum Kind { kSeq, kAlt, kRepeat, kWord, kWordSet, kAny, kNot, kEntity, kCapture, kEmpty } kind;
  std::vector<std::unique_ptr<Node>> children;
  int32_t value = 0;  // word id, word-set index, capture index, entity slot
  uint64_t types = 0;
  bool untyped = false;  // kEntity: also takes untyped names
  int min = 0;
  int max = 0;  // -1: unbounded
};

using NodePtr = std::unique_ptr<Node>;

NodePtr MakeNode(Node::Kind kind) {
  auto n = std::make_unique<Node>();
  n->kind = kind;
  return n;
}

// `child` zero or one time: "x?".
NodePtr MakeOptional(NodePtr child) {
  auto n = MakeNode(Node::kRepeat);
  n->min = 0;
  n->max = 1;
  n->children.push_back(std::move(child));
  return n;
}

bool IsSyntax(char c) {
  return c == '(' || c == ')' || c == '|' || c == '?' || c == '*' || c == '+' || c == '{' ||
         c == '}' || c == '<' || c == '>' || c == '"';
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Splits a literal into lower-case tokens the way documents are tokenised.
std::vector<std::string> LiteralTokens(std::string_view literal) {
  std::vector<std::string> out;
  const NormalizedText normalized = NormalizeText(literal);
  for (const Token& t : Tokenize(normalized)) {
    out.push_back(t.lower);
    // An abbreviation keeps its full stop in the text but not in `lower`.
  }
  return out;
}

}  // namespace

// The most instructions one compiled pattern may have.
constexpr size_t kMaxInstructions = 20000;

class PatternCompiler {
 public:
  PatternCompiler(std::string_view source, const PatternContext& context, const std::string& file,
                  int line, int column)
      : src_(source), ctx_(context), file_(file), line_(line), column_(column) {}

  Pattern Run() {
    pattern_.source_ = std::string(src_);
    NodePtr root = ParseAlt();
    SkipBlanks();
    if (pos_ < src_.size()) Fail("unexpected '" + std::string(1, src_[pos_]) + "'");
    if (!has_subject_) Fail("pattern has no {subj} slot", 0);
    if (!has_object_ && ctx_.requires_object) Fail("pattern has no {obj} slot", 0);
    if (has_object_ && !ctx_.requires_object)
      Fail("a topic pattern has no {obj} slot: its object is the article's main organisation", 0);
    Emit(*root);
    pattern_.program_.push_back({Pattern::Op::kMatch});
    // Every word set all matches need one word of, at most 64, each sorted.
    std::vector<std::vector<int32_t>> required;
    RequiredSets(*root, &required);
    for (std::vector<int32_t>& set : required) {
      std::sort(set.begin(), set.end());
      set.erase(std::unique(set.begin(), set.end()), set.end());
    }
    std::sort(required.begin(), required.end());
    required.erase(std::unique(required.begin(), required.end()), required.end());
    if (required.size() > 64) required.resize(64);
    pattern_.required_sets_ = std::move(required);
    pattern_.min_entities_ = MinEntities(*root);
    pattern_.requires_object_ = ctx_.requires_object;
    for (const Pattern::Inst& inst : pattern_.program_) {
      if (inst.op == Pattern::Op::kEntity && (inst.slot == 0 || inst.slot == 1)) {
        pattern_.slot_types_[static_cast<size_t>(inst.slot)] |=
            inst.types | (inst.y == 1 ? kUntypedBit : 0);
      }
    }
    if (ctx_.precompute_closures) pattern_.BuildClosures();
    return std::move(pattern_);
  }

  // Appends to `out` word sets such that every match of `n` holds a word of
  // each (as a plain token): one per word, word list or alternation that
  // every path through `n` passes.
  void RequiredSets(const Node& n, std::vector<std::vector<int32_t>>* out) const {
    switch (n.kind) {
      case Node::kCapture:
        RequiredSets(*n.children[0], out);
        return;
      case Node::kRepeat:
        if (n.min >= 1) RequiredSets(*n.children[0], out);
        return;
      case Node::kSeq:
        for (const auto& c : n.children) RequiredSets(*c, out);
        return;
      default: {
        std::vector<int32_t> words;
        if (RequiredWords(n, &words)) out->push_back(std::move(words));
      }
    }
  }

  // Sets `out` to words of which every match holds one; false when no such set is known.
  bool RequiredWords(const Node& n, std::vector<int32_t>* out) const {
    switch (n.kind) {
      case Node::kWord:
        *out = {n.value};
        return true;
      case Node::kWordSet:
        *out = pattern_.word_sets_[static_cast<size_t>(n.value)];
        return true;
      case Node::kCapture:
        return RequiredWords(*n.children[0], out);
      case Node::kRepeat:
        return n.min >= 1 && RequiredWords(*n.children[0], out);
      case Node::kSeq: {
        bool found = false;
        for (const auto& c : n.children) {
          std::vector<int32_t> words;
          if (RequiredWords(*c, &words) && (!found || words.size() < out->size())) {
            *out = std::move(words);
            found = true;
          }
        }
        return found;
      }
      case Node::kAlt: {
        out->clear();
        for (const auto& c : n.children) {
          std::vector<int32_t> words;
          if (!RequiredWords(*c, &words)) return false;
          out->insert(out->end(), words.begin(), words.end());
        }
        return !n.children.empty();
      }
      default:
        return false;
    }
  }

  int MinEntities(const Node& n) const {
    switch (n.kind) {
      case Node::kEntity:
        return 1;
      case Node::kCapture:
        return MinEntities(*n.children[0]);
      case Node::kRepeat:
        return n.min * MinEntities(*n.children[0]);
      case Node::kSeq: {
        int sum = 0;
        for (const auto& c : n.children) sum += MinEntities(*c);
        return sum;
      }
      case Node::kAlt: {
        int least = INT32_MAX;
        for (const auto& c : n.children) least = std::min(least, MinEntities(*c));
        return n.children.empty() ? 0 : least;
      }
      default:
        return 0;
    }
  }

 private:
  [[noreturn]] void Fail(const std::string& what) { Fail(what, pos_); }
  [[noreturn]] void Fail(const std::string& what, size_t at) {
    throw Error(file_, line_, column_ + static_cast<int>(at),
                "bad pattern \"" + std::string(src_) + "\": " + what);
  }

  void SkipBlanks() {
    while (pos_ < src_.size() && IsBlank(src_[pos_])) ++pos_;
  }

  bool AtEnd() {
    SkipBlanks();
    return pos_ >= src_.size();
  }

  NodePtr ParseAlt() {
    auto alt = MakeNode(Node::kAlt);
    alt->children.push_back(ParseSeq());
    while (!AtEnd() && src_[pos_] == '|') {
      ++pos_;
      alt->children.push_back(ParseSeq());
    }
    if (alt->children.size() == 1) return std::move(alt->children[0]);
    return alt;
  }

  NodePtr ParseSeq() {
    auto seq = MakeNode(Node::kSeq);
    while (!AtEnd() && src_[pos_] != '|' && src_[pos_] != ')' && src_[pos_] != '}') {
      seq->children.push_back(ParseQuantified());
    }
    return seq;
  }

  NodePtr ParseQuantified() {
    const size_t atom_start = pos_;
    NodePtr atom = ParseAtom();
    while (pos_ < src_.size()) {
      const char c = src_[pos_];
      int min;
      int max;
      if (c == '?') {
        min = 0, max = 1, ++pos_;
      } else if (c == '*') {
        min = 0, max = -1, ++pos_;
      } else if (c == '+') {
        min = 1, max = -1, ++pos_;
      } else if (c == '{' && pos_ + 1 < src_.size() &&
                 std::isdigit(static_cast<unsigned char>(src_[pos_ + 1]))) {
        ++pos_;
        min = ParseNumber();
        max = min;
        if (pos_ < src_.size() && src_[pos_] == ',') {
          ++pos_;
          max = ParseNumber();
        }
        if (pos_ >= src_.size() || src_[pos_] != '}') Fail("expected '}' after a repeat count");
        ++pos_;
        if (max < min) Fail("repeat {m,n} needs m <= n");
        if (max > 20) Fail("repeat bound above 20");
      } else {
        break;
      }
      if (atom->kind == Node::kEmpty) Fail("nothing to repeat", atom_start);
      auto rep = MakeNode(Node::kRepeat);
      rep->min = min;
      rep->max = max;
      rep->children.push_back(std::move(atom));
      atom = std::move(rep);
    }
    return atom;
  }

  int ParseNumber() {
    int v = 0;
    const size_t start = pos_;
    while (pos_ < src_.size() && std::isdigit(static_cast<unsigned char>(src_[pos_]))) {
      v = v * 10 + (src_[pos_] - '0');
      if (v > 1000) Fail("number too large");
      ++pos_;
    }
    if (pos_ == start) Fail("expected a number");
    return v;
  }

  NodePtr ParseAtom() {
    SkipBlanks();
    const char c = src_[pos_];
    if (c == '(') {
      const size_t open = pos_++;
      NodePtr inner = ParseAlt();
      if (AtEnd() || src_[pos_] != ')') Fail("unclosed '('", open);
      ++pos_;
      return inner;
    }
    if (c == '{') return ParseBrace();
    if (c == '<') {
      const size_t open = pos_++;
      const size_t end = src_.find('>', pos_);
      if (end == std::string_view::npos) Fail("unclosed '<'", open);
      const std::string name(src_.substr(pos_, end - pos_));
      pos_ = end + 1;
      auto it = ctx_.lists->find(name);
      if (it == ctx_.lists->end()) Fail("unknown word list <" + name + ">", open);
      return ListNode(it->second);
    }
    if (c == '"') {
      const size_t open = pos_++;
      const size_t end = src_.find('"', pos_);
      if (end == std::string_view::npos) Fail("unclosed '\"'", open);
      const std::string_view literal = src_.substr(pos_, end - pos_);
      pos_ = end + 1;
      return LiteralNode(literal, false, open);
    }
    if (c == '_' &&
        (pos_ + 1 >= src_.size() || IsBlank(src_[pos_ + 1]) || IsSyntax(src_[pos_ + 1]))) {
      ++pos_;
      return MakeNode(Node::kAny);
    }
    if (c == '!' && pos_ + 1 < src_.size() && !IsBlank(src_[pos_ + 1])) {
      const size_t bang = pos_++;
      NodePtr inner = ParseAtom();
      auto neg = MakeNode(Node::kNot);
      // The excluded words: a single word, or a list whose entries are single words.
      std::vector<int32_t> words;
      CollectSingleWords(*inner, &words, bang);
      std::sort(words.begin(), words.end());
      neg->value = static_cast<int32_t>(pattern_.word_sets_.size());
      pattern_.word_sets_.push_back(std::move(words));
      return neg;
    }
    if (IsSyntax(c)) Fail("unexpected '" + std::string(1, c) + "'");
    const size_t start = pos_;
    while (pos_ < src_.size() && !IsBlank(src_[pos_]) && !IsSyntax(src_[pos_])) ++pos_;
    std::string_view literal = src_.substr(start, pos_ - start);
    bool inflect = false;
    if (literal.size() > 1 && literal.back() == '~') {
      inflect = true;
      literal.remove_suffix(1);
    }
    return LiteralNode(literal, inflect, start);
  }

  void CollectSingleWords(const Node& n, std::vector<int32_t>* out, size_t at) {
    switch (n.kind) {
      case Node::kWord:
        out->push_back(n.value);
        return;
      case Node::kWordSet:
        for (int32_t w : pattern_.word_sets_[static_cast<size_t>(n.value)]) out->push_back(w);
        return;
      case Node::kAlt:
        for (const auto& c : n.children) CollectSingleWords(*c, out, at);
        return;
      case Node::kSeq:
        if (n.children.size() == 1) return CollectSingleWords(*n.children[0], out, at);
        [[fallthrough]];
      default:
        Fail("'!' takes a single word or a list of single words", at);
    }
  }

  NodePtr LiteralNode(std::string_view literal, bool inflect, size_t at) {
    std::vector<std::string> tokens = LiteralTokens(literal);
    if (tokens.empty()) Fail("empty literal", at);
    if (!inflect) return SequenceNode(tokens);
    auto alt = MakeNode(Node::kAlt);
    std::vector<std::string> head(tokens.begin(), tokens.end() - 1);
    for (const std::string& form : Inflections(tokens.back())) {
      std::vector<std::string> phrase = head;
      phrase.push_back(form);
      alt->children.push_back(SequenceNode(phrase));
    }
    return alt;
  }

  // An optional parenthetical after a coordinated name: "Docket (an AI sales
  // engineer)". Up to eight tokens or entities, none a parenthesis.
  NodePtr OptionalParenthetical() {
    auto item = MakeNode(Node::kAlt);
    auto not_paren = MakeNode(Node::kNot);
    std::vector<int32_t> parens = {ctx_.vocabulary->Intern("("), ctx_.vocabulary->Intern(")")};
    std::sort(parens.begin(), parens.end());
    not_paren->value = static_cast<int32_t>(pattern_.word_sets_.size());
    pattern_.word_sets_.push_back(std::move(parens));
    item->children.push_back(std::move(not_paren));
    auto any_entity = MakeNode(Node::kEntity);
    any_entity->value = -1;
    any_entity->types = ~0ULL;
    item->children.push_back(std::move(any_entity));
    auto inside = MakeNode(Node::kRepeat);
    inside->min = 0;
    inside->max = 8;
    inside->children.push_back(std::move(item));
    auto group = MakeNode(Node::kSeq);
    group->children.push_back(SequenceNode({"("}));
    group->children.push_back(std::move(inside));
    group->children.push_back(SequenceNode({")"}));
    return MakeOptional(std::move(group));
  }

  NodePtr SequenceNode(const std::vector<std::string>& tokens) {
    auto seq = MakeNode(Node::kSeq);
    for (const std::string& t : tokens) {
      auto w = MakeNode(Node::kWord);
      w->value = ctx_.vocabulary->Intern(t);
      seq->children.push_back(std::move(w));
    }
    return seq;
  }

  // A word list becomes a trie: entries sharing a first word share a branch,
  // and all one-word endings at a branch become one word-set instruction.
  NodePtr ListNode(const std::vector<std::vector<std::string>>& entries) {
    std::vector<std::vector<int32_t>> ids;
    for (const auto& e : entries) {
      if (e.empty()) continue;
      std::vector<int32_t> phrase;
      for (const auto& w : e) phrase.push_back(ctx_.vocabulary->Intern(w));
      ids.push_back(std::move(phrase));
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.empty()) Fail("empty word list");
    return TrieNode(ids, 0, ids.size(), 0);
  }

  NodePtr TrieNode(const std::vector<std::vector<int32_t>>& ids, size_t lo, size_t hi,
                   size_t depth) {
    auto alt = MakeNode(Node::kAlt);
    std::vector<int32_t> leaves;
    bool can_stop = false;
    size_t i = lo;
    while (i < hi) {
      if (ids[i].size() == depth) {
        can_stop = true;
        ++i;
        continue;
      }
      const int32_t w = ids[i][depth];
      size_t j = i;
      bool longer = false;
      while (j < hi && ids[j].size() > depth && ids[j][depth] == w) {
        if (ids[j].size() > depth + 1) longer = true;
        ++j;
      }
      if (!longer) {
        leaves.push_back(w);
      } else {
        auto seq = MakeNode(Node::kSeq);
        auto word = MakeNode(Node::kWord);
        word->value = w;
        seq->children.push_back(std::move(word));
        seq->children.push_back(TrieNode(ids, i, j, depth + 1));
        alt->children.push_back(std::move(seq));
      }
      i = j;
    }
    if (!leaves.empty()) {
      auto set = MakeNode(Node::kWordSet);
      set->value = static_cast<int32_t>(pattern_.word_sets_.size());
      std::sort(leaves.begin(), leaves.end());
      pattern_.word_sets_.push_back(std::move(leaves));
      alt->children.insert(alt->children.begin(), std::move(set));
    }
    if (can_stop) alt->children.push_back(MakeNode(Node::kEmpty));
    if (alt->children.size() == 1) return std::move(alt->children[0]);
    return alt;
  }

  // An optional place and "'s" before a coordinated name, so that each item
  // of "Germany's Lufthansa, British Airways and Spain's Iberia" is the name
  // after "'s". Only places: in "Sony's PlayStation and Nintendo's GameCube"
  // the owners differ from item to item. Empty when the schema has no Place,
  // and in a relation whose subject or object may be a place: there "Germany"
  // in "Germany's Lufthansa, British Airways and ..." is an argument.
  NodePtr OptionalPlaceOwner() {
    const auto& names = *ctx_.type_names;
    const auto place = std::find(names.begin(), names.end(), "Place");
    if (place == names.end()) return MakeNode(Node::kEmpty);
    const uint64_t place_bit = 1ULL << (place - names.begin());
    if (((ctx_.subject_types | ctx_.object_types) & place_bit) != 0) return MakeNode(Node::kEmpty);
    auto owner = MakeNode(Node::kEntity);
    owner->value = -1;
    owner->types = place_bit;
    auto group = MakeNode(Node::kSeq);
    group->children.push_back(std::move(owner));
    group->children.push_back(SequenceNode({"'s"}));
    return MakeOptional(std::move(group));
  }

  uint64_t ParseTypes(size_t at) {
    uint64_t mask = 0;
    while (true) {
      SkipBlanks();
      const size_t start = pos_;
      while (pos_ < src_.size() &&
             (std::isalnum(static_cast<unsigned char>(src_[pos_])) || src_[pos_] == '_'))
        ++pos_;
      const std::string name(src_.substr(start, pos_ - start));
      const auto& names = *ctx_.type_names;
      auto it = std::find(names.begin(), names.end(), name);
      if (it == names.end()) Fail("unknown entity type '" + name + "'", start == pos_ ? at : start);
      mask |= 1ULL << (it - names.begin());
      SkipBlanks();
      if (pos_ < src_.size() && src_[pos_] == '|') {
        ++pos_;
        continue;
      }
      return mask;
    }
  }

  NodePtr ParseBrace() {
    const size_t open = pos_++;
    SkipBlanks();
    const size_t start = pos_;
    while (pos_ < src_.size() &&
           (std::isalnum(static_cast<unsigned char>(src_[pos_])) || src_[pos_] == '_'))
      ++pos_;
    const std::string name(src_.substr(start, pos_ - start));
    if (name.empty()) Fail("expected a slot or capture name after '{'", open);
    bool coordinated = false;
    bool untyped = false;
    while (pos_ < src_.size() && (src_[pos_] == '+' || src_[pos_] == '?')) {
      (src_[pos_] == '+' ? coordinated : untyped) = true;
      ++pos_;
    }
    SkipBlanks();
    if (name == "subj" || name == "obj" || name == "_") {
      uint64_t types = name == "subj"  ? ctx_.subject_types
                       : name == "obj" ? ctx_.object_types
                                       : ~0ULL;
      if (pos_ < src_.size() && src_[pos_] == ':') {
        ++pos_;
        types = ParseTypes(pos_);
      }
      SkipBlanks();
      if (pos_ >= src_.size() || src_[pos_] != '}') Fail("unclosed '{'", open);
      ++pos_;
      const int slot = name == "subj" ? 0 : name == "obj" ? 1 : -1;
      if (slot == 0) has_subject_ = true;
      if (slot == 1) has_object_ = true;
      auto entity = [&] {
        auto e = MakeNode(Node::kEntity);
        e->value = slot;
        e->types = types;
        e->untyped = untyped && slot >= 0;
        return e;
      };
      if (!coordinated) return entity();
      // {x+}: X ((, X)* ,? (and | or | & | as well as) X)? -- a comma list must
      // close with a conjunction, so "with A, B which ..." stays one entity.
      // Each X may be followed by a parenthetical: "A (a data platform) and B".
      auto seq = MakeNode(Node::kSeq);
      seq->children.push_back(OptionalPlaceOwner());
      seq->children.push_back(entity());
      seq->children.push_back(OptionalParenthetical());
      auto tail = MakeNode(Node::kSeq);
      auto commas = MakeNode(Node::kRepeat);
      commas->min = 0;
      commas->max = kMaxSlotEntities - 2;
      auto comma_item = MakeNode(Node::kSeq);
      comma_item->children.push_back(SequenceNode(LiteralTokens(",")));
      comma_item->children.push_back(OptionalPlaceOwner());
      comma_item->children.push_back(entity());
      comma_item->children.push_back(OptionalParenthetical());
      commas->children.push_back(std::move(comma_item));
      tail->children.push_back(std::move(commas));
      tail->children.push_back(MakeOptional(SequenceNode(LiteralTokens(","))));
      auto conjunction = MakeNode(Node::kAlt);
      for (const char* g : {"and", "or", "&", "as well as", "and also"}) {
        conjunction->children.push_back(SequenceNode(LiteralTokens(g)));
      }
      tail->children.push_back(std::move(conjunction));
      tail->children.push_back(OptionalPlaceOwner());
      tail->children.push_back(entity());
      tail->children.push_back(OptionalParenthetical());
      seq->children.push_back(MakeOptional(std::move(tail)));
      return seq;
    }
    if (coordinated || untyped) Fail("only {subj} and {obj} take '+' or '?'", start);
    if (pos_ >= src_.size() || src_[pos_] != ':')
      Fail("expected ':' after capture name '" + name + "'");
    ++pos_;
    auto& names = pattern_.capture_names_;
    if (std::find(names.begin(), names.end(), name) != names.end())
      Fail("capture '" + name + "' used twice", start);
    if (names.size() >= kMaxCaptures) Fail("more than 4 captures", start);
    names.push_back(name);
    auto capture = MakeNode(Node::kCapture);
    capture->value = static_cast<int32_t>(names.size() - 1);
    capture->children.push_back(ParseAlt());
    if (AtEnd() || src_[pos_] != '}') Fail("unclosed '{'", open);
    ++pos_;
    return capture;
  }

  int32_t Here() const { return static_cast<int32_t>(pattern_.program_.size()); }
  int32_t Add(Pattern::Inst inst) {
    // Nested repeats multiply ("(a{20}){20}", "a++++"): bound the program so
    // that a pattern can never take unbounded memory or matching time.
    if (pattern_.program_.size() >= kMaxInstructions) {
      Fail("pattern too large once repeats are expanded (over " + std::to_string(kMaxInstructions) +
               " instructions); simplify nested repeats",
           0);
    }
    pattern_.program_.push_back(inst);
    return Here() - 1;
  }

  void Emit(const Node& n) {
    auto& prog = pattern_.program_;
    using Op = Pattern::Op;
    switch (n.kind) {
      case Node::kEmpty:
        return;
      case Node::kSeq:
        for (const auto& c : n.children) Emit(*c);
        return;
      case Node::kWord:
        Add({Op::kWord, n.value});
        return;
      case Node::kWordSet:
        Add({Op::kWordSet, n.value});
        return;
      case Node::kAny:
        Add({Op::kAnyToken});
        return;
      case Node::kNot:
        Add({Op::kNotWordSet, n.value});
        return;
      case Node::kEntity: {
        Pattern::Inst inst{Op::kEntity};
        inst.slot = n.value;
        inst.types = n.types;
        inst.y = n.untyped ? 1 : 0;
        Add(inst);
        return;
      }
      case Node::kCapture:
        Add({Op::kSave, 2 * n.value});
        Emit(*n.children[0]);
        Add({Op::kSave, 2 * n.value + 1});
        return;
      case Node::kAlt: {
        std::vector<int32_t> jumps;
        for (size_t i = 0; i < n.children.size(); ++i) {
          if (i + 1 < n.children.size()) {
            const int32_t split = Add({Op::kSplit});
            prog[split].x = Here();
            Emit(*n.children[i]);
            jumps.push_back(Add({Op::kJump}));
            prog[split].y = Here();
          } else {
            Emit(*n.children[i]);
          }
        }
        for (int32_t j : jumps) prog[j].x = Here();
        return;
      }
      case Node::kRepeat: {
        for (int i = 0; i < n.min; ++i) Emit(*n.children[0]);
        if (n.max < 0) {
          const int32_t split = Add({Op::kSplit});
          prog[split].x = Here();
          Emit(*n.children[0]);
          const int32_t back = Add({Op::kJump});
          prog[back].x = split;
          prog[split].y = Here();
        } else {
          std::vector<int32_t> splits;
          for (int i = n.min; i < n.max; ++i) {
            const int32_t split = Add({Op::kSplit});
            prog[split].x = Here();
            splits.push_back(split);
            Emit(*n.children[0]);
          }
          for (int32_t s : splits) prog[s].y = Here();
        }
        return;
      }
    }
  }

  std::string_view src_;
  const PatternContext& ctx_;
  const std::string& file_;
  int line_;
  int column_;
  size_t pos_ = 0;
  bool has_subject_ = false;
  bool has_object_ = false;
  Pattern pattern_;
};

Pattern Pattern::Compile(std::string_view source, const PatternContext& context,
                         const std::string& file, int line, int column) {
  if (source.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw Error(file, line, column, "empty pattern");
  }
  return PatternCompiler(source, context, file, line, column).Run();
}

namespace {

struct Captures {
  uint8_t subject_count = 0;
  uint8_t object_count = 0;
  std::array<uint32_t, kMaxSlotEntities> subjects{};
  std::array<uint32_t, kMaxSlotEntities> objects{};
  std::array<int32_t, 2 * kMaxCaptures> saves{};
};

struct Thread {
  int32_t pc;
  int32_t start;
  Captures caps;
};

}  // namespace

void Pattern::BuildClosures() {
  // The most closure entries a pattern keeps; beyond that (only deeply nested
  // alternations reach it) Match walks the closures as it goes.
  constexpr size_t kMaxClosureEntries = 1 << 18;
  const int32_t size = static_cast<int32_t>(program_.size());
  std::vector<int32_t> seen(program_.size(), -1);
  std::vector<ClosureEntry> stack;
  closure_begin_.assign(program_.size() + 1, 0);
  closure_entries_.clear();
  for (int32_t from = 0; from < size; ++from) {
    closure_begin_[static_cast<size_t>(from)] = static_cast<uint32_t>(closure_entries_.size());
    // The same walk, in the same order, as the one Match would make at run time.
    stack.push_back({from, 0});
    while (!stack.empty()) {
      const ClosureEntry e = stack.back();
      stack.pop_back();
      if (seen[static_cast<size_t>(e.pc)] == from) continue;
      seen[static_cast<size_t>(e.pc)] = from;
      const Inst& inst = program_[static_cast<size_t>(e.pc)];
      switch (inst.op) {
        case Op::kJump:
          stack.push_back({inst.x, e.saves});
          break;
        case Op::kSplit:
          stack.push_back({inst.y, e.saves});
          stack.push_back({inst.x, e.saves});
          break;
        case Op::kSave:
          stack.push_back({e.pc + 1, static_cast<uint8_t>(e.saves | (1u << inst.x))});
          break;
        default:
          closure_entries_.push_back(e);
      }
    }
    if (closure_entries_.size() > kMaxClosureEntries) {
      closure_begin_.clear();
      closure_entries_.clear();
      closure_entries_.shrink_to_fit();
      return;
    }
  }
  closure_begin_[program_.size()] = static_cast<uint32_t>(closure_entries_.size());
  // Larger word sets are tested one by one rather than copied into each
  // closure; so are all sets when copying them would take too much memory.
  constexpr size_t kMaxIndexedSet = 256;
  constexpr size_t kMaxWordEntries = 1 << 20;
  size_t max_indexed_set = kMaxIndexedSet;
  size_t copies = 0;
  for (const ClosureEntry& e : closure_entries_) {
    const Inst& inst = program_[static_cast<size_t>(e.pc)];
    if (inst.op == Op::kWordSet && word_sets_[static_cast<size_t>(inst.x)].size() <= kMaxIndexedSet)
      copies += word_sets_[static_cast<size_t>(inst.x)].size();
  }
  if (copies > kMaxWordEntries) max_indexed_set = 0;
  word_entry_begin_.assign(program_.size() + 1, 0);
  other_entry_begin_.assign(program_.size() + 1, 0);
  word_entries_.clear();
  other_entries_.clear();
  for (size_t pc = 0; pc < program_.size(); ++pc) {
    word_entry_begin_[pc] = static_cast<uint32_t>(word_entries_.size());
    other_entry_begin_[pc] = static_cast<uint32_t>(other_entries_.size());
    for (uint32_t k = closure_begin_[pc]; k < closure_begin_[pc + 1]; ++k) {
      const Inst& inst = program_[static_cast<size_t>(closure_entries_[k].pc)];
      if (inst.op == Op::kWord) {
        word_entries_.push_back({inst.x, k});
      } else if (inst.op == Op::kWordSet &&
                 word_sets_[static_cast<size_t>(inst.x)].size() <= max_indexed_set) {
        for (const int32_t w : word_sets_[static_cast<size_t>(inst.x)])
          word_entries_.push_back({w, k});
      } else {
        other_entries_.push_back(k);
      }
    }
    std::sort(word_entries_.begin() + word_entry_begin_[pc], word_entries_.end(),
              [](const WordEntry& a, const WordEntry& b) {
                return a.word != b.word ? a.word < b.word : a.entry < b.entry;
              });
  }
  word_entry_begin_[program_.size()] = static_cast<uint32_t>(word_entries_.size());
  other_entry_begin_[program_.size()] = static_cast<uint32_t>(other_entries_.size());
  // What the first instructions consume, as a filter Match checks each item
  // against before it walks the start closure. The filter may pass items no
  // instruction takes (kNotWordSet passes every word); never the reverse.
  start_words_.clear();
  start_any_word_ = false;
  start_entity_types_ = 0;
  for (uint32_t k = closure_begin_[0]; k < closure_begin_[1]; ++k) {
    const Inst& inst = program_[static_cast<size_t>(closure_entries_[k].pc)];
    switch (inst.op) {
      case Op::kWord:
        start_words_.push_back(inst.x);
        break;
      case Op::kWordSet: {
        const auto& set = word_sets_[static_cast<size_t>(inst.x)];
        start_words_.insert(start_words_.end(), set.begin(), set.end());
        break;
      }
      case Op::kAnyToken:
      case Op::kNotWordSet:
        start_any_word_ = true;
        break;
      case Op::kEntity:
        start_entity_types_ |= (inst.types & ~kUntypedBit) | (inst.y == 1 ? kUntypedBit : 0);
        break;
      default:
        break;
    }
  }
  std::sort(start_words_.begin(), start_words_.end());
  start_words_.erase(std::unique(start_words_.begin(), start_words_.end()), start_words_.end());
}

inline bool Pattern::Accepts(const Inst& inst, const MatchItem& item) const {
  // An untyped name is skipped like a word by gaps; a one-word one also matches its word.
  // A resolved pronoun matches its word and a "_" gap: "completed its purchase",
  // "raised its stake in".
  const bool is_token = item.entity < 0;
  const bool is_skippable = is_token || item.type == kUnknownType;
  const bool reads_as_word = is_skippable || item.anaphor;
  switch (inst.op) {
    case Op::kWord:
      return reads_as_word && item.word == inst.x;
    case Op::kWordSet: {
      const auto& set = word_sets_[static_cast<size_t>(inst.x)];
      return reads_as_word && item.word >= 0 &&
             std::binary_search(set.begin(), set.end(), item.word);
    }
    case Op::kAnyToken:
      return reads_as_word;
    case Op::kNotWordSet: {
      // Not a resolved pronoun: in "told Reuters its chairman X" the role's
      // words must not swallow "its", which names the firm.
      const auto& set = word_sets_[static_cast<size_t>(inst.x)];
      return is_skippable &&
             !(item.word >= 0 && std::binary_search(set.begin(), set.end(), item.word));
    }
    case Op::kEntity:
      return !is_token &&
             (item.type == kUnknownType ? inst.y == 1 : ((inst.types >> item.type) & 1ULL) != 0);
    default:
      return false;
  }
}

void Pattern::Match(const std::vector<MatchItem>& items, std::vector<PatternMatch>* out) const {
  if (items.empty()) return;
  // Cheap exact filters: enough entities, and one of the required words.
  int entities = 0;
  for (const MatchItem& item : items) entities += item.entity >= 0 ? 1 : 0;
  if (entities < min_entities_) return;
  // A match starts no later than the last item holding a word of each
  // required set (only plain tokens and resolved pronouns count, as in PatternIndex).
  uint32_t last_required = static_cast<uint32_t>(items.size());
  for (const std::vector<int32_t>& set : required_sets_) {
    uint32_t last = 0;  // one past the last item holding a word of `set`; 0: none
    for (uint32_t i = 0; i < items.size(); ++i) {
      const MatchItem& item = items[i];
      if ((item.entity < 0 || item.anaphor) && item.word >= 0 &&
          std::binary_search(set.begin(), set.end(), item.word)) {
        last = i + 1;
      }
    }
    if (last == 0) return;
    last_required = std::min(last_required, last);
  }
  MatchUnchecked(items, out, last_required - 1);
}

void Pattern::MatchUnchecked(const std::vector<MatchItem>& items, std::vector<PatternMatch>* out,
                             uint32_t last_start) const {
  const int32_t n = static_cast<int32_t>(items.size());
  if (n == 0) return;
  // Scratch buffers live per thread and are reused across calls.
  thread_local std::vector<Thread> current;
  thread_local std::vector<Thread> next;
  thread_local std::vector<Thread> stack;
  // mark[pc] == stamp(pos): pc already has a thread at pos. Stamps only grow
  // from call to call, so the marks need no clearing.
  thread_local std::vector<uint32_t> mark;
  thread_local uint32_t stamp_base = 0;
  current.clear();
  next.clear();
  stack.clear();
  if (mark.size() < program_.size()) mark.resize(program_.size(), 0);
  if (stamp_base > UINT32_MAX - static_cast<uint32_t>(n) - 2) {
    std::fill(mark.begin(), mark.end(), 0);
    stamp_base = 0;
  }
  const uint32_t base = stamp_base;
  stamp_base += static_cast<uint32_t>(n) + 2;
  auto stamp = [base](int32_t pos) { return base + 1 + static_cast<uint32_t>(pos); };
  auto emit = [&](int32_t start, const Captures& caps, int32_t pos) {
    if (caps.subject_count == 0) return;
    PatternMatch m;
    m.begin = static_cast<uint32_t>(start);
    m.end = static_cast<uint32_t>(pos);
    m.subjects.assign(caps.subjects.begin(), caps.subjects.begin() + caps.subject_count);
    m.objects.assign(caps.objects.begin(), caps.objects.begin() + caps.object_count);
    for (int c = 0; c < kMaxCaptures; ++c) {
      const int32_t b = caps.saves[2 * c];
      const int32_t e = caps.saves[2 * c + 1];
      m.captures[c] = (b >= 0 && e >= b) ? std::pair<int32_t, int32_t>(b, e)
                                         : std::pair<int32_t, int32_t>(-1, -1);
    }
    out->push_back(std::move(m));
  };
  const bool precomputed = !closure_begin_.empty();
  // Follows epsilon transitions from `pc`, adding consuming threads to `list`.
  auto add = [&](std::vector<Thread>& list, int32_t pc, int32_t start, const Captures& caps,
                 int32_t pos) {
    if (precomputed) {
      // A thread that cannot consume the item at `pos` would die at once, and
      // any other thread reaching its pc at `pos` too, so it is not added.
      // Only the entries that can take the item are looked at, in closure
      // order: the word entries for its word, merged with the other entries.
      // (An entry that cannot take the item is left unmarked; any later walk
      // at `pos` rejects it again.)
      const MatchItem* item = pos < n ? &items[static_cast<size_t>(pos)] : nullptr;
      const size_t p = static_cast<size_t>(pc);
      const WordEntry* word = word_entries_.data() + word_entry_begin_[p + 1];
      const WordEntry* word_end = word;
      if (item != nullptr && item->word >= 0 &&
          (item->entity < 0 || item->type == kUnknownType || item->anaphor)) {
        const WordEntry* first = word_entries_.data() + word_entry_begin_[p];
        const int32_t w = item->word;
        word = std::lower_bound(first, word_end, w,
                                [](const WordEntry& e, int32_t x) { return e.word < x; });
        word_end = std::upper_bound(word, word_end, w,
                                    [](int32_t x, const WordEntry& e) { return x < e.word; });
      }
      const uint32_t* other = other_entries_.data() + other_entry_begin_[p];
      const uint32_t* other_end = other_entries_.data() + other_entry_begin_[p + 1];
      while (word != word_end || other != other_end) {
        const bool take_word = other == other_end || (word != word_end && word->entry < *other);
        const uint32_t k = take_word ? (word++)->entry : *other++;
        const ClosureEntry& e = closure_entries_[k];
        if (mark[static_cast<size_t>(e.pc)] == stamp(pos)) continue;
        const Inst& inst = program_[static_cast<size_t>(e.pc)];
        const bool is_match = inst.op == Op::kMatch;
        if (!take_word && !is_match && (item == nullptr || !Accepts(inst, *item))) continue;
        mark[static_cast<size_t>(e.pc)] = stamp(pos);
        list.push_back({e.pc, start, caps});
        Thread& t = list.back();
        for (uint8_t bits = e.saves; bits != 0; bits &= static_cast<uint8_t>(bits - 1)) {
          t.caps.saves[static_cast<size_t>(__builtin_ctz(bits))] = pos;
        }
        if (is_match) {
          emit(t.start, t.caps, pos);
          list.pop_back();
        }
      }
      return;
    }
    stack.push_back({pc, start, caps});
    while (!stack.empty()) {
      Thread t = stack.back();
      stack.pop_back();
      if (mark[t.pc] == stamp(pos)) continue;
      mark[t.pc] = stamp(pos);
      const Inst& inst = program_[t.pc];
      switch (inst.op) {
        case Op::kJump:
          stack.push_back({inst.x, t.start, t.caps});
          break;
        case Op::kSplit:
          // Push the lower-priority branch first so the preferred one runs first.
          stack.push_back({inst.y, t.start, t.caps});
          stack.push_back({inst.x, t.start, t.caps});
          break;
        case Op::kSave:
          t.caps.saves[inst.x] = pos;
          ++t.pc;
          stack.push_back(t);
          break;
        case Op::kMatch:
          emit(t.start, t.caps, pos);
          break;
        default:
          list.push_back(t);
      }
    }
  };
  // A match can only start at an item one of the first instructions consumes.
  auto can_start = [&](const MatchItem& item) {
    if (!precomputed) return true;
    const bool is_token = item.entity < 0;
    const bool reads_as_word = is_token || item.type == kUnknownType || item.anaphor;
    if (reads_as_word &&
        (start_any_word_ || (item.word >= 0 && std::binary_search(start_words_.begin(),
                                                                  start_words_.end(), item.word))))
      return true;
    return !is_token && (start_entity_types_ & ItemTypeBit(item)) != 0;
  };
  Captures empty;
  empty.saves.fill(-1);
  for (int32_t pos = 0; pos < n; ++pos) {
    const MatchItem& item = items[static_cast<size_t>(pos)];
    // Threads started here come after the ones already running, so skipping
    // one that cannot consume this item changes nothing else.
    if (static_cast<uint32_t>(pos) <= last_start && can_start(item))
      add(current, 0, pos, empty, pos);
    if (current.empty()) {
      if (static_cast<uint32_t>(pos) >= last_start) break;  // no thread, and none to come
      continue;
    }
    next.clear();
    for (Thread& t : current) {
      const Inst& inst = program_[static_cast<size_t>(t.pc)];
      // Precomputed closures add only threads that consume the item.
      if (!precomputed && !Accepts(inst, item)) continue;
      if (inst.op == Op::kEntity) {
        // A full slot still consumes the entity; it just records no more.
        if (inst.slot == 0 && t.caps.subject_count < kMaxSlotEntities) {
          t.caps.subjects[t.caps.subject_count++] = static_cast<uint32_t>(pos);
        } else if (inst.slot == 1 && t.caps.object_count < kMaxSlotEntities) {
          t.caps.objects[t.caps.object_count++] = static_cast<uint32_t>(pos);
        }
      }
      add(next, t.pc + 1, t.start, t.caps, pos + 1);
    }
    std::swap(current, next);
  }
}

uint32_t PatternIndex::Add(const Pattern& pattern) {
  const uint32_t index = static_cast<uint32_t>(filters_.size());
  Filter filter;
  filter.subject_types = pattern.slot_types(0);
  filter.object_types = pattern.requires_object() ? pattern.slot_types(1) : ~0ULL;
  filter.min_entities = pattern.min_entities();
  filter.set_begin = static_cast<uint32_t>(pattern_sets_.size());
  for (const std::vector<int32_t>& set : pattern.required_sets()) {
    const auto [it, added] = set_ids_.emplace(set, static_cast<uint32_t>(set_ids_.size()));
    if (added) {
      set_sizes_.push_back(static_cast<uint32_t>(set.size()));
      by_key_set_.emplace_back();
      for (const int32_t w : set) {
        if (w < 0) continue;
        if (by_word_.size() <= static_cast<size_t>(w)) by_word_.resize(static_cast<size_t>(w) + 1);
        by_word_[static_cast<size_t>(w)].push_back(it->second);
      }
    }
    // A set named twice by one pattern is checked once.
    const auto begin = pattern_sets_.begin() + filter.set_begin;
    if (std::find(begin, pattern_sets_.end(), it->second) == pattern_sets_.end())
      pattern_sets_.push_back(it->second);
  }
  filter.set_end = static_cast<uint32_t>(pattern_sets_.size());
  filters_.push_back(filter);
  min_entities_ = index == 0 ? filter.min_entities : std::min(min_entities_, filter.min_entities);
  // The pattern is looked at only when a sentence holds its key set: the
  // smallest of its sets, whose words are likely the rarest.
  if (filter.set_begin == filter.set_end) {
    unkeyed_.push_back(index);
  } else {
    uint32_t key = pattern_sets_[filter.set_begin];
    for (uint32_t k = filter.set_begin; k < filter.set_end; ++k) {
      if (set_sizes_[pattern_sets_[k]] < set_sizes_[key]) key = pattern_sets_[k];
    }
    by_key_set_[key].push_back(index);
  }
  return index;
}

void PatternIndex::Candidates(const std::vector<MatchItem>& items,
                              std::vector<Candidate>* out) const {
  out->clear();
  if (items.empty()) return;
  // Stamps mark the words and the sets a sentence holds, so the per-thread
  // buffers (shared by every index) need no clearing between sentences.
  thread_local std::vector<uint32_t> word_stamp;
  thread_local std::vector<uint32_t> set_stamp;
  thread_local std::vector<uint32_t> set_last;  // per set met: its last item
  thread_local uint32_t stamp = 0;
  if (word_stamp.size() < by_word_.size()) word_stamp.resize(by_word_.size(), 0);
  if (set_stamp.size() < set_ids_.size()) {
    set_stamp.resize(set_ids_.size(), 0);
    set_last.resize(set_ids_.size(), 0);
  }
  if (++stamp == 0) {
    std::fill(word_stamp.begin(), word_stamp.end(), 0);
    std::fill(set_stamp.begin(), set_stamp.end(), 0);
    stamp = 1;
  }
  thread_local std::vector<uint32_t> met_sets;  // the sets the sentence holds
  met_sets.clear();
  const uint32_t last_item = static_cast<uint32_t>(items.size() - 1);
  int entities = 0;
  uint64_t types = 0;
  for (const MatchItem& item : items) entities += item.entity >= 0 ? 1 : 0;
  // Most sentences of a wire feed (tables, figures) have too few entities for any pattern.
  if (entities < min_entities_) return;
  entities = 0;
  // Walking backwards, the first item met for a set is its last one. A word
  // met again adds nothing: its first visit already met every set it is in.
  for (uint32_t i = static_cast<uint32_t>(items.size()); i-- > 0;) {
    const MatchItem& item = items[i];
    if (item.entity >= 0) {
      ++entities;
      types |= ItemTypeBit(item);
    }
    // Only plain tokens and resolved pronouns count as required words, as in Pattern::Match.
    if ((item.entity < 0 || item.anaphor) && item.word >= 0 &&
        static_cast<size_t>(item.word) < by_word_.size() &&
        word_stamp[static_cast<size_t>(item.word)] != stamp) {
      word_stamp[static_cast<size_t>(item.word)] = stamp;
      for (const uint32_t set : by_word_[static_cast<size_t>(item.word)]) {
        if (set_stamp[set] == stamp) continue;
        set_stamp[set] = stamp;
        set_last[set] = i;
        met_sets.push_back(set);
      }
    }
  }
  const uint32_t* sets = pattern_sets_.data();
  const uint32_t* met = set_stamp.data();
  const uint32_t* last = set_last.data();
  auto consider = [&](uint32_t p) {
    const Filter& f = filters_[p];
    if (entities < f.min_entities || (types & f.subject_types) == 0 ||
        (types & f.object_types) == 0)
      return;
    // A match starts no later than the last item of each of its sets.
    uint32_t latest = last_item;
    uint32_t k = f.set_begin;
    for (; k < f.set_end && met[sets[k]] == stamp; ++k) latest = std::min(latest, last[sets[k]]);
    if (k == f.set_end) out->push_back({p, latest});
  };
  // Each pattern with sets is keyed on one of them, so it is met once at most.
  for (const uint32_t p : unkeyed_) consider(p);
  for (const uint32_t set : met_sets) {
    for (const uint32_t p : by_key_set_[set]) consider(p);
  }
  std::sort(out->begin(), out->end(),
            [](const Candidate& a, const Candidate& b) { return a.pattern < b.pattern; });
}

}  // namespace newsgraph
