#include "extract/entity_recognizer.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "extract/fingerprint.h"

namespace newsgraph {
namespace {

// Lower-case words allowed inside a name when a capitalised word follows.
constexpr std::array<std::string_view, 17> kParticles = {"of",  "for", "and", "de",  "van", "von",
                                                         "der", "den", "da",  "del", "di",  "la",
                                                         "le",  "du",  "bin", "al",  "on"};
// Particles that only join organisation names (the part before or the head must be organisational).
constexpr std::array<std::string_view, 4> kOrgParticles = {"of", "for", "and", "on"};
constexpr std::array<std::string_view, 19> kDayAndMonthNames = {
    "monday",    "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday",
    "january",   "february", "march",     "april",    "june",   "july",     "august",
    "september", "october",  "november",  "december", "may"};
// Adverbs and prepositions that open a sentence before a name without a
// comma ("Yesterday Acme Corp said", "Unlike Acme Corp, ...").
constexpr std::array<std::string_view, 40> kSentenceOpeners = {
    "yesterday", "today",    "meanwhile", "separately", "however", "also",    "earlier",
    "later",     "now",      "instead",   "still",      "then",    "thus",    "finally",
    "last",      "recently", "unlike",    "like",       "despite", "unless",  "although",
    "though",    "whereas",  "including", "besides",    "beyond",  "against", "without",
    "within",    "through",  "during",    "following",  "amid",    "among",   "across",
    "towards",   "toward",   "except",    "once",       "because"};

// Small words ignored when judging whether a sentence is a title-case
// headline, by length (index 1 to 5), since every token of every sentence is
// looked up.
constexpr std::array<std::array<std::string_view, 10>, 6> kHeadlineSmallWords = {{
    {},
    {"a"},
    {"an", "of", "or", "to", "in", "on", "at", "by", "as", "is"},
    {"the", "and", "for", "its", "via"},
    {"with", "from", "into", "over"},
    {"after"},
}};

bool IsHeadlineSmallWord(std::string_view w) {
  if (w.empty() || w.size() >= kHeadlineSmallWords.size()) return false;
  for (const std::string_view small : kHeadlineSmallWords[w.size()]) {
    if (small.empty()) return false;
    if (small == w) return true;
  }
  return false;
}

template <typename List>
bool In(const List& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool IsNameToken(const Token& t) { return t.Has(kCapitalized) && (t.Has(kWord) || t.Has(kNumber)); }

struct Candidate {
  uint32_t begin;  // token indexes, half-open
  uint32_t end;
  TypeId type = kUnknownType;
  TypeEvidence evidence = TypeEvidence::kNone;
  std::string place;
};

class Recognizer {
 public:
  Recognizer(const Schema& schema, const NormalizedText& text, const std::vector<Token>& tokens,
             const std::vector<Sentence>& sentences)
      : lex_(schema.lexicon), text_(text), tokens_(tokens), sentences_(sentences) {
    wrapped_ = IsHardWrapped(text);
    person_ = schema.FindType("Person");
    place_ = schema.FindType("Place");
    facility_ = schema.FindType("Facility");
    company_ = schema.FindType("Company");
    product_ = schema.FindType("Product");
  }

  std::vector<Mention> Run() {
    std::vector<bool> headline(sentences_.size(), false);
    for (size_t s = 0; s < sentences_.size(); ++s) headline[s] = IsHeadline(sentences_[s], s == 0);
    CollectInnerCapitals(headline);
    std::vector<Candidate> candidates;
    for (size_t s = 0; s < sentences_.size(); ++s) {
      if (!headline[s]) FindInSentence(sentences_[s], &candidates);
    }
    ExtendToAcronyms(&candidates);
    FixTypesPerDocument(&candidates);
    // Headlines: only names the body or the gazetteer knows, compared without case.
    for (size_t s = 0; s < sentences_.size(); ++s) {
      if (headline[s]) FindInHeadline(sentences_[s], &candidates);
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
    std::vector<Mention> mentions;
    size_t sentence = 0;
    for (const Candidate& c : candidates) {
      while (sentence + 1 < sentences_.size() && sentences_[sentence].token_end <= c.begin)
        ++sentence;
      Mention m;
      m.sentence = static_cast<uint32_t>(sentence);
      m.token_begin = c.begin;
      m.token_end = c.end;
      m.begin = tokens_[c.begin].begin;
      m.end = tokens_[c.end - 1].end;
      m.text = SurfaceText(text_, tokens_, c.begin, c.end);
      m.type = c.type;
      m.evidence = c.evidence;
      m.place = c.place;
      mentions.push_back(std::move(m));
    }
    return mentions;
  }

 private:
  std::string Key(uint32_t b, uint32_t e) const { return SurfaceText(text_, tokens_, b, e); }

  std::string LowerKey(uint32_t b, uint32_t e) const {
    std::string key;
    for (uint32_t i = b; i < e; ++i) {
      if (i > b && tokens_[i].Has(kSpaceBefore)) key += ' ';
      key += tokens_[i].lower;
    }
    return key;
  }

  // A headline is written in capitals or in title case: no lower-case word
  // besides the small ones ("of", "to", "the"). After the first sentence, a
  // line with a field label is a profile's field, not a headline
  // ("Upliance AI Founders: Mahek Mody and Mohit Sharma").
  bool IsHeadline(const Sentence& s, bool first) const {
    int words = 0;
    int capitalised = 0;
    int lower = 0;
    int all_caps = 0;
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      const Token& t = tokens_[i];
      if (!t.Has(kWord)) continue;
      if (t.Has(kAllCaps) && t.lower.size() > 1) ++all_caps;
      if (IsHeadlineSmallWord(t.lower)) continue;
      ++words;
      if (t.Has(kCapitalized)) {
        ++capitalised;
      } else {
        ++lower;
      }
    }
    if (words < 3) return false;
    if (all_caps * 10 >= words * 8) return true;
    return lower == 0 && capitalised >= 3 && (first || !HasFieldLabel(s));
  }

  // True when a field label and a colon open a line of the sentence
  // ("Founders:", "Key investors:"), as in a profile list.
  bool HasFieldLabel(const Sentence& s) const {
    for (uint32_t i = s.token_begin + 1; i < s.token_end; ++i) {
      if (tokens_[i].Is(":") && lex_.field_labels.count(tokens_[i - 1].lower)) return true;
    }
    return false;
  }

  // Words seen capitalised away from a sentence start: proof they are names.
  void CollectInnerCapitals(const std::vector<bool>& headline) {
    for (size_t s = 0; s < sentences_.size(); ++s) {
      if (headline[s]) continue;
      for (uint32_t i = sentences_[s].token_begin + 1; i < sentences_[s].token_end; ++i) {
        if (IsNameToken(tokens_[i]) && !StartsClause(i)) inner_capitals_.insert(tokens_[i].lower);
      }
    }
  }

  // True where a capital letter says nothing: sentence start, after a quote,
  // colon, bullet or opening bracket.
  bool StartsClause(uint32_t i) const {
    if (i == 0) return true;
    const Token& prev = tokens_[i - 1];
    if (prev.Has(kPunct)) {
      const std::string& p = prev.lower;
      return p == "\"" || p == ":" || p == "(" || p == "-" || p == "*" || p == "'" || p == ";" ||
             p == "." || p == "?" || p == "!" || p == "\xE2\x80\xA2" || p == "[";
    }
    // In hard-wrapped wire copy a line break inside a paragraph starts nothing:
    // "Chairman of the\nElectronic Industries Association".
    return tokens_[i].Has(kNewlineBefore) && (!wrapped_ || tokens_[i].Has(kParagraphBefore));
  }

  bool IsSentenceStart(uint32_t i, const Sentence& s) const {
    return i == s.token_begin || StartsClause(i);
  }

  // True when token `t` is on the lexicon list `flag` (a RecognizerLexicon::WordFlag).
  bool Listed(const Token& t, uint16_t flag) const { return (lex_.FlagsOf(t.word) & flag) != 0; }

  // True when the token is a listed honorific as written: one in capitals
  // must be listed in capitals ("MP", but not "ING" for "Ing.").
  bool IsHonorific(const Token& t) const {
    if (!Listed(t, RecognizerLexicon::kHonorific)) return false;
    return !t.Has(kAllCaps) || t.lower.size() < 2 || lex_.capital_honorifics.count(t.lower) > 0;
  }

  bool IsTitleWord(const std::string& lower) const { return lex_.title_words.count(lower) > 0; }

  bool IsOrgHead(const std::string& lower) const { return lex_.org_suffixes.count(lower) > 0; }

  // Legal-form suffixes that close a company name.
  static bool IsLegalSuffix(const std::string& lower) { return IsLegalFormSuffix(lower); }

  // Longest gazetteer entry starting at token i within [i, limit).
  uint32_t GazetteerMatch(uint32_t i, uint32_t limit, TypeId* type) const {
    if (i >= limit || !Listed(tokens_[i], RecognizerLexicon::kGazetteerStart)) return 0;
    // The key is the tokens' text, single-spaced where they were spaced,
    // hashed as it grows.
    uint64_t hash = Fnv1a64("");  // the empty key's hash: the seed
    uint32_t best = 0;
    const std::string_view text(text_.text);
    for (uint32_t j = i; j < limit && j < i + static_cast<uint32_t>(lex_.max_gazetteer_tokens);
         ++j) {
      const Token& t = tokens_[j];
      if (j > i && t.Has(kSpaceBefore)) hash = Fnv1a64(" ", hash);
      hash = Fnv1a64(text.substr(t.norm_begin, t.norm_end - t.norm_begin), hash);
      const NameIndex::Entry* entry = lex_.gazetteer_index.Find(hash);
      if (entry == nullptr) break;  // neither a name nor the start of one
      if (entry->type >= 0) {
        best = j + 1;
        *type = entry->type;
      }
      if (!entry->prefix) break;  // no longer name starts so
    }
    return best;
  }

  // A name followed by its acronym in parentheses takes in the capitalised
  // words before it that the acronym spells: "Consumer Electronics
  // Association (CEA)" although "Consumer" alone is a common word.
  void ExtendToAcronyms(std::vector<Candidate>* candidates) const {
    std::sort(candidates->begin(), candidates->end(),
              [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
    std::vector<bool> drop(candidates->size(), false);
    for (size_t k = 0; k < candidates->size(); ++k) {
      Candidate& c = (*candidates)[k];
      const uint32_t e = c.end;
      if (e + 2 >= tokens_.size() || !tokens_[e].Is("(") || !tokens_[e + 2].Is(")") ||
          !tokens_[e + 1].Has(kAllCaps))
        continue;
      const std::string& acronym = tokens_[e + 1].lower;
      // Initials of the capitalised words of [b, e), skipping particles.
      auto initials = [&](uint32_t b) {
        std::string out;
        for (uint32_t i = b; i < e; ++i) {
          if (tokens_[i].Has(kCapitalized) && tokens_[i].Has(kWord)) out += tokens_[i].lower[0];
        }
        return out;
      };
      if (initials(c.begin) == acronym) continue;
      uint32_t b = c.begin;
      while (b > 0 && b > c.begin - std::min<uint32_t>(c.begin, 4) &&
             (IsNameToken(tokens_[b - 1]) || In(kParticles, tokens_[b - 1].lower)) &&
             !tokens_[b - 1].Has(kNewlineBefore) && !tokens_[b].Has(kNewlineBefore)) {
        --b;
        if (IsNameToken(tokens_[b]) && initials(b) == acronym) {
          // The words taken in were their own candidates; a name that
          // starts before them keeps its place.
          for (size_t j = 0; j < k; ++j) {
            if ((*candidates)[j].begin >= b) drop[j] = true;
          }
          c.begin = b;
          break;
        }
      }
    }
    size_t kept = 0;
    for (size_t k = 0; k < candidates->size(); ++k) {
      if (!drop[k]) (*candidates)[kept++] = (*candidates)[k];
    }
    candidates->resize(kept);
  }

  // True when token i alone is a known place ("Japan's Ministry of ...").
  bool IsPlaceAt(uint32_t i) const { return IsPlaceName(i, i + 1); }

  // The end of the capitalised sequence that starts at token i.
  uint32_t SequenceEnd(uint32_t i, uint32_t limit) const {
    uint32_t j = i + 1;
    while (j < limit) {
      const Token& t = tokens_[j];
      // A legal suffix with its full stop ends a firm's name: in "... of
      // Navistar International Corp. Lennox will ..." a new sentence begins.
      if (tokens_[j - 1].Has(kAbbreviation) && IsLegalSuffix(tokens_[j - 1].lower) &&
          !IsLegalSuffix(t.lower) && t.Has(kSpaceBefore))
        break;
      // In wire copy a line break may fall inside a name ("<Valhi\nInc>").
      if (IsNameToken(t) && (!t.Has(kNewlineBefore) || (wrapped_ && !t.Has(kParagraphBefore)))) {
        ++j;
        continue;
      }
      // Glue without spaces: Fei-Fei, Rolls-Royce, GPT-4.
      if ((t.Is("-") || t.Is("&") || t.Is("/")) && !t.Has(kSpaceBefore) && j + 1 < limit &&
          !tokens_[j + 1].Has(kSpaceBefore) &&
          (IsNameToken(tokens_[j + 1]) || tokens_[j + 1].Has(kNumber))) {
        j += 2;
        continue;
      }
      // A possessive inside a firm's name: "Foster's Group", "McDonald's Corp".
      if (t.Is("'s") && j == i + 1 && !t.Has(kSpaceBefore) && j + 1 < limit && !IsPlaceAt(i) &&
          IsNameToken(tokens_[j + 1]) && Listed(tokens_[j + 1], RecognizerLexicon::kOrgSuffix) &&
          !Listed(tokens_[j + 1], RecognizerLexicon::kCommonWord) &&
          (j + 2 >= limit || (!IsNameToken(tokens_[j + 2]) && !tokens_[j + 2].Is("for") &&
                              !tokens_[j + 2].Is("of")))) {
        j += 2;
        continue;
      }
      if (t.Is("&") && j + 1 < limit && IsNameToken(tokens_[j + 1])) {
        j += 2;
        continue;
      }
      if (In(kParticles, t.lower) && t.Has(kWord) && !t.Has(kCapitalized) && j + 1 < limit &&
          IsNameToken(tokens_[j + 1])) {
        j += 2;
        continue;
      }
      // A short number after a name: Colossus 1, PlayStation 2, Windows 95, and
      // model versions followed by more capitals: Gemini 1.5 Pro, Llama 3 70B.
      if (t.Has(kNumber) && t.lower.size() <= 6 &&
          (NumberJoinsName(i, j, limit) || VersionEndsName(i, j, limit) ||
           (j + 1 < limit && (IsNameToken(tokens_[j + 1]) || tokens_[j + 1].Has(kNumber)) &&
            !tokens_[j + 1].Has(kNewlineBefore) && tokens_[j + 1].lower.size() <= 8 &&
            !Listed(tokens_[j + 1], RecognizerLexicon::kCommonWord)))) {
        ++j;
        continue;
      }
      break;
    }
    return j;
  }

  // True when the number at j, after the one-word name at i, is a product's
  // version that ends the name: "Genie 3,", "iPhone 17, which", "Windows 11."
  // (not a date, an amount or a count: "May 3", "Acme 3 pct", "Acme 3 million").
  bool VersionEndsName(uint32_t i, uint32_t j, uint32_t limit) const {
    const Token& number = tokens_[j];
    if (j != i + 1 || !number.Has(kSpaceBefore) || number.lower.size() > 3 ||
        number.lower.find_first_of(".,") != std::string::npos)
      return false;
    const Token& name = tokens_[i];
    if (!name.Has(kWord) || name.Has(kAllCaps) || In(kDayAndMonthNames, name.lower) ||
        IsPlaceAt(i) || Listed(name, RecognizerLexicon::kCommonWord) ||
        Listed(name, RecognizerLexicon::kTitleWord) || Listed(name, RecognizerLexicon::kOrgSuffix))
      return false;
    if (j + 1 >= limit) return true;
    const Token& next = tokens_[j + 1];
    return next.Is(",") || next.Is(".") || next.Is(";") || next.Is(":") || next.Is(")");
  }

  bool NumberJoinsName(uint32_t i, uint32_t j, uint32_t limit) const {
    // Joins when a facility head follows (Colossus 1 data center) or the gazetteer knows it.
    if (FacilityHeadAt(j + 1, limit) > 0) return true;
    TypeId type;
    return GazetteerMatch(i, std::min(limit, j + 1), &type) == j + 1;
  }

  // The number of tokens of a facility head starting at token j (0 if none).
  uint32_t FacilityHeadAt(uint32_t j, uint32_t limit) const {
    if (j >= limit) return 0;
    if (j + 1 < limit && lex_.facility_heads.count(tokens_[j].lower + " " + tokens_[j + 1].lower))
      return 2;
    if (Listed(tokens_[j], RecognizerLexicon::kFacilityHead)) return 1;
    return 0;
  }

  void FindInSentence(const Sentence& s, std::vector<Candidate>* out) {
    uint32_t i = s.token_begin;
    while (i < s.token_end) {
      const Token& t = tokens_[i];
      TypeId gaz_type = kUnknownType;
      if (!IsNameToken(t)) {
        // Lower-case starts only for mixed-case names the gazetteer knows: xAI, eBay, iPhone.
        const uint32_t gaz_end =
            t.Has(kInnerCapital) ? GazetteerMatch(i, s.token_end, &gaz_type) : 0;
        if (gaz_end > 0) {
          AddCandidate(i, gaz_end, gaz_type, TypeEvidence::kGazetteer, out);
          i = gaz_end;
        } else {
          ++i;
        }
        continue;
      }
      const uint32_t gaz_end = GazetteerMatch(i, s.token_end, &gaz_type);
      const uint32_t seq_end = SequenceEnd(i, s.token_end);
      if (gaz_end > 0 && gaz_end >= seq_end) {
        // A legal form after a known name that spans punctuation belongs to
        // it: "Sears, Roebuck and Co" + "Inc".
        uint32_t end = gaz_end;
        while (gaz_type == company_ && end < s.token_end && tokens_[end].Has(kSpaceBefore) &&
               tokens_[end].Has(kCapitalized) && IsLegalSuffix(tokens_[end].lower))
          ++end;
        AddGazetteerCandidate(i, end, gaz_type, out);
        i = end;
        continue;
      }
      if (WholeWireName(i, seq_end)) {
        AddCandidate(i, seq_end, company_, TypeEvidence::kStrong, out);
      } else {
        SplitSequence(i, seq_end, s, out);
      }
      i = seq_end;
    }
  }

  // Function words that never start a name, even before "Inc" or "Labs".
  bool IsFunctionWord(const Token& t) const { return Listed(t, RecognizerLexicon::kFunctionWord); }

  // Splits a capitalised run at titles and common words, trims it and types the parts.
  void SplitSequence(uint32_t b, uint32_t e, const Sentence& s, std::vector<Candidate>* out) {
    // A known name that ends the run stands alone: "NTTVC Mumbai" -> "NTTVC" + "Mumbai".
    for (uint32_t j = b + 1; j < e; ++j) {
      TypeId type = kUnknownType;
      if (tokens_[j].Has(kSpaceBefore) && IsNameToken(tokens_[j]) && IsNameToken(tokens_[j - 1]) &&
          GazetteerMatch(j, e, &type) == e &&
          !Listed(tokens_[j - 1], RecognizerLexicon::kOrgSuffix) &&
          !Listed(tokens_[b], RecognizerLexicon::kGivenName) &&
          !In(kParticles, tokens_[j - 1].lower) &&
          // Initials before a firm's name belong to it: "MM Warburg", "SG Cowen".
          !(type == company_ && j == b + 1 && tokens_[b].Has(kAllCaps) &&
            tokens_[b].lower.size() <= 3 && !IsPlaceAt(b))) {
        // The longest such name: "West Germany", not "Germany", after "Acme AG of".
        TypeId longer = kUnknownType;
        while (j > b + 1 && IsNameToken(tokens_[j - 1]) && tokens_[j - 1].Has(kSpaceBefore) &&
               GazetteerMatch(j - 1, e, &longer) == e) {
          --j;
          type = longer;
        }
        // A place after an organisation head and "of" is the name's own:
        // "State Bank of South Australia", "Bank of New England".
        if (type == place_ && j >= b + 2 && tokens_[j - 1].Is("of") &&
            Listed(tokens_[j - 2], RecognizerLexicon::kOrgSuffix) &&
            !IsLegalSuffix(tokens_[j - 2].lower))
          break;
        SplitSequence(b, j, s, out);
        AddGazetteerCandidate(j, e, type, out);
        return;
      }
    }
    uint32_t start = b;
    bool honorific = false;
    // A word and an organisation head ("Node Labs", "Edge Inc") make a name:
    // the word stays even when ordinary or common (function words do not).
    // So do the words between a nationality and an organisation head:
    // "European Regions Airline Association", "German Football Association".
    const bool org_run = (e - b == 2 && Listed(tokens_[e - 1], RecognizerLexicon::kOrgSuffix) &&
                          !(Listed(tokens_[e - 1], RecognizerLexicon::kCommonWord) &&
                            !CommonHeadExtends(b, e - 1))) ||
                         NationalOrgRun(b, e) || CommonWordOrgRun(b, e);
    for (uint32_t i = b; i <= e; ++i) {
      const bool at_end = i == e;
      bool cut = at_end;
      bool is_honorific = false;
      if (!at_end) {
        const Token& t = tokens_[i];
        // A word glued to the previous one ("McEwen-King") never cuts the run,
        // nor does an initial inside it ("Laurence A. Tisch").
        const bool initial = i > b && t.Has(kAbbreviation) && t.lower.size() == 1 && i + 1 < e;
        const bool glued = (i > b && !t.Has(kSpaceBefore)) || initial;
        // "General" before "Technology Division" or "Cinema Corp" opens a
        // name, not a title.
        is_honorific = !glued && IsHonorific(t) &&
                       !(e - i >= 2 && Listed(tokens_[e - 1], RecognizerLexicon::kOrgSuffix));
        // A one-word honorific ending the run after a given name is a
        // surname: "Mervyn King", "Stephen Bishop".
        if (is_honorific && i + 1 == e && i == start + 1 &&
            Listed(tokens_[start], RecognizerLexicon::kGivenName) &&
            !lex_.ambiguous_given_names.count(tokens_[start].lower) &&
            !Listed(tokens_[start], RecognizerLexicon::kCommonWord) &&
            !Listed(t, RecognizerLexicon::kTitleWord))
          is_honorific = false;
        cut = !glued && (Listed(t, RecognizerLexicon::kTitleWord) ||
                         Listed(t, RecognizerLexicon::kCommonWord) > 0 || is_honorific);
        // A known name starting here is no title or common word: "General
        // Catalyst and Founders Fund", "Index Ventures".
        if (cut && i == start && i + 1 < e && Listed(t, RecognizerLexicon::kGazetteerStart)) {
          TypeId known = kUnknownType;
          if (GazetteerMatch(i, e, &known) > i + 1 && known != kUnknownType && known != person_) {
            cut = false;
            is_honorific = false;
          }
        }
        // A common word that is also a given name, before a capitalised word
        // that is not common, starts a name: "Jan Leike", "Will Smith".
        if (cut && !is_honorific && !Listed(t, RecognizerLexicon::kTitleWord) &&
            Listed(t, RecognizerLexicon::kGivenName) && i + 1 < e && IsNameToken(tokens_[i + 1]) &&
            !Listed(tokens_[i + 1], RecognizerLexicon::kCommonWord) &&
            !IsHonorific(tokens_[i + 1])) {
          cut = false;
        }
        // After a given name or an initial, a common word is a surname: "Theresa May", "Paul R.
        // Low".
        if (cut && !is_honorific && i > start && !Listed(t, RecognizerLexicon::kTitleWord) &&
            ((i == start + 1 && Listed(tokens_[start], RecognizerLexicon::kGivenName)) ||
             (tokens_[i - 1].Has(kAbbreviation) && tokens_[i - 1].lower.size() == 1))) {
          cut = false;
        }
        // A word and an organisation head before "and" make a name, as a
        // whole run of two would: "Index Ventures and Y Combinator".
        if (cut && !is_honorific && i == start && !Listed(t, RecognizerLexicon::kTitleWord) &&
            !IsFunctionWord(t) && i + 2 < e &&
            Listed(tokens_[i + 1], RecognizerLexicon::kOrgSuffix) &&
            !Listed(tokens_[i + 1], RecognizerLexicon::kCommonWord) &&
            (tokens_[i + 2].Is("and") || tokens_[i + 2].Is("&")) &&
            tokens_[i + 1].Has(kSpaceBefore))
          cut = false;
        // A word before an organisation head and "of" opens the name, even
        // when it is common: "Stock Exchange of Singapore", "Reserve Bank of
        // Australia".
        if (cut && !is_honorific && i == start && !Listed(t, RecognizerLexicon::kTitleWord) &&
            !IsFunctionWord(t) && HeadOfFollows(i, e))
          cut = false;
        // After "and" or "&" inside a body's name, a common word goes on to its head:
        // "Industrial Development and Investment Centre", "Export & Finance
        // Bank" (but "Central Bank" and "Finance Ministry" are two).
        if (cut && !is_honorific && i > start + 1 && i + 1 < e &&
            (tokens_[i - 1].Is("and") || tokens_[i - 1].Is("&")) &&
            !Listed(tokens_[i - 2], RecognizerLexicon::kOrgSuffix) && e - i <= 3 &&
            !Listed(t, RecognizerLexicon::kTitleWord) && !IsFunctionWord(t) &&
            Listed(tokens_[e - 1], RecognizerLexicon::kOrgSuffix) &&
            !IsLegalSuffix(tokens_[e - 1].lower) &&
            !Listed(tokens_[e - 1], RecognizerLexicon::kCommonWord) && AllCapitalizedWords(i, e))
          cut = false;
        // A product tier after a name stays in it: "Mistral Large", "Sonar Small".
        if (cut && !is_honorific && i > start && Listed(t, RecognizerLexicon::kProductTier) &&
            (IsNameToken(tokens_[i - 1]) || tokens_[i - 1].Has(kNumber)))
          cut = false;
        // A capital at the start of a sentence proves nothing for an ordinary word.
        // It does for a name that ends in an organisation head: "Foster's Group".
        // So does "and" after it: "Industrial and Commercial Bank".
        if (!cut && i == start && IsSentenceStart(i, s) && lex_.english_words.count(t.lower) &&
            !inner_capitals_.count(t.lower) && !Listed(t, RecognizerLexicon::kGivenName) &&
            !(e - i >= 3 &&
              (tokens_[i + 1].Is("'s") || tokens_[i + 1].Is("and") || tokens_[i + 1].Is("&")) &&
              Listed(tokens_[e - 1], RecognizerLexicon::kOrgSuffix)) &&
            !HeadOfFollows(i, e)) {
          TypeId ignored;
          cut = GazetteerMatch(i, e, &ignored) == 0;
        }
        // Known gazetteer names inside a run stand alone ("Microsoft Chairman ..." handled above).
        // A head that is also a common word ("AI") does not extend a known
        // company's name: "Tesla AI director" is Tesla's.
        if (cut && i > start && !at_end && Listed(tokens_[i], RecognizerLexicon::kOrgSuffix) &&
            !(i + 1 == e && Listed(tokens_[i], RecognizerLexicon::kCommonWord) &&
              !CommonHeadExtends(start, i)))
          cut = false;
        if (cut && org_run && !is_honorific && !Listed(t, RecognizerLexicon::kTitleWord) &&
            !IsFunctionWord(t))
          cut = false;
        // After "Head of/for/on" the name goes on through ordinary words:
        // "Center for International Digital Policy", "Council on Foreign Relations".
        if (cut && !is_honorific && !Listed(t, RecognizerLexicon::kTitleWord) &&
            !IsFunctionWord(t) && OrgHeadBeforeOf(start, i + 1) != kUnknownType)
          cut = false;
      }
      if (!cut) continue;
      // Ordinary words before a title name an office, not an organisation:
      // "Trade Representative X", "Commerce Secretary X", "National Security adviser".
      const bool office = i > start && i < e && !is_honorific &&
                          Listed(tokens_[i], RecognizerLexicon::kTitleWord) &&
                          OrdinaryWords(start, i);
      // An ordinary word right before a title belongs to the title: in "EU
      // Trade Commissioner X" the name is "EU".
      uint32_t name_end = i;
      if (i > start + 1 && i < e &&
          (Listed(tokens_[i], RecognizerLexicon::kTitleWord) || is_honorific) &&
          OrdinaryWords(i - 1, i)) {
        TypeId known = kUnknownType;
        if (GazetteerMatch(start, i, &known) != i) name_end = i - 1;
      }
      if (i > start && !office) TypeCandidate(start, name_end, honorific, out);
      honorific = is_honorific;
      start = i + 1;
    }
  }

  // True when token `i` is a nationality noun for people: "Irishman", "Frenchwomen", "Britons".
  bool IsPersonDemonym(uint32_t i) const {
    const std::string& w = tokens_[i].lower;
    auto ends = [&w](std::string_view tail) {
      return w.size() > tail.size() + 1 &&
             w.compare(w.size() - tail.size(), tail.size(), tail) == 0;
    };
    // "German" and "Germans" end in "man" but name no person. The word's
    // shape is checked first: the list lookup needs the word as written.
    bool shape = w == "briton" || w == "britons";
    for (const std::string_view tail :
         {"sman", "smen", "shman", "shmen", "chman", "chmen", "swoman", "swomen", "shwoman",
          "shwomen", "chwoman", "chwomen", "xman", "xmen"}) {
      shape = shape || ends(tail);
    }
    return shape && lex_.nationalities.count(Key(i, i + 1)) > 0;
  }

  void TypeCandidate(uint32_t b, uint32_t e, bool after_honorific, std::vector<Candidate>* out) {
    // Trim particles and glue at either end; an honorific only types the name right after it.
    while (b < e && !IsNameToken(tokens_[b])) {
      ++b;
      after_honorific = false;
    }
    while (e > b && !IsNameToken(tokens_[e - 1]) && !tokens_[e - 1].Has(kNumber)) --e;
    if (b >= e) return;
    // A demonym for a person is not part of the name after it: "Irishmen JP
    // McManus", "Frenchman Jean Dupont", "Briton Tim Henman".
    if (e - b >= 2 && IsPersonDemonym(b)) {
      ++b;
      after_honorific = true;
    }
    // "Secretary of State George Shultz": after "of", an ordinary word that
    // ends an office's name is not part of the person's name after it.
    if (e - b >= 3 && e - b <= 4 && b > 0 && tokens_[b - 1].Is("of") &&
        lex_.english_words.count(tokens_[b].lower) &&
        !Listed(tokens_[b], RecognizerLexicon::kGivenName | RecognizerLexicon::kOrgSuffix) &&
        Listed(tokens_[b + 1], RecognizerLexicon::kGivenName) &&
        !lex_.ambiguous_given_names.count(tokens_[b + 1].lower) && AllCapitalizedWords(b, e) &&
        !IsOrgHeadAnywhere(b, e)) {
      ++b;
      after_honorific = false;
    }
    // Organisation particles ("of", "and") stay only inside organisation names:
    // "Bank of England", "Securities and Exchange Commission", but not
    // "Boeing Co and Argo Inc" or "Google and Amazon".
    for (uint32_t k = b + 1; k + 1 < e; ++k) {
      if ((In(kOrgParticles, tokens_[k].lower) && !tokens_[k].Has(kCapitalized)) ||
          tokens_[k].Is("&")) {
        const bool conjunction = tokens_[k].Is("and") || tokens_[k].Is("&");
        TypeId left_type = kUnknownType;
        // The left part is complete when it ends in a legal suffix, is a known
        // name, or is a name and an organisation head ("Induced AI and Tektonic AI").
        // So is "<head> of <place>" before a right part that ends in a head:
        // "United Bank of Africa and Standard Trust Bank".
        const bool head_of_place = conjunction && k - b >= 3 && e - k >= 3 &&
                                   tokens_[k - 2].Is("of") && IsPlaceAt(k - 1) &&
                                   Listed(tokens_[k - 3], RecognizerLexicon::kOrgSuffix) &&
                                   Listed(tokens_[e - 1], RecognizerLexicon::kOrgSuffix);
        // So is a left part of two or more words, not opened by a
        // nationality, before a right part of two or more words that the
        // gazetteer knows: "Volvo Flygmotor and General Electric", "James
        // Baker and Federal Reserve Board" (but "Mines and Energy Ministry"
        // is one name).
        TypeId right_type = kUnknownType;
        const bool left_complete =
            head_of_place || IsLegalSuffix(tokens_[k - 1].lower) ||
            GazetteerMatch(b, k, &left_type) == k ||
            (conjunction && e - k >= 3 && k - b >= 2 && !lex_.nationalities.count(Key(b, b + 1)) &&
             GazetteerMatch(k + 1, e, &right_type) == e &&
             GazetteerMatch(b, e, &right_type) != e) ||
            (conjunction && k - b >= 2 && e - k >= 3 &&
             Listed(tokens_[k - 1], RecognizerLexicon::kOrgSuffix) &&
             Listed(tokens_[e - 1], RecognizerLexicon::kOrgSuffix) && IsNameToken(tokens_[k - 2]) &&
             !Listed(tokens_[k - 2], RecognizerLexicon::kOrgSuffix) &&
             !lex_.english_words.count(tokens_[k + 1].lower) &&
             !Listed(tokens_[k + 1],
                     RecognizerLexicon::kCommonWord | RecognizerLexicon::kOrgSuffix));
        bool org;
        if (conjunction) {
          // "Gulf and Western Inc", "Procter and Gamble Co": one word on
          // each side of "and", then the legal suffix, make one name; longer
          // parts ("Merrill Lynch and Co", "Comdata and Mason Best Co") do not.
          // So do words opened by a nationality: "Australian Meat and Livestock Corp".
          org = !left_complete && Listed(tokens_[e - 1], RecognizerLexicon::kOrgSuffix) &&
                (!IsLegalSuffix(tokens_[e - 1].lower) ||
                 (k - b == 1 && e - k == 3 && !Listed(tokens_[b], RecognizerLexicon::kGivenName)) ||
                 (k - b <= 3 && e - k >= 3 && e - k <= 4 && !tokens_[k + 1].Has(kAllCaps) &&
                  lex_.nationalities.count(Key(b, b + 1)) > 0));
          // "Merrill Lynch and Co Inc", "Mitsui and Co Ltd": "and Co" belongs to the name.
          auto name_ends = [&](uint32_t i) { return i == e || tokens_[i].Is("of"); };
          if ((tokens_[k + 1].Is("co") || tokens_[k + 1].Is("company")) &&
              (name_ends(k + 2) ||
               (k + 2 < e && IsLegalSuffix(tokens_[k + 2].lower) && name_ends(k + 3))))
            org = true;
          if (tokens_[k].Is("&") && !tokens_[k].Has(kSpaceBefore)) org = true;  // AT&T-style glue
          if (tokens_[k].Is("&") && !left_complete) org = true;                 // Procter & Gamble
        } else {
          org = Listed(tokens_[e - 1], RecognizerLexicon::kOrgSuffix) ||
                Listed(tokens_[k - 1], RecognizerLexicon::kOrgSuffix) || IsOrgHeadAnywhere(b, k);
          // A person's name before "of" stays a person: "analyst Orin Middleton
          // of Barclays Capital", "John Smith of Acme Holdings".
          if (org && !IsOrgHeadAnywhere(b, k) && LooksLikePersonName(b, k, after_honorific))
            org = false;
          // A firm's legal suffix ends its name; "of" and a place after it say
          // where it is: "Avis Bourg Co of Folsom", "Daiwa Securities Ltd of Japan".
          // ("Prudential Insurance Co of America" is the firm's whole name.)
          // An unknown town followed by a comma and a known place is a place
          // too: "Halvern Corp of Folsom, Calif.", "X Bank FSB of Lake Worth, Fla."
          if (org && IsLegalSuffix(tokens_[k - 1].lower) &&
              (IsPlaceName(k + 1, e) || (e - k <= 4 && PlaceAfterComma(e))) &&
              !tokens_[e - 1].Is("america"))
            org = false;
          // So does a company the gazetteer knows, unless the whole run is
          // known: "SK Telecom of South Korea", but "Bank of America". A
          // bank's place names a bank of its own: "Sumitomo Bank of California".
          TypeId known = kUnknownType;
          TypeId whole = kUnknownType;
          if (org && !tokens_[k - 1].Is("bank") && IsPlaceName(k + 1, e) &&
              GazetteerMatch(b, k, &known) == k && known == company_ &&
              GazetteerMatch(b, e, &whole) != e)
            org = false;
        }
        if (!org) {
          TypeCandidate(b, k, after_honorific, out);
          TypeCandidate(k + 1, e, false, out);
          return;
        }
      }
    }
    // "US-German": a hyphenated compound of places and nationalities is several places.
    if (e - b >= 3 && place_ != kUnknownType && IsPlaceCompound(b, e)) {
      for (uint32_t k = b; k < e; k += 2) TypeCandidate(k, k + 1, false, out);
      return;
    }
    TypeId type = kUnknownType;
    const uint32_t gaz = GazetteerMatch(b, e, &type);
    Candidate c;
    c.begin = b;
    c.end = e;
    const std::string& first = tokens_[b].lower;
    const std::string& last = tokens_[e - 1].lower;
    if (gaz == e && !HonorificOutweighs(after_honorific || PrecededByHonorific(b), type)) {
      c.type = type;
      c.evidence = TypeEvidence::kGazetteer;
    } else if (gaz == e) {
      c.type = person_;
      c.evidence = TypeEvidence::kStrong;
    } else if (InWireBrackets(b, e) && company_ != kUnknownType) {
      // Wire copy brackets the names of unlisted firms: "<Ina-Naftaplin>".
      c.type = company_;
      c.evidence = TypeEvidence::kStrong;
    } else if (e - b <= 3 && tokens_[b].Has(kWord) && lex_.nationalities.count(Key(b, e)) &&
               place_ != kUnknownType) {
      // "German", and in several words "West German", "South Korean".
      c.type = place_;
      c.evidence = TypeEvidence::kGazetteer;
      c.place = lex_.nationalities.at(Key(b, e));
    } else if (FacilityHeadAt(e, tokens_.size()) > 0 && facility_ != kUnknownType &&
               (tokens_[e - 1].Has(kNumber) || e - b >= 1) && !IsOrgHead(last) &&
               !(lex_.given_names.count(first) && e - b >= 2)) {
      c.type = facility_;
      c.evidence = TypeEvidence::kStrong;
    } else if (e - b >= 2 && facility_ != kUnknownType && lex_.facility_heads.count(last) &&
               !IsOrgHead(last)) {
      // A capitalised head word inside the name: "Indiana Harbor Works", "Hoover Dam".
      c.type = facility_;
      c.evidence = TypeEvidence::kStrong;
    } else if (e - b >= 2 && OrgHeadBeforeOf(b, e) != kUnknownType) {
      // The head before "of" or "for" types the name: "Institute for AI".
      c.type = OrgHeadBeforeOf(b, e);
      c.evidence = TypeEvidence::kStrong;
    } else if (e - b >= 2 && IsOrgHead(last)) {
      c.type = lex_.org_suffixes.at(last);
      c.evidence = TypeEvidence::kStrong;
    } else if (after_honorific || PrecededByHonorific(b)) {
      c.type = person_;
      c.evidence = TypeEvidence::kStrong;
    } else if (e - b >= 2 && e - b <= 5 && AllWords(b, e) && !IsOrgHead(last) && HasInitial(b, e)) {
      // An initial among capitalised words: "J. Paul Sticht", "Laurence A. Tisch".
      c.type = person_;
      c.evidence = TypeEvidence::kStrong;
    } else if (e - b == 1 && IsWebName(tokens_[b].lower) && company_ != kUnknownType) {
      // A web address as a name: "Exactly.ai", "Amazon.com".
      c.type = company_;
      c.evidence = TypeEvidence::kStrong;
    } else if (e - b >= 2 && e - b <= 4 && lex_.given_names.count(first) && AllWords(b, e)) {
      c.type = person_;
      c.evidence =
          lex_.ambiguous_given_names.count(first) ? TypeEvidence::kWeak : TypeEvidence::kStrong;
    } else if (e - b >= 2 && e - b <= 3 && AllCapitalizedWords(b, e) &&
               Listed(tokens_[e - 1], RecognizerLexicon::kSurname) && gaz == 0 &&
               !Listed(tokens_[b], RecognizerLexicon::kSurname) &&
               !Listed(tokens_[b], RecognizerLexicon::kCommonWord) &&
               !Listed(tokens_[b], RecognizerLexicon::kOrgSuffix) &&
               !lex_.nationalities.count(Key(b, b + 1)) && !tokens_[b].Has(kAllCaps)) {
      // A known family name after an unknown given name: "Wenting Zhao". Two
      // family names ("Touche Ross", "Dickstein Shapiro") name a firm as often.
      c.type = person_;
      c.evidence = TypeEvidence::kWeak;
    } else if (e - b >= 2 && product_ != kUnknownType &&
               (Listed(tokens_[e - 1], RecognizerLexicon::kProductTier) ||
                (gaz > 0 && type == product_ && VersionTail(gaz, e))) &&
               !lex_.given_names.count(first) && !IsOrgHeadAnywhere(b, e)) {
      // A brand or product line and its tier or version: "Mistral Large",
      // "Claude 3 Opus", "Llama 3 70B".
      c.type = product_;
      c.evidence = TypeEvidence::kStrong;
    } else if (gaz > 0 && type == company_) {
      // "Google Earth" style: a known company followed by more capitals.
      c.type = kUnknownType;
    }
    out->push_back(c);
  }

  // True when the run [b, e) fills a pair of wire brackets and holds a
  // lower-case joining word: wire copy brackets one firm's name, so
  // "<Esso Exploration and Production Australia Inc>" is not split. (Not with
  // "of", which may give the firm's place: "<Avis Bourg Co of Folsom>".)
  bool WholeWireName(uint32_t b, uint32_t e) const {
    if (company_ == kUnknownType || e - b < 3 || !InWireBrackets(b, e)) return false;
    bool joined = false;
    for (uint32_t k = b; k < e; ++k) {
      if (tokens_[k].Is("of")) return false;
      joined = joined || (tokens_[k].Has(kWord) && !tokens_[k].Has(kCapitalized));
    }
    TypeId known = kUnknownType;
    return joined && GazetteerMatch(b, e, &known) != e;
  }

  // True when [b, e) stands alone between "<" and ">" and is no ticker
  // (one word of at most five capitals).
  bool InWireBrackets(uint32_t b, uint32_t e) const {
    if (b == 0 || e >= tokens_.size() || !tokens_[b - 1].Is("<") || !tokens_[e].Is(">"))
      return false;
    return !(e - b == 1 && tokens_[b].Has(kAllCaps) && tokens_[b].lower.size() <= 5);
  }

  bool IsPlaceCompound(uint32_t b, uint32_t e) const {
    if ((e - b) % 2 == 0) return false;
    for (uint32_t k = b; k < e; ++k) {
      if ((k - b) % 2 == 1) {
        if (tokens_[k].lower != "-" || tokens_[k].Has(kSpaceBefore)) return false;
        continue;
      }
      const std::string word = Key(k, k + 1);
      TypeId type = kUnknownType;
      const bool place = GazetteerMatch(k, k + 1, &type) == k + 1 && type == place_;
      if (!place && !lex_.nationalities.count(word)) return false;
    }
    return true;
  }

  // True when every token of [b, e) is an ordinary English word that is no
  // known name, given name or organisation head.
  bool OrdinaryWords(uint32_t b, uint32_t e) const {
    TypeId ignored;
    if (GazetteerMatch(b, e, &ignored) == e) return false;
    for (uint32_t k = b; k < e; ++k) {
      const Token& t = tokens_[k];
      if (!t.Has(kWord) || t.Has(kAllCaps) || !lex_.english_words.count(t.lower) ||
          Listed(t, RecognizerLexicon::kGivenName | RecognizerLexicon::kOrgSuffix))
        return false;
    }
    return true;
  }

  // True when [b, e) is three or four capitalised words ending in an
  // organisation head, none of them a function word, a day or month, or a
  // title before the end: "Global Asset Management", "Hibernian Investment
  // Managers", "Century Communications Corp".
  bool CommonWordOrgRun(uint32_t b, uint32_t e) const {
    if (e - b < 3 || e - b > 4 || !Listed(tokens_[e - 1], RecognizerLexicon::kOrgSuffix))
      return false;
    // A legal suffix makes a name of the words before it ("Century
    // Communications Corp", "Dauphin Deposit Corp"), but not of an adverb or
    // a preposition opening a sentence ("Yesterday Acme Corp").
    if (IsLegalSuffix(tokens_[e - 1].lower) && In(kSentenceOpeners, tokens_[b].lower)) return false;
    for (uint32_t k = b; k < e; ++k) {
      const Token& t = tokens_[k];
      if (!t.Has(kWord) || !t.Has(kCapitalized) || IsFunctionWord(t) ||
          In(kDayAndMonthNames, t.lower) || (k + 1 < e && Listed(t, RecognizerLexicon::kTitleWord)))
        return false;
    }
    return true;
  }

  // True when [b, e), after a leading "The", is a nationality, up to three
  // words and an organisation head.
  bool NationalOrgRun(uint32_t b, uint32_t e) const {
    if (b < e && tokens_[b].Is("the")) ++b;
    return e - b >= 3 && e - b <= 5 && Listed(tokens_[e - 1], RecognizerLexicon::kOrgSuffix) &&
           lex_.nationalities.count(Key(b, b + 1)) > 0;
  }

  // True when an organisation head that is also a common word ("AI") may
  // end the name [b, e) + head: not after a company the gazetteer knows
  // ("Tesla AI director" is Tesla's) or a nationality ("French AI startup")
  // when the head makes a company.
  bool CommonHeadExtends(uint32_t b, uint32_t e) const {
    if (lex_.org_suffixes.at(tokens_[e].lower) != company_) return true;
    TypeId type = kUnknownType;
    if (GazetteerMatch(b, e, &type) == e && type == company_) return false;
    return !(e - b == 1 && lex_.nationalities.count(Key(b, e)));
  }

  // True when tokens [b, e) are all version numbers or product tiers, as
  // after a known product's name: "Llama 3" + "70B", "Claude 3" + "Opus".
  bool VersionTail(uint32_t b, uint32_t e) const {
    for (uint32_t k = b; k < e; ++k) {
      if (!tokens_[k].Has(kNumber) && !HasDigit(tokens_[k].lower) &&
          !Listed(tokens_[k], RecognizerLexicon::kProductTier))
        return false;
    }
    return b < e;
  }

  static bool HasDigit(const std::string& word) {
    for (char ch : word) {
      if (ch >= '0' && ch <= '9') return true;
    }
    return false;
  }

  // True when a single-letter initial ("J.", "A.") stands before the last word.
  bool HasInitial(uint32_t b, uint32_t e) const {
    for (uint32_t k = b; k + 1 < e; ++k) {
      if (tokens_[k].Has(kAbbreviation) && tokens_[k].lower.size() == 1 &&
          tokens_[k].Has(kCapitalized))
        return true;
    }
    return false;
  }

  static bool IsWebName(const std::string& lower) {
    for (const char* tld : {".com", ".ai", ".io", ".net", ".org", ".co", ".app", ".dev"}) {
      const std::string t(tld);
      if (lower.size() > t.size() + 1 && lower.compare(lower.size() - t.size(), t.size(), t) == 0)
        return true;
    }
    return false;
  }

  // True when tokens [b, e) are all capitalised words, with no hyphen or particle.
  bool AllCapitalizedWords(uint32_t b, uint32_t e) const {
    for (uint32_t k = b; k < e; ++k) {
      if (!tokens_[k].Has(kWord) || !tokens_[k].Has(kCapitalized)) return false;
    }
    return true;
  }

  bool AllWords(uint32_t b, uint32_t e) const {
    for (uint32_t k = b; k < e; ++k) {
      if (!tokens_[k].Has(kWord) && tokens_[k].lower != "-") return false;
    }
    return true;
  }

  bool IsOrgHeadAnywhere(uint32_t b, uint32_t e) const {
    for (uint32_t k = b; k < e; ++k) {
      if (Listed(tokens_[k], RecognizerLexicon::kOrgSuffix)) return true;
    }
    return false;
  }

  // True when the run [i, e) goes on with an organisation head that is no
  // legal form, then "of" and a capitalised word: "Stock" in "Stock Exchange
  // of Singapore".
  bool HeadOfFollows(uint32_t i, uint32_t e) const {
    return i + 3 < e && Listed(tokens_[i + 1], RecognizerLexicon::kOrgSuffix) &&
           !IsLegalSuffix(tokens_[i + 1].lower) && tokens_[i + 1].Has(kSpaceBefore) &&
           !Listed(tokens_[i + 1], RecognizerLexicon::kCommonWord) && tokens_[i + 2].Is("of") &&
           tokens_[i + 3].Has(kCapitalized);
  }

  TypeId OrgHeadBeforeOf(uint32_t b, uint32_t e) const {
    for (uint32_t k = b + 1; k < e; ++k) {
      if (!Listed(tokens_[k - 1], RecognizerLexicon::kOrgSuffix)) continue;
      const TypeId head = lex_.org_suffixes.at(tokens_[k - 1].lower);
      if (tokens_[k].Is("of")) return head;
      // "for" and "on" only after a body's head ("Institute for Fiscal
      // Studies", "Council on Foreign Relations"), never a firm's ("Zentrix
      // Holdings on Friday"), and not before a day or month.
      if ((tokens_[k].Is("for") || tokens_[k].Is("on")) && head != company_ && k + 1 < e &&
          !In(kDayAndMonthNames, tokens_[k + 1].lower))
        return head;
    }
    return kUnknownType;
  }

  // True when tokens [b, e) read as a person's name before "of": two or three
  // capitalised words, no organisation head and no known name, opened by a
  // given name or preceded by an honorific or a lower-case job title.
  bool LooksLikePersonName(uint32_t b, uint32_t e, bool after_honorific) const {
    if (e - b < 2 || e - b > 3 || !AllCapitalizedWords(b, e)) return false;
    TypeId ignored;
    if (GazetteerMatch(b, e, &ignored) == e) return false;
    const bool given = Listed(tokens_[b], RecognizerLexicon::kGivenName) &&
                       !lex_.ambiguous_given_names.count(tokens_[b].lower);
    const bool titled = b > 0 && !tokens_[b - 1].Has(kCapitalized) &&
                        Listed(tokens_[b - 1], RecognizerLexicon::kTitleWord);
    return given || titled || after_honorific || PrecededByHonorific(b);
  }

  // True when tokens [b, e) are a place the gazetteer or the place list knows.
  bool IsPlaceName(uint32_t b, uint32_t e) const {
    if (b >= e || place_ == kUnknownType) return false;
    TypeId type = kUnknownType;
    return GazetteerMatch(b, e, &type) == e && type == place_;
  }

  // True when token i is a comma followed by a place name of up to four tokens ("Calif.", "N.Y.").
  bool PlaceAfterComma(uint32_t i) const {
    if (i + 1 >= tokens_.size() || !tokens_[i].Is(",")) return false;
    for (uint32_t e = i + 2; e <= i + 5 && e <= tokens_.size(); ++e) {
      if (IsPlaceName(i + 1, e)) return true;
    }
    return false;
  }

  // True when an honorific before a name the gazetteer lists as a firm or a
  // product makes it a person: "Mr Sears", "Ms Ford". Places keep their
  // type: "President Washington" is rarer than a title before a place.
  bool HonorificOutweighs(bool after_honorific, TypeId gazetteer_type) const {
    return after_honorific && person_ != kUnknownType && gazetteer_type != person_ &&
           gazetteer_type != place_;
  }

  bool PrecededByHonorific(uint32_t b) const {
    return b > 0 && IsHonorific(tokens_[b - 1]) && tokens_[b - 1].Has(kCapitalized);
  }

  // Adds a name the gazetteer lists with `type`, unless an honorific before
  // it makes it a person.
  void AddGazetteerCandidate(uint32_t b, uint32_t e, TypeId type, std::vector<Candidate>* out) {
    if (HonorificOutweighs(PrecededByHonorific(b), type)) {
      AddCandidate(b, e, person_, TypeEvidence::kStrong, out);
    } else {
      AddCandidate(b, e, type, TypeEvidence::kGazetteer, out);
    }
  }

  void AddCandidate(uint32_t b, uint32_t e, TypeId type, TypeEvidence ev,
                    std::vector<Candidate>* out) {
    Candidate c;
    c.begin = b;
    c.end = e;
    c.type = type;
    c.evidence = ev;
    out->push_back(c);
  }

  // A name typed with strong evidence anywhere fixes its type everywhere.
  void FixTypesPerDocument(std::vector<Candidate>* candidates) {
    for (const Candidate& c : *candidates) {
      if (c.type == kUnknownType) continue;
      auto& best = known_[Key(c.begin, c.end)];
      if (best.type == kUnknownType || c.evidence > best.evidence) {
        best.type = c.type;
        best.evidence = c.evidence;
        best.place = c.place;
      }
    }
    // A firm's name without its legal suffix names the firm in the whole
    // document, even when it reads like a person's: "Mason Best Co" makes
    // "Mason Best" the firm.
    for (const Candidate& c : *candidates) {
      if (c.end - c.begin < 3 || c.type == kUnknownType || c.type == person_ ||
          c.evidence < TypeEvidence::kStrong || !IsLegalSuffix(tokens_[c.end - 1].lower))
        continue;
      auto& short_form = known_[Key(c.begin, c.end - 1)];
      if (short_form.evidence < TypeEvidence::kGazetteer) {
        short_form.type = c.type;
        short_form.evidence = TypeEvidence::kGazetteer;
        short_form.place.clear();
      }
    }
    for (Candidate& c : *candidates) {
      auto it = known_.find(Key(c.begin, c.end));
      if (it != known_.end() && (c.type == kUnknownType || it->second.evidence > c.evidence)) {
        c.type = it->second.type;
        c.evidence = it->second.evidence;
        c.place = it->second.place;
      }
    }
    for (const auto& [key, info] : known_) known_lower_[ToLower(key)] = info;
    for (const Candidate& c : *candidates) {
      if (c.type == kUnknownType) known_lower_.emplace(LowerKey(c.begin, c.end), KnownName{});
    }
  }

  void FindInHeadline(const Sentence& s, std::vector<Candidate>* out) {
    uint32_t i = s.token_begin;
    while (i < s.token_end) {
      uint32_t best_end = 0;
      KnownName best;
      std::string key;
      for (uint32_t j = i; j < s.token_end && j < i + 8; ++j) {
        if (j > i && tokens_[j].Has(kSpaceBefore)) key += ' ';
        key += tokens_[j].lower;
        auto it = known_lower_.find(key);
        if (it != known_lower_.end()) {
          best_end = j + 1;
          best = it->second;
        }
      }
      TypeId gaz_type = kUnknownType;
      const uint32_t gaz_end =
          IsNameToken(tokens_[i]) ? GazetteerMatch(i, s.token_end, &gaz_type) : 0;
      if (gaz_end > best_end) {
        best_end = gaz_end;
        best = KnownName{gaz_type, TypeEvidence::kGazetteer, ""};
      }
      if (best_end > 0 && tokens_[i].Has(kWord | kCapitalized)) {
        Candidate c{i, best_end, best.type, best.evidence, best.place};
        out->push_back(c);
        i = best_end;
      } else {
        ++i;
      }
    }
  }

  struct KnownName {
    TypeId type = kUnknownType;
    TypeEvidence evidence = TypeEvidence::kNone;
    std::string place;
  };

  const RecognizerLexicon& lex_;
  const NormalizedText& text_;
  const std::vector<Token>& tokens_;
  const std::vector<Sentence>& sentences_;
  bool wrapped_ = false;
  TypeId person_ = kUnknownType;
  TypeId place_ = kUnknownType;
  TypeId facility_ = kUnknownType;
  TypeId company_ = kUnknownType;
  TypeId product_ = kUnknownType;
  std::unordered_set<std::string> inner_capitals_;
  std::unordered_map<std::string, KnownName> known_;
  std::unordered_map<std::string, KnownName> known_lower_;
};

}  // namespace

bool IsLegalFormSuffix(const std::string& lower) {
  static const std::unordered_set<std::string> kLegal = {
      "inc", "corp", "co",   "ltd", "plc",         "llc",          "llp",    "ag",
      "sa",  "nv",   "gmbh", "spa", "bv",          "ab",           "asa",    "oyj",
      "kk",  "pty",  "lp",   "cos", "corporation", "incorporated", "limited"};
  return kLegal.count(lower) > 0;
}

std::string SurfaceText(const NormalizedText& text, const std::vector<Token>& tokens,
                        uint32_t begin, uint32_t end) {
  std::string out;
  for (uint32_t i = begin; i < end; ++i) {
    if (i > begin && tokens[i].Has(kSpaceBefore)) out += ' ';
    out.append(text.text, tokens[i].norm_begin, tokens[i].norm_end - tokens[i].norm_begin);
  }
  return out;
}

std::vector<Mention> RecognizeEntities(const Schema& schema, const NormalizedText& text,
                                       const std::vector<Token>& tokens,
                                       const std::vector<Sentence>& sentences) {
  return Recognizer(schema, text, tokens, sentences).Run();
}

}  // namespace newsgraph
