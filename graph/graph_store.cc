#include "graph/graph_store.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <fstream>
#include <tuple>

#include "extract/error.h"
#include "extract/triple_io.h"

namespace newsgraph {
namespace {

void SortTriples(std::vector<Triple>* triples) {
  std::sort(triples->begin(), triples->end(), [](const Triple& a, const Triple& b) {
    return std::tie(a.start, a.predicate, a.subject, a.object, a.end) <
           std::tie(b.start, b.predicate, b.subject, b.object, b.end);
  });
}

std::string JsonString(const std::string& s) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

GraphStore::GraphStore(std::string schema_digest) : schema_(std::move(schema_digest)) {}

bool GraphStore::LooksLikeGraphFile(const std::string& first_line) {
  rapidjson::Document d;
  d.Parse(first_line.c_str(), first_line.size());
  return !d.HasParseError() && d.IsObject() && d.HasMember("format") && d["format"].IsString() &&
         std::string(d["format"].GetString()) == kFormat;
}

GraphStore GraphStore::Load(const std::string& path, const std::string& schema_digest) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, 0, 0, "cannot read graph file");
  return Read(in, path, schema_digest);
}

GraphStore GraphStore::Read(std::istream& in, const std::string& path,
                            const std::string& schema_digest) {
  std::string line;
  if (!std::getline(in, line)) throw Error(path, 1, 0, "empty file: not a newsgraph graph file");
  rapidjson::Document header;
  header.Parse(line.c_str(), line.size());
  if (header.HasParseError() || !header.IsObject() || !header.HasMember("format") ||
      !header["format"].IsString() || std::string(header["format"].GetString()) != kFormat) {
    throw Error(
        path, 1, 0,
        "not a newsgraph graph file (its first line lacks \"format\": \"newsgraph-graph\")");
  }
  if (!header.HasMember("version") || !header["version"].IsInt() ||
      header["version"].GetInt() != kVersion) {
    throw Error(path, 1, 0,
                "graph file version " +
                    (header.HasMember("version") && header["version"].IsInt()
                         ? std::to_string(header["version"].GetInt())
                         : std::string("?")) +
                    " is not the supported version " + std::to_string(kVersion));
  }
  const std::string file_schema = header.HasMember("schema") && header["schema"].IsString()
                                      ? std::string(header["schema"].GetString())
                                      : std::string();
  if (!schema_digest.empty() && file_schema != schema_digest) {
    throw Error(path, 1, 0,
                "the graph was built with another schema (digest " + file_schema + ", now " +
                    schema_digest + "); rebuild it from the articles");
  }
  GraphStore store(file_schema);
  size_t expected = header.HasMember("documents") && header["documents"].IsUint()
                        ? header["documents"].GetUint()
                        : 0;
  int number = 1;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    rapidjson::Document d;
    d.Parse(line.c_str(), line.size());
    if (d.HasParseError()) {
      throw Error(
          path, number, static_cast<int>(d.GetErrorOffset()) + 1,
          std::string("corrupt graph file: ") + rapidjson::GetParseError_En(d.GetParseError()));
    }
    if (!d.IsObject() || !d.HasMember("doc") || !d["doc"].IsString() || !d.HasMember("triples") ||
        !d["triples"].IsArray()) {
      throw Error(path, number, 0,
                  "corrupt graph file: a document record needs \"doc\" and \"triples\"");
    }
    const std::string doc = d["doc"].GetString();
    Record record;
    if (d.HasMember("text") && d["text"].IsString()) record.fingerprint = d["text"].GetString();
    for (const auto& t : d["triples"].GetArray()) {
      rapidjson::StringBuffer buffer;
      rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
      t.Accept(w);
      Triple triple =
          TripleFromJson(std::string(buffer.GetString(), buffer.GetSize()), path, number);
      if (triple.doc != doc)
        throw Error(path, number, 0,
                    "corrupt graph file: a triple of \"" + doc + "\" names \"" + triple.doc + "\"");
      record.triples.push_back(std::move(triple));
    }
    if (!store.docs_.emplace(doc, std::move(record)).second) {
      throw Error(path, number, 0, "corrupt graph file: document \"" + doc + "\" appears twice");
    }
  }
  if (in.bad()) throw Error(path, number, 0, "read error");
  if (store.docs_.size() != expected) {
    throw Error(path, number, 0,
                "corrupt graph file: the header announces " + std::to_string(expected) +
                    " documents, the file holds " + std::to_string(store.docs_.size()) +
                    " (truncated?)");
  }
  return store;
}

GraphStore::Change GraphStore::SetDocument(const std::string& doc, const std::string& fingerprint,
                                           std::vector<Triple> triples) {
  SortTriples(&triples);
  auto it = docs_.find(doc);
  if (it != docs_.end() && !fingerprint.empty() && it->second.fingerprint == fingerprint)
    return Change::kUnchanged;
  const Change change = it == docs_.end() ? Change::kAdded : Change::kReplaced;
  docs_[doc] = Record{fingerprint, std::move(triples)};
  return change;
}

void GraphStore::AppendTriples(const std::string& doc, std::vector<Triple> triples) {
  Record& r = docs_[doc];
  for (Triple& t : triples) r.triples.push_back(std::move(t));
  SortTriples(&r.triples);
}

bool GraphStore::RemoveDocument(const std::string& doc) { return docs_.erase(doc) > 0; }

void GraphStore::Write(std::ostream& out) const {
  out << "{\"format\":\"" << kFormat << "\",\"version\":" << kVersion
      << ",\"schema\":" << JsonString(schema_) << ",\"documents\":" << docs_.size() << "}\n";
  for (const auto& [doc, record] : docs_) {
    out << "{\"doc\":" << JsonString(doc) << ",\"text\":" << JsonString(record.fingerprint)
        << ",\"triples\":[";
    for (size_t i = 0; i < record.triples.size(); ++i) {
      if (i) out << ',';
      out << TripleToJson(record.triples[i]);
    }
    out << "]}\n";
  }
}

void GraphStore::ForEachDocument(const std::function<void(const std::string&, const std::string&,
                                                          const std::vector<Triple>&)>& fn) const {
  for (const auto& [doc, record] : docs_) fn(doc, record.fingerprint, record.triples);
}

void GraphStore::AddTo(KnowledgeGraph* graph) const {
  for (const auto& [doc, record] : docs_) {
    for (const Triple& t : record.triples) graph->AddTriple(t);
  }
}

}  // namespace newsgraph
