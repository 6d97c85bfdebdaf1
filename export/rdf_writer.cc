#include "export/rdf_writer.h"

#include <cstdio>
#include <vector>

#include "export/format_util.h"
#include "extract/text_normalizer.h"

namespace newsgraph {

std::string EscapeRdfLiteral(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size();) {
    int length = 1;
    const uint32_t cp = DecodeUtf8(s, i, &length);
    switch (cp) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (cp < 0x20 || cp == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", cp);
          out += buf;
        } else if (cp == 0xFFFD && length == 1) {
          out += "\xEF\xBF\xBD";
        } else {
          out.append(s, i, static_cast<size_t>(length));
        }
    }
    i += static_cast<size_t>(length);
  }
  return out;
}

std::string EncodeIri(std::string_view s) {
  std::string out;
  const std::string valid = ValidUtf8(s);
  for (unsigned char c : valid) {
    const bool bad = c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
                     c == '\\' || c == '^' || c == '`' || c == '%' || c == '#';
    if (bad) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

namespace {

// One statement with an IRI or literal object, written in either syntax.
struct Statement {
  std::string subject;    // IRI without brackets
  std::string predicate;  // vocabulary term, or a full IRI when it contains ':'
  std::string object;     // IRI, or literal lexical form
  bool literal = false;
  std::string datatype;  // "" for plain strings, else an XSD local name
};

const char* kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const char* kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";

std::string Entity(const std::string& id) { return "urn:newsgraph:entity:" + EncodeIri(id); }
std::string Fact(const std::string& id) { return "urn:newsgraph:fact:" + EncodeIri(id); }
std::string Vocab(const std::string& term) { return std::string(kRdfVocabulary) + EncodeIri(term); }

std::vector<Statement> Statements(const KnowledgeGraph& graph) {
  std::vector<Statement> out;
  auto iri = [&](const std::string& s, const std::string& p, const std::string& o) {
    out.push_back({s, p, o, false, ""});
  };
  auto lit = [&](const std::string& s, const std::string& p, const std::string& o, const std::string& type = "") {
    out.push_back({s, p, o, true, type});
  };
  graph.ForEachNode([&](const GraphNode& n) {
    const std::string e = Entity(n.id);
    iri(e, kRdfType, Vocab(n.type));
    lit(e, kRdfsLabel, n.name);
    lit(e, Vocab("id"), n.id);
    for (const std::string& a : n.aliases) lit(e, Vocab("alias"), a);
  });
  graph.ForEachEdge([&](const GraphEdge& edge) {
    const std::string s = Entity(edge.source);
    const std::string o = Entity(edge.target);
    iri(s, Vocab(edge.predicate), o);
    const std::string f = Fact(edge.id);
    iri(f, kRdfType, Vocab("Fact"));
    iri(f, Vocab("subject"), s);
    iri(f, Vocab("predicate"), Vocab(edge.predicate));
    iri(f, Vocab("object"), o);
    lit(f, Vocab("weight"), std::to_string(edge.weight()), "integer");
    lit(f, Vocab("confidence"), FormatDouble(edge.confidence), "double");
    for (const DocumentSupport& d : edge.support) lit(f, Vocab("source"), d.doc);
    if (!edge.evidence.empty()) lit(f, Vocab("evidence"), edge.evidence.front().sentence);
    if (!edge.date.empty()) lit(f, Vocab("date"), edge.date);
    if (!edge.amount.empty()) lit(f, Vocab("amount"), edge.amount);
    if (!edge.role.empty()) lit(f, Vocab("role"), edge.role);
    if (!edge.status.empty()) lit(f, Vocab("status"), edge.status);
    if (!edge.first_reported.empty()) lit(f, Vocab("firstReported"), edge.first_reported);
    if (!edge.last_reported.empty()) lit(f, Vocab("lastReported"), edge.last_reported);
  });
  return out;
}

std::string NTriplesObject(const Statement& st) {
  if (!st.literal) return "<" + st.object + ">";
  std::string out = "\"" + EscapeRdfLiteral(st.object) + "\"";
  if (!st.datatype.empty()) out += "^^<http://www.w3.org/2001/XMLSchema#" + st.datatype + ">";
  return out;
}

// A Turtle term: a prefixed name for vocabulary IRIs whose local part is a
// plain identifier, a bracketed IRI otherwise.
std::string TurtleIri(const std::string& iri) {
  const std::string vocab = kRdfVocabulary;
  if (iri == kRdfType) return "a";
  if (iri == kRdfsLabel) return "rdfs:label";
  if (iri.rfind(vocab, 0) == 0) {
    const std::string local = iri.substr(vocab.size());
    bool plain = !local.empty() && std::isalpha(static_cast<unsigned char>(local[0]));
    for (char c : local) plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    if (plain) return "ng:" + local;
  }
  return "<" + iri + ">";
}

}  // namespace

void WriteNTriples(const KnowledgeGraph& graph, std::ostream& out) {
  for (const Statement& st : Statements(graph)) {
    out << "<" << st.subject << "> <" << st.predicate << "> " << NTriplesObject(st) << " .\n";
  }
}

void WriteTurtle(const KnowledgeGraph& graph, std::ostream& out) {
  out << "@prefix ng: <" << kRdfVocabulary << "> .\n"
      << "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
      << "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n";
  const std::vector<Statement> statements = Statements(graph);
  std::string subject;
  for (size_t i = 0; i < statements.size(); ++i) {
    const Statement& st = statements[i];
    if (st.subject != subject) {
      if (!subject.empty()) out << " .\n\n";
      subject = st.subject;
      out << "<" << st.subject << ">\n    ";
    } else {
      out << " ;\n    ";
    }
    out << TurtleIri(st.predicate) << " ";
    if (st.literal) {
      out << "\"" << EscapeRdfLiteral(st.object) << "\"";
      if (!st.datatype.empty()) out << "^^xsd:" << st.datatype;
    } else {
      out << TurtleIri(st.object);
    }
  }
  if (!subject.empty()) out << " .\n";
}

}  // namespace newsgraph
