#include "extract/coreference.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace newsgraph {
namespace {

constexpr std::array<std::string_view, 16> kCorporateSuffixes = {
    "inc", "corp", "corporation", "co",    "ltd",      "limited", "plc", "llc",
    "ag",  "sa",   "nv",          "group", "holdings", "company", "cos", "companies"};
constexpr std::array<std::string_view, 6> kAcronymSkip = {"of", "and", "the", "for", "&", "de"};

template <typename List>
bool In(const List& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

std::vector<std::string> LowerWords(const std::string& name) {
  // Words are runs of ASCII letters and digits, non-ASCII bytes and '&'.
  const std::string lower = ToLower(name);
  std::vector<std::string> words;
  size_t start = std::string::npos;
  for (size_t i = 0; i <= lower.size(); ++i) {
    const unsigned char c = i < lower.size() ? static_cast<unsigned char>(lower[i]) : ' ';
    const bool part = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '&';
    if (part && start == std::string::npos) {
      start = i;
    } else if (!part && start != std::string::npos) {
      words.emplace_back(lower, start, i - start);
      start = std::string::npos;
    }
  }
  return words;
}

// The initials of a name's lower-case words (LowerWords), without "and", "of", ...
std::string Acronym(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (In(kAcronymSkip, w)) continue;
    out += w[0];
  }
  return out;
}

int WordCount(const std::string& s) {
  return static_cast<int>(std::count(s.begin(), s.end(), ' ')) + 1;
}

}  // namespace

namespace {

// A canonical name without the full stop of a closing corporate abbreviation
// ("Orbitek Inc." -> "Orbitek Inc"), which a sentence end often shares.
std::string TrimName(const std::string& name) {
  static constexpr std::string_view kAbbreviations[] = {" Inc.",  " Corp.", " Co.", " Ltd.",
                                                        " Bros.", " Cos.",  " Plc."};
  if (name.empty() || name.back() != '.') return name;
  const std::string_view view(name);
  for (const std::string_view suffix : kAbbreviations) {
    if (view.size() > suffix.size() && view.substr(view.size() - suffix.size()) == suffix) {
      return name.substr(0, name.size() - 1);
    }
  }
  return name;
}

}  // namespace

namespace {

// OrganizationKey of a name given as its lower-case words (LowerWords).
std::string OrganizationKeyOfWords(const std::vector<std::string>& words) {
  size_t begin = !words.empty() && words[0] == "the" ? 1 : 0;
  size_t end = words.size();
  while (end > begin + 1 && In(kCorporateSuffixes, words[end - 1])) --end;
  std::string key;
  for (size_t i = begin; i < end; ++i) key += words[i];
  return key;
}

}  // namespace

std::string OrganizationKey(const std::string& name) {
  return OrganizationKeyOfWords(LowerWords(name));
}

namespace {

class Resolver {
 public:
  Resolver(const Schema& schema, const NormalizedText& text, const std::vector<Token>& tokens,
           const std::vector<Sentence>& sentences, std::vector<Mention>* mentions)
      : schema_(schema), text_(text), tokens_(tokens), sentences_(sentences), mentions_(*mentions) {
    person_ = schema.FindType("Person");
    place_ = schema.FindType("Place");
  }

  std::vector<Entity> Run() {
    ClusterNamedMentions();
    TypeByDescriptor();
    // Entities first: clusters hold indexes into `mentions_`, which anaphora reorders.
    std::vector<Entity> entities = BuildEntities();
    ResolveAnaphora();
    return entities;
  }

 private:
  struct Cluster {
    TypeId type;
    std::vector<size_t> mentions;
  };

  bool IsOrg(TypeId t) const { return t != kUnknownType && schema_.TypeClass(t) == "org"; }

  // An untyped name right after a description noun takes its type for the
  // whole document: "engineering group Jarvis", "broadcaster BSkyB", so that
  // a later "it" or "the company" can refer to it.
  void TypeByDescriptor() {
    for (Cluster& c : clusters_) {
      if (c.type != kUnknownType) continue;
      for (size_t m : c.mentions) {
        const uint32_t b = mentions_[m].token_begin;
        if (b == 0) continue;
        const Token& before = tokens_[b - 1];
        if (!before.Has(kWord) || before.Has(kCapitalized)) continue;
        auto it = schema_.lexicon.descriptions.find(before.lower);
        if (it == schema_.lexicon.descriptions.end()) continue;
        c.type = it->second;
        break;
      }
      if (c.type == kUnknownType) continue;
      for (size_t m : c.mentions) mentions_[m].type = c.type;
    }
  }

  int NewCluster(TypeId type) {
    clusters_.push_back({type, {}});
    return static_cast<int>(clusters_.size() - 1);
  }

  void Attach(size_t m, int cluster) {
    mentions_[m].entity = cluster;
    clusters_[static_cast<size_t>(cluster)].mentions.push_back(m);
    if (clusters_[static_cast<size_t>(cluster)].type == kUnknownType) {
      clusters_[static_cast<size_t>(cluster)].type = mentions_[m].type;
    }
  }

  std::string PlaceKey(const Mention& m) const {
    if (!m.place.empty()) return ToLower(m.place);
    auto it = schema_.lexicon.place_canonical.find(m.text);
    return ToLower(it != schema_.lexicon.place_canonical.end() ? it->second : m.text);
  }

  void ClusterNamedMentions() {
    // Each mention's lower-case words and acronym, computed once: the
    // lookups below compare every mention with every clustered one.
    words_.clear();
    acronyms_.clear();
    leads_.clear();
    for (const Mention& m : mentions_) {
      words_.push_back(LowerWords(m.text));
      acronyms_.push_back(Acronym(words_.back()));
      leads_.push_back(LeadingInitials(m.text, words_.back()));
    }
    // Longest forms first, so that short forms find the full name they abbreviate.
    std::vector<size_t> order(mentions_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return WordCount(mentions_[a].text) > WordCount(mentions_[b].text);
    });
    // Acronyms defined in brackets: "Securities and Exchange Commission (SEC)".
    std::unordered_map<std::string, size_t> defined_acronyms;
    for (size_t m = 0; m < mentions_.size(); ++m) {
      const Mention& cur = mentions_[m];
      const uint32_t e = cur.token_end;
      if (e + 2 < tokens_.size() && tokens_[e].Is("(") && tokens_[e + 2].Is(")") &&
          tokens_[e + 1].Has(kAllCaps) && IsOrg(cur.type)) {
        defined_acronyms[tokens_[e + 1].lower] = m;
      }
    }
    std::unordered_map<std::string, int> org_keys;
    std::unordered_map<std::string, int> exact;
    std::unordered_map<std::string, int> places;
    for (size_t m : order) {
      Mention& cur = mentions_[m];
      const std::string lower = ToLower(cur.text);
      // "Santa Fe chairman John Schmidt": a place name (not an adjective:
      // "Turkish economist") before a job title that opens an organisation's
      // name in the article is that organisation.
      if (cur.type == place_ && place_ != kUnknownType && cur.place.empty() &&
          cur.token_end < tokens_.size() &&
          schema_.lexicon.title_words.count(tokens_[cur.token_end].lower) &&
          !tokens_[cur.token_end].Has(kCapitalized)) {
        const int org = FindOrgByPrefix(m, /*even_known=*/true);
        if (org >= 0) {
          cur.type = clusters_[static_cast<size_t>(org)].type;
          Attach(m, org);
          continue;
        }
      }
      if (cur.type == place_ && place_ != kUnknownType) {
        const std::string key = PlaceKey(cur);
        auto it = places.find(key);
        Attach(m, it != places.end() ? it->second : (places[key] = NewCluster(place_)));
        continue;
      }
      int target = -1;
      const int words = WordCount(cur.text);
      if (cur.type == person_ || cur.type == kUnknownType) {
        if (auto it = exact.find(lower); it != exact.end() && Compatible(it->second, cur.type))
          target = it->second;
        if (target < 0 && words <= 2) target = FindPersonByPart(m);
      }
      std::string key;  // the organisation key, computed at most once
      bool has_key = false;
      if (target < 0 && (IsOrg(cur.type) || cur.type == kUnknownType)) {
        key = OrganizationKeyOfWords(words_[m]);
        has_key = true;
        if (auto it = org_keys.find(key); it != org_keys.end() && !key.empty()) target = it->second;
        if (target < 0 && cur.text.size() >= 2 && cur.text.size() <= 6 &&
            tokens_[cur.token_begin].Has(kAllCaps)) {
          if (auto it = defined_acronyms.find(lower);
              it != defined_acronyms.end() && mentions_[it->second].entity >= 0) {
            target = mentions_[it->second].entity;
          } else {
            target = FindOrgByAcronym(lower);
          }
        }
        if (target < 0 && words <= 2) target = FindOrgByPrefix(m);
      }
      // Another name of a longer one the article uses: "Fed" is the "Federal
      // Reserve", "PSP" the "PlayStation Portable".
      if (target < 0 && cur.type != person_) target = FindByAlias(lower, exact);
      if (target < 0 && cur.type != kUnknownType && cur.type != person_ && !IsOrg(cur.type)) {
        if (auto it = exact.find(lower); it != exact.end()) target = it->second;
      }
      if (target < 0) {
        // Unknown names with no relative stay apart; so do new names.
        target = NewCluster(cur.type);
      } else if (!Compatible(target, cur.type)) {
        target = NewCluster(cur.type);
      }
      Attach(m, target);
      const TypeId t = clusters_[static_cast<size_t>(target)].type;
      exact.emplace(lower, target);
      if (IsOrg(t) || t == kUnknownType)
        org_keys.emplace(has_key ? std::move(key) : OrganizationKeyOfWords(words_[m]), target);
    }
  }

  // The cluster of a longer name that the alias table gives for `lower`
  // ("vivendi" -> "vivendi universal"), when the article uses one; else -1.
  int FindByAlias(const std::string& lower,
                  const std::unordered_map<std::string, int>& exact) const {
    const auto it = schema_.lexicon.aliases.find(lower);
    if (it == schema_.lexicon.aliases.end()) return -1;
    for (const std::string& full : it->second) {
      if (const auto found = exact.find(full); found != exact.end()) return found->second;
    }
    return -1;
  }

  // The number of words before a name proper that are initials or, first, an
  // abbreviated title: 2 for "H.J. Heinz Co", 2 for "Ing. C. Olivetti EC Spa".
  size_t LeadingInitials(const std::string& text, const std::vector<std::string>& words) const {
    size_t lead = 0;
    if (words.size() > 1 && text.size() > words[0].size() && text[words[0].size()] == '.' &&
        schema_.lexicon.honorifics.count(words[0]))
      ++lead;
    while (lead < words.size() && words[lead].size() == 1 &&
           std::isalpha(static_cast<unsigned char>(words[lead][0])))
      ++lead;
    return lead;
  }

  bool Compatible(int cluster, TypeId type) const {
    const TypeId t = clusters_[static_cast<size_t>(cluster)].type;
    if (t == kUnknownType || type == kUnknownType || t == type) return true;
    return IsOrg(t) && IsOrg(type);
  }

  static bool IsGenerationalSuffix(const std::string& w) {
    return w == "jr." || w == "jr" || w == "sr." || w == "sr" || w == "ii" || w == "iii" ||
           w == "iv";
  }

  // A one- or two-word name that is the surname or given name of a person
  // already clustered: "Karpathy", "Andrej" -> "Andrej Karpathy". A person's
  // surname ("Ms Druyun") also names an untyped name of two or three words
  // that ends with it ("Darleen Druyun", whose given name no list knows) when
  // no person has that name.
  int FindPersonByPart(size_t m) const {
    const int found = FindPersonByPart(m, person_);
    if (found >= 0 || mentions_[m].type != person_ || words_[m].size() != 1) return found;
    return FindPersonByPart(m, kUnknownType);
  }

  int FindPersonByPart(size_t m, TypeId type) const {
    const Mention& cur = mentions_[m];
    const std::vector<std::string>& words = words_[m];
    if (words.empty()) return -1;
    int found = -1;
    uint32_t best_distance = UINT32_MAX;
    for (size_t c = 0; c < clusters_.size(); ++c) {
      if (clusters_[c].type != type) continue;
      for (size_t other : clusters_[c].mentions) {
        const std::vector<std::string>& full = words_[other];
        if (full.size() <= words.size()) continue;
        if (type != person_ && (full.size() > 3 || full.back() != words[0])) continue;
        // A generational suffix may be left out: "Harvey Mason Jr." -> "Mason".
        size_t bare = full.size();
        while (bare > 2 && IsGenerationalSuffix(full[bare - 1])) --bare;
        const bool surname = std::equal(words.rbegin(), words.rend(), full.rbegin()) ||
                             (bare > words.size() &&
                              std::equal(words.rbegin(), words.rend(),
                                         full.rbegin() + static_cast<long>(full.size() - bare)));
        const bool given = words.size() == 1 && words[0] == full[0];
        if (!surname && !given) continue;
        const uint32_t a = mentions_[other].token_begin;
        const uint32_t distance =
            a < cur.token_begin ? cur.token_begin - a : (a - cur.token_begin) + 1000000;
        if (distance < best_distance) {
          best_distance = distance;
          found = static_cast<int>(c);
        }
      }
    }
    return found;
  }

  int FindOrgByAcronym(const std::string& acronym) const {
    int found = -1;
    for (size_t c = 0; c < clusters_.size(); ++c) {
      if (!IsOrg(clusters_[c].type)) continue;
      for (size_t other : clusters_[c].mentions) {
        if (WordCount(mentions_[other].text) >= 2 && acronyms_[other] == acronym) {
          if (found >= 0 && found != static_cast<int>(c)) return -1;  // ambiguous
          found = static_cast<int>(c);
        }
      }
    }
    return found;
  }

  // "Eureka" -> "Eureka Labs" (a unique longer org), but never a name the
  // gazetteer knows on its own ("Google" is not "Google DeepMind"), unless
  // `even_known` (a place before a job title: "Santa Fe chairman").
  int FindOrgByPrefix(size_t m, bool even_known = false) const {
    const Mention& cur = mentions_[m];
    // A known name joins a longer one only of its own type: "Shanda" is
    // "Shanda Interactive Entertainment", but "Ford" is no "Ford Foundation".
    const bool known = cur.evidence == TypeEvidence::kGazetteer && !even_known;
    const std::vector<std::string>& words = words_[m];
    // Every organisation whose name opens with these words. With several, the
    // one named at least twice as often as any other: "Inspectorate" is
    // "Inspectorate International AG" (named three times), not its finance
    // arm named once.
    int found = -1;
    size_t found_count = 0;
    size_t second_count = 0;
    for (size_t c = 0; c < clusters_.size(); ++c) {
      if (!IsOrg(clusters_[c].type) || (known && clusters_[c].type != cur.type)) continue;
      for (size_t other : clusters_[c].mentions) {
        const std::vector<std::string>& full = words_[other];
        // Initials before the name may be left out: "Heinz" is "H.J. Heinz Co".
        const size_t initials = leads_[other];
        // Whether `words` open the longer name `full` at word `at`.
        auto opens_at = [&](size_t at) {
          const size_t rest = full.size() - at;
          return (at == 0 ? rest > words.size() : rest >= words.size()) &&
                 std::equal(words.begin(), words.end(), full.begin() + static_cast<long>(at));
        };
        if (!opens_at(0) && (initials == 0 || !opens_at(initials))) continue;
        // ... and only a firm's full legal name: "Leucadia" is "Leucadia
        // National Corp", but "Senate" is no "Senate Labor Committee".
        if (known &&
            (mentions_[other].evidence == TypeEvidence::kGazetteer || !EndsInLegalSuffix(full)))
          continue;
        const size_t count = clusters_[c].mentions.size();
        if (count > found_count) {
          second_count = found_count;
          found_count = count;
          found = static_cast<int>(c);
        } else {
          second_count = std::max(second_count, count);
        }
        break;
      }
    }
    return second_count == 0 || found_count >= 2 * second_count ? found : -1;
  }

  // True when a name's last word is a legal form: "Corp", "Inc", "AG", "plc".
  static bool EndsInLegalSuffix(const std::vector<std::string>& words) {
    if (words.empty()) return false;
    std::string last = words.back();
    if (!last.empty() && last.back() == '.') last.pop_back();
    return IsLegalFormSuffix(last);
  }

  // Pronouns and "the company": the most salient earlier entity of the right
  // kind, i.e. the first such mention of the nearest sentence (this one
  // first, before the pronoun) that has one, within two sentences.
  void ResolveAnaphora() {
    std::vector<Mention>& added = resolved_;
    added.clear();
    size_t next_mention = 0;
    for (size_t s = 0; s < sentences_.size(); ++s) {
      const Sentence& sent = sentences_[s];
      for (uint32_t i = sent.token_begin; i < sent.token_end; ++i) {
        while (next_mention < mentions_.size() && mentions_[next_mention].token_end <= i)
          ++next_mention;
        if (next_mention < mentions_.size() && mentions_[next_mention].token_begin <= i) continue;
        const Token& t = tokens_[i];
        // Every word below opens with h, s, i or t; most tokens are none of them.
        const char first = t.lower.empty() ? '\0' : t.lower[0];
        if (first != 'h' && first != 's' && first != 'i' && first != 't') continue;
        int want =
            0;  // 1: male/unknown person, 2: female/unknown person, 3: org, 4: described type
        TypeId described = kUnknownType;
        uint32_t length = 1;
        uint32_t description_begin = i;
        if (t.Is("he") || t.Is("him") || t.Is("his") || t.Is("himself")) {
          want = 1;
        } else if (t.Is("she") || t.Is("her") || t.Is("hers") || t.Is("herself")) {
          want = 2;
        } else if (t.Is("its") || (t.Is("it") && i + 1 < sent.token_end && IsVerbAfterIt(i + 1))) {
          want = 3;
        } else if (t.Is("the") && i + 1 < sent.token_end &&
                   DescriptionAt(sent, i, next_mention, &description_begin, &length, &described)) {
          want = 4;
        }
        if (want == 0) continue;
        // "X told the SEC it has acquired", "in a filing with the SEC it said":
        // "it" right after the addressee of a verb of saying is the speaker,
        // whom this rule cannot see; leave it.
        if (t.Is("it") && next_mention > 0 && mentions_[next_mention - 1].token_end == i) {
          const Mention& before = mentions_[next_mention - 1];
          uint32_t k = before.token_begin;
          if (k > 0 && tokens_[k - 1].Is("the")) --k;
          if (k > 0) {
            const std::string& verb = tokens_[k - 1].lower;
            if (verb == "told" || verb == "tells" || verb == "tell" || verb == "informed" ||
                verb == "notified" || verb == "assured" || verb == "warned" || verb == "asked" ||
                verb == "advised" || verb == "with" || verb == "to") {
              continue;
            }
          }
        }
        // A possessive before a name belongs to the phrase, not to the fact: in
        // "its Jaymar-Ruby subsidiary" the organisation is Jaymar-Ruby.
        // A place after it is no such name: "its US subsidiary Foodservice".
        if ((t.Is("its") || t.Is("his") || t.Is("her") || t.Is("their")) &&
            next_mention < mentions_.size() && mentions_[next_mention].token_begin == i + 1 &&
            mentions_[next_mention].type != place_) {
          continue;
        }
        // "It said ..." opening a sentence is the reporting organisation: the
        // most salient one, not merely the nearest.
        const bool speaker = want == 3 && t.Is("it") && i == sent.token_begin &&
                             i + 1 < sent.token_end && IsSpeechVerb(tokens_[i + 1].lower);
        int entity =
            speaker ? SalientAntecedent(s, i, want, described) : Antecedent(s, i, want, described);
        // "Hunt Research Corp and its affiliate ICAS Corp": "its" right after
        // an organisation and "and" is that organisation.
        if (t.Is("its") && i >= 2 && tokens_[i - 1].Is("and") && next_mention > 0) {
          const Mention& before = mentions_[next_mention - 1];
          if (before.token_end == i - 1 && before.entity >= 0 &&
              IsOrg(clusters_[static_cast<size_t>(before.entity)].type))
            entity = before.entity;
        }
        // "against Vivendi, its chief executive X": "its" before a role, right
        // after an organisation and a comma, is that organisation.
        if (t.Is("its") && i >= 2 && tokens_[i - 1].Is(",") && next_mention > 0 &&
            RoleFollows(i + 1, sent.token_end)) {
          const Mention& before = mentions_[next_mention - 1];
          if (before.token_end == i - 1 && before.entity >= 0 &&
              IsOrg(clusters_[static_cast<size_t>(before.entity)].type))
            entity = before.entity;
        }
        if (entity < 0) continue;
        Mention m;
        m.sentence = static_cast<uint32_t>(s);
        m.token_begin = description_begin;
        m.token_end = description_begin + length;
        m.begin = tokens_[m.token_begin].begin;
        m.end = tokens_[m.token_end - 1].end;
        m.text = SurfaceText(text_, tokens_, m.token_begin, m.token_end);
        m.type = clusters_[static_cast<size_t>(entity)].type;
        m.entity = entity;
        m.anaphor = true;
        i = m.token_end - 1;
        added.push_back(std::move(m));
      }
    }
    for (Mention& m : added) mentions_.push_back(std::move(m));
    added.clear();
    std::stable_sort(mentions_.begin(), mentions_.end(), [](const Mention& a, const Mention& b) {
      return a.token_begin < b.token_begin;
    });
  }

  // Whether the "the" at token i opens a description that refers like "the
  // company": "the firm", or with modifiers "the Japanese carmaker", "the
  // world's largest brewer", "the Dallas-based oil company". The only
  // mentions inside may be nationalities or a place before "-based"; the
  // description then starts after them. On true, sets the description's
  // first token, its length in tokens and the type it describes.
  bool DescriptionAt(const Sentence& sent, uint32_t i, size_t next_mention, uint32_t* begin,
                     uint32_t* length, TypeId* type) const {
    size_t inside = next_mention;
    uint32_t first = i;
    uint32_t head = i + 1;
    while (head + 1 < sent.token_end && head <= i + 4 &&
           !schema_.lexicon.descriptions.count(tokens_[head].lower)) {
      if (inside < mentions_.size() && mentions_[inside].token_begin == head) {
        const Mention& m = mentions_[inside];
        const bool based =
            m.type == place_ && m.token_end + 2 < sent.token_end && tokens_[m.token_end].Is("-") &&
            (tokens_[m.token_end + 1].Is("based") || tokens_[m.token_end + 1].Is("headquartered"));
        if (!based && (m.type != place_ || m.token_end - m.token_begin > 2 ||
                       !schema_.lexicon.nationalities.count(m.text)))
          return false;
        head = based ? m.token_end + 2 : m.token_end;
        first = head;
        ++inside;
        continue;
      }
      if (!IsDescriptionModifier(head)) return false;
      ++head;
    }
    if (head >= sent.token_end || tokens_[head].Has(kCapitalized)) return false;
    if (inside < mentions_.size() && mentions_[inside].token_begin <= head) return false;
    auto it = schema_.lexicon.descriptions.find(tokens_[head].lower);
    if (it == schema_.lexicon.descriptions.end()) return false;
    const bool modified = head > i + 1;
    // A name right after it ("the news agency\nBelga", also across a wrapped
    // line when modifiers come first) makes it a descriptor.
    if (head + 1 < sent.token_end && tokens_[head + 1].Has(kCapitalized) &&
        !tokens_[head + 1].Has(modified ? kParagraphBefore : kNewlineBefore))
      return false;
    if (modified) {
      // "the retail business" is a part of a firm, "the business of" no
      // description at all, and "the largest Danish telephone firm,
      // Kjobenhavn Telefon" a descriptor of the name after it.
      if (tokens_[head].Is("business") ||
          (head + 1 < sent.token_end && tokens_[head + 1].Is("of")) ||
          (head + 2 < sent.token_end && tokens_[head + 1].Is(",") &&
           tokens_[head + 2].Has(kCapitalized)))
        return false;
      // After a name and a comma, or a verb "to be", it describes the name
      // before it: "Parmalat, the Italian dairy firm," "X is the largest bank".
      if (i > sent.token_begin) {
        const Token& before = tokens_[i - 1];
        const bool after_name = before.Is(",") && next_mention > 0 &&
                                (mentions_[next_mention - 1].token_end + 1 == i ||
                                 (mentions_[next_mention - 1].token_end + 2 == i &&
                                  (tokens_[i - 2].Is(">") || tokens_[i - 2].Is(")"))));
        if (after_name || before.Is("is") || before.Is("was") || before.Is("as") ||
            before.Is("became") || before.Is("be") || before.Is("been") || before.Is("(") ||
            before.Is("remains"))
          return false;
      }
    }
    *begin = first;
    *length = head + 1 - first;
    *type = it->second;
    return true;
  }

  // True when a mention is the regulator of "in a filing with the SEC" or
  // "X told the SEC", who is never what a later "it" stands for.
  bool InFilingWith(const Mention& m) const {
    uint32_t k = m.token_begin;
    if (k > 0 && tokens_[k - 1].Is("the")) --k;
    if (k >= 1 && (tokens_[k - 1].Is("told") || tokens_[k - 1].Is("informed") ||
                   tokens_[k - 1].Is("notified")))
      return true;
    return k >= 2 && tokens_[k - 1].Is("with") &&
           (tokens_[k - 2].Is("filing") || tokens_[k - 2].Is("filings"));
  }

  // True when token i may stand between "the" and a description noun: a
  // lower-case word that keeps the phrase about the same firm ("Japanese",
  // "software", "largest", "world's"), not one of the schema's
  // description_blockers ("parent", "rival", "central", "of", "to").
  bool IsDescriptionModifier(uint32_t i) const {
    const Token& t = tokens_[i];
    if (t.Is("'s")) {
      if (i == 0) return false;
      const std::string& owner = tokens_[i - 1].lower;
      return owner == "world" || owner == "country" || owner == "nation" || owner == "industry" ||
             owner == "region" || owner == "sector";
    }
    if (t.Is("-")) {
      return !t.Has(kSpaceBefore) && i + 1 < tokens_.size() && !tokens_[i + 1].Has(kSpaceBefore) &&
             tokens_[i + 1].Has(kWord);
    }
    if (!t.Has(kWord)) return false;
    if (t.Has(kCapitalized)) {
      return !t.Has(kNewlineBefore) && schema_.lexicon.nationalities.count(text_.text.substr(
                                           t.norm_begin, t.norm_end - t.norm_begin));
    }
    return !schema_.lexicon.description_blockers.count(t.lower);
  }

  // True when a job title starts at token i or, after one modifier ("new",
  // "chief"), at i + 1, before `end`.
  bool RoleFollows(uint32_t i, uint32_t end) const {
    for (uint32_t k = i; k < end && k <= i + 1; ++k) {
      if (schema_.lexicon.title_words.count(tokens_[k].lower)) return true;
    }
    return false;
  }

  // "it" refers to an organisation mostly as a subject: "it said", "it bought".
  bool IsVerbAfterIt(uint32_t i) const {
    // An adverb may come first: "it now faces", "it also owns".
    if (i + 1 < tokens_.size()) {
      const std::string& a = tokens_[i].lower;
      if (a == "now" || a == "also" || a == "already" || a == "still" || a == "recently")
        return IsVerbAfterIt(i + 1);
    }
    const std::string& w = tokens_[i].lower;
    // "it's now raised", "it's already acquired": 's as "has" before a participle.
    if (w == "'s" && i + 1 < tokens_.size()) {
      const std::string& next = tokens_[i + 1].lower;
      return next == "now" || next == "already" || next == "also" || next == "just" ||
             next == "recently" || (next.size() > 3 && next.compare(next.size() - 2, 2, "ed") == 0);
    }
    if (w == "is" || w == "was" || w == "has" || w == "had" || w == "will" || w == "would") {
      // "it is/was" + adjective is usually expletive; keep "it has bought", "it will
      // buy", "it was to buy" and "it is offloading".
      if (w != "is" && w != "was") return true;
      if (i + 1 >= tokens_.size()) return false;
      const std::string& next = tokens_[i + 1].lower;
      return next == "to" ||
             (next.size() > 5 && next.compare(next.size() - 3, 3, "ing") == 0 &&
              next != "nothing" && next != "something" && next != "anything" &&
              next != "everything" && next != "interesting" && next != "surprising" &&
              next != "encouraging" && next != "disappointing" && next != "worrying" &&
              next != "amazing" && next != "missing" && next != "outstanding");
    }
    // Irregular past tenses and modals: "it bought", "it sold", "it can".
    static const char* const kIrregular[] = {
        "bought", "sold",    "took",    "made",   "won",    "lost", "led",  "paid",  "held",
        "grew",   "rose",    "fell",    "began",  "became", "got",  "put",  "cut",   "set",
        "ran",    "saw",     "said",    "told",   "kept",   "left", "met",  "sent",  "spent",
        "built",  "brought", "thought", "found",  "gave",   "went", "came", "knew",  "wrote",
        "chose",  "drew",    "broke",   "struck", "sought", "sank", "can",  "could", "may",
        "might",  "must",    "should",  "did",    "won't",  "can't"};
    for (const char* verb : kIrregular) {
      if (w == verb) return true;
    }
    return w.size() > 2 && (w.back() == 's' || (w.size() > 3 && w.substr(w.size() - 2) == "ed"));
  }

  static bool IsSpeechVerb(const std::string& w) {
    return w == "said" || w == "says" || w == "added" || w == "reported" || w == "noted" ||
           w == "announced" || w == "told" || w == "stated";
  }

  int Antecedent(size_t sentence, uint32_t before, int want, TypeId described) const {
    if (want == 1 || want == 2 || want == 4)
      return SalientAntecedent(sentence, before, want, described);
    // Both lists are in text order: each sentence's mentions are found by
    // search, not by walking the document from its start for every pronoun.
    auto in_sentence = [](const std::vector<Mention>& list, size_t s) {
      return std::partition_point(list.begin(), list.end(),
                                  [s](const Mention& m) { return m.sentence < s; });
    };
    for (size_t back = 0; back <= 2 && back <= sentence; ++back) {
      const size_t s = sentence - back;
      int entity = -1;
      uint32_t position = UINT32_MAX;
      for (auto it = in_sentence(mentions_, s); it != mentions_.end() && it->sentence == s; ++it) {
        const Mention& m = *it;
        if (m.entity < 0) continue;
        if (back == 0 && m.token_begin >= before) break;
        const Cluster& c = clusters_[static_cast<size_t>(m.entity)];
        if (!Fits(c, want, described) || InFilingWith(m)) continue;
        entity = m.entity;
        position = m.token_begin;
        break;
      }
      // A pronoun already resolved earlier in that sentence carries its
      // referent on: "In 2003 it bought GeCAD. In 2004 it bought X" is one
      // buyer, not GeCAD.
      // Within its own sentence a named organisation comes first ("Bond's,
      // bought by Hanson in its acquisition of ..."); a description or
      // pronoun only when none is named ("the startup's valuation, when it").
      if (back == 0 && entity >= 0) return entity;
      for (auto it = in_sentence(resolved_, s); it != resolved_.end() && it->sentence == s; ++it) {
        const Mention& r = *it;
        if (r.token_begin >= position || (back == 0 && r.token_begin >= before)) break;
        if (!Fits(clusters_[static_cast<size_t>(r.entity)], want, described)) continue;
        entity = r.entity;
        break;
      }
      if (entity >= 0) return entity;
    }
    return -1;
  }

  // He/she and "the company": among the entities of the right kind named in
  // this sentence before the anaphor and in the two sentences before, and
  // the article's protagonist if already named, the one the article names
  // most often, the nearest on a tie.
  int SalientAntecedent(size_t sentence, uint32_t before, int want, TypeId described) const {
    int best = -1;
    size_t best_count = 0;
    uint32_t best_position = 0;
    bool best_subject = false;
    const size_t first = sentence >= 2 ? sentence - 2 : 0;
    // "Adidas has a trainer which, according to a manager from the company,
    // ...": a description refers to its own sentence's subject first.
    if (want == 4) {
      for (const Mention& m : mentions_) {
        if (m.sentence > sentence || m.token_begin >= before) break;
        if (m.sentence < sentence || m.entity < 0 || m.anaphor) continue;
        if (m.token_begin != sentences_[sentence].token_begin) break;
        // Not in an apposition to it: "T-Mobile USA, the company's American arm".
        if (m.token_end + 1 == before && tokens_[m.token_end].Is(",")) break;
        const Cluster& c = clusters_[static_cast<size_t>(m.entity)];
        if (Fits(c, want, described) ||
            (IsOrg(described) && c.type == kUnknownType && !OpensWithGivenName(m)))
          return m.entity;
        break;
      }
    }
    const int protagonist = want == 3 ? MainOrganization() : Protagonist();
    for (const Mention& m : mentions_) {
      if (m.entity < 0 || m.anaphor) continue;
      if (m.sentence > sentence || (m.sentence == sentence && m.token_begin >= before)) break;
      if (m.sentence < first && m.entity != protagonist) continue;
      const Cluster& c = clusters_[static_cast<size_t>(m.entity)];
      // "Lumora, a startup that ... The company was founded by ...": an
      // untyped name opening an earlier sentence may be "the company".
      const bool untyped_subject =
          want == 4 && IsOrg(described) && c.type == kUnknownType && m.sentence < sentence &&
          m.token_begin == sentences_[m.sentence].token_begin && !OpensWithGivenName(m);
      if (!Fits(c, want, described) && !untyped_subject) continue;
      // The most often named wins; on a tie, a description prefers a name
      // that opens its sentence (its subject), then the nearest.
      const size_t count = c.mentions.size();
      const bool subject = want == 4 && m.token_begin == sentences_[m.sentence].token_begin;
      if (count > best_count ||
          (count == best_count && (subject > best_subject ||
                                   (subject == best_subject && m.token_begin > best_position)))) {
        best = m.entity;
        best_count = count;
        best_position = m.token_begin;
        best_subject = subject;
      }
    }
    return best;
  }

  // The person named most often, at least three times and twice as often as
  // any other person, or -1.
  int Protagonist() const {
    if (protagonist_ == -2) {
      protagonist_ = Dominant([this](const Cluster& c) { return c.type == person_; });
    }
    return protagonist_;
  }

  // The organisation named most often, at least three times and twice as
  // often as any other, or -1.
  int MainOrganization() const {
    if (main_organization_ == -2) {
      main_organization_ = Dominant([this](const Cluster& c) { return IsOrg(c.type); });
    }
    return main_organization_;
  }

  // The cluster of the kind `keep` accepts with the most mentions, at least
  // three and twice as many as any other of that kind, or -1.
  template <typename Keep>
  int Dominant(Keep keep) const {
    size_t best = 0;
    size_t second = 0;
    int which = -1;
    for (size_t c = 0; c < clusters_.size(); ++c) {
      if (!keep(clusters_[c])) continue;
      const size_t n = clusters_[c].mentions.size();
      if (n > best) {
        second = best;
        best = n;
        which = static_cast<int>(c);
      } else if (n > second) {
        second = n;
      }
    }
    return best >= 3 && best >= 2 * second ? which : -1;
  }

  // True when a mention's first word is a given name ("James Sherwood"):
  // an untyped name that may well be a person's.
  bool OpensWithGivenName(const Mention& m) const {
    return schema_.lexicon.given_names.count(tokens_[m.token_begin].lower) > 0;
  }

  bool Fits(const Cluster& c, int want, TypeId described) const {
    switch (want) {
      case 1:
      case 2: {
        if (c.type != person_) return false;
        const char g = Gender(c);
        return g == 'U' || (want == 1 ? g == 'M' : g == 'F');
      }
      case 3:
        return IsOrg(c.type);
      case 4:
        return c.type == described || (IsOrg(c.type) && IsOrg(described) && c.type == described);
      default:
        return false;
    }
  }

  char Gender(const Cluster& c) const {
    // Clusters hold mention indexes from before anaphora adds its mentions,
    // the indexes of `words_`.
    for (size_t m : c.mentions) {
      const std::vector<std::string>& words = words_[m];
      if (words.size() < 2) continue;
      auto it = schema_.lexicon.given_names.find(words[0]);
      if (it != schema_.lexicon.given_names.end()) return it->second;
    }
    return 'U';
  }

  std::vector<Entity> BuildEntities() {
    std::vector<Entity> entities(clusters_.size());
    for (size_t c = 0; c < clusters_.size(); ++c) {
      Entity& e = entities[c];
      e.type = clusters_[c].type;
      std::set<std::string> forms;
      const Mention* best = nullptr;
      for (size_t m : clusters_[c].mentions) {
        const Mention& cur = mentions_[m];
        forms.insert(TrimName(cur.text));
        if (!cur.place.empty()) forms.insert(cur.place);
        if (!best || Better(cur, *best)) best = &cur;
      }
      // Better() ranks adjectives last, so a place name wins over "German".
      if (best) e.name = best->place.empty() ? TrimName(best->text) : best->place;
      // A formal place name goes by its usual one in fewer words: "Russian
      // Federation" is "Russia" (but "Oporto" stays as written).
      if (best && e.type == place_ && place_ != kUnknownType && best->place.empty()) {
        auto it = schema_.lexicon.place_canonical.find(best->text);
        if (it != schema_.lexicon.place_canonical.end() &&
            WordCount(it->second) < WordCount(e.name))
          e.name = it->second;
      }
      forms.erase(e.name);
      e.aliases.assign(forms.begin(), forms.end());
      if (e.type == person_) e.gender = Gender(clusters_[c]);
    }
    for (Mention& m : mentions_) {
      if (m.entity >= 0) m.type = entities[static_cast<size_t>(m.entity)].type;
    }
    return entities;
  }

  // The fullest form: most words, then longest, then written in mixed case
  // (not a capitals headline), then earliest; adjectives last.
  static bool Better(const Mention& a, const Mention& b) {
    if (a.place.empty() != b.place.empty()) return a.place.empty();
    const bool a_caps = IsAllCaps(a.text);
    const bool b_caps = IsAllCaps(b.text);
    const int wa = WordCount(a.text);
    const int wb = WordCount(b.text);
    if (wa != wb) return wa > wb;
    if (a.text.size() != b.text.size()) return a.text.size() > b.text.size();
    if (a_caps != b_caps) return !a_caps;
    return a.token_begin < b.token_begin;
  }

  static bool IsAllCaps(const std::string& s) {
    int letters = 0;
    for (char c : s) {
      if (c >= 'a' && c <= 'z') return false;
      if (c >= 'A' && c <= 'Z') ++letters;
    }
    return letters > 3;
  }

  const Schema& schema_;
  const NormalizedText& text_;
  const std::vector<Token>& tokens_;
  const std::vector<Sentence>& sentences_;
  std::vector<Mention>& mentions_;
  std::vector<Cluster> clusters_;
  // Per mention, while named mentions are clustered: its lower-case words and its acronym.
  std::vector<std::vector<std::string>> words_;
  std::vector<std::string> acronyms_;
  // Per mention: how many of its first words are initials or an abbreviated title.
  std::vector<size_t> leads_;
  mutable int protagonist_ = -2;        // -2: not computed yet
  mutable int main_organization_ = -2;  // -2: not computed yet
  TypeId person_ = kUnknownType;
  TypeId place_ = kUnknownType;
  // Pronouns and descriptions resolved so far, in text order, while
  // ResolveAnaphora runs.
  std::vector<Mention> resolved_;
};

}  // namespace

std::vector<Entity> ResolveCoreference(const Schema& schema, const NormalizedText& text,
                                       const std::vector<Token>& tokens,
                                       const std::vector<Sentence>& sentences,
                                       std::vector<Mention>* mentions) {
  return Resolver(schema, text, tokens, sentences, mentions).Run();
}

}  // namespace newsgraph
