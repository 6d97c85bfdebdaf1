#include "extract/schema.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include "extract/error.h"
#include "extract/fingerprint.h"
#include "extract/text_normalizer.h"
#include "extract/tokenizer.h"

namespace newsgraph {

const std::vector<std::string> RecognizerLexicon::kFunctionWords = {
    "the",     "a",         "an",    "and",     "but",      "or",     "in",
    "on",      "at",        "for",   "of",      "to",       "by",     "with",
    "as",      "this",      "that",  "these",   "those",    "its",    "his",
    "her",     "their",     "our",   "my",      "your",     "when",   "while",
    "after",   "before",    "if",    "so",      "then",     "also",   "meanwhile",
    "however", "yesterday", "today", "now",     "former",   "new",    "rival",
    "parent",  "ex",        "old",   "current", "outgoing", "shares", "analysts"};
namespace {

// Reads YAML nodes and reports errors against the schema file.
class SchemaLoader {
 public:
  SchemaLoader(const std::string& text, const std::string& name, const std::string& base_dir)
      : text_(text), name_(name), base_dir_(base_dir) {}

  std::shared_ptr<const Schema> Load() {
    auto schema = std::make_shared<Schema>();
    schema_ = schema.get();
    YAML::Node root;
    try {
      root = YAML::Load(text_);
    } catch (const YAML::ParserException& e) {
      throw Error(name_, e.mark.line + 1, e.mark.column + 1, "YAML syntax error: " + e.msg);
    }
    try {
      return LoadRoot(root, schema);
    } catch (const YAML::Exception& e) {
      // A node of an unexpected shape (a mapping used as a key, say) that a
      // check below did not foresee: still an error naming file and place.
      throw Error(name_, e.mark.line + 1, e.mark.column + 1,
                  "a key or value of the wrong shape here (yaml-cpp: " + e.msg + ")");
    }
  }

 private:
  std::shared_ptr<const Schema> LoadRoot(const YAML::Node& root,
                                         const std::shared_ptr<Schema>& schema) {
    if (!root.IsMap()) Fail(root, "the schema must be a YAML mapping");
    digest_ = Fnv1a64(text_);
    CheckKeys(root, {"version", "types", "lists", "macros", "recognizer", "typing", "hedges",
                     "negations", "hedge_window", "relations"});
    if (root["version"] && Int(root["version"]) != 1)
      Fail(root["version"], "unsupported schema version");
    LoadTypes(Required(root, "types"));
    if (root["lists"]) LoadLists(root["lists"]);
    CollectCourtesyWords();
    if (root["macros"]) {
      const YAML::Node macros = root["macros"];
      if (!macros.IsMap()) Fail(macros, "'macros' must map names to pattern fragments");
      for (const auto& kv : macros) schema_->macros[Str(kv.first)] = Str(kv.second);
    }
    if (root["recognizer"]) LoadRecognizer(root["recognizer"]);
    if (root["hedges"]) schema_->hedges = PhraseList(root["hedges"]);
    if (root["negations"]) schema_->negations = PhraseList(root["negations"]);
    for (const auto* phrases : {&schema_->hedges, &schema_->negations}) {
      for (const auto& phrase : *phrases) {
        std::vector<int32_t> ids;
        for (const auto& w : phrase) ids.push_back(schema_->vocabulary.Intern(w));
        schema_->hedge_and_negation_ids.push_back(std::move(ids));
      }
    }
    for (uint32_t i = 0; i < schema_->hedge_and_negation_ids.size(); ++i) {
      const std::vector<int32_t>& ids = schema_->hedge_and_negation_ids[i];
      if (ids.empty()) continue;
      auto& by_word = schema_->hedges_by_first_word;
      if (by_word.size() <= static_cast<size_t>(ids[0])) by_word.resize(ids[0] + 1U);
      by_word[static_cast<size_t>(ids[0])].push_back(i);
    }
    if (root["hedge_window"]) schema_->hedge_window = Int(root["hedge_window"]);
    if (root["typing"]) LoadTyping(root["typing"]);
    LoadRelations(Required(root, "relations"));
    BuildWordFlags();
    for (const auto& [name, type] : schema_->lexicon.gazetteer)
      schema_->lexicon.gazetteer_index.AddName(name, type);
    for (const std::string& prefix : schema_->lexicon.gazetteer_prefixes)
      schema_->lexicon.gazetteer_index.AddPrefix(prefix);
    schema_->digest = HexDigits(digest_);
    return schema;
  }

  // Interns every word of the recogniser's lists and marks which lists it is on.
  void BuildWordFlags() {
    auto& lex = schema_->lexicon;
    auto mark = [&](const std::string& word, uint16_t flag) {
      if (word.empty() || word.find(' ') != std::string::npos) return;
      const size_t id = static_cast<size_t>(schema_->vocabulary.Intern(word));
      if (lex.word_flags.size() <= id) lex.word_flags.resize(id + 1, 0);
      lex.word_flags[id] |= flag;
    };
    using L = RecognizerLexicon;
    for (const auto& [word, gender] : lex.given_names) mark(word, L::kGivenName);
    for (const auto& word : lex.honorifics) mark(word, L::kHonorific);
    for (const auto& word : lex.surnames) mark(word, L::kSurname);
    for (const auto& word : lex.product_tiers) mark(word, L::kProductTier);
    for (const auto& word : lex.common_words) mark(word, L::kCommonWord);
    for (const auto& word : lex.title_words) mark(word, L::kTitleWord);
    for (const auto& [word, type] : lex.org_suffixes) mark(word, L::kOrgSuffix);
    for (const auto& word : lex.facility_heads) mark(word, L::kFacilityHead);
    for (const auto& word : gazetteer_starts_) mark(word, L::kGazetteerStart);
    for (const auto& word : L::kFunctionWords) mark(word, L::kFunctionWord);
    lex.word_flags.resize(schema_->vocabulary.size(), 0);
  }

  [[noreturn]] void Fail(const YAML::Node& node, const std::string& what) {
    const YAML::Mark m = node.Mark();
    if (m.is_null()) throw Error(name_, 0, 0, what);
    throw Error(name_, m.line + 1, m.column + 1, what);
  }

  YAML::Node Required(const YAML::Node& map, const char* key) {
    YAML::Node n = map[key];
    if (!n) Fail(map, std::string("missing required key '") + key + "'");
    return n;
  }

  void CheckKeys(const YAML::Node& map, std::initializer_list<const char*> allowed) {
    if (!map.IsMap()) Fail(map, "expected a mapping");
    for (const auto& kv : map) {
      const std::string key = kv.first.as<std::string>();
      bool ok = false;
      for (const char* a : allowed) ok = ok || key == a;
      if (!ok) {
        std::string list;
        for (const char* a : allowed) list += std::string(list.empty() ? "" : ", ") + a;
        Fail(kv.first, "unknown key '" + key + "' (expected one of: " + list + ")");
      }
    }
  }

  std::string Str(const YAML::Node& n) {
    if (!n.IsScalar()) Fail(n, "expected a string");
    return n.Scalar();
  }

  int Int(const YAML::Node& n) {
    try {
      return n.as<int>();
    } catch (const YAML::Exception&) {
      Fail(n, "expected an integer, got '" + (n.IsScalar() ? n.Scalar() : std::string("?")) + "'");
    }
  }

  double Double(const YAML::Node& n) {
    try {
      return n.as<double>();
    } catch (const YAML::Exception&) {
      Fail(n, "expected a number, got '" + (n.IsScalar() ? n.Scalar() : std::string("?")) + "'");
    }
  }

  bool Bool(const YAML::Node& n) {
    try {
      return n.as<bool>();
    } catch (const YAML::Exception&) {
      Fail(n,
           "expected true or false, got '" + (n.IsScalar() ? n.Scalar() : std::string("?")) + "'");
    }
  }

  std::vector<std::string> StrList(const YAML::Node& n) {
    std::vector<std::string> out;
    if (n.IsScalar()) return {n.Scalar()};
    if (!n.IsSequence()) Fail(n, "expected a list");
    for (const auto& item : n) out.push_back(Str(item));
    return out;
  }

  static std::vector<std::string> Words(std::string_view phrase) {
    std::vector<std::string> out;
    for (const Token& t : Tokenize(NormalizeText(phrase))) out.push_back(t.lower);
    return out;
  }

  // Reads the lines of a data file named by `node`: '#' starts a comment line,
  // columns are separated by tabs. The file's text joins the schema digest.
  std::vector<std::vector<std::string>> ReadTable(const YAML::Node& node) {
    const std::string rel = Str(node);
    const std::string path = !rel.empty() && rel[0] == '/' ? rel : base_dir_ + "/" + rel;
    std::ifstream in(path, std::ios::binary);
    if (!in) Fail(node, "cannot read word-list file '" + path + "'");
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string data = buffer.str();
    digest_ = Fnv1a64(data, digest_);
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(data);
    std::string line;
    while (std::getline(lines, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> cols;
      size_t start = 0;
      while (true) {
        const size_t tab = line.find('\t', start);
        cols.push_back(
            line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
      }
      while (!cols.empty() && cols[0].empty()) break;
      if (!cols[0].empty()) rows.push_back(std::move(cols));
    }
    return rows;
  }

  // A list given inline as a YAML sequence or as {file: PATH}.
  std::vector<std::string> ListEntries(const YAML::Node& n) {
    if (n.IsMap()) {
      CheckKeys(n, {"file"});
      std::vector<std::string> out;
      for (auto& row : ReadTable(Required(n, "file"))) out.push_back(row[0]);
      return out;
    }
    return StrList(n);
  }

  std::vector<std::vector<std::string>> PhraseList(const YAML::Node& n) {
    std::vector<std::vector<std::string>> out;
    for (const std::string& e : ListEntries(n)) {
      auto words = Words(e);
      if (!words.empty()) out.push_back(std::move(words));
    }
    return out;
  }

  void LoadTypes(const YAML::Node& types) {
    if (!types.IsMap()) Fail(types, "'types' must map type names to their settings");
    for (const auto& kv : types) {
      EntityType t;
      t.name = Str(kv.first);
      t.type_class = t.name;
      if (schema_->types.size() >= 63) Fail(kv.first, "more than 63 entity types");
      if (kv.second.IsMap()) {
        CheckKeys(kv.second, {"class", "color", "shape", "description"});
        if (kv.second["class"]) t.type_class = Str(kv.second["class"]);
        if (kv.second["color"]) t.color = Str(kv.second["color"]);
        if (kv.second["shape"]) t.shape = Str(kv.second["shape"]);
      } else if (!kv.second.IsNull()) {
        Fail(kv.second, "type settings must be a mapping");
      }
      for (const auto& existing : schema_->types) {
        if (existing.name == t.name) Fail(kv.first, "type '" + t.name + "' defined twice");
      }
      schema_->types.push_back(t);
      schema_->type_names.push_back(t.name);
    }
  }

  TypeId Type(const YAML::Node& n) {
    const std::string name = Str(n);
    const TypeId id = schema_->FindType(name);
    if (id == kUnknownType) Fail(n, "unknown entity type '" + name + "'");
    return id;
  }

  uint64_t TypeMask(const YAML::Node& n) {
    uint64_t mask = 0;
    if (n.IsScalar()) return 1ULL << Type(n);
    if (!n.IsSequence() || n.size() == 0) Fail(n, "expected a non-empty list of entity types");
    for (const auto& item : n) mask |= 1ULL << Type(item);
    return mask;
  }

  void CollectCourtesyWords() {
    const auto& lists = schema_->lists;
    const auto courtesy = lists.find("courtesy");
    if (courtesy == lists.end()) return;
    std::set<std::string> titles;
    if (const auto title = lists.find("title"); title != lists.end()) {
      for (const auto& entry : title->second) {
        if (entry.size() == 1) titles.insert(entry[0]);
      }
    }
    auto& ids = schema_->courtesy_words;
    for (const auto& entry : courtesy->second) {
      if (entry.size() == 1 && !titles.count(entry[0]))
        ids.push_back(schema_->vocabulary.Intern(entry[0]));
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }

  void LoadLists(const YAML::Node& lists) {
    if (!lists.IsMap()) Fail(lists, "'lists' must map list names to entries");
    for (const auto& kv : lists) {
      const std::string name = Str(kv.first);
      auto phrases = PhraseList(kv.second);
      if (phrases.empty()) Fail(kv.second, "word list '" + name + "' is empty");
      schema_->lists[name] = std::move(phrases);
    }
    if (const auto it = schema_->lists.find("title"); it != schema_->lists.end()) {
      for (const auto& entry : it->second) {
        if (entry.size() == 1) schema_->lexicon.title_words.insert(entry[0]);
      }
    }
  }

  // Joins the tokens of a name as documents show them: a space only where the
  // text has one ("Fei-Fei Li", "AT&T").
  // When `prefixes` is given, adds to it the key of every proper prefix.
  static std::string SurfaceKey(std::string_view name,
                                std::unordered_set<std::string>* prefixes = nullptr,
                                std::unordered_set<std::string>* starts = nullptr) {
    const NormalizedText norm = NormalizeText(name);
    std::string key;
    for (const Token& t : Tokenize(norm)) {
      if (starts && key.empty()) {
        // The first token as a document's tokenizer may lower it: with or
        // without an abbreviation's full stop.
        const std::string surface =
            ToLower(norm.text.substr(t.norm_begin, t.norm_end - t.norm_begin));
        starts->insert(t.lower);
        starts->insert(surface);
        if (!surface.empty() && surface.back() == '.')
          starts->insert(surface.substr(0, surface.size() - 1));
      }
      if (prefixes && !key.empty()) prefixes->insert(key);
      if (!key.empty() && t.Has(kSpaceBefore)) key += ' ';
      key.append(norm.text, t.norm_begin, t.norm_end - t.norm_begin);
    }
    return key;
  }

  void AddGazetteer(const std::string& name, TypeId type) {
    AddGazetteerForm(name, type);
    // News writes hyphenated firm names with a space as well: "Hewlett Packard".
    // (Not products: "Band-Aid" is no "Band Aid".)
    if (type != schema_->FindType("Company")) return;
    std::string spaced = name;
    bool hyphen = false;
    for (size_t i = 1; i + 1 < spaced.size(); ++i) {
      if (spaced[i] == '-' && std::isalpha(static_cast<unsigned char>(spaced[i - 1])) &&
          std::isupper(static_cast<unsigned char>(spaced[i + 1]))) {
        spaced[i] = ' ';
        hyphen = true;
      }
    }
    if (hyphen) AddGazetteerForm(spaced, type);
    // "Simon & Schuster" is written "Simon and Schuster" as well, and the other way round.
    for (const auto& [from, to] : {std::pair<std::string, std::string>{" & ", " and "},
                                   std::pair<std::string, std::string>{" and ", " & "}}) {
      const size_t at = name.find(from);
      if (at != std::string::npos && at > 0)
        AddGazetteerForm(name.substr(0, at) + to + name.substr(at + from.size()), type);
    }
    // A one-word firm name with inner capitals is also written with only its
    // first capital: "WorldCom" as "Worldcom", "InBev" as "Inbev".
    // (Not an acronym: "SAP" is no "Sap".)
    bool inner_capital = false;
    bool lower = false;
    bool letters = name.size() >= 4 && std::isupper(static_cast<unsigned char>(name[0]));
    for (size_t i = 1; i < name.size() && letters; ++i) {
      const unsigned char c = static_cast<unsigned char>(name[i]);
      letters = std::isalpha(c) != 0;
      inner_capital = inner_capital || std::isupper(c);
      lower = lower || std::islower(c);
    }
    if (letters && inner_capital && lower)
      AddGazetteerForm(name.substr(0, 1) + ToLower(name.substr(1)), type);
  }

  void AddGazetteerForm(const std::string& name, TypeId type) {
    auto& lex = schema_->lexicon;
    const std::string key = SurfaceKey(name, &lex.gazetteer_prefixes, &gazetteer_starts_);
    if (key.empty()) return;
    lex.gazetteer.emplace(key, type);  // the first file that names an entry wins
    const int n = static_cast<int>(std::count(key.begin(), key.end(), ' ')) + 1;
    lex.max_gazetteer_tokens = std::max(lex.max_gazetteer_tokens, n + 2);
  }

  void LoadRecognizer(const YAML::Node& r) {
    CheckKeys(r,
              {"given_names", "surnames", "product_tiers", "field_labels", "honorifics",
               "org_suffixes", "facility_heads", "common_words", "english_words", "nationalities",
               "places", "aliases", "gazetteers", "descriptions", "description_blockers"});
    auto& lex = schema_->lexicon;
    if (r["given_names"]) {
      for (auto& row : ReadTable(r["given_names"])) {
        const std::string lower = ToLower(row[0]);
        lex.given_names[lower] = row.size() > 1 && !row[1].empty() ? row[1][0] : 'U';
        if (row.size() > 2 && row[2] == "1") lex.ambiguous_given_names.insert(lower);
      }
    }
    auto lower_set = [&](const char* key, std::unordered_set<std::string>* out) {
      if (!r[key]) return;
      for (auto& row : ReadTable(r[key])) {
        std::string w = ToLower(row[0]);
        if (!w.empty() && w.back() == '.') w.pop_back();
        out->insert(w);
      }
    };
    if (r["honorifics"]) {
      for (auto& row : ReadTable(r["honorifics"])) {
        std::string w = ToLower(row[0]);
        if (!w.empty() && w.back() == '.') w.pop_back();
        // Written in capitals ("CEO", "MP"): a word in capitals may be one.
        if (row[0].size() >= 2 &&
            std::none_of(row[0].begin(), row[0].end(), [](char c) { return c >= 'a' && c <= 'z'; }))
          lex.capital_honorifics.insert(w);
        lex.honorifics.insert(std::move(w));
      }
    }
    lower_set("surnames", &lex.surnames);
    lower_set("product_tiers", &lex.product_tiers);
    // Word lists written in the schema itself, lower-cased.
    auto inline_words = [&](const char* key, std::unordered_set<std::string>* out) {
      if (!r[key]) return;
      if (!r[key].IsSequence()) Fail(r[key], std::string(key) + " must be a list of words");
      for (const auto& w : r[key]) out->insert(ToLower(w.as<std::string>()));
    };
    inline_words("field_labels", &lex.field_labels);
    inline_words("description_blockers", &lex.description_blockers);
    lower_set("facility_heads", &lex.facility_heads);
    lower_set("common_words", &lex.common_words);
    lower_set("english_words", &lex.english_words);
    if (r["org_suffixes"]) {
      for (auto& row : ReadTable(r["org_suffixes"])) {
        if (row.size() < 2)
          Fail(r["org_suffixes"], "org_suffixes rows need 'word<TAB>type': '" + row[0] + "'");
        const TypeId t = schema_->FindType(row[1]);
        if (t == kUnknownType)
          Fail(r["org_suffixes"], "unknown type '" + row[1] + "' for suffix '" + row[0] + "'");
        std::string w = ToLower(row[0]);
        if (!w.empty() && w.back() == '.') w.pop_back();
        lex.org_suffixes[w] = t;
      }
    }
    const TypeId place = schema_->FindType("Place");
    if (r["places"]) {
      if (place == kUnknownType) Fail(r["places"], "'places' needs a type named Place");
      for (auto& row : ReadTable(r["places"])) {
        AddGazetteer(row[0], place);
        lex.place_canonical[SurfaceKey(row[0])] =
            row.size() > 1 && !row[1].empty() ? row[1] : row[0];
      }
    }
    if (r["aliases"]) {
      for (auto& row : ReadTable(r["aliases"])) {
        if (row.size() < 2 || row[1].empty())
          Fail(r["aliases"], "aliases rows need 'short name<TAB>full name': '" + row[0] + "'");
        lex.aliases[ToLower(row[0])].push_back(ToLower(row[1]));
      }
    }
    if (r["nationalities"]) {
      for (auto& row : ReadTable(r["nationalities"])) {
        if (row.size() < 2)
          Fail(r["nationalities"],
               "nationalities rows need 'adjective<TAB>place': '" + row[0] + "'");
        lex.nationalities[row[0]] = row[1];
      }
    }
    if (r["gazetteers"]) {
      const YAML::Node g = r["gazetteers"];
      if (!g.IsMap()) Fail(g, "'gazetteers' must map type names to files");
      for (const auto& kv : g) {
        const TypeId t = Type(kv.first);
        const YAML::Node files = kv.second;
        if (files.IsScalar()) {
          for (auto& row : ReadTable(files)) AddGazetteer(row[0], t);
        } else if (files.IsSequence()) {
          for (const auto& f : files) {
            for (auto& row : ReadTable(f)) AddGazetteer(row[0], t);
          }
        } else {
          Fail(files, "expected a file or a list of files");
        }
      }
    }
    if (r["descriptions"]) {
      const YAML::Node d = r["descriptions"];
      if (!d.IsMap()) Fail(d, "'descriptions' must map type names to nouns");
      for (const auto& kv : d) {
        const TypeId t = Type(kv.first);
        for (const std::string& noun : StrList(kv.second)) lex.descriptions[ToLower(noun)] = t;
      }
    }
  }

  // The column of a scalar's first character: quoted scalars start one later.
  int ScalarColumn(const YAML::Node& n) {
    const YAML::Mark m = n.Mark();
    int column = m.column + 1;
    if (m.pos >= 0 && static_cast<size_t>(m.pos) < text_.size() &&
        (text_[static_cast<size_t>(m.pos)] == '"' || text_[static_cast<size_t>(m.pos)] == '\'')) {
      ++column;
    }
    return column;
  }

  // Replaces each @name with its macro, in brackets; macros may use macros.
  std::string ExpandMacros(const std::string& text, const YAML::Node& node, int depth = 0) {
    if (text.find('@') == std::string::npos) return text;
    if (depth > 8) Fail(node, "macros nest too deeply (a macro that uses itself?)");
    std::string out;
    for (size_t i = 0; i < text.size();) {
      if (text[i] != '@') {
        out += text[i++];
        continue;
      }
      size_t j = i + 1;
      while (j < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_'))
        ++j;
      const std::string name = text.substr(i + 1, j - i - 1);
      auto it = schema_->macros.find(name);
      if (name.empty() || it == schema_->macros.end())
        Fail(node, "unknown macro '@" + name + "' in pattern \"" + text + "\"");
      out += "(" + ExpandMacros(it->second, node, depth + 1) + ")";
      i = j;
    }
    return out;
  }

  // A fact's confidence, in (0, 1].
  double Confidence(const YAML::Node& n) {
    const double confidence = Double(n);
    if (confidence <= 0 || confidence > 1) Fail(n, "confidence must be in (0, 1]");
    return confidence;
  }

  // Where `n` is written, "file:line", with the file name without its
  // folder, so outputs do not depend on where the checkout lives.
  std::string Location(const YAML::Node& n) const {
    const size_t slash = name_.find_last_of('/');
    return (slash == std::string::npos ? name_ : name_.substr(slash + 1)) + ":" +
           std::to_string(n.Mark().line + 1);
  }

  std::vector<RelationPattern> LoadPatterns(const YAML::Node& patterns, const PatternContext& ctx) {
    std::vector<RelationPattern> out;
    if (!patterns) return out;
    if (!patterns.IsSequence()) Fail(patterns, "patterns must be a list");
    for (const auto& p : patterns) {
      RelationPattern rp;
      // yaml-cpp nodes are references: build `source` once, never assign to it.
      const YAML::Node source = p.IsMap() ? Required(p, "match") : YAML::Node(p);
      if (p.IsMap()) {
        CheckKeys(p, {"match", "confidence", "status", "distinctive_names", "pairwise", "majority",
                      "not_followed_by", "subject_first"});
        if (p["subject_first"]) rp.subject_first = Bool(p["subject_first"]);
        if (p["not_followed_by"]) rp.not_followed_by = TypeMask(p["not_followed_by"]);
        if (p["majority"]) {
          rp.majority = Str(p["majority"]);
          pending_majority_.emplace_back(rp.majority, p["majority"]);
        }
        if (p["distinctive_names"]) rp.distinctive_names = Bool(p["distinctive_names"]);
        if (p["pairwise"]) rp.pairwise = Bool(p["pairwise"]);
        if (p["confidence"]) rp.confidence = Confidence(p["confidence"]);
        if (p["status"]) {
          rp.status = Str(p["status"]);
          if (rp.status != "current" && rp.status != "former")
            Fail(p["status"], "status must be current or former");
        }
      }
      const std::string text = Str(source);
      const std::string expanded = ExpandMacros(text, source);
      // With macros, an error's column counts in the expanded pattern, which the message quotes.
      rp.pattern =
          Pattern::Compile(expanded, ctx, name_, source.Mark().line + 1, ScalarColumn(source));
      rp.location = Location(source);
      out.push_back(std::move(rp));
    }
    return out;
  }

  void LoadTyping(const YAML::Node& typing) {
    if (!typing.IsMap()) Fail(typing, "'typing' must map type names to patterns");
    for (const auto& kv : typing) {
      const TypeId type = Type(kv.first);
      PatternContext ctx;
      ctx.vocabulary = &schema_->vocabulary;
      ctx.lists = &schema_->lists;
      ctx.type_names = &schema_->type_names;
      ctx.subject_types = 1ULL << type;
      ctx.requires_object = false;
      for (RelationPattern& rp : LoadPatterns(kv.second, ctx)) {
        schema_->typing_index.Add(rp.pattern);
        schema_->typing.emplace_back(type, std::move(rp));
      }
    }
  }

  void LoadRelations(const YAML::Node& relations) {
    if (!relations.IsMap()) Fail(relations, "'relations' must map relation names to definitions");
    for (const auto& kv : relations) {
      Relation rel;
      rel.name = Str(kv.first);
      if (schema_->FindRelation(rel.name))
        Fail(kv.first, "relation '" + rel.name + "' defined twice");
      const YAML::Node def = kv.second;
      CheckKeys(def, {"domain", "range", "symmetric", "event", "implies", "patterns",
                      "topic_patterns", "name_prefix", "description"});
      rel.domain = TypeMask(Required(def, "domain"));
      rel.range = TypeMask(Required(def, "range"));
      if (def["symmetric"]) rel.symmetric = Bool(def["symmetric"]);
      if (def["event"]) rel.event = Bool(def["event"]);
      if (const YAML::Node prefix = def["name_prefix"]) {
        if (!prefix.IsMap()) Fail(prefix, "name_prefix must be a map such as {confidence: 0.8}");
        CheckKeys(prefix, {"confidence"});
        rel.name_prefix.enabled = true;
        if (prefix["confidence"]) rel.name_prefix.confidence = Confidence(prefix["confidence"]);
        rel.name_prefix.location = Location(prefix);
      }
      if (def["implies"]) {
        for (const auto& item : def["implies"]) pending_implies_.emplace_back(rel.name, item);
        rel.implies = StrList(def["implies"]);
      }
      PatternContext ctx;
      ctx.vocabulary = &schema_->vocabulary;
      ctx.lists = &schema_->lists;
      ctx.type_names = &schema_->type_names;
      ctx.subject_types = rel.domain;
      ctx.object_types = rel.range;
      rel.patterns = LoadPatterns(def["patterns"], ctx);
      ctx.requires_object = false;
      rel.topic_patterns = LoadPatterns(def["topic_patterns"], ctx);
      const uint32_t r = static_cast<uint32_t>(schema_->relations.size());
      for (uint32_t i = 0; i < rel.patterns.size(); ++i) {
        schema_->relation_index.Add(rel.patterns[i].pattern);
        schema_->relation_refs.push_back({r, i, false});
      }
      for (uint32_t i = 0; i < rel.topic_patterns.size(); ++i) {
        schema_->relation_index.Add(rel.topic_patterns[i].pattern);
        schema_->relation_refs.push_back({r, i, true});
      }
      schema_->relations.push_back(std::move(rel));
    }
    for (const auto& [from, node] : pending_implies_) {
      const std::string target = Str(node);
      if (!schema_->FindRelation(target))
        Fail(node, "'" + from + "' implies unknown relation '" + target + "'");
    }
    for (const auto& [target, node] : pending_majority_) {
      if (!schema_->FindRelation(target))
        Fail(node, "'majority' names unknown relation '" + target + "'");
    }
  }

  const std::string& text_;
  std::string name_;
  std::string base_dir_;
  Schema* schema_ = nullptr;
  // The first token of every gazetteer name, in lower case, until BuildWordFlags marks them.
  std::unordered_set<std::string> gazetteer_starts_;
  uint64_t digest_ = 0;
  std::vector<std::pair<std::string, YAML::Node>> pending_implies_;
  std::vector<std::pair<std::string, YAML::Node>> pending_majority_;
};

}  // namespace

std::shared_ptr<const Schema> Schema::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, 0, 0, "cannot read schema file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const size_t slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash == 0 ? 1 : slash);
  return LoadString(buffer.str(), path, dir);
}

std::shared_ptr<const Schema> Schema::LoadString(const std::string& yaml, const std::string& name,
                                                 const std::string& base_dir) {
  return SchemaLoader(yaml, name, base_dir).Load();
}

TypeId Schema::FindType(const std::string& name) const {
  for (size_t i = 0; i < types.size(); ++i) {
    if (types[i].name == name) return static_cast<TypeId>(i);
  }
  return kUnknownType;
}

const Relation* Schema::FindRelation(const std::string& name) const {
  for (const Relation& r : relations) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

}  // namespace newsgraph
