#include "extract/relation_extractor.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <tuple>

#include "extract/entity_recognizer.h"
#include "extract/temporal.h"
#include "extract/tokenizer.h"

namespace newsgraph {
namespace {

// True when the phrase `words` starts at item k of `items` (tokens only).
bool PhraseAt(const std::vector<MatchItem>& items, size_t k, const std::vector<int32_t>& words) {
  if (k + words.size() > items.size()) return false;
  for (size_t j = 0; j < words.size(); ++j) {
    if (items[k + j].entity >= 0 || items[k + j].word != words[j]) return false;
  }
  return true;
}

class Extractor {
 public:
  Extractor(const Schema& schema, const AnnotatedDocument& doc)
      : schema_(schema), doc_(doc), person_(schema.FindType("Person")) {}

  std::vector<Triple> Run() {
    const auto& entities = *doc_.entities;
    types_.clear();
    for (const Entity& e : entities) types_.push_back(e.type);
    TypeByContext();
    // Pass one may type untyped names through {subj?}/{obj?} slots; then pass
    // two runs with those types, so every pattern sees them.
    for (int pass = 0; pass < 2; ++pass) {
      facts_.clear();
      index_.clear();
      inferred_.clear();
      topic_ = TopicEntity();
      MatchAllSentences();
      NamePrefixFacts();
      bool changed = false;
      for (const auto& [entity, type] : inferred_) {
        if (types_[static_cast<size_t>(entity)] == kUnknownType) {
          types_[static_cast<size_t>(entity)] = type;
          changed = true;
        }
      }
      if (!changed) break;
    }
    std::vector<Triple> out;
    out.reserve(facts_.size());
    for (auto& f : facts_) out.push_back(std::move(f));
    std::stable_sort(out.begin(), out.end(), [](const Triple& a, const Triple& b) {
      return std::tie(a.start, a.predicate) < std::tie(b.start, b.predicate);
    });
    return out;
  }

 private:
  bool IsOrgType(TypeId t) const { return t != kUnknownType && schema_.TypeClass(t) == "org"; }

  // The word of a plain token item, or "" for an entity or an unknown word.
  const std::string& PlainWord(const MatchItem& item) const {
    static const std::string kNone;
    return item.entity < 0 && item.word >= 0 ? schema_.vocabulary.Word(item.word) : kNone;
  }

  // The article's main organisation: the org entity with at least three
  // mentions and either half of all organisation mentions or twice as many
  // as any other (a funding story names many investors once), or -1. The
  // organisation the headline names first needs only the most mentions.
  int32_t TopicEntity() const {
    std::map<int32_t, int> counts;
    int total = 0;
    int32_t headline = -1;
    for (const Mention& m : *doc_.mentions) {
      if (m.entity >= 0 && IsOrgType(types_[static_cast<size_t>(m.entity)])) {
        ++counts[m.entity];
        ++total;
        if (headline < 0 && m.sentence == 0 && !m.anaphor) headline = m.entity;
      }
    }
    int32_t best = -1;
    int best_count = 0;
    int second = 0;
    for (const auto& [entity, count] : counts) {
      if (count > best_count) {
        second = best_count;
        best = entity;
        best_count = count;
      } else if (count > second) {
        second = count;
      }
    }
    return best_count >= 3 && best_count > second &&
                   (2 * best_count >= total || best_count >= 2 * second || best == headline)
               ? best
               : -1;
  }

  // Runs the schema's typing patterns: an untyped name in a telling context
  // ("startup OmniAI", "X, an analyst at") takes that type everywhere.
  void TypeByContext() {
    if (schema_.typing.empty()) return;
    std::vector<MatchItem> items;
    std::vector<PatternMatch> matches;
    std::vector<PatternIndex::Candidate> candidates;
    for (const Sentence& sent : *doc_.sentences) {
      BuildItems(sent, &items);
      bool untyped = false;
      for (const MatchItem& item : items)
        untyped = untyped || (item.entity >= 0 && item.type == kUnknownType);
      if (!untyped) continue;
      schema_.typing_index.Candidates(items, &candidates);
      for (const PatternIndex::Candidate& c : candidates) {
        const auto& [type, rp] = schema_.typing[c.pattern];
        matches.clear();
        rp.pattern.MatchUnchecked(items, &matches, c.last_start);
        for (const PatternMatch& m : matches) {
          if (Hedged(items, m)) continue;
          for (uint32_t si : m.subjects) {
            const int32_t e = items[si].entity;
            if (e < 0 || types_[static_cast<size_t>(e)] != kUnknownType) continue;
            if (InferType(e, 1ULL << type) != kUnknownType) types_[static_cast<size_t>(e)] = type;
          }
        }
      }
    }
  }

  // The matcher's view of one sentence: tokens, with each mention as one item.
  void BuildItems(const Sentence& sent, std::vector<MatchItem>* items) const {
    items->clear();
    const auto& mentions = *doc_.mentions;
    auto it = std::lower_bound(mentions.begin(), mentions.end(), sent.token_begin,
                               [](const Mention& m, uint32_t t) { return m.token_begin < t; });
    for (uint32_t i = sent.token_begin; i < sent.token_end;) {
      MatchItem item;
      if (it != mentions.end() && it->token_begin == i) {
        const Mention& men = *it;
        item.entity = men.entity;
        item.type = men.entity >= 0 ? types_[static_cast<size_t>(men.entity)] : kUnknownType;
        item.token_begin = men.token_begin;
        item.token_end = std::min(men.token_end, sent.token_end);
        item.anaphor = men.anaphor;
        // An untyped one-word name still reads as its word to literals ("GPUs"),
        // and so does a pronoun resolved to an entity ("completed its purchase").
        if ((item.type == kUnknownType || men.anaphor) && men.token_end == men.token_begin + 1) {
          item.word = (*doc_.tokens)[men.token_begin].word;
        }
        ++it;
      } else {
        const Token& t = (*doc_.tokens)[i];
        item.word = t.word;
        item.token_begin = i;
        item.token_end = i + 1;
      }
      i = item.token_end;
      // A courtesy title reads as part of the person's name: "sacked Mr Sears".
      if (item.type == person_ && person_ != kUnknownType && !item.anaphor && !items->empty() &&
          IsCourtesy(items->back()))
        items->pop_back();
      items->push_back(item);
    }
    DropNameBrackets(items);
  }

  // Drops what relation patterns read past, in one pass over the items
  // (typing patterns still see it):
  // - a ticker in wire brackets right after a name ("CSR Ltd <CSRA.S> and
  //   Exxon Corp <XON> unit <Esso ...>"): one word of capitals, digits, dots
  //   and hyphens;
  // - a name's short form in brackets right after it ("the Delhi Australia
  //   Fund (DAF) to Esso", "Securities and Exchange Commission (SEC) sued"),
  //   but not before another name, which would then read as a compound with
  //   the first: "a Japan Airlines Co Ltd (JAL) Boeing 747".
  void DropAsides(std::vector<MatchItem>* items) const {
    std::vector<MatchItem>& v = *items;
    size_t kept = 0;
    size_t j = 0;
    while (j < v.size()) {
      if (const size_t close = TickerBracketEnd(v, j); close > 0) {
        j = close + 1;
      } else if (kept > 0 && ShortFormBracketAt(v[kept - 1], v, j)) {
        j += 3;
      } else {
        v[kept++] = v[j++];
      }
    }
    v.resize(kept);
  }

  // The index of the ">" closing a ticker in wire brackets that opens at
  // v[j], right after a name; 0 when there is none.
  size_t TickerBracketEnd(const std::vector<MatchItem>& v, size_t j) const {
    if (j == 0 || v[j - 1].entity < 0 || v[j - 1].anaphor || !IsPlainToken(v[j], "<")) return 0;
    size_t k = j + 1;
    while (k < v.size() && k <= j + 5 && !IsPlainToken(v[k], ">")) ++k;
    if (k >= v.size() || k > j + 5 || k == j + 1) return 0;
    const auto& tokens = *doc_.tokens;
    const uint32_t from = tokens[v[j].token_begin].norm_end;
    const uint32_t to = tokens[v[k].token_begin].norm_begin;
    return IsTicker(std::string_view(doc_.text->text).substr(from, to - from)) ? k : 0;
  }

  // True when v[j, j + 3) is "(", a short form of the name `name` (the item
  // kept before v[j]), ")".
  bool ShortFormBracketAt(const MatchItem& name, const std::vector<MatchItem>& v, size_t j) const {
    if (j + 2 >= v.size()) return false;
    const MatchItem& short_form = v[j + 1];
    return name.entity >= 0 && !name.anaphor && short_form.entity == name.entity &&
           !short_form.anaphor && IsPlainToken(v[j], "(") && IsPlainToken(v[j + 2], ")") &&
           (j + 3 == v.size() || v[j + 3].entity < 0);
  }

  // True when `item` is a plain token reading `text`.
  bool IsPlainToken(const MatchItem& item, const char* text) const {
    return item.entity < 0 && (*doc_.tokens)[item.token_begin].Is(text);
  }

  static bool IsTicker(std::string_view s) {
    if (s.empty() || s.size() > 12) return false;
    bool letter = false;
    for (const char c : s) {
      if (c >= 'A' && c <= 'Z') {
        letter = true;
      } else if (!((c >= '0' && c <= '9') || c == '.' || c == '-')) {
        return false;
      }
    }
    return letter;
  }

  // True for a plain token that is a courtesy title (Mr, Ms, Dr, Sir, ...),
  // not a post: "Professor X of Y University" keeps its role.
  bool IsCourtesy(const MatchItem& item) const {
    const auto& words = schema_.courtesy_words;
    return item.entity < 0 && item.word >= 0 &&
           std::binary_search(words.begin(), words.end(), item.word);
  }

  // True when `word` is a one-word entry of the schema's word list `name`.
  bool InList(const char* name, const std::string& word) const {
    const auto list = schema_.lists.find(name);
    if (list == schema_.lists.end()) return false;
    for (const std::vector<std::string>& entry : list->second) {
      if (entry.size() == 1 && entry[0] == word) return true;
    }
    return false;
  }

  // Wire copy brackets the names of unlisted firms: "agreed to acquire
  // <Colonial Bancorp Inc>". Brackets around a name read as the name alone,
  // unless they hold a ticker: a name or a possessive comes right before them
  // ("Regal Inc <RGL>", "Texaco Inc's <TX>"; a resolved pronoun is no name:
  // "sell its <Delhi Australia Fund>"), or they hold one untyped word.
  void DropNameBrackets(std::vector<MatchItem>* items) const {
    size_t kept = 0;
    for (size_t j = 0; j < items->size(); ++j) {
      const std::vector<MatchItem>& v = *items;
      const bool open =
          IsPlainToken(v[j], "<") && j + 2 < v.size() && v[j + 1].entity >= 0 &&
          IsPlainToken(v[j + 2], ">") &&
          (j == 0 || v[j - 1].anaphor || (v[j - 1].entity < 0 && !IsPlainToken(v[j - 1], "'s"))) &&
          (v[j + 1].type != kUnknownType || v[j + 1].token_end - v[j + 1].token_begin >= 2);
      if (open) {
        (*items)[kept++] = v[j + 1];
        j += 2;
        continue;
      }
      (*items)[kept++] = v[j];
    }
    items->resize(kept);
  }

  void MatchAllSentences() {
    std::vector<MatchItem> items;
    std::vector<PatternMatch> matches;
    std::vector<PatternIndex::Candidate> candidates;
    for (const Sentence& sent : *doc_.sentences) {
      BuildItems(sent, &items);
      DropAsides(&items);
      if (items.size() < 2) continue;
      schema_.relation_index.Candidates(items, &candidates);
      for (const PatternIndex::Candidate& c : candidates) {
        const Schema::PatternRef& ref = schema_.relation_refs[c.pattern];
        const Relation& rel = schema_.relations[ref.relation];
        if (!ref.topic) {
          const RelationPattern& rp = rel.patterns[ref.pattern];
          matches.clear();
          rp.pattern.MatchUnchecked(items, &matches, c.last_start);
          PreferTypedObjects(items, &matches);
          for (const PatternMatch& match : matches) {
            if (!match.objects.empty() && !SubjectIsFilingAddressee(items, match) &&
                !ObjectOwnsAPart(items, match, rel.name == "acquired") &&
                !EndsAtModifier(items, match) &&
                !FollowedByExcluded(items, match, rp.not_followed_by) &&
                (!rp.subject_first || SubjectIsFirstName(items, match)))
              AddMatch(rel, rp, sent, items, match, -1);
          }
          continue;
        }
        if (topic_ < 0) continue;
        const RelationPattern& rp = rel.topic_patterns[ref.pattern];
        matches.clear();
        rp.pattern.MatchUnchecked(items, &matches, c.last_start);
        for (const PatternMatch& match : matches) {
          // A name right before the match may be the organisation meant:
          // "Santa Fe chairman John Schmidt said".
          if (match.begin > 0 && items[match.begin - 1].entity >= 0 &&
              !items[match.begin - 1].anaphor)
            continue;
          if (!NamesOtherOrg(items, match)) AddMatch(rel, rp, sent, items, match, topic_);
        }
      }
    }
  }

  // True when a match ends at an object whose stake (or, for a purchase,
  // whose unit) follows: in "after buying broadcaster BSkyB's stake in the
  // club" the deal is about the stake, not about BSkyB.
  bool ObjectOwnsAPart(const std::vector<MatchItem>& items, const PatternMatch& match,
                       bool units_too) const {
    const uint32_t last = match.objects.back();
    if (last + 1 != match.end || last + 2 >= items.size()) return false;
    auto word = [&](size_t k) -> const std::string& { return PlainWord(items[k]); };
    // "his purchase of the Bally common stock" is a stake, not the firm.
    if (units_too) {
      const std::string& next = word(last + 1);
      if (next == "common" || next == "preferred" || next == "ordinary" || next == "shares" ||
          next == "stock")
        return true;
    }
    if (word(last + 1) != "'s") return false;
    for (size_t k = last + 2; k < items.size() && k <= last + 12; ++k) {
      const std::string& w = word(k);
      if (w == "stake" || w == "stakes" || w == "holding" || w == "interest") return true;
      // For a purchase, also its units: "its acquisition of Gelco's Canadian courier business",
      // "Nabisco Brands Ltd's Club, Melrose and Sanborn businesses".
      if (units_too && (w == "business" || w == "businesses" || w == "unit" || w == "division" ||
                        w == "operations" || w == "assets" || w == "subsidiary" || w == "arm"))
        return true;
      if (w == "in" || w == "of" || w == "." || w == "said" || w == "to" || w == "for")
        return false;
      if (!units_too && (w == "," || w == "and")) return false;
    }
    return false;
  }

  // True when a match ends at a name that only modifies a noun after it:
  // in "its Linux-based media players" the product is not Linux, in "a buyout
  // by a Morgan Stanley-backed group" the buyer is the group (the words
  // after the hyphen are the schema's list `compound_modifier`); before a job
  // title and a person, the name is the person's employer.
  bool EndsAtModifier(const std::vector<MatchItem>& items, const PatternMatch& match) const {
    uint32_t last = match.objects.back();
    if (!match.subjects.empty() && match.subjects.back() > last) last = match.subjects.back();
    if (last + 1 != match.end || last + 2 >= items.size()) return false;
    const std::string& next = PlainWord(items[last + 1]);
    if (next == "-") return InList("compound_modifier", PlainWord(items[last + 2]));
    // "controlled by Olivetti chairman Carlo de Benedetti": the firm names the
    // person's employer, and the person is the one meant.
    if (items[last].type == person_ || !schema_.lexicon.title_words.count(next)) return false;
    for (size_t k = last + 2; k < items.size() && k <= last + 3; ++k) {
      if (items[k].entity >= 0)
        return items[k].type == person_ && person_ != kUnknownType && !items[k].anaphor;
      if (!schema_.lexicon.title_words.count(PlainWord(items[k]))) return false;
    }
    return false;
  }

  // True when the item after a match is an entity of a type the pattern's
  // `not_followed_by` names: in "ONGC chairman Subir Raha, Gazprom chairman
  // Aleksey Miller" the role belongs to the name after it.
  static bool FollowedByExcluded(const std::vector<MatchItem>& items, const PatternMatch& match,
                                 uint64_t types) {
    if (types == 0 || match.end >= items.size()) return false;
    const MatchItem& next = items[match.end];
    return next.entity >= 0 && !next.anaphor && next.type != kUnknownType &&
           ((types >> next.type) & 1ULL) != 0;
  }

  // True when the match's first subject is the first entity of the sentence
  // that is not a place (nationalities and places set a scene: "In Japan,
  // X said ...").
  bool SubjectIsFirstName(const std::vector<MatchItem>& items, const PatternMatch& match) const {
    if (match.subjects.empty()) return false;
    for (size_t k = 0; k < items.size(); ++k) {
      const MatchItem& item = items[k];
      if (item.entity < 0) continue;
      if (item.type != kUnknownType &&
          schema_.type_names[static_cast<size_t>(item.type)] == "Place")
        continue;
      return k == match.subjects[0];
    }
    return false;
  }

  // True when a subject is the regulator of "in a filing with the SEC": an
  // apposition gap can reach past it to the verb ("In a filing with the SEC,
  // Quantum, which already holds ..."), but the filer is the one who acts.
  bool SubjectIsFilingAddressee(const std::vector<MatchItem>& items,
                                const PatternMatch& match) const {
    const auto& tokens = *doc_.tokens;
    for (uint32_t si : match.subjects) {
      const MatchItem& item = items[si];
      if (item.anaphor) continue;
      uint32_t k = item.token_begin;
      if (k > 0 && tokens[k - 1].Is("the")) --k;
      if (k >= 2 && tokens[k - 1].Is("with") &&
          (tokens[k - 2].Is("filing") || tokens[k - 2].Is("filings")))
        return true;
    }
    return false;
  }

  // True when the sentence names an organisation, product or untyped name
  // (which may well be the organisation meant) other than the topic that the
  // match does not bind as a subject. The topic itself, named or referred to
  // anywhere in the sentence, is no other organisation: "Heinz Co is within
  // sight of records, Chairman Anthony O'Reilly told analysts".
  bool NamesOtherOrg(const std::vector<MatchItem>& items, const PatternMatch& match) const {
    for (size_t i = 0; i < items.size(); ++i) {
      const MatchItem& item = items[i];
      if (item.entity < 0 || item.entity == topic_) continue;
      if (item.type != kUnknownType &&
          (schema_.type_names[static_cast<size_t>(item.type)] == "Person" ||
           schema_.type_names[static_cast<size_t>(item.type)] == "Place"))
        continue;
      bool subject = false;
      for (uint32_t si : match.subjects) subject = subject || items[si].entity == item.entity;
      if (!subject) return true;
    }
    return false;
  }

  // When a pattern matches one subject both with a typed object and with an
  // untyped name (a gap that could stop early: "of VC firm Mayfield Fund"),
  // only the typed reading stays.
  void PreferTypedObjects(const std::vector<MatchItem>& items,
                          std::vector<PatternMatch>* matches) const {
    if (matches->size() < 2) return;
    auto typed = [&](const PatternMatch& m) {
      for (uint32_t o : m.objects) {
        if (items[o].type == kUnknownType) return false;
      }
      return !m.objects.empty();
    };
    // A match with an untyped object gives way to an all-typed match of the
    // same subject, unless it holds all that match's objects and more:
    // "brands include AEG, Zanussi and Frigidaire" extends "include AEG".
    auto holds = [](const PatternMatch& m, const PatternMatch& t) {
      for (uint32_t o : t.objects) {
        if (std::find(m.objects.begin(), m.objects.end(), o) == m.objects.end()) return false;
      }
      return true;
    };
    std::vector<bool> drop(matches->size(), false);
    for (size_t k = 0; k < matches->size(); ++k) {
      const PatternMatch& m = (*matches)[k];
      if (m.subjects.empty() || typed(m)) continue;
      for (const PatternMatch& t : *matches) {
        if (typed(t) && !t.subjects.empty() && t.subjects[0] == m.subjects[0] && !holds(m, t)) {
          drop[k] = true;
          break;
        }
      }
    }
    size_t kept = 0;
    for (size_t k = 0; k < matches->size(); ++k) {
      if (drop[k]) continue;
      if (kept != k) (*matches)[kept] = std::move((*matches)[k]);  // never a self-move
      ++kept;
    }
    matches->resize(kept);
  }

  // The type an untyped entity takes in a slot of this type mask, or
  // kUnknownType when its name does not fit. The slot's first type is tried
  // first; a person needs two to four capitalised words, so a name that is
  // no person's takes the slot's next type ("led by FundersClub" in a slot
  // for a person or an organisation reads as an organisation).
  TypeId InferType(int32_t entity, uint64_t mask, bool distinctive = false) const {
    const std::string& name = (*doc_.entities)[static_cast<size_t>(entity)].name;
    for (size_t t = 0; t < schema_.types.size(); ++t) {
      if (!((mask >> t) & 1ULL)) continue;
      const TypeId type = static_cast<TypeId>(t);
      if (!NameFits(name, type, distinctive)) return kUnknownType;
      if (schema_.type_names[t] != "Person" || FitsPerson(name)) return type;
    }
    return kUnknownType;
  }

  // True when an untyped name may be read as a name of this type at all:
  // a lone letter ("Series B", "B."), a lone legal suffix ("Inc") or a word
  // that is not a name alone ("TV") names nothing; a plural noun is no
  // product ("Citizens"); a slot that wants distinctive names takes a one-
  // word name only when it stands out.
  bool NameFits(const std::string& name, TypeId type, bool distinctive) const {
    if (name.size() < 2 || (name.size() == 2 && name[1] == '.')) return false;
    if (name.find(' ') != std::string::npos) return true;
    std::string lower = ToLower(name);
    if (!lower.empty() && lower.back() == '.') lower.pop_back();
    if (schema_.lexicon.org_suffixes.count(lower) || schema_.lexicon.common_words.count(lower))
      return false;
    const bool product = schema_.type_names[static_cast<size_t>(type)] == "Product";
    if (product && lower.size() > 3 && lower.back() == 's' &&
        schema_.lexicon.english_words.count(lower))
      return false;
    return !distinctive || IsDistinctiveWord(name, lower);
  }

  // True when a name has the shape of a person's: two to four capitalised
  // words with no digit; name particles may stay in lower case.
  static bool FitsPerson(const std::string& name) {
    int words = 1;
    bool ok = !name.empty() && IsUpperAt(name, 0);
    for (size_t i = 0; i < name.size(); ++i) {
      if (name[i] >= '0' && name[i] <= '9') ok = false;
      if (name[i] == ' ') {
        ++words;
        // Name particles may stay in lower case: "Dirk-Peter van Leeuwen".
        if (i + 1 >= name.size() || (!IsUpperAt(name, i + 1) && !ParticleAt(name, i + 1)))
          ok = false;
      }
    }
    return ok && words >= 2 && words <= 4;
  }

  // True when a one-word name stands out as a name: it holds a digit, or an
  // inner capital, or is no English word; an acronym needs four letters.
  bool IsDistinctiveWord(const std::string& name, const std::string& lower) const {
    bool digit = false;
    bool inner_capital = false;
    bool all_caps = true;
    for (size_t i = 0; i < name.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(name[i]);
      digit = digit || (c >= '0' && c <= '9');
      if (c >= 'a' && c <= 'z') all_caps = false;
      if (i > 0 && c >= 'A' && c <= 'Z') inner_capital = true;
    }
    if (digit) return true;
    if (all_caps) return name.size() >= 4;
    return inner_capital || !schema_.lexicon.english_words.count(lower);
  }

  // True when a lower-case name particle ("van", "de", "bin") followed by a
  // space starts at `pos` of `name`.
  static bool ParticleAt(const std::string& name, size_t pos) {
    static const char* const kParticles[] = {"van", "von", "de",  "der", "den",  "da", "di",
                                             "du",  "la",  "le",  "bin", "al",   "el", "ter",
                                             "ten", "dos", "das", "del", "della"};
    for (const char* p : kParticles) {
      const size_t n = std::strlen(p);
      if (name.compare(pos, n, p) == 0 && pos + n < name.size() && name[pos + n] == ' ')
        return true;
    }
    return false;
  }

  // Hedges and negations count inside the match, and for events (an
  // announced move, a deal) also in the few tokens before it: "denied it
  // would buy". A state ("X, a London-based firm") is not hedged by a verb
  // that precedes it.
  bool Hedged(const std::vector<MatchItem>& items, const PatternMatch& match,
              bool event = true) const {
    const uint32_t window = event ? static_cast<uint32_t>(schema_.hedge_window) : 0;
    const size_t from = match.begin > window ? match.begin - window : 0;
    const auto& by_word = schema_.hedges_by_first_word;
    for (size_t k = from; k < match.end; ++k) {
      const int32_t w = items[k].word;
      if (items[k].entity >= 0 || w < 0 || static_cast<size_t>(w) >= by_word.size()) continue;
      for (const uint32_t phrase : by_word[static_cast<size_t>(w)]) {
        if (PhraseAt(items, k, schema_.hedge_and_negation_ids[phrase])) return true;
      }
    }
    return false;
  }

  std::string CaptureText(const std::vector<MatchItem>& items,
                          std::pair<int32_t, int32_t> range) const {
    if (range.first < 0 || range.second <= range.first) return "";
    const uint32_t b = items[static_cast<size_t>(range.first)].token_begin;
    const uint32_t e = items[static_cast<size_t>(range.second - 1)].token_end;
    return ToLower(SurfaceText(*doc_.text, *doc_.tokens, b, e));
  }

  bool FormerBefore(const std::vector<MatchItem>& items, const PatternMatch& match) const {
    const size_t from = match.begin >= 3 ? match.begin - 3 : 0;
    for (size_t k = from; k < match.end; ++k) {
      if (items[k].entity >= 0) continue;
      const int32_t w = items[k].word;
      if (w >= 0) {
        const std::string& word = schema_.vocabulary.Word(w);
        if (word == "former" || word == "ex" || word == "previously" || word == "formerly" ||
            word == "then" || word == "retired" || word == "outgoing" || word == "ousted" ||
            word == "departing") {
          return true;
        }
        // "the late John Smith", but not "in late January".
        if (word == "late" && k + 1 < items.size() && items[k + 1].entity >= 0) return true;
      }
    }
    return false;
  }

  // True when the person subject at `si` is followed, before `end`, by an
  // organisation, a comma and "which".
  bool WhichAfterOrganisation(const std::vector<MatchItem>& items, uint32_t si,
                              uint32_t end) const {
    const MatchItem& subject = items[si];
    if (subject.type == kUnknownType ||
        schema_.type_names[static_cast<size_t>(subject.type)] != "Person")
      return false;
    for (uint32_t k = si + 1; k + 2 < end; ++k) {
      if (items[k].entity >= 0 && IsOrgType(items[k].type) && PlainWord(items[k + 1]) == "," &&
          PlainWord(items[k + 2]) == "which")
        return true;
    }
    return false;
  }

  // True for a pronoun item that is a possessive determiner ("his", "its").
  bool IsPossessivePronoun(const MatchItem& item) const {
    if (!item.anaphor || item.word < 0) return false;
    const std::string& w = schema_.vocabulary.Word(item.word);
    return w == "his" || w == "her" || w == "its" || w == "their";
  }

  // The largest share a match states, in percent ("55%", "51.4 pct", "60
  // per cent"; 100 for "a majority stake" or "a controlling interest"), or -1.
  double LargestShare(const std::vector<MatchItem>& items, const PatternMatch& match) const {
    const auto& tokens = *doc_.tokens;
    const uint32_t begin = items[match.begin].token_begin;
    const uint32_t end = items[match.end - 1].token_end;
    double best = -1;
    for (uint32_t k = begin; k + 1 < end; ++k) {
      // "a majority stake", "a controlling interest" state control without a figure.
      if (tokens[k].Is("majority") || tokens[k].Is("controlling")) return 100;
      if (!tokens[k].Has(kNumber)) continue;
      const Token& unit = tokens[k + 1];
      const bool percent = unit.Is("%") || unit.Is("pct") || unit.Is("percent") ||
                           (unit.Is("per") && k + 2 < end && tokens[k + 2].Is("cent"));
      if (!percent) continue;
      char* stop = nullptr;
      const double value = std::strtod(tokens[k].lower.c_str(), &stop);
      if (stop != tokens[k].lower.c_str()) best = std::max(best, value);
    }
    return best;
  }

  void AddMatch(const Relation& matched, const RelationPattern& rp, const Sentence& sent,
                const std::vector<MatchItem>& items, const PatternMatch& match, int32_t topic) {
    // "owns 55% of Y" states control: the pattern's majority relation instead.
    const Relation* majority = nullptr;
    if (!rp.majority.empty() && LargestShare(items, match) > 50)
      majority = schema_.FindRelation(rp.majority);
    const Relation& rel = majority ? *majority : matched;
    if (Hedged(items, match, rel.event)) return;
    const auto& names = rp.pattern.capture_names();
    std::string role;
    for (size_t c = 0; c < names.size(); ++c) {
      if (names[c] == "role") role = CaptureText(items, match.captures[c]);
    }
    std::string status = rp.status;
    if (status.empty() && rel.name == "works_for")
      status = FormerBefore(items, match) ? "former" : "current";
    // Dates and amounts near the match: a few tokens before it to several after.
    const uint32_t first_token = items[match.begin].token_begin;
    const uint32_t last_token = items[match.end - 1].token_end;
    const uint32_t window_begin =
        std::max(sent.token_begin, first_token >= 6 ? first_token - 6 : 0);
    const uint32_t window_end = std::min(sent.token_end, last_token + 8);
    std::string date;
    std::string amount;
    if (rel.event) {
      date = FindDate(*doc_.tokens, window_begin, window_end, doc_.document->date);
      amount = FindAmount(*doc_.text, *doc_.tokens, window_begin, window_end, first_token);
    }
    std::vector<int32_t> objects;
    if (topic >= 0) {
      objects.push_back(topic);
    } else {
      for (uint32_t oi : match.objects) objects.push_back(items[oi].entity);
    }
    // Coordinated names share a type: in "led by Halvern Partners, WndrCo and
    // Wing" the untyped names take the typed one's.
    auto sibling_type = [&](const std::vector<uint32_t>& slot, uint64_t mask) {
      for (uint32_t i : slot) {
        const int32_t e = items[i].entity;
        const TypeId t = e >= 0 ? types_[static_cast<size_t>(e)] : kUnknownType;
        if (t != kUnknownType && ((mask >> t) & 1ULL)) return t;
      }
      return kUnknownType;
    };
    const TypeId subject_sibling =
        match.subjects.size() > 1 ? sibling_type(match.subjects, rel.domain) : kUnknownType;
    const TypeId object_sibling = topic < 0 && match.objects.size() > 1
                                      ? sibling_type(match.objects, rel.range)
                                      : kUnknownType;
    for (uint32_t si : match.subjects) {
      const int32_t s = items[si].entity;
      if (s < 0) continue;
      // "Dennis Kozlowski and his top lieutenant": a possessive is no conjunct.
      if (match.subjects.size() > 1 && IsPossessivePronoun(items[si])) continue;
      // "X, an analyst at Matrix Asset Advisors, which has shares in GE": the
      // "which" after an organisation is the organisation, never the person.
      if (WhichAfterOrganisation(items, si, match.end)) continue;
      TypeId st = types_[static_cast<size_t>(s)];
      if (st == kUnknownType && subject_sibling != kUnknownType) st = subject_sibling;
      if (st == kUnknownType &&
          (st = InferType(s, rel.domain, rp.distinctive_names)) == kUnknownType)
        continue;
      for (size_t k = 0; k < objects.size(); ++k) {
        const int32_t o = objects[k];
        if (o < 0 || s == o) continue;
        if (topic < 0 && objects.size() > 1 && IsPossessivePronoun(items[match.objects[k]]))
          continue;
        TypeId ot = types_[static_cast<size_t>(o)];
        if (ot == kUnknownType && object_sibling != kUnknownType) ot = object_sibling;
        if (ot == kUnknownType &&
            (ot = InferType(o, rel.range, rp.distinctive_names)) == kUnknownType)
          continue;
        // At most one side may be typed by the pattern alone.
        const bool s_inferred = types_[static_cast<size_t>(s)] == kUnknownType;
        const bool o_inferred = types_[static_cast<size_t>(o)] == kUnknownType;
        if (s_inferred && o_inferred) continue;
        if (s_inferred) inferred_.emplace(s, st);
        if (o_inferred) inferred_.emplace(o, ot);
        const bool anaphor = items[si].anaphor || (topic < 0 && items[match.objects[k]].anaphor);
        double confidence =
            rp.confidence * (anaphor ? 0.9 : 1.0) * (s_inferred || o_inferred ? 0.9 : 1.0);
        if (topic >= 0) confidence *= 0.8;
        Add(rel.name, rel.symmetric, s, st, o, ot, sent, rp.location, confidence, date, amount,
            role, status);
        for (const std::string& implied : rel.implies) {
          const Relation* other = schema_.FindRelation(implied);
          if (!other) continue;
          if (!((other->domain >> st) & 1ULL) || !((other->range >> ot) & 1ULL)) continue;
          const std::string implied_status = rel.name == "left" ? "former" : "current";
          Add(other->name, other->symmetric, s, st, o, ot, sent, rp.location, confidence * 0.9, "",
              "", role, other->name == "works_for" ? implied_status : "");
        }
      }
    }
    // "Sony, Philips, Matsushita and Samsung are developing ...": every two of
    // the objects as well, for a symmetric relation whose pattern asks for it.
    if (!rp.pairwise || !rel.symmetric || topic >= 0) return;
    for (size_t a = 0; a < objects.size(); ++a) {
      for (size_t b = a + 1; b < objects.size(); ++b) {
        const int32_t x = objects[a];
        const int32_t y = objects[b];
        if (x < 0 || y < 0 || x == y) continue;
        const TypeId xt = types_[static_cast<size_t>(x)];
        const TypeId yt = types_[static_cast<size_t>(y)];
        if (xt == kUnknownType || yt == kUnknownType || !((rel.domain >> xt) & 1ULL) ||
            !((rel.range >> yt) & 1ULL))
          continue;
        Add(rel.name, true, x, xt, y, yt, sent, rp.location, rp.confidence, date, amount, "", "");
      }
    }
  }

  // `name` without the legal forms that end it: "Boeing Co" -> "Boeing".
  static std::string_view WithoutLegalForms(std::string_view name) {
    for (;;) {
      const size_t space = name.rfind(' ');
      if (space == std::string_view::npos) return name;
      std::string last = ToLower(name.substr(space + 1));
      if (!last.empty() && last.back() == '.') last.pop_back();
      if (!IsLegalFormSuffix(last)) return name;
      name = name.substr(0, space);
    }
  }

  // The relations with a name_prefix rule: "Microsoft Outlook" was made by
  // Microsoft when the article names Microsoft too. The evidence is the
  // sentence of the object's first named mention.
  void NamePrefixFacts() {
    const bool any = std::any_of(schema_.relations.begin(), schema_.relations.end(),
                                 [](const Relation& r) { return r.name_prefix.enabled; });
    if (!any) return;
    const auto& entities = *doc_.entities;
    // Each entity's first named mention, and its name without legal forms.
    std::vector<const Mention*> first(entities.size(), nullptr);
    for (const Mention& m : *doc_.mentions) {
      if (!m.anaphor && m.entity >= 0 && first[static_cast<size_t>(m.entity)] == nullptr)
        first[static_cast<size_t>(m.entity)] = &m;
    }
    std::vector<std::string_view> bare;
    bare.reserve(entities.size());
    for (const Entity& e : entities) bare.push_back(WithoutLegalForms(e.name));
    for (const Relation& rel : schema_.relations) {
      if (!rel.name_prefix.enabled) continue;
      for (size_t o = 0; o < entities.size(); ++o) {
        const TypeId ot = types_[o];
        if (first[o] == nullptr || ot == kUnknownType || !((rel.range >> ot) & 1ULL)) continue;
        const std::string& object_name = entities[o].name;
        auto opens_object = [&](std::string_view subject_name) {
          return object_name.size() > subject_name.size() + 1 &&
                 object_name.compare(0, subject_name.size(), subject_name) == 0 &&
                 object_name[subject_name.size()] == ' ';
        };
        for (size_t s = 0; s < entities.size(); ++s) {
          const TypeId st = types_[s];
          if (s == o || st == kUnknownType || !((rel.domain >> st) & 1ULL)) continue;
          if (!opens_object(entities[s].name) && !opens_object(bare[s])) continue;
          Add(rel.name, rel.symmetric, static_cast<int32_t>(s), st, static_cast<int32_t>(o), ot,
              (*doc_.sentences)[first[o]->sentence], rel.name_prefix.location,
              rel.name_prefix.confidence, "", "", "", "");
        }
      }
    }
  }

  void Add(const std::string& predicate, bool symmetric, int32_t s, TypeId st, int32_t o, TypeId ot,
           const Sentence& sent, const std::string& location, double confidence,
           const std::string& date, const std::string& amount, const std::string& role,
           const std::string& status) {
    // Six decimals, the precision triples are written with: a product such
    // as 0.7 * 0.8 (0.5599999...) must read back as the same number, or a
    // graph built from written triples would differ from one built at once.
    confidence = std::round(confidence * 1e6) / 1e6;
    const auto& entities = *doc_.entities;
    if (symmetric &&
        entities[static_cast<size_t>(o)].name < entities[static_cast<size_t>(s)].name) {
      std::swap(s, o);
      std::swap(st, ot);
    }
    const auto key = std::make_tuple(s, predicate, o);
    Evidence ev;
    ev.doc = doc_.document->id;
    // The sentence as written, with invalid UTF-8 repaired so that every output stays valid.
    ev.sentence = ReplaceInvalidUtf8(
        std::string_view(doc_.document->text).substr(sent.begin, sent.end - sent.begin));
    ev.start = sent.begin;
    ev.end = sent.end;
    ev.confidence = confidence;
    ev.pattern = location;
    auto it = index_.find(key);
    if (it != index_.end()) {
      Triple& t = facts_[it->second];
      if (t.date.empty()) t.date = date;
      if (t.amount.empty()) t.amount = amount;
      if (role.size() > t.role.size() && ev.start == t.start) t.role = role;
      if (t.role.empty()) t.role = role;
      if (t.status.empty()) t.status = status;
      if (status == "former" && t.status == "current" && t.start == sent.begin) t.status = status;
      if (ev.start == t.start) {
        t.confidence = std::max(t.confidence, confidence);
        return;
      }
      for (const Evidence& e : t.evidence) {
        if (e.start == ev.start) return;
      }
      t.evidence.push_back(std::move(ev));
      return;
    }
    const Entity& se = entities[static_cast<size_t>(s)];
    const Entity& oe = entities[static_cast<size_t>(o)];
    Triple t;
    t.doc = doc_.document->id;
    t.subject = se.name;
    t.subject_type = schema_.type_names[static_cast<size_t>(st)];
    t.subject_aliases = se.aliases;
    t.predicate = predicate;
    t.object = oe.name;
    t.object_type = schema_.type_names[static_cast<size_t>(ot)];
    t.object_aliases = oe.aliases;
    t.sentence = std::move(ev.sentence);
    t.start = ev.start;
    t.end = ev.end;
    t.confidence = confidence;
    t.date = date;
    t.amount = amount;
    t.role = role;
    t.status = status;
    t.pattern = location;
    t.published = doc_.document->date;
    index_.emplace(key, facts_.size());
    facts_.push_back(std::move(t));
  }

  const Schema& schema_;
  const AnnotatedDocument& doc_;
  // The schema's Person type, or kUnknownType.
  const TypeId person_;
  std::map<std::tuple<int32_t, std::string, int32_t>, size_t> index_;
  std::vector<Triple> facts_;
  // Entity types, including those the patterns inferred for untyped names.
  std::vector<TypeId> types_;
  std::map<int32_t, TypeId> inferred_;
  int32_t topic_ = -1;
};

}  // namespace

std::vector<Triple> ExtractRelations(const Schema& schema, const AnnotatedDocument& doc) {
  return Extractor(schema, doc).Run();
}

}  // namespace newsgraph
