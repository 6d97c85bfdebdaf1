#include "extract/triple_io.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "extract/error.h"

namespace newsgraph {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void Key(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void StringArray(Writer& w, const char* key, const std::vector<std::string>& values) {
  w.Key(key);
  w.StartArray();
  for (const auto& v : values) w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
  w.EndArray();
}

std::string GetString(const rapidjson::Value& obj, const char* key, bool required,
                      const std::string& file, int line) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || it->value.IsNull()) {
    if (required) throw Error(file, line, 0, std::string("triple lacks \"") + key + "\"");
    return "";
  }
  if (!it->value.IsString())
    throw Error(file, line, 0, std::string("\"") + key + "\" must be a string");
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

uint32_t GetOffset(const rapidjson::Value& obj, const char* key, const std::string& file,
                   int line) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd()) return 0;
  if (!it->value.IsUint())
    throw Error(file, line, 0, std::string("\"") + key + "\" must be a non-negative integer");
  return it->value.GetUint();
}

double GetNumber(const rapidjson::Value& obj, const char* key, const std::string& file, int line) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd()) return 0;
  if (!it->value.IsNumber())
    throw Error(file, line, 0, std::string("\"") + key + "\" must be a number");
  return it->value.GetDouble();
}

std::vector<std::string> GetStrings(const rapidjson::Value& obj, const char* key,
                                    const std::string& file, int line) {
  std::vector<std::string> out;
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd()) return out;
  if (!it->value.IsArray())
    throw Error(file, line, 0, std::string("\"") + key + "\" must be an array");
  for (const auto& v : it->value.GetArray()) {
    if (!v.IsString()) throw Error(file, line, 0, std::string("\"") + key + "\" must hold strings");
    out.emplace_back(v.GetString(), v.GetStringLength());
  }
  return out;
}

}  // namespace

std::string TripleToJson(const Triple& t) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetMaxDecimalPlaces(6);
  w.StartObject();
  Key(w, "doc", t.doc);
  Key(w, "subject", t.subject);
  Key(w, "subject_type", t.subject_type);
  Key(w, "predicate", t.predicate);
  Key(w, "object", t.object);
  Key(w, "object_type", t.object_type);
  Key(w, "sentence", t.sentence);
  w.Key("start");
  w.Uint(t.start);
  w.Key("end");
  w.Uint(t.end);
  w.Key("confidence");
  w.Double(t.confidence);
  if (!t.date.empty()) Key(w, "date", t.date);
  if (!t.amount.empty()) Key(w, "amount", t.amount);
  if (!t.role.empty()) Key(w, "role", t.role);
  if (!t.status.empty()) Key(w, "status", t.status);
  if (!t.pattern.empty()) Key(w, "pattern", t.pattern);
  if (!t.published.empty()) Key(w, "published", t.published);
  StringArray(w, "subject_aliases", t.subject_aliases);
  StringArray(w, "object_aliases", t.object_aliases);
  w.Key("evidence");
  w.StartArray();
  for (const Evidence& e : t.evidence) {
    w.StartObject();
    Key(w, "sentence", e.sentence);
    w.Key("start");
    w.Uint(e.start);
    w.Key("end");
    w.Uint(e.end);
    w.Key("confidence");
    w.Double(e.confidence);
    if (!e.pattern.empty()) Key(w, "pattern", e.pattern);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

bool LooksLikeTriple(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str(), json.size());
  return !d.HasParseError() && d.IsObject() && d.HasMember("predicate") && d.HasMember("subject");
}

Triple TripleFromJson(const std::string& json, const std::string& file, int line) {
  rapidjson::Document d;
  d.Parse(json.c_str(), json.size());
  if (d.HasParseError()) {
    throw Error(file, line, static_cast<int>(d.GetErrorOffset()) + 1,
                std::string("not valid JSON: ") + rapidjson::GetParseError_En(d.GetParseError()));
  }
  if (!d.IsObject()) throw Error(file, line, 1, "expected a JSON object");
  Triple t;
  t.doc = GetString(d, "doc", true, file, line);
  t.subject = GetString(d, "subject", true, file, line);
  t.subject_type = GetString(d, "subject_type", true, file, line);
  t.predicate = GetString(d, "predicate", true, file, line);
  t.object = GetString(d, "object", true, file, line);
  t.object_type = GetString(d, "object_type", true, file, line);
  t.sentence = GetString(d, "sentence", false, file, line);
  t.start = GetOffset(d, "start", file, line);
  t.end = GetOffset(d, "end", file, line);
  t.confidence = GetNumber(d, "confidence", file, line);
  t.date = GetString(d, "date", false, file, line);
  t.amount = GetString(d, "amount", false, file, line);
  t.role = GetString(d, "role", false, file, line);
  t.status = GetString(d, "status", false, file, line);
  t.pattern = GetString(d, "pattern", false, file, line);
  t.published = GetString(d, "published", false, file, line);
  t.subject_aliases = GetStrings(d, "subject_aliases", file, line);
  t.object_aliases = GetStrings(d, "object_aliases", file, line);
  if (auto it = d.FindMember("evidence"); it != d.MemberEnd()) {
    if (!it->value.IsArray()) throw Error(file, line, 0, "\"evidence\" must be an array");
    for (const auto& v : it->value.GetArray()) {
      if (!v.IsObject()) throw Error(file, line, 0, "\"evidence\" must hold objects");
      Evidence e;
      e.doc = t.doc;
      e.sentence = GetString(v, "sentence", false, file, line);
      e.start = GetOffset(v, "start", file, line);
      e.end = GetOffset(v, "end", file, line);
      e.confidence = GetNumber(v, "confidence", file, line);
      e.pattern = GetString(v, "pattern", false, file, line);
      t.evidence.push_back(std::move(e));
    }
  }
  if (t.end < t.start) throw Error(file, line, 0, "\"end\" is before \"start\"");
  return t;
}

}  // namespace newsgraph
