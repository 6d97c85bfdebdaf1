#include "export/graphml_writer.h"

#include <vector>

#include "export/format_util.h"
#include "extract/text_normalizer.h"

namespace newsgraph {

std::string EscapeXml(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (size_t i = 0; i < s.size();) {
    // Printable ASCII other than the five markup characters is copied in runs.
    size_t run = i;
    while (run < s.size()) {
      const unsigned char c = static_cast<unsigned char>(s[run]);
      if (c < 0x20 || c >= 0x80 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') break;
      ++run;
    }
    if (run > i) {
      out.append(s, i, run - i);
      i = run;
      continue;
    }
    int length = 1;
    const uint32_t cp = DecodeUtf8(s, i, &length);
    switch (cp) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\t':
        out += "&#9;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF || (cp == 0xFFFD && length == 1)) {
          out += "\xEF\xBF\xBD";
        } else {
          out.append(s, i, static_cast<size_t>(length));
        }
    }
    i += static_cast<size_t>(length);
  }
  return out;
}

namespace {

struct KeyDef {
  const char* id;
  const char* domain;
  const char* name;
  const char* type;
};

constexpr KeyDef kKeys[] = {
    {"n_label", "node", "label", "string"},
    {"n_type", "node", "type", "string"},
    {"n_aliases", "node", "aliases", "string"},
    {"n_documents", "node", "documents", "int"},
    {"e_label", "edge", "label", "string"},
    {"e_predicate", "edge", "predicate", "string"},
    {"e_weight", "edge", "weight", "int"},
    {"e_sentences", "edge", "sentences", "int"},
    {"e_confidence", "edge", "confidence", "double"},
    {"e_sources", "edge", "sources", "string"},
    {"e_evidence", "edge", "evidence", "string"},
    {"e_date", "edge", "date", "string"},
    {"e_amount", "edge", "amount", "string"},
    {"e_role", "edge", "role", "string"},
    {"e_status", "edge", "status", "string"},
    {"e_first_reported", "edge", "first_reported", "string"},
    {"e_last_reported", "edge", "last_reported", "string"},
};

void Data(std::ostream& out, const char* key, const std::string& value) {
  out << "      <data key=\"" << key << "\">" << EscapeXml(value) << "</data>\n";
}

}  // namespace

void WriteGraphml(const KnowledgeGraph& graph, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const KeyDef& k : kKeys) {
    out << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << k.name
        << "\" attr.type=\"" << k.type << "\"/>\n";
  }
  out << "  <graph id=\"newsgraph\" edgedefault=\"directed\">\n";
  graph.ForEachNode([&](const GraphNode& n) {
    out << "    <node id=\"" << EscapeXml(n.id) << "\">\n";
    Data(out, "n_label", n.name);
    Data(out, "n_type", n.type);
    if (!n.aliases.empty()) Data(out, "n_aliases", Join(n.aliases, "; "));
    Data(out, "n_documents", std::to_string(n.documents.size()));
    out << "    </node>\n";
  });
  graph.ForEachEdge([&](const GraphEdge& e) {
    out << "    <edge id=\"" << EscapeXml(e.id) << "\" source=\"" << EscapeXml(e.source)
        << "\" target=\"" << EscapeXml(e.target) << "\">\n";
    Data(out, "e_label", e.predicate);
    Data(out, "e_predicate", e.predicate);
    Data(out, "e_weight", std::to_string(e.weight()));
    Data(out, "e_sentences", std::to_string(e.evidence.size()));
    Data(out, "e_confidence", FormatDouble(e.confidence));
    std::vector<std::string> docs;
    for (const auto& s : e.support) docs.push_back(s.doc);
    Data(out, "e_sources", Join(docs, "; "));
    if (!e.evidence.empty()) Data(out, "e_evidence", e.evidence.front().sentence);
    if (!e.date.empty()) Data(out, "e_date", e.date);
    if (!e.amount.empty()) Data(out, "e_amount", e.amount);
    if (!e.role.empty()) Data(out, "e_role", e.role);
    if (!e.status.empty()) Data(out, "e_status", e.status);
    if (!e.first_reported.empty()) Data(out, "e_first_reported", e.first_reported);
    if (!e.last_reported.empty()) Data(out, "e_last_reported", e.last_reported);
    out << "    </edge>\n";
  });
  out << "  </graph>\n</graphml>\n";
}

}  // namespace newsgraph
