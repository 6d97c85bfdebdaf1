#include "extract/triple_extractor.h"

#include "extract/relation_extractor.h"

#include <chrono>
#include <map>
#include <tuple>

namespace newsgraph {

TripleExtractor::TripleExtractor(std::shared_ptr<const Schema> schema)
    : schema_(std::move(schema)) {}

void StageTimes::Add(const StageTimes& other) {
  splitting += other.splitting;
  entities += other.entities;
  coreference += other.coreference;
  relations += other.relations;
}

namespace {

// Adds the seconds since the last call to one stage's total, when timing.
class StageClock {
 public:
  explicit StageClock(StageTimes* times) : times_(times) {
    if (times_) last_ = std::chrono::steady_clock::now();
  }
  void Lap(double StageTimes::*stage) {
    if (!times_) return;
    const auto now = std::chrono::steady_clock::now();
    times_->*stage += std::chrono::duration<double>(now - last_).count();
    last_ = now;
  }

 private:
  StageTimes* times_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace

DocumentAnalysis TripleExtractor::Analyze(const Document& document, StageTimes* times) const {
  StageClock clock(times);
  DocumentAnalysis a;
  a.text = NormalizeText(document.text);
  a.tokens = Tokenize(a.text);
  for (Token& t : a.tokens) t.word = schema_->vocabulary.Find(t.lower);
  a.sentences = SplitSentences(a.text, a.tokens);
  clock.Lap(&StageTimes::splitting);
  a.mentions = RecognizeEntities(*schema_, a.text, a.tokens, a.sentences);
  clock.Lap(&StageTimes::entities);
  a.entities = ResolveCoreference(*schema_, a.text, a.tokens, a.sentences, &a.mentions);
  clock.Lap(&StageTimes::coreference);
  AnnotatedDocument annotated{&document,    &a.text,     &a.tokens,
                              &a.sentences, &a.mentions, &a.entities};
  a.triples = ExtractRelations(*schema_, annotated);
  clock.Lap(&StageTimes::relations);
  return a;
}

namespace {

// Documents larger than this are read in pieces of about this size, cut at a
// paragraph, line or word break, so that memory stays bounded whatever the
// input (a 200 MB file with no newline, say). Coreference does not cross pieces.
constexpr size_t kPieceBytes = 1 << 20;

size_t PieceEnd(const std::string& text, size_t begin) {
  if (text.size() - begin <= kPieceBytes) return text.size();
  const size_t limit = begin + kPieceBytes;
  const size_t floor = begin + kPieceBytes / 2;
  // Search only the second half of the piece, never the whole text before it.
  const std::string_view window(text.data() + floor, limit - floor);
  for (const char* sep : {"\n\n", "\n", ". ", " "}) {
    const size_t at = window.rfind(sep);
    if (at != std::string_view::npos) return floor + at + std::char_traits<char>::length(sep);
  }
  // No break at all (one enormous word): cut at a UTF-8 character boundary.
  size_t end = limit;
  while (end > begin && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

}  // namespace

std::vector<Triple> TripleExtractor::Extract(const Document& document, StageTimes* times) const {
  if (document.text.size() <= kPieceBytes) return Analyze(document, times).triples;
  std::vector<Triple> out;
  std::map<std::tuple<std::string, std::string, std::string>, size_t> index;
  for (size_t begin = 0; begin < document.text.size();) {
    const size_t end = PieceEnd(document.text, begin);
    Document piece;
    piece.id = document.id;
    piece.date = document.date;
    piece.source = document.source;
    piece.text = document.text.substr(begin, end - begin);
    for (Triple& t : Analyze(piece, times).triples) {
      t.start += static_cast<uint32_t>(begin);
      t.end += static_cast<uint32_t>(begin);
      for (Evidence& e : t.evidence) {
        e.start += static_cast<uint32_t>(begin);
        e.end += static_cast<uint32_t>(begin);
      }
      const auto key = std::make_tuple(t.subject, t.predicate, t.object);
      auto it = index.find(key);
      if (it == index.end()) {
        index.emplace(key, out.size());
        out.push_back(std::move(t));
        continue;
      }
      // The same fact in another piece: one more piece of evidence.
      Triple& first = out[it->second];
      Evidence ev{t.doc, t.sentence, t.start, t.end, t.confidence, t.pattern};
      first.evidence.push_back(std::move(ev));
      for (Evidence& e : t.evidence) first.evidence.push_back(std::move(e));
    }
    begin = end;
  }
  return out;
}

}  // namespace newsgraph
