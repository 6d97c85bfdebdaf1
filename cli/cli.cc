#include "cli/cli.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "export/atomic_file.h"
#include "export/dot_writer.h"
#include "export/graphml_writer.h"
#include "export/json_writer.h"
#include "extract/error.h"
#include "extract/input_reader.h"
#include "extract/schema.h"
#include "extract/triple_extractor.h"
#include "extract/triple_io.h"
#include "extract/triple_scorer.h"
#include "graph/knowledge_graph.h"

#ifndef NEWSGRAPH_DEFAULT_SCHEMA
#define NEWSGRAPH_DEFAULT_SCHEMA "schema.yaml"
#endif
#ifndef NEWSGRAPH_VERSION
#define NEWSGRAPH_VERSION "0.0.0"
#endif

namespace newsgraph {
namespace {

constexpr const char* kUsage =
    "usage: newsgraph COMMAND [OPTIONS] ...\n"
    "\n"
    "commands:\n"
    "  extract [--schema FILE] [-o TRIPLES.jsonl] INPUT...   find facts, one JSON line per fact\n"
    "  build   [--schema FILE] -o GRAPH [--format F] INPUT... merge facts into one graph\n"
    "  eval    GOLD.jsonl TRIPLES.jsonl                       score triples against gold facts\n"
    "  mentions [--schema FILE] INPUT...                       show the entities the recogniser finds\n"
    "  help [COMMAND]                                          show help\n"
    "\n"
    "INPUT: a .txt/.md file, a directory of them, a .jsonl file of articles\n"
    "({\"id\", \"title\", \"date\", \"text\"}) or of triples written by extract, or - for stdin.\n"
    "Exit codes: 0 success, 1 input or runtime error, 2 usage error.\n";

constexpr const char* kExtractHelp =
    "usage: newsgraph extract [--schema FILE] [-o TRIPLES.jsonl] [-q] INPUT...\n"
    "\n"
    "Reads articles and writes one JSON object per line per fact found in each\n"
    "document: doc, subject, subject_type, predicate, object, object_type,\n"
    "sentence, start, end (half-open byte offsets of the sentence in the document\n"
    "text), confidence, and date, amount, role, status where the text gives them.\n"
    "\n"
    "  --schema FILE  the schema (default: $NEWSGRAPH_SCHEMA or the bundled schema.yaml)\n"
    "  -o FILE        output file, written atomically (default: - for stdout)\n"
    "  -q, --quiet    no progress messages\n";

constexpr const char* kBuildHelp =
    "usage: newsgraph build [--schema FILE] -o GRAPH [--format F] [-q] INPUT...\n"
    "\n"
    "Extracts facts from articles (and reads triples files written by extract)\n"
    "and merges them into one graph: one node per entity, one edge per fact with\n"
    "every source that states it.\n"
    "\n"
    "  -o FILE         output file, written atomically; - for stdout\n"
    "  -f, --format F  graphml, dot, json, svg, png or pdf (default: from the\n"
    "                  extension of -o; svg/png/pdf render through Graphviz dot)\n"
    "  --schema FILE   the schema (default: $NEWSGRAPH_SCHEMA or the bundled schema.yaml)\n"
    "  -q, --quiet     no progress messages\n";

constexpr const char* kMentionsHelp =
    "usage: newsgraph mentions [--schema FILE] INPUT...\n"
    "\n"
    "Prints every entity mention found, one tab-separated line each: document,\n"
    "sentence number, start and end byte offsets, the text as written, its type,\n"
    "the entity's canonical name, and \"anaphor\" for resolved pronouns and\n"
    "descriptions. Useful when writing schema patterns and word lists.\n";

constexpr const char* kEvalHelp =
    "usage: newsgraph eval [--show-errors] [--json] GOLD TRIPLES.jsonl\n"
    "\n"
    "Scores extracted triples against gold facts (a JSON Lines file or a directory\n"
    "of them) as ../shared/docs/relations.md defines, printing precision, recall\n"
    "and F1 per predicate and overall, in the reference scorer's format.\n"
    "\n"
    "  --show-errors  list every false positive and false negative first\n"
    "  --json         print the overall figures as one JSON object instead\n";

struct Options {
  std::string schema;
  std::string output;
  std::string format;
  bool quiet = false;
  bool help = false;
  bool show_errors = false;
  bool json = false;
  std::vector<std::string> positional;
};

Options Parse(const std::string& command, const std::vector<std::string>& args) {
  Options o;
  const std::set<std::string> valued = {"--schema", "-o", "--output", "-f", "--format"};
  const bool is_eval = command == "eval";
  for (size_t i = 0; i < args.size(); ++i) {
    std::string a = args[i];
    std::string value;
    bool has_value = false;
    if (a.rfind("--", 0) == 0 && a.find('=') != std::string::npos) {
      value = a.substr(a.find('=') + 1);
      a = a.substr(0, a.find('='));
      has_value = true;
    }
    if (a == "--") {
      for (++i; i < args.size(); ++i) o.positional.push_back(args[i]);
      break;
    }
    if (a == "-h" || a == "--help") {
      o.help = true;
      continue;
    }
    if (valued.count(a) && !is_eval) {
      if (!has_value) {
        if (i + 1 >= args.size()) throw UsageError("option " + a + " needs a value");
        value = args[++i];
      }
      if (a == "--schema") o.schema = value;
      if (a == "-o" || a == "--output") o.output = value;
      if (a == "-f" || a == "--format") o.format = value;
      continue;
    }
    if ((a == "-q" || a == "--quiet") && !is_eval) {
      o.quiet = true;
      continue;
    }
    if (is_eval && a == "--show-errors") {
      o.show_errors = true;
      continue;
    }
    if (is_eval && a == "--json") {
      o.json = true;
      continue;
    }
    if (a.size() > 1 && a[0] == '-') throw UsageError("unknown option '" + a + "' for '" + command + "'");
    o.positional.push_back(args[i]);
  }
  return o;
}

std::string SchemaPath(const Options& o) {
  if (!o.schema.empty()) return o.schema;
  if (const char* env = std::getenv("NEWSGRAPH_SCHEMA"); env && *env) return env;
  return NEWSGRAPH_DEFAULT_SCHEMA;
}

std::string FormatOf(const Options& o) {
  if (!o.format.empty()) return o.format;
  const std::string ext = std::filesystem::path(o.output).extension().string();
  if (ext == ".graphml" || ext == ".xml") return "graphml";
  if (ext == ".dot" || ext == ".gv") return "dot";
  if (ext == ".json") return "json";
  if (ext == ".svg" || ext == ".png" || ext == ".pdf") return ext.substr(1);
  if (o.output == "-") throw UsageError("writing to stdout needs --format");
  throw UsageError("cannot tell the format of '" + o.output + "'; use --format graphml|dot|json|svg|png|pdf");
}

// Runs Graphviz `dot` on a DOT file, writing `format` to `output`.
void Render(const std::string& dot_path, const std::string& format, const std::string& output) {
  const pid_t pid = fork();
  if (pid < 0) throw Error(output, 0, 0, "cannot start Graphviz dot");
  if (pid == 0) {
    const std::string flag = "-T" + format;
    execlp("dot", "dot", flag.c_str(), dot_path.c_str(), "-o", output.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw Error(output, 0, 0,
                WIFEXITED(status) && WEXITSTATUS(status) == 127
                    ? "Graphviz dot is not installed (apt-get install graphviz)"
                    : "Graphviz dot failed to render the graph");
  }
}

std::map<std::string, NodeStyle> StylesOf(const Schema& schema) {
  std::map<std::string, NodeStyle> styles;
  for (const EntityType& t : schema.types) styles[t.name] = NodeStyle{t.color, t.shape};
  return styles;
}

int Extract(const Options& o, std::ostream& err) {
  if (o.positional.empty()) throw UsageError("extract needs at least one INPUT");
  const auto schema = Schema::LoadFile(SchemaPath(o));
  const TripleExtractor extractor(schema);
  const std::vector<InputFile> inputs = ExpandInputs(o.positional);
  AtomicFile output(o.output.empty() ? "-" : o.output);
  size_t documents = 0;
  size_t facts = 0;
  for (const InputFile& input : inputs) {
    ReadInput(
        input,
        [&](Document&& doc) {
          ++documents;
          for (const Triple& t : extractor.Extract(doc)) {
            output.stream() << TripleToJson(t) << '\n';
            ++facts;
          }
        },
        {});
  }
  output.Commit();
  if (!o.quiet) err << "newsgraph: " << documents << " documents, " << facts << " facts\n";
  return 0;
}

int Build(const Options& o, std::ostream& err) {
  if (o.output.empty()) throw UsageError("build needs -o GRAPH");
  if (o.positional.empty()) throw UsageError("build needs at least one INPUT");
  const std::string format = FormatOf(o);
  const std::set<std::string> formats = {"graphml", "dot", "json", "svg", "png", "pdf"};
  if (!formats.count(format)) throw UsageError("unknown format '" + format + "'");
  const auto schema = Schema::LoadFile(SchemaPath(o));
  const TripleExtractor extractor(schema);
  std::set<std::string> symmetric;
  for (const Relation& r : schema->relations) {
    if (r.symmetric) symmetric.insert(r.name);
  }
  KnowledgeGraph graph(symmetric);
  size_t documents = 0;
  for (const InputFile& input : ExpandInputs(o.positional)) {
    ReadInput(
        input,
        [&](Document&& doc) {
          ++documents;
          for (const Triple& t : extractor.Extract(doc)) graph.AddTriple(t);
        },
        [&](Triple&& t) { graph.AddTriple(t); });
  }
  if (format == "svg" || format == "png" || format == "pdf") {
    if (o.output == "-") throw UsageError("rendered formats need a file for -o");
    // Render from a temporary DOT file into a temporary image, then rename.
    struct TempFiles {
      std::string dot, image;
      ~TempFiles() {
        std::remove(dot.c_str());
        std::remove(image.c_str());
      }
    } temp{o.output + ".newsgraph-tmp.dot", o.output + ".newsgraph-tmp." + format};
    {
      AtomicFile dot(temp.dot);
      WriteDot(graph, StylesOf(*schema), dot.stream());
      dot.Commit();
    }
    Render(temp.dot, format, temp.image);
    if (std::rename(temp.image.c_str(), o.output.c_str()) != 0) {
      throw Error(o.output, 0, 0, "cannot move the rendered graph into place");
    }
  } else {
    AtomicFile out(o.output);
    if (format == "graphml") WriteGraphml(graph, out.stream());
    if (format == "dot") WriteDot(graph, StylesOf(*schema), out.stream());
    if (format == "json") WriteNodeLinkJson(graph, out.stream());
    out.Commit();
  }
  if (!o.quiet) {
    err << "newsgraph: " << documents << " documents, " << graph.node_count() << " nodes, " << graph.edge_count()
        << " edges -> " << o.output << "\n";
  }
  return 0;
}

int Mentions(const Options& o, std::ostream& out) {
  if (o.positional.empty()) throw UsageError("mentions needs at least one INPUT");
  const auto schema = Schema::LoadFile(SchemaPath(o));
  const TripleExtractor extractor(schema);
  for (const InputFile& input : ExpandInputs(o.positional)) {
    ReadInput(
        input,
        [&](Document&& doc) {
          const DocumentAnalysis a = extractor.Analyze(doc);
          for (const Mention& m : a.mentions) {
            const std::string type = m.type == kUnknownType ? "?" : schema->type_names[static_cast<size_t>(m.type)];
            const std::string entity = m.entity >= 0 ? a.entities[static_cast<size_t>(m.entity)].name : "";
            out << doc.id << '\t' << m.sentence << '\t' << m.begin << '\t' << m.end << '\t' << m.text << '\t' << type
                << '\t' << entity << (m.anaphor ? "\tanaphor" : "") << '\n';
          }
        },
        {});
  }
  return 0;
}

int Eval(const Options& o, std::ostream& out) {
  if (o.positional.size() != 2) throw UsageError("eval needs GOLD and TRIPLES");
  std::set<std::string> documents;
  const std::vector<GoldFact> gold = LoadGold(o.positional[0], &documents);
  const std::vector<PredictedFact> predicted = LoadPredictions(o.positional[1]);
  const ScoreReport report = ScoreTriples(gold, documents, predicted);
  if (o.show_errors) {
    for (const ScoreError& e : report.errors) {
      out << e.kind << '\t' << e.doc << '\t' << e.subject << '\t' << e.predicate << '\t' << e.object << '\t'
          << e.why << '\n';
    }
  }
  if (o.json) {
    const ScoreCounts& t = report.total;
    out << "{\"precision\": " << t.Precision() << ", \"recall\": " << t.Recall() << ", \"f1\": " << t.F1()
        << ", \"tp\": " << t.tp << ", \"fp\": " << t.fp << ", \"fn\": " << t.fn
        << ", \"docs\": " << report.documents << "}\n";
  } else {
    out << FormatReport(report, true);
  }
  return 0;
}

}  // namespace

int RunCommandLine(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << kUsage;
    return 2;
  }
  const std::string command = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  try {
    if (command == "-h" || command == "--help" || command == "help") {
      const std::string topic = rest.empty() ? "" : rest[0];
      out << (topic == "extract" ? kExtractHelp : topic == "build" ? kBuildHelp : topic == "eval" ? kEvalHelp : kUsage);
      return 0;
    }
    if (command == "--version" || command == "version") {
      out << "newsgraph " << NEWSGRAPH_VERSION << "\n";
      return 0;
    }
    if (command != "extract" && command != "build" && command != "eval" && command != "mentions") {
      throw UsageError("unknown command '" + command + "'");
    }
    const Options o = Parse(command, rest);
    if (o.help) {
      out << (command == "extract"    ? kExtractHelp
              : command == "build"    ? kBuildHelp
              : command == "mentions" ? kMentionsHelp
                                      : kEvalHelp);
      return 0;
    }
    if (command == "mentions") return Mentions(o, out);
    if (command == "extract") return Extract(o, err);
    if (command == "build") return Build(o, err);
    return Eval(o, out);
  } catch (const UsageError& e) {
    err << "newsgraph: " << e.what() << "\n\n"
        << (command == "extract" ? kExtractHelp : command == "build" ? kBuildHelp : command == "eval" ? kEvalHelp : kUsage);
    return 2;
  } catch (const Error& e) {
    err << "newsgraph: error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    err << "newsgraph: error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace newsgraph
