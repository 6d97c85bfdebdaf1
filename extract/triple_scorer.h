// Scoring extracted triples against gold facts exactly as
// ../shared/docs/relations.md defines it (and as the reference scorer
// score_triples.py computes it): names compared after normalisation, symmetric
// predicates in either direction, duplicates counted as wrong, optional gold
// facts never missed.
#ifndef NEWSGRAPH_EXTRACT_TRIPLE_SCORER_H_
#define NEWSGRAPH_EXTRACT_TRIPLE_SCORER_H_

#include <map>
#include <set>
#include <string>
#include <vector>

namespace newsgraph {

// One gold fact: the subject's and object's accepted names, the predicate,
// and whether the fact is optional.
struct GoldFact {
  std::string doc;
  std::vector<std::string> subject;
  std::string predicate;
  std::vector<std::string> object;
  bool optional = false;
};

// A predicted fact, as far as scoring cares.
struct PredictedFact {
  std::string doc;
  std::string subject;
  std::string predicate;
  std::string object;
};

// True positives, false positives and false negatives, with the ratios.
struct ScoreCounts {
  int tp = 0;
  int fp = 0;
  int fn = 0;
  double Precision() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 0.0; }
  double Recall() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 0.0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// One scoring mistake, for --show-errors: "FP" or "FN" with the fact.
struct ScoreError {
  std::string kind;
  std::string doc;
  std::string subject;
  std::string predicate;
  std::string object;
  std::string why;
};

// The result of scoring: counts per predicate and overall, the number of gold
// documents, and the mistakes.
struct ScoreReport {
  std::map<std::string, ScoreCounts> by_predicate;
  ScoreCounts total;
  size_t documents = 0;
  std::vector<ScoreError> errors;
};

// Normalises a name for matching: NFKC-style folding of common compatibility
// characters, case folding, dropping possessive 's, punctuation other than
// inner hyphens and apostrophes, a leading "the" and trailing corporate suffixes.
std::string NormalizeName(const std::string& name);

// Returns a document id without its file extension, with '/' separators.
std::string DocumentKey(const std::string& doc);

// Loads gold facts from a JSON Lines file, or from every .jsonl file of a
// directory (an empty file there names a document with no facts). Fills
// `documents` with the gold document keys. Throws Error with file and line.
std::vector<GoldFact> LoadGold(const std::string& path, std::set<std::string>* documents);

// Loads predicted facts from a triples JSON Lines file. Throws Error with file and line.
std::vector<PredictedFact> LoadPredictions(const std::string& path);

// Scores predictions against gold.
ScoreReport ScoreTriples(const std::vector<GoldFact>& gold, const std::set<std::string>& documents,
                         const std::vector<PredictedFact>& predicted);

// Formats a report like score_triples.py --by-predicate: one line per
// predicate, then the overall line.
std::string FormatReport(const ScoreReport& report, bool by_predicate);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_TRIPLE_SCORER_H_
