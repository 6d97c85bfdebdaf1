#include "export/cypher_writer.h"

#include <cstdio>
#include <map>
#include <set>
#include <vector>

#include "export/format_util.h"
#include "extract/text_normalizer.h"

namespace newsgraph {

std::string EscapeCypherString(std::string_view s) {
  std::string out = "'";
  for (size_t i = 0; i < s.size();) {
    int length = 1;
    const uint32_t cp = DecodeUtf8(s, i, &length);
    switch (cp) {
      case '\\': out += "\\\\"; break;
      case '\'': out += "\\'"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (cp < 0x20 || cp == 0x7F) {
          out += ' ';
        } else if (cp == 0xFFFD && length == 1) {
          out += "\xEF\xBF\xBD";
        } else {
          out.append(s, i, static_cast<size_t>(length));
        }
    }
    i += static_cast<size_t>(length);
  }
  return out + "'";
}

std::string QuoteName(std::string_view name) {
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out += "``";
    else out += c;
  }
  return out + "`";
}

namespace {

std::string List(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += EscapeCypherString(items[i]);
  }
  return out + "]";
}

std::vector<std::string> Sources(const GraphEdge& e) {
  std::vector<std::string> out;
  for (const DocumentSupport& s : e.support) out.push_back(s.doc);
  return out;
}

// The edge properties as "key: value" pairs.
std::vector<std::pair<std::string, std::string>> EdgeProperties(const GraphEdge& e) {
  std::vector<std::pair<std::string, std::string>> p = {
      {"weight", std::to_string(e.weight())},
      {"confidence", FormatDouble(e.confidence)},
      {"sources", List(Sources(e))},
      {"evidence", EscapeCypherString(e.evidence.empty() ? "" : e.evidence.front().sentence)},
      {"date", EscapeCypherString(e.date)},
      {"amount", EscapeCypherString(e.amount)},
      {"role", EscapeCypherString(e.role)},
      {"status", EscapeCypherString(e.status)},
      {"first_reported", EscapeCypherString(e.first_reported)},
      {"last_reported", EscapeCypherString(e.last_reported)},
  };
  return p;
}

struct Shape {
  std::map<std::string, std::string> node_type;                     // id -> type
  std::set<std::string> types;                                       // in order
  std::map<std::string, std::set<std::pair<std::string, std::string>>> rel_pairs;  // predicate -> (from, to)
};

Shape ShapeOf(const KnowledgeGraph& graph) {
  Shape shape;
  graph.ForEachNode([&](const GraphNode& n) {
    shape.node_type[n.id] = n.type;
    shape.types.insert(n.type);
  });
  graph.ForEachEdge([&](const GraphEdge& e) {
    shape.rel_pairs[e.predicate].insert({shape.node_type.at(e.source), shape.node_type.at(e.target)});
  });
  return shape;
}

}  // namespace

void WriteKuzuSchema(const KnowledgeGraph& graph, std::ostream& out) {
  const Shape shape = ShapeOf(graph);
  out << "// newsgraph: Kuzu schema. One node table per entity type, one relationship table per predicate.\n";
  for (const std::string& t : shape.types) {
    out << "CREATE NODE TABLE " << QuoteName(t)
        << "(id STRING, name STRING, aliases STRING[], documents INT64, PRIMARY KEY (id));\n";
  }
  for (const auto& [predicate, pairs] : shape.rel_pairs) {
    out << "CREATE REL TABLE " << QuoteName(predicate) << "(";
    for (const auto& [from, to] : pairs) out << "FROM " << QuoteName(from) << " TO " << QuoteName(to) << ", ";
    out << "weight INT64, confidence DOUBLE, sources STRING[], evidence STRING, date STRING, amount STRING, "
           "role STRING, status STRING, first_reported STRING, last_reported STRING);\n";
  }
}

void WriteKuzuScript(const KnowledgeGraph& graph, std::ostream& out) {
  WriteKuzuSchema(graph, out);
  const Shape shape = ShapeOf(graph);
  out << "// Data.\n";
  graph.ForEachNode([&](const GraphNode& n) {
    out << "CREATE (:" << QuoteName(n.type) << " {id: " << EscapeCypherString(n.id) << ", name: "
        << EscapeCypherString(n.name) << ", aliases: " << List(n.aliases) << ", documents: " << n.documents.size()
        << "});\n";
  });
  graph.ForEachEdge([&](const GraphEdge& e) {
    out << "MATCH (a:" << QuoteName(shape.node_type.at(e.source)) << " {id: " << EscapeCypherString(e.source)
        << "}), (b:" << QuoteName(shape.node_type.at(e.target)) << " {id: " << EscapeCypherString(e.target)
        << "}) CREATE (a)-[:" << QuoteName(e.predicate) << " {";
    bool first = true;
    for (const auto& [k, v] : EdgeProperties(e)) {
      out << (first ? "" : ", ") << k << ": " << v;
      first = false;
    }
    out << "}]->(b);\n";
  });
}

void WriteNeo4jCypher(const KnowledgeGraph& graph, std::ostream& out) {
  const Shape shape = ShapeOf(graph);
  out << "// newsgraph: Neo4j MERGE script for cypher-shell; running it twice changes nothing.\n";
  for (const std::string& t : shape.types) {
    out << "CREATE CONSTRAINT " << QuoteName("newsgraph_" + t + "_id") << " IF NOT EXISTS FOR (n:" << QuoteName(t)
        << ") REQUIRE n.id IS UNIQUE;\n";
  }
  graph.ForEachNode([&](const GraphNode& n) {
    out << "MERGE (n:" << QuoteName(n.type) << " {id: " << EscapeCypherString(n.id) << "}) SET n.name = "
        << EscapeCypherString(n.name) << ", n.aliases = " << List(n.aliases) << ", n.documents = " << n.documents.size()
        << ";\n";
  });
  graph.ForEachEdge([&](const GraphEdge& e) {
    out << "MATCH (a:" << QuoteName(shape.node_type.at(e.source)) << " {id: " << EscapeCypherString(e.source)
        << "}), (b:" << QuoteName(shape.node_type.at(e.target)) << " {id: " << EscapeCypherString(e.target)
        << "}) MERGE (a)-[r:" << QuoteName(e.predicate) << "]->(b) SET ";
    bool first = true;
    for (const auto& [k, v] : EdgeProperties(e)) {
      out << (first ? "" : ", ") << "r." << k << " = " << v;
      first = false;
    }
    out << ";\n";
  });
}

}  // namespace newsgraph
