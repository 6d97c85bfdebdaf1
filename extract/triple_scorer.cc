#include "extract/triple_scorer.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <tuple>

#include "extract/error.h"
#include "extract/text_normalizer.h"

namespace newsgraph {
namespace {

constexpr std::array<std::string_view, 12> kSuffixes = {
    "inc", "corp", "corporation", "co", "ltd", "limited", "plc", "llc", "ag", "sa", "nv", "group"};
const std::array<const char*, 2> kSymmetric = {"partnered_with", "competes_with"};

bool IsSymmetric(const std::string& p) { return p == kSymmetric[0] || p == kSymmetric[1]; }

bool IsSpaceCp(uint32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) || c == 0x85 ||
         c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

// Python's \w: letters, digits and underscore of any script (approximated:
// every non-ASCII code point outside the punctuation and symbol blocks).
bool IsWordCp(uint32_t c) {
  if (c < 0x80)
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  if (IsSpaceCp(c)) return false;
  if ((c >= 0x80 && c <= 0xBF && c != 0xAA && c != 0xB5 && c != 0xBA && c != 0xB2 && c != 0xB3 &&
       c != 0xB9 && c != 0xBC && c != 0xBD && c != 0xBE) ||
      c == 0xD7 || c == 0xF7) {
    return false;
  }
  if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF01 && c <= 0xFF0F) ||
      (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
      (c >= 0xFF5B && c <= 0xFF65) || c == 0xFFFD || (c >= 0x1F000 && c <= 0x1FAFF) ||
      (c >= 0x02C2 && c <= 0x02C5) || (c >= 0x02D2 && c <= 0x02DF)) {
    return false;
  }
  return true;
}

// NFKC for the compatibility characters news text carries, then casefold.
void FoldCodePoint(uint32_t c, std::vector<uint32_t>* out) {
  if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII
  switch (c) {
    case 0xA0:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2008:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0x2000:
    case 0x2001:
      out->push_back(' ');
      return;
    case 0x2026:
      out->insert(out->end(), {'.', '.', '.'});
      return;
    case 0xFB00:
      out->insert(out->end(), {'f', 'f'});
      return;
    case 0xFB01:
      out->insert(out->end(), {'f', 'i'});
      return;
    case 0xFB02:
      out->insert(out->end(), {'f', 'l'});
      return;
    case 0xFB03:
      out->insert(out->end(), {'f', 'f', 'i'});
      return;
    case 0xFB04:
      out->insert(out->end(), {'f', 'f', 'l'});
      return;
    case 0xB2:
      out->push_back('2');
      return;
    case 0xB3:
      out->push_back('3');
      return;
    case 0xB9:
      out->push_back('1');
      return;
    case 0xDF:
      out->insert(out->end(), {'s', 's'});
      return;  // casefold of sharp s
    case 0x2122:
      out->insert(out->end(), {'t', 'm'});
      return;  // TM sign
    case 0x2019:
    case 0x2018:
      out->push_back('\'');
      return;
    case 0x201C:
    case 0x201D:
      out->push_back('"');
      return;
    case 0x2013:
    case 0x2014:
      out->push_back('-');
      return;
    default:
      break;
  }
  if (c >= 'A' && c <= 'Z')
    c += 32;
  else if ((c >= 0xC0 && c <= 0xDE && c != 0xD7))
    c += 32;
  else if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
    c += 32;
  else if (c >= 0x410 && c <= 0x42F)
    c += 32;
  else if (c >= 0x400 && c <= 0x40F)
    c += 80;
  else if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 &&
           c != 0x17F) {
    // Latin Extended-A pairs: even upper, odd lower (except the 0x139-0x148 and 0x179-0x17E runs).
    const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_upper ? (c % 2 == 1) : (c % 2 == 0)) c += 1;
  } else if (c == 0x3C2) {
    c = 0x3C3;  // final sigma folds to sigma
  }
  out->push_back(c);
}

std::string Encode(const std::vector<uint32_t>& cps, size_t b, size_t e) {
  std::string s;
  for (size_t i = b; i < e; ++i) AppendUtf8(cps[i], &s);
  return s;
}

}  // namespace

namespace {

// NormalizeName for a name of ASCII bytes only: the same steps on bytes,
// without decoding to code points (the graph merge normalises every name).
std::string NormalizeAsciiName(const std::string& name) {
  auto is_space = [](unsigned char c) { return IsSpaceCp(c); };
  auto is_word = [](unsigned char c) { return IsWordCp(c); };
  std::string t;
  t.reserve(name.size());
  for (const char ch : name) t += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
  // strip()
  size_t b = 0, e = t.size();
  while (b < e && is_space(static_cast<unsigned char>(t[b]))) ++b;
  while (e > b && is_space(static_cast<unsigned char>(t[e - 1]))) --e;
  // 's\b dropped; [^\w\s'\-] -> space.
  std::string u;
  u.reserve(e - b);
  for (size_t i = b; i < e; ++i) {
    const unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == '\'' && i + 1 < e && t[i + 1] == 's' &&
        (i + 2 >= e || !is_word(static_cast<unsigned char>(t[i + 2])))) {
      ++i;
      continue;
    }
    u += (!is_word(c) && !is_space(c) && c != '\'' && c != '-') ? ' ' : static_cast<char>(c);
  }
  // Quotes and hyphens not between word characters -> space (judged on u).
  std::string v = u;
  for (size_t i = 0; i < u.size(); ++i) {
    if (u[i] != '\'' && u[i] != '-') continue;
    const bool before = i > 0 && is_word(static_cast<unsigned char>(u[i - 1]));
    const bool after = i + 1 < u.size() && is_word(static_cast<unsigned char>(u[i + 1]));
    if (!before || !after) v[i] = ' ';
  }
  std::vector<std::string_view> words;
  const std::string_view view(v);
  size_t i = 0;
  while (i < view.size()) {
    while (i < view.size() && is_space(static_cast<unsigned char>(view[i]))) ++i;
    size_t j = i;
    while (j < view.size() && !is_space(static_cast<unsigned char>(view[j]))) ++j;
    if (j > i) words.push_back(view.substr(i, j - i));
    i = j;
  }
  const size_t first = !words.empty() && words[0] == "the" ? 1 : 0;
  size_t last = words.size();
  while (last > first + 1 &&
         std::find(kSuffixes.begin(), kSuffixes.end(), words[last - 1]) != kSuffixes.end()) {
    --last;
  }
  std::string out;
  for (size_t k = first; k < last; ++k) {
    if (k > first) out += ' ';
    out += words[k];
  }
  return out;
}

}  // namespace

std::string NormalizeName(const std::string& name) {
  if (std::all_of(name.begin(), name.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return NormalizeAsciiName(name);
  }
  std::vector<uint32_t> s;
  for (size_t i = 0; i < name.size();) {
    int length = 1;
    const uint32_t c = DecodeUtf8(name, i, &length);
    FoldCodePoint(c, &s);
    i += static_cast<size_t>(length);
  }
  // strip()
  size_t b = 0, e = s.size();
  while (b < e && IsSpaceCp(s[b])) ++b;
  while (e > b && IsSpaceCp(s[e - 1])) --e;
  std::vector<uint32_t> t(s.begin() + static_cast<long>(b), s.begin() + static_cast<long>(e));
  // 's\b: drop "'s" when no word character follows.
  std::vector<uint32_t> u;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\'' && i + 1 < t.size() && t[i + 1] == 's' &&
        (i + 2 >= t.size() || !IsWordCp(t[i + 2])) && true) {
      // \b after 's' needs a word character before it: 's' is one, so only the right side matters.
      ++i;
      continue;
    }
    u.push_back(t[i]);
  }
  // [^\w\s'\-] -> space
  for (uint32_t& c : u) {
    if (!IsWordCp(c) && !IsSpaceCp(c) && c != '\'' && c != '-') c = ' ';
  }
  // quotes and hyphens not between word characters -> space (judged on the original).
  std::vector<uint32_t> v = u;
  for (size_t i = 0; i < u.size(); ++i) {
    if (u[i] != '\'' && u[i] != '-') continue;
    const bool before = i > 0 && IsWordCp(u[i - 1]);
    const bool after = i + 1 < u.size() && IsWordCp(u[i + 1]);
    if (!before || !after) v[i] = ' ';
  }
  std::vector<std::string> words;
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && IsSpaceCp(v[i])) ++i;
    size_t j = i;
    while (j < v.size() && !IsSpaceCp(v[j])) ++j;
    if (j > i) words.push_back(Encode(v, i, j));
    i = j;
  }
  if (!words.empty() && words[0] == "the") words.erase(words.begin());
  while (words.size() > 1 && std::find(kSuffixes.begin(), kSuffixes.end(),
                                       std::string_view(words.back())) != kSuffixes.end()) {
    words.pop_back();
  }
  std::string out;
  for (size_t k = 0; k < words.size(); ++k) {
    if (k) out += ' ';
    out += words[k];
  }
  return out;
}

std::string DocumentKey(const std::string& doc) {
  std::string d = doc;
  std::replace(d.begin(), d.end(), '\\', '/');
  const size_t slash = d.rfind('/');
  const size_t base = slash == std::string::npos ? 0 : slash + 1;
  size_t first = base;
  while (first < d.size() && d[first] == '.') ++first;
  const size_t dot = d.rfind('.');
  if (dot != std::string::npos && dot > first && dot >= base) return d.substr(0, dot);
  return d;
}

namespace {

rapidjson::Document ParseLine(const std::string& line, const std::string& path, int number) {
  rapidjson::Document d;
  d.Parse(line.c_str(), line.size());
  if (d.HasParseError()) {
    throw Error(path, number, static_cast<int>(d.GetErrorOffset()) + 1,
                std::string("not JSON: ") + rapidjson::GetParseError_En(d.GetParseError()));
  }
  if (!d.IsObject()) throw Error(path, number, 1, "expected a JSON object");
  return d;
}

template <typename Fn>
void ForEachJsonLine(const std::string& path, Fn fn) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, 0, 0, "cannot read file");
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const size_t b = line.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) continue;
    fn(ParseLine(line, path, number), number);
  }
}

std::string AsText(const rapidjson::Value& v) {
  if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
  if (v.IsInt64()) return std::to_string(v.GetInt64());
  return "";
}

std::vector<std::string> Names(const rapidjson::Value& obj, const char* key,
                               const std::string& path, int line) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd())
    throw Error(path, line, 0, std::string("gold fact lacks \"") + key + "\"");
  std::vector<std::string> out;
  if (it->value.IsString()) {
    out.push_back(AsText(it->value));
  } else if (it->value.IsArray()) {
    for (const auto& v : it->value.GetArray()) out.push_back(AsText(v));
  } else {
    throw Error(path, line, 0, std::string("\"") + key + "\" must be a list of names");
  }
  return out;
}

void LoadGoldFile(const std::string& path, std::vector<GoldFact>* out) {
  ForEachJsonLine(path, [&](const rapidjson::Document& d, int number) {
    GoldFact f;
    auto doc = d.FindMember("doc");
    auto pred = d.FindMember("predicate");
    if (doc == d.MemberEnd() || pred == d.MemberEnd())
      throw Error(path, number, 0, "gold fact needs \"doc\" and \"predicate\"");
    f.doc = AsText(doc->value);
    f.predicate = AsText(pred->value);
    f.subject = Names(d, "subject", path, number);
    f.object = Names(d, "object", path, number);
    auto opt = d.FindMember("optional");
    f.optional = opt != d.MemberEnd() && ((opt->value.IsBool() && opt->value.GetBool()) ||
                                          (opt->value.IsNumber() && opt->value.GetDouble() != 0));
    out->push_back(std::move(f));
  });
}

}  // namespace

std::vector<GoldFact> LoadGold(const std::string& path, std::set<std::string>* documents) {
  namespace fs = std::filesystem;
  std::vector<GoldFact> gold;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(path)) {
      const std::string name = entry.path().filename().string();
      if (name.size() > 6 && name.substr(name.size() - 6) == ".jsonl") names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    for (const auto& name : names) LoadGoldFile(path + "/" + name, &gold);
    for (const auto& f : gold) documents->insert(DocumentKey(f.doc));
    for (const auto& name : names) {
      if (fs::file_size(path + "/" + name, ec) == 0) {
        std::string stem = name.substr(0, name.size() - 6);
        const size_t u = stem.find('_');
        if (u != std::string::npos) stem[u] = '/';
        documents->insert(stem);
      }
    }
    return gold;
  }
  LoadGoldFile(path, &gold);
  for (const auto& f : gold) documents->insert(DocumentKey(f.doc));
  return gold;
}

std::vector<PredictedFact> LoadPredictions(const std::string& path) {
  std::vector<PredictedFact> out;
  ForEachJsonLine(path, [&](const rapidjson::Document& d, int) {
    PredictedFact p;
    auto get = [&](const char* key) {
      auto it = d.FindMember(key);
      return it == d.MemberEnd() ? std::string() : AsText(it->value);
    };
    p.doc = get("doc");
    p.subject = get("subject");
    p.predicate = get("predicate");
    p.object = get("object");
    out.push_back(std::move(p));
  });
  return out;
}

namespace {

const std::string* MatchDocument(const std::string& doc, const std::set<std::string>& documents) {
  const std::string key = DocumentKey(doc);
  auto it = documents.find(key);
  if (it != documents.end()) return &*it;
  for (const std::string& g : documents) {
    const std::string suffix = "/" + g;
    if (key.size() >= suffix.size() &&
        key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return &g;
    }
  }
  return nullptr;
}

}  // namespace

ScoreReport ScoreTriples(const std::vector<GoldFact>& gold, const std::set<std::string>& documents,
                         const std::vector<PredictedFact>& predicted) {
  struct Fact {
    std::set<std::string> s;
    std::string p;
    std::set<std::string> o;
    bool optional;
    const GoldFact* row;
  };
  std::map<std::string, std::vector<Fact>> by_doc;
  for (const GoldFact& g : gold) {
    Fact f{{}, g.predicate, {}, g.optional, &g};
    for (const auto& n : g.subject) f.s.insert(NormalizeName(n));
    for (const auto& n : g.object) f.o.insert(NormalizeName(n));
    by_doc[DocumentKey(g.doc)].push_back(std::move(f));
  }
  using Key = std::tuple<std::string, std::string, std::string>;
  std::map<std::string, std::vector<std::pair<Key, const PredictedFact*>>> preds;
  std::map<std::string, std::set<Key>> seen;
  for (const PredictedFact& p : predicted) {
    const std::string* d = MatchDocument(p.doc, documents);
    if (!d) continue;
    Key key{NormalizeName(p.subject), p.predicate, NormalizeName(p.object)};
    if (IsSymmetric(p.predicate) && std::get<0>(key) > std::get<2>(key))
      std::swap(std::get<0>(key), std::get<2>(key));
    if (seen[*d].insert(key).second) preds[*d].emplace_back(key, &p);
  }
  ScoreReport report;
  report.documents = documents.size();
  for (const std::string& d : documents) {
    std::vector<Fact>& facts = by_doc[d];
    std::vector<bool> used(facts.size(), false);
    for (const auto& [key, p] : preds[d]) {
      const auto& [s, pr, o] = key;
      int hit = -1;
      for (size_t i = 0; i < facts.size(); ++i) {
        const Fact& f = facts[i];
        if (f.p != pr) continue;
        const bool fwd = f.s.count(s) && f.o.count(o);
        const bool back = IsSymmetric(pr) && f.o.count(s) && f.s.count(o);
        if (fwd || back) {
          if (hit < 0 || (used[static_cast<size_t>(hit)] && !used[i])) hit = static_cast<int>(i);
        }
      }
      if (hit >= 0 && !used[static_cast<size_t>(hit)]) {
        used[static_cast<size_t>(hit)] = true;
        report.by_predicate[pr].tp++;
      } else {
        report.by_predicate[pr].fp++;
        report.errors.push_back({"FP", d, p->subject, pr, p->object,
                                 hit >= 0 ? "duplicate of a matched fact" : "not in gold"});
      }
    }
    for (size_t i = 0; i < facts.size(); ++i) {
      if (!used[i] && !facts[i].optional) {
        report.by_predicate[facts[i].p].fn++;
        const GoldFact& g = *facts[i].row;
        report.errors.push_back({"FN", d, g.subject.empty() ? "" : g.subject[0], g.predicate,
                                 g.object.empty() ? "" : g.object[0], ""});
      }
    }
  }
  for (const auto& [p, c] : report.by_predicate) {
    report.total.tp += c.tp;
    report.total.fp += c.fp;
    report.total.fn += c.fn;
  }
  return report;
}

std::string FormatReport(const ScoreReport& report, bool by_predicate) {
  std::string out;
  char buf[512];
  if (by_predicate) {
    for (const auto& [p, c] : report.by_predicate) {
      std::snprintf(buf, sizeof buf, "%-20s P=%.3f R=%.3f F1=%.3f tp=%d fp=%d fn=%d\n", p.c_str(),
                    c.Precision(), c.Recall(), c.F1(), c.tp, c.fp, c.fn);
      out += buf;
    }
  }
  const ScoreCounts& t = report.total;
  std::snprintf(buf, sizeof buf, "docs=%zu tp=%d fp=%d fn=%d precision=%.3f recall=%.3f f1=%.3f\n",
                report.documents, t.tp, t.fp, t.fn, t.Precision(), t.Recall(), t.F1());
  out += buf;
  return out;
}

}  // namespace newsgraph
