#include "export/neo4j_csv_writer.h"

#include <vector>

#include "export/format_util.h"

namespace newsgraph {

std::string EscapeCsv(std::string_view s) {
  std::string out = "\"";
  for (char c : ValidUtf8(s)) {
    if (c == '"') out += "\"\"";
    else out += c;
  }
  return out + "\"";
}

namespace {

// An array field: items joined by ';' (neo4j-admin's array delimiter); a ';'
// inside an item becomes ',' so that items stay apart.
std::string ArrayField(const std::vector<std::string>& items) {
  std::string joined;
  for (size_t i = 0; i < items.size(); ++i) {
    std::string item = items[i];
    for (char& c : item) {
      if (c == ';') c = ',';
    }
    if (i) joined += ';';
    joined += item;
  }
  return EscapeCsv(joined);
}

}  // namespace

void WriteNeo4jNodes(const KnowledgeGraph& graph, std::ostream& out) {
  out << "id:ID,name,aliases:string[],documents:int,:LABEL\n";
  graph.ForEachNode([&](const GraphNode& n) {
    out << EscapeCsv(n.id) << ',' << EscapeCsv(n.name) << ',' << ArrayField(n.aliases) << ',' << n.documents.size()
        << ',' << EscapeCsv(n.type) << '\n';
  });
}

void WriteNeo4jRelationships(const KnowledgeGraph& graph, std::ostream& out) {
  out << ":START_ID,:END_ID,:TYPE,weight:int,confidence:double,sources:string[],evidence,date,amount,role,status,"
         "first_reported,last_reported\n";
  graph.ForEachEdge([&](const GraphEdge& e) {
    std::vector<std::string> sources;
    for (const DocumentSupport& s : e.support) sources.push_back(s.doc);
    out << EscapeCsv(e.source) << ',' << EscapeCsv(e.target) << ',' << EscapeCsv(e.predicate) << ',' << e.weight()
        << ',' << FormatDouble(e.confidence) << ',' << ArrayField(sources) << ','
        << EscapeCsv(e.evidence.empty() ? "" : e.evidence.front().sentence) << ',' << EscapeCsv(e.date) << ','
        << EscapeCsv(e.amount) << ',' << EscapeCsv(e.role) << ',' << EscapeCsv(e.status) << ','
        << EscapeCsv(e.first_reported) << ',' << EscapeCsv(e.last_reported) << '\n';
  });
}

}  // namespace newsgraph
