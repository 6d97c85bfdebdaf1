#include "export/json_writer.h"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>

#include "export/format_util.h"

namespace newsgraph {
namespace {

using Writer = rapidjson::Writer<rapidjson::OStreamWrapper, rapidjson::UTF8<>, rapidjson::UTF8<>,
                                 rapidjson::CrtAllocator, rapidjson::kWriteNanAndInfFlag>;

void String(Writer& w, const std::string& s) {
  const std::string valid = ValidUtf8(s);
  w.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}

void Field(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  String(w, value);
}

}  // namespace

void WriteNodeLinkJson(const KnowledgeGraph& graph, std::ostream& out) {
  rapidjson::OStreamWrapper stream(out);
  Writer w(stream);
  w.StartObject();
  w.Key("directed");
  w.Bool(true);
  w.Key("multigraph");
  w.Bool(true);
  w.Key("graph");
  w.StartObject();
  Field(w, "name", "newsgraph");
  w.EndObject();
  w.Key("nodes");
  w.StartArray();
  graph.ForEachNode([&](const GraphNode& n) {
    w.StartObject();
    Field(w, "id", n.id);
    Field(w, "label", n.name);
    Field(w, "type", n.type);
    w.Key("aliases");
    w.StartArray();
    for (const auto& a : n.aliases) String(w, a);
    w.EndArray();
    w.Key("documents");
    w.StartArray();
    for (const auto& d : n.documents) String(w, d);
    w.EndArray();
    w.Key("merged");
    w.StartArray();
    for (const MergeRecord& r : n.merged) {
      w.StartObject();
      Field(w, "form", r.form);
      Field(w, "rule", r.rule);
      w.Key("docs");
      w.StartArray();
      for (const auto& d : r.docs) String(w, d);
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  });
  w.EndArray();
  w.Key("links");
  w.StartArray();
  graph.ForEachEdge([&](const GraphEdge& e) {
    w.StartObject();
    Field(w, "id", e.id);
    Field(w, "source", e.source);
    Field(w, "target", e.target);
    Field(w, "key", e.predicate);
    Field(w, "predicate", e.predicate);
    Field(w, "label", e.predicate);
    w.Key("weight");
    w.Uint64(e.weight());
    w.Key("confidence");
    w.Double(e.confidence);
    if (!e.date.empty()) Field(w, "date", e.date);
    if (!e.amount.empty()) Field(w, "amount", e.amount);
    if (!e.role.empty()) Field(w, "role", e.role);
    if (!e.status.empty()) Field(w, "status", e.status);
    if (!e.first_reported.empty()) Field(w, "first_reported", e.first_reported);
    if (!e.last_reported.empty()) Field(w, "last_reported", e.last_reported);
    w.Key("sources");
    w.StartArray();
    for (const auto& s : e.support) String(w, s.doc);
    w.EndArray();
    w.Key("evidence");
    w.StartArray();
    for (const Evidence& ev : e.evidence) {
      w.StartObject();
      Field(w, "doc", ev.doc);
      Field(w, "sentence", ev.sentence);
      w.Key("start");
      w.Uint(ev.start);
      w.Key("end");
      w.Uint(ev.end);
      w.Key("confidence");
      w.Double(ev.confidence);
      if (!ev.pattern.empty()) Field(w, "pattern", ev.pattern);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  });
  w.EndArray();
  w.EndObject();
  out << '\n';
}

}  // namespace newsgraph
