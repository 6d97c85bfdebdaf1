#include "graph/entity_eval.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>

#include "extract/error.h"
#include "extract/triple_scorer.h"
#include "graph/entity_resolver.h"

namespace newsgraph {
namespace {

size_t Pairs(size_t n) { return n * (n - 1) / 2; }

using Unit = std::pair<std::string, std::string>;  // (gold doc, compact form)

void LoadClusterGold(const std::string& path, std::map<Unit, std::string>* units) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, 0, 0, "cannot read gold file");
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    rapidjson::Document d;
    d.Parse(line.c_str(), line.size());
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("doc") || !d["doc"].IsString() || !d.HasMember("key") ||
        !d["key"].IsString() || !d.HasMember("type") || !d["type"].IsString() || !d.HasMember("forms") ||
        !d["forms"].IsArray()) {
      throw Error(path, number, 0, "entity gold lines need \"doc\", \"key\", \"type\" and \"forms\"");
    }
    const std::string doc = DocumentKey(d["doc"].GetString());
    const std::string cluster = EntityResolver::TypeClass(d["type"].GetString()) + "|" + d["key"].GetString();
    for (const auto& f : d["forms"].GetArray()) {
      if (f.IsString()) units->emplace(Unit{doc, EntityResolver::CompactKey(f.GetString())}, cluster);
    }
  }
}

}  // namespace

ClusterScore ScoreEntityClusters(const std::string& gold_path, const KnowledgeGraph& graph) {
  namespace fs = std::filesystem;
  std::map<Unit, std::string> gold;
  if (fs::is_directory(gold_path)) {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(gold_path)) {
      if (e.path().extension() == ".jsonl") files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) LoadClusterGold(f, &gold);
  } else {
    LoadClusterGold(gold_path, &gold);
  }
  std::set<std::string> gold_docs;
  for (const auto& [unit, cluster] : gold) gold_docs.insert(unit.first);
  // The graph's mentions: every merged form in every document, mapped to gold documents.
  std::unordered_map<std::string, std::string> doc_map;
  std::map<Unit, std::string> predicted;
  graph.ForEachNode([&](const GraphNode& node) {
    for (const MergeRecord& r : node.merged) {
      for (const std::string& doc : r.docs) {
        auto it = doc_map.find(doc);
        if (it == doc_map.end()) {
          const std::string key = DocumentKey(doc);
          std::string match;
          for (const std::string& g : gold_docs) {
            if (key == g || (key.size() > g.size() && key.compare(key.size() - g.size() - 1, g.size() + 1, "/" + g) == 0)) {
              match = g;
              break;
            }
          }
          it = doc_map.emplace(doc, match).first;
        }
        if (!it->second.empty()) predicted.emplace(Unit{it->second, EntityResolver::CompactKey(r.form)}, node.id);
      }
    }
  });
  ClusterScore score;
  score.gold_mentions = gold.size();
  std::map<std::string, size_t> gold_sizes;
  std::map<std::string, size_t> predicted_sizes;
  std::map<std::pair<std::string, std::string>, size_t> both;
  for (const auto& [unit, cluster] : gold) {
    auto it = predicted.find(unit);
    if (it == predicted.end()) continue;
    ++score.covered_mentions;
    ++gold_sizes[cluster];
    ++predicted_sizes[it->second];
    ++both[{cluster, it->second}];
  }
  for (const auto& [c, n] : gold_sizes) score.gold_pairs += Pairs(n);
  for (const auto& [c, n] : predicted_sizes) score.predicted_pairs += Pairs(n);
  for (const auto& [c, n] : both) score.correct_pairs += Pairs(n);
  return score;
}

}  // namespace newsgraph
