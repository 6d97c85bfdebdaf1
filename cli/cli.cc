#include "cli/cli.h"

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "export/atomic_file.h"
#include "export/cypher_writer.h"
#include "export/dot_writer.h"
#include "export/graphml_writer.h"
#include "export/html_writer.h"
#include "export/json_writer.h"
#include "export/neo4j_csv_writer.h"
#include "export/rdf_writer.h"
#include "extract/error.h"
#include "extract/fingerprint.h"
#include "extract/input_reader.h"
#include "extract/parallel_extractor.h"
#include "extract/schema.h"
#include "extract/triple_extractor.h"
#include "extract/triple_io.h"
#include "extract/triple_scorer.h"
#include "graph/entity_eval.h"
#include "graph/graph_store.h"
#include "graph/knowledge_graph.h"

#ifndef NEWSGRAPH_DEFAULT_SCHEMA
#define NEWSGRAPH_DEFAULT_SCHEMA "schema.yaml"
#endif
#ifndef NEWSGRAPH_WEB_LIBRARY
#define NEWSGRAPH_WEB_LIBRARY "web/node_modules/cytoscape/dist/cytoscape.min.js"
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
    "  build   --update GRAPH.ngraph [--remove DOC]... INPUT... add, replace or retract articles\n"
    "  explain [--schema FILE] NAME GRAPH...                  an entity's aliases, facts and "
    "sources\n"
    "  stats   [--schema FILE] GRAPH...                       counts by type and predicate, top "
    "entities\n"
    "  eval    GOLD.jsonl TRIPLES.jsonl                       score triples against gold facts\n"
    "  mentions [--schema FILE] INPUT...                       show the entities the recogniser "
    "finds\n"
    "  help [COMMAND]                                          show help\n"
    "\n"
    "INPUT: a .txt/.md file, a directory of them, a .jsonl file of articles\n"
    "({\"id\", \"title\", \"date\", \"text\"}) or of triples written by extract, or - for stdin.\n"
    "Exit codes: 0 success, 1 input or runtime error, 2 usage error.\n";

constexpr const char* kExtractHelp =
    "usage: newsgraph extract [--schema FILE] [-o TRIPLES.jsonl] [-j N] [-q] INPUT...\n"
    "\n"
    "Reads articles and writes one JSON object per line per fact found in each\n"
    "document: doc, subject, subject_type, predicate, object, object_type,\n"
    "sentence, start, end (half-open byte offsets of the sentence in the document\n"
    "text), confidence, and date, amount, role, status where the text gives them.\n"
    "\n"
    "  --schema FILE  the schema (default: $NEWSGRAPH_SCHEMA or the bundled schema.yaml)\n"
    "  -o FILE        output file, written atomically (default: - for stdout)\n"
    "  --keep-going   skip bad JSON Lines records with a warning instead of stopping\n"
    "  -j, --threads N  extraction threads (default: one per core); the output is\n"
    "                 the same for any N\n"
    "  -q, --quiet    no progress messages\n";

constexpr const char* kBuildHelp =
    "usage: newsgraph build [--schema FILE] -o GRAPH [--format F] [OPTIONS] INPUT...\n"
    "       newsgraph build --update GRAPH.ngraph [--remove DOC]... [-o EXPORT] [INPUT...]\n"
    "\n"
    "Extracts facts from articles (and reads triples files written by extract and\n"
    "native .ngraph graph files) and merges them into one graph: one node per real\n"
    "entity across articles, one edge per fact with every source that states it.\n"
    "\n"
    "  -o FILE              output file, written atomically; - for stdout\n"
    "  -f, --format F       ngraph (native, updatable), graphml, dot, json, ntriples\n"
    "                       (.nt), turtle (.ttl), kuzu (a Cypher script with DDL and\n"
    "                       data, .cypher), cypher (Neo4j MERGE script, .cql), neo4j\n"
    "                       (a folder of neo4j-admin import CSVs), html (a page to\n"
    "                       explore in a browser, offline), svg, png or pdf\n"
    "                       (default: from the extension of -o; svg/png/pdf render\n"
    "                       through Graphviz dot)\n"
    "  --update GRAPH       a native graph to extend in place: an article already in it\n"
    "                       with the same text changes nothing, with new text it\n"
    "                       replaces its facts\n"
    "  --remove DOC         retract a document's facts (repeatable; with --update)\n"
    "  --min-confidence X   export only facts whose combined confidence is at least X\n"
    "  --min-support N      export only facts stated by at least N documents\n"
    "  --events nodes       write event facts (joined, left, founded, acquired, ...)\n"
    "                       as Event nodes with agent and target edges\n"
    "  --focus NAME         only the neighbourhood of this entity (repeatable)\n"
    "  --hops N             how many edges deep the neighbourhood goes (default 1)\n"
    "  --types T,T          only nodes of these types\n"
    "  --predicates P,P     only these relations\n"
    "  --top N              only the N entities with the most facts\n"
    "  --top-by degree|support  rank --top by number of facts or of supporting documents\n"
    "  --schema FILE        the schema (default: $NEWSGRAPH_SCHEMA or the bundled schema.yaml)\n"
    "  --keep-going         skip bad JSON Lines records (articles or triples) with a\n"
    "                       warning instead of stopping before any output is written\n"
    "  -j, --threads N      extraction threads (default: one per core); the graph is\n"
    "                       the same for any N\n"
    "  -q, --quiet          no progress messages\n";

constexpr const char* kStatsHelp =
    "usage: newsgraph stats [--schema FILE] [SELECTION] GRAPH...\n"
    "\n"
    "Prints the graph's documents, nodes, edges and connected components, counts\n"
    "by entity type and by predicate, and the ten entities with the most facts.\n"
    "The selection options of build apply (--focus, --types, --predicates, ...).\n";

constexpr const char* kExplainHelp =
    "usage: newsgraph explain [--schema FILE] NAME GRAPH...\n"
    "\n"
    "Prints the node NAME resolves to (by its name or any merged form): its\n"
    "aliases with the documents and the rule that merged each, and its facts with,\n"
    "for each, the documents and sentences behind it. GRAPH is a native .ngraph\n"
    "file, a triples file or articles.\n";

constexpr const char* kMentionsHelp =
    "usage: newsgraph mentions [--schema FILE] INPUT...\n"
    "\n"
    "Prints every entity mention found, one tab-separated line each: document,\n"
    "sentence number, start and end byte offsets, the text as written, its type,\n"
    "the entity's canonical name, and \"anaphor\" for resolved pronouns and\n"
    "descriptions. Useful when writing schema patterns and word lists.\n";

constexpr const char* kEvalHelp =
    "usage: newsgraph eval [--show-errors] [--json] GOLD TRIPLES.jsonl\n"
    "       newsgraph eval --entities ENTITY_GOLD GRAPH...\n"
    "\n"
    "Scores extracted triples against gold facts (a JSON Lines file or a directory\n"
    "of them) as ../shared/docs/relations.md defines, printing precision, recall\n"
    "and F1 per predicate and overall, in the reference scorer's format.\n"
    "\n"
    "  --show-errors  list every false positive and false negative first\n"
    "  --entities     score entity resolution instead: GOLD holds entity clusters\n"
    "                 ({doc, key, type, forms}); the remaining arguments are graphs,\n"
    "                 triples or articles; prints pairwise precision, recall and F1\n"
    "  --json         print the overall figures as one JSON object instead\n";

struct Options {
  bool entities = false;
  bool keep_going = false;
  std::string schema;
  std::string output;
  std::string format;
  std::string update;
  std::vector<std::string> remove;
  double min_confidence = 0;
  size_t min_support = 1;
  bool event_nodes = false;
  std::vector<std::string> focus;
  size_t hops = 1;
  std::set<std::string> types;
  std::set<std::string> predicates;
  size_t top = 0;
  bool top_by_support = false;
  bool quiet = false;
  // Extraction threads; 0 means one per core.
  int threads = 0;
  bool help = false;
  bool show_errors = false;
  bool json = false;
  std::vector<std::string> positional;
};

Options Parse(const std::string& command, const std::vector<std::string>& args) {
  Options o;
  const std::set<std::string> valued = {"--schema",
                                        "-o",
                                        "--output",
                                        "-f",
                                        "--format",
                                        "--update",
                                        "--remove",
                                        "--min-confidence",
                                        "--min-support",
                                        "--events",
                                        "--focus",
                                        "--hops",
                                        "--types",
                                        "--predicates",
                                        "--top",
                                        "--top-by",
                                        "-j",
                                        "--threads"};
  auto whole_number = [](const std::string& flag, const std::string& value, long min) {
    char* end = nullptr;
    const long n = std::strtol(value.c_str(), &end, 10);
    if (end == value.c_str() || *end || n < min) {
      throw UsageError(flag + " needs a whole number of at least " + std::to_string(min) +
                       ", not '" + value + "'");
    }
    return static_cast<size_t>(n);
  };
  auto comma_list = [](const std::string& value) {
    std::set<std::string> out;
    size_t start = 0;
    while (start <= value.size()) {
      const size_t comma = value.find(',', start);
      const std::string item =
          value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!item.empty()) out.insert(item);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    return out;
  };
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
    if (valued.count(a) && (!is_eval || a == "--schema")) {
      if (!has_value) {
        if (i + 1 >= args.size()) throw UsageError("option " + a + " needs a value");
        value = args[++i];
      }
      if (a == "--schema") o.schema = value;
      if (a == "-o" || a == "--output") o.output = value;
      if (a == "-f" || a == "--format") o.format = value;
      if (a == "--update") o.update = value;
      if (a == "--remove") o.remove.push_back(value);
      if (a == "--min-confidence") {
        char* end = nullptr;
        o.min_confidence = std::strtod(value.c_str(), &end);
        if (end == value.c_str() || *end || o.min_confidence < 0 || o.min_confidence > 1) {
          throw UsageError("--min-confidence needs a number from 0 to 1, not '" + value + "'");
        }
      }
      if (a == "--min-support") {
        char* end = nullptr;
        const long n = std::strtol(value.c_str(), &end, 10);
        if (end == value.c_str() || *end || n < 1)
          throw UsageError("--min-support needs a whole number of at least 1, not '" + value + "'");
        o.min_support = static_cast<size_t>(n);
      }
      if (a == "-j" || a == "--threads") o.threads = static_cast<int>(whole_number(a, value, 1));
      if (a == "--focus") o.focus.push_back(value);
      if (a == "--hops") o.hops = whole_number(a, value, 0);
      if (a == "--types") o.types = comma_list(value);
      if (a == "--predicates") o.predicates = comma_list(value);
      if (a == "--top") o.top = whole_number(a, value, 1);
      if (a == "--top-by") {
        if (value != "degree" && value != "support")
          throw UsageError("--top-by takes degree or support, not '" + value + "'");
        o.top_by_support = value == "support";
      }
      if (a == "--events") {
        if (value != "nodes" && value != "edges")
          throw UsageError("--events takes nodes or edges, not '" + value + "'");
        o.event_nodes = value == "nodes";
      }
      continue;
    }
    if (a == "--keep-going" && !is_eval) {
      o.keep_going = true;
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
    if (is_eval && a == "--entities") {
      o.entities = true;
      continue;
    }
    if (is_eval && a == "--json") {
      o.json = true;
      continue;
    }
    if (a.size() > 1 && a[0] == '-')
      throw UsageError("unknown option '" + a + "' for '" + command + "'");
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
  if (ext == ".ngraph") return "ngraph";
  if (ext == ".graphml" || ext == ".xml") return "graphml";
  if (ext == ".dot" || ext == ".gv") return "dot";
  if (ext == ".json") return "json";
  if (ext == ".nt") return "ntriples";
  if (ext == ".html" || ext == ".htm") return "html";
  if (ext == ".cypher") return "kuzu";
  if (ext == ".cql") return "cypher";
  if (ext == ".ttl") return "turtle";
  if (ext == ".svg" || ext == ".png" || ext == ".pdf") return ext.substr(1);
  if (o.output == "-") throw UsageError("writing to stdout needs --format");
  throw UsageError(
      "cannot tell the format of '" + o.output +
      "'; use --format ngraph|graphml|dot|json|ntriples|turtle|kuzu|cypher|neo4j|html|svg|png|pdf");
}

// Runs Graphviz `dot` on a DOT file, writing `format` to `output`.
void Render(const std::string& dot_path, const std::string& format, const std::string& output) {
  const pid_t pid = fork();
  if (pid < 0) throw Error(output, 0, 0, "cannot start Graphviz dot");
  if (pid == 0) {
    const std::string flag = "-T" + format;
    execlp("dot", "dot", flag.c_str(), dot_path.c_str(), "-o", output.c_str(),
           static_cast<char*>(nullptr));
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

// Warnings go to stderr, one line each; --keep-going turns bad records into warnings.
ReadOptions ReadOptionsOf(const Options& o, std::ostream& err) {
  ReadOptions options;
  options.keep_going = o.keep_going;
  options.warn = [&err](const std::string& message) {
    err << "newsgraph: warning: " << message << "\n";
  };
  return options;
}

// A triple read from a file must fit the schema: a known predicate, known
// types, the subject in the predicate's domain and the object in its range.
void ValidateTriple(const Triple& t, const Schema& schema, const std::string& file, int line) {
  const Relation* r = schema.FindRelation(t.predicate);
  if (!r)
    throw Error(file, line, 0, "unknown predicate \"" + t.predicate + "\" (not in the schema)");
  const TypeId s = schema.FindType(t.subject_type);
  const TypeId o = schema.FindType(t.object_type);
  if (s == kUnknownType)
    throw Error(file, line, 0, "unknown subject type \"" + t.subject_type + "\"");
  if (o == kUnknownType)
    throw Error(file, line, 0, "unknown object type \"" + t.object_type + "\"");
  if (!((r->domain >> s) & 1ULL)) {
    throw Error(file, line, 0, "a " + t.subject_type + " cannot be the subject of " + t.predicate);
  }
  if (!((r->range >> o) & 1ULL)) {
    throw Error(file, line, 0, "a " + t.object_type + " cannot be the object of " + t.predicate);
  }
}

// Progress for long runs: a line on stderr, rewritten in place, only when
// stderr is a terminal and -q was not given.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO)) {}
  ~Progress() {
    if (shown_) std::fprintf(stderr, "\n");
  }
  void Tick(size_t documents) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    shown_ = true;
    std::fprintf(stderr, "\rnewsgraph: %zu documents read", documents);
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_;
};

// The number of extraction threads: -j N, or one per core.
int ThreadsOf(const Options& o) {
  if (o.threads > 0) return o.threads;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

int Extract(const Options& o, std::ostream& err) {
  if (o.positional.empty()) throw UsageError("extract needs at least one INPUT");
  const auto schema = Schema::LoadFile(SchemaPath(o));
  const TripleExtractor extractor(schema);
  const std::vector<InputFile> inputs = ExpandInputs(o.positional);
  AtomicFile output(o.output.empty() ? "-" : o.output);
  Progress progress(!o.quiet);
  size_t documents = 0;
  size_t facts = 0;
  ParallelExtractor pool(extractor, ThreadsOf(o), [&](Document&&, std::vector<Triple>&& triples) {
    progress.Tick(++documents);
    for (const Triple& t : triples) {
      output.stream() << TripleToJson(t) << '\n';
      ++facts;
    }
  });
  for (const InputFile& input : inputs) {
    ReadInput(
        input, [&](Document&& doc) { pool.Add(std::move(doc)); }, {}, ReadOptionsOf(o, err));
  }
  pool.Finish();
  output.Commit();
  if (!o.quiet) err << "newsgraph: " << documents << " documents, " << facts << " facts\n";
  return 0;
}

// Reads every INPUT into `store`: articles are extracted (and fingerprinted),
// triples files and native graphs are taken as they are. Returns counts.
struct ReadCounts {
  size_t added = 0;
  size_t replaced = 0;
  size_t unchanged = 0;
};

ReadCounts ReadIntoStore(const std::vector<std::string>& args, const Schema& schema,
                         const TripleExtractor& extractor, GraphStore* store,
                         const ReadOptions& read_options, int threads, bool quiet = true) {
  ReadCounts counts;
  Progress progress(!quiet);
  size_t documents = 0;
  auto count = [&](GraphStore::Change change) {
    if (change == GraphStore::Change::kAdded) ++counts.added;
    if (change == GraphStore::Change::kReplaced) ++counts.replaced;
    if (change == GraphStore::Change::kUnchanged) ++counts.unchanged;
  };
  ParallelExtractor pool(extractor, threads, [&](Document&& doc, std::vector<Triple>&& triples) {
    count(store->SetDocument(doc.id, DocumentFingerprint(doc), std::move(triples)));
    progress.Tick(++documents);
  });
  std::map<std::string, std::vector<Triple>> from_triples;
  for (const InputFile& input : ExpandInputs(args)) {
    if (input.kind == InputKind::kGraph) {
      // Articles before this graph reach the store first, as they were given.
      pool.Finish();
      // Reading a graph does not need its schema to match: only --update,
      // which would mix facts of two schemas in one file, checks it.
      const GraphStore other = GraphStore::Load(input.path, "");
      other.ForEachDocument([&](const std::string& doc, const std::string& fingerprint,
                                const std::vector<Triple>& triples) {
        count(store->SetDocument(doc, fingerprint, triples));
      });
      continue;
    }
    ReadInput(
        input, [&](Document&& doc) { pool.Add(std::move(doc)); },
        [&](Triple&& t, const std::string& file, int line) {
          ValidateTriple(t, schema, file, line);
          from_triples[t.doc].push_back(std::move(t));
        },
        read_options);
  }
  pool.Finish();
  for (auto& [doc, triples] : from_triples) count(store->SetDocument(doc, "", std::move(triples)));
  return counts;
}

void Export(const KnowledgeGraph& graph, const Schema& schema, const std::string& format,
            const std::string& output) {
  if (format == "svg" || format == "png" || format == "pdf") {
    if (output == "-") throw UsageError("rendered formats need a file for -o");
    // Render from a temporary DOT file into a temporary image, then rename.
    struct TempFiles {
      std::string dot, image;
      ~TempFiles() {
        std::remove(dot.c_str());
        std::remove(image.c_str());
      }
    } temp{output + ".newsgraph-tmp.dot", output + ".newsgraph-tmp." + format};
    {
      AtomicFile dot(temp.dot);
      WriteDot(graph, NodeStylesOf(schema), dot.stream());
      dot.Commit();
    }
    Render(temp.dot, format, temp.image);
    if (std::rename(temp.image.c_str(), output.c_str()) != 0) {
      throw Error(output, 0, 0, "cannot move the rendered graph into place");
    }
    return;
  }
  if (format == "neo4j") {
    // A folder of import CSVs; each file is written atomically.
    if (output == "-") throw UsageError("the neo4j format writes a folder: give -o DIR");
    std::error_code ec;
    std::filesystem::create_directories(output, ec);
    if (ec) throw Error(output, 0, 0, "cannot create folder: " + ec.message());
    AtomicFile nodes(output + "/nodes.csv");
    WriteNeo4jNodes(graph, nodes.stream());
    AtomicFile relationships(output + "/relationships.csv");
    WriteNeo4jRelationships(graph, relationships.stream());
    nodes.Commit();
    relationships.Commit();
    return;
  }
  std::string library;
  if (format == "html") {
    const char* env = std::getenv("NEWSGRAPH_WEB_LIBRARY");
    const std::string path = env && *env ? env : NEWSGRAPH_WEB_LIBRARY;
    try {
      library = ReadFileOrStdin(path);
    } catch (const Error&) {
      throw Error(path, 0, 0,
                  "the graph library for the HTML export is missing (run scripts/setup.sh, which "
                  "installs it with npm in web/)");
    }
  }
  AtomicFile out(output);
  if (format == "html") WriteHtml(graph, NodeStylesOf(schema), library, out.stream());
  if (format == "kuzu") WriteKuzuScript(graph, out.stream());
  if (format == "cypher") WriteNeo4jCypher(graph, out.stream());
  if (format == "graphml") WriteGraphml(graph, out.stream());
  if (format == "dot") WriteDot(graph, NodeStylesOf(schema), out.stream());
  if (format == "json") WriteNodeLinkJson(graph, out.stream());
  if (format == "ntriples") WriteNTriples(graph, out.stream());
  if (format == "turtle") WriteTurtle(graph, out.stream());
  out.Commit();
}

GraphFilter FilterOf(const Options& o, const Schema& schema) {
  GraphFilter filter;
  filter.min_confidence = o.min_confidence;
  filter.min_support = o.min_support;
  filter.focus = o.focus;
  filter.hops = o.hops;
  filter.top = o.top;
  filter.top_by_support = o.top_by_support;
  for (const std::string& t : o.types) {
    if (schema.FindType(t) == kUnknownType)
      throw UsageError("--types: unknown entity type '" + t + "'");
    filter.types.insert(t);
  }
  for (const std::string& p : o.predicates) {
    if (!schema.FindRelation(p)) throw UsageError("--predicates: unknown relation '" + p + "'");
    filter.predicates.insert(p);
  }
  if (o.event_nodes) {
    for (const Relation& r : schema.relations) {
      if (r.event) filter.event_predicates.insert(r.name);
    }
  }
  return filter;
}

bool IsFiltering(const Options& o) {
  return o.min_confidence > 0 || o.min_support > 1 || o.event_nodes || !o.focus.empty() ||
         !o.types.empty() || !o.predicates.empty() || o.top > 0;
}

int Build(const Options& o, std::ostream& err) {
  if (o.output.empty() && o.update.empty())
    throw UsageError("build needs -o GRAPH (or --update GRAPH.ngraph)");
  if (o.positional.empty() && o.update.empty()) throw UsageError("build needs at least one INPUT");
  if (!o.remove.empty() && o.update.empty())
    throw UsageError("--remove works with --update GRAPH.ngraph");
  std::string format;
  if (!o.output.empty()) {
    format = FormatOf(o);
    const std::set<std::string> formats = {"ngraph", "graphml", "dot",      "json",   "svg",
                                           "png",    "pdf",     "ntriples", "turtle", "kuzu",
                                           "cypher", "neo4j",   "html"};
    if (!formats.count(format)) throw UsageError("unknown format '" + format + "'");
  }
  const auto schema = Schema::LoadFile(SchemaPath(o));
  const TripleExtractor extractor(schema);
  GraphStore store(schema->digest);
  if (!o.update.empty()) store = GraphStore::Load(o.update, schema->digest);
  const ReadCounts counts = ReadIntoStore(o.positional, *schema, extractor, &store,
                                          ReadOptionsOf(o, err), ThreadsOf(o), o.quiet);
  size_t removed = 0;
  for (const std::string& doc : o.remove) {
    if (store.RemoveDocument(doc)) {
      ++removed;
    } else if (!o.quiet) {
      err << "newsgraph: warning: --remove " << doc << ": no such document in " << o.update << "\n";
    }
  }
  if (!o.update.empty()) {
    AtomicFile native(o.update);
    store.Write(native.stream());
    native.Commit();
  }
  KnowledgeGraph graph = GraphForSchema(*schema);
  store.AddTo(&graph);
  if (!o.output.empty()) {
    if (format == "ngraph") {
      AtomicFile native(o.output);
      store.Write(native.stream());
      native.Commit();
    } else {
      const GraphFilter filter = FilterOf(o, *schema);
      Export(IsFiltering(o) ? graph.Filtered(filter) : std::move(graph), *schema, format, o.output);
    }
  }
  if (!o.quiet) {
    KnowledgeGraph summary = GraphForSchema(*schema);
    store.AddTo(&summary);
    err << "newsgraph: " << store.size() << " documents (" << counts.added << " added, "
        << counts.replaced << " replaced, " << counts.unchanged << " unchanged, " << removed
        << " removed), " << summary.node_count() << " nodes, " << summary.edge_count()
        << " edges -> " << (o.output.empty() ? o.update : o.output) << "\n";
  }
  return 0;
}

// Reads every INPUT (articles, triples files, native graphs) into one graph.
KnowledgeGraph ReadGraph(const std::vector<std::string>& inputs,
                         const std::shared_ptr<const Schema>& schema, const Options& o,
                         std::ostream& err) {
  const TripleExtractor extractor(schema);
  GraphStore store(schema->digest);
  ReadIntoStore(inputs, *schema, extractor, &store, ReadOptionsOf(o, err), ThreadsOf(o));
  KnowledgeGraph graph = GraphForSchema(*schema);
  store.AddTo(&graph);
  return graph;
}

int Stats(const Options& o, std::ostream& out, std::ostream& err) {
  if (o.positional.empty()) throw UsageError("stats needs at least one GRAPH");
  const auto schema = Schema::LoadFile(SchemaPath(o));
  const TripleExtractor extractor(schema);
  GraphStore store(schema->digest);
  ReadIntoStore(o.positional, *schema, extractor, &store, ReadOptionsOf(o, err), ThreadsOf(o));
  KnowledgeGraph full = GraphForSchema(*schema);
  store.AddTo(&full);
  const KnowledgeGraph graph =
      IsFiltering(o) ? full.Filtered(FilterOf(o, *schema)) : std::move(full);
  std::map<std::string, size_t> by_type;
  std::map<std::string, size_t> by_predicate;
  std::map<std::string, size_t> degree;
  std::map<std::string, std::string> names;
  graph.ForEachNode([&](const GraphNode& n) {
    ++by_type[n.type];
    names[n.id] = n.name + " (" + n.type + ")";
  });
  graph.ForEachEdge([&](const GraphEdge& e) {
    ++by_predicate[e.predicate];
    ++degree[e.source];
    ++degree[e.target];
  });
  out << "documents  " << store.size() << "\n"
      << "nodes      " << graph.node_count() << "\n"
      << "edges      " << graph.edge_count() << "\n"
      << "components " << graph.ComponentCount() << "\n\nnodes by type:\n";
  for (const auto& [t, n] : by_type) out << "  " << t << " " << n << "\n";
  out << "\nedges by predicate:\n";
  for (const auto& [p, n] : by_predicate) out << "  " << p << " " << n << "\n";
  std::vector<std::pair<std::string, size_t>> ranked(degree.begin(), degree.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  out << "\ntop entities by degree:\n";
  for (size_t i = 0; i < ranked.size() && i < 10; ++i)
    out << "  " << ranked[i].second << "  " << names[ranked[i].first] << "\n";
  return 0;
}

int Explain(const Options& o, std::ostream& out, std::ostream& err) {
  if (o.positional.size() < 2) throw UsageError("explain needs NAME and at least one GRAPH");
  const std::string name = o.positional[0];
  const auto schema = Schema::LoadFile(SchemaPath(o));
  KnowledgeGraph graph = ReadGraph(
      std::vector<std::string>(o.positional.begin() + 1, o.positional.end()), schema, o, err);
  const auto nodes = graph.FindByName(name);
  if (nodes.empty()) throw Error("no entity named \"" + name + "\" in the graph");
  for (const GraphNode* node : nodes) {
    out << node->name << " (" << node->type << ")  id " << node->id << "\n";
    out << "  forms:\n";
    for (const MergeRecord& r : node->merged) {
      out << "    " << r.form << "  [" << r.rule << "]  in " << r.docs.size() << " document"
          << (r.docs.size() == 1 ? "" : "s") << ": ";
      for (size_t i = 0; i < r.docs.size() && i < 5; ++i) out << (i ? ", " : "") << r.docs[i];
      if (r.docs.size() > 5) out << ", ...";
      out << "\n";
    }
    out << "  facts:\n";
    graph.ForEachEdge([&](const GraphEdge& e) {
      if (e.source != node->id && e.target != node->id) return;
      const bool outgoing = e.source == node->id;
      const GraphNode* other = graph.FindNode(outgoing ? e.target : e.source);
      out << "    " << (outgoing ? "" : "<- ") << e.predicate << (outgoing ? " -> " : " ")
          << (other ? other->name : "?") << "  (" << e.weight() << " document"
          << (e.weight() == 1 ? "" : "s") << ", confidence " << e.confidence;
      if (!e.date.empty()) out << ", date " << e.date;
      if (!e.amount.empty()) out << ", amount " << e.amount;
      if (!e.role.empty()) out << ", role " << e.role;
      if (!e.status.empty()) out << ", " << e.status;
      if (!e.first_reported.empty())
        out << ", reported " << e.first_reported << " to " << e.last_reported;
      out << ")\n";
      for (const Evidence& ev : e.evidence) {
        std::string sentence = ev.sentence;
        for (char& c : sentence) {
          if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        }
        out << "      " << ev.doc << " [" << ev.start << "," << ev.end << ") " << sentence << "\n";
      }
    });
  }
  return 0;
}

int Mentions(const Options& o, std::ostream& out, std::ostream& err) {
  if (o.positional.empty()) throw UsageError("mentions needs at least one INPUT");
  const auto schema = Schema::LoadFile(SchemaPath(o));
  const TripleExtractor extractor(schema);
  for (const InputFile& input : ExpandInputs(o.positional)) {
    ReadInput(
        input,
        [&](Document&& doc) {
          const DocumentAnalysis a = extractor.Analyze(doc);
          for (const Mention& m : a.mentions) {
            const std::string type =
                m.type == kUnknownType ? "?" : schema->type_names[static_cast<size_t>(m.type)];
            const std::string entity =
                m.entity >= 0 ? a.entities[static_cast<size_t>(m.entity)].name : "";
            out << doc.id << '\t' << m.sentence << '\t' << m.begin << '\t' << m.end << '\t'
                << m.text << '\t' << type << '\t' << entity << (m.anaphor ? "\tanaphor" : "")
                << '\n';
          }
        },
        {}, ReadOptionsOf(o, err));
  }
  return 0;
}

int EvalEntities(const Options& o, std::ostream& out, std::ostream& err) {
  if (o.positional.size() < 2)
    throw UsageError("eval --entities needs GOLD and at least one GRAPH");
  const auto schema = Schema::LoadFile(SchemaPath(o));
  KnowledgeGraph graph = ReadGraph(
      std::vector<std::string>(o.positional.begin() + 1, o.positional.end()), schema, o, err);
  const ClusterScore s = ScoreEntityClusters(o.positional[0], graph);
  char buf[400];
  std::snprintf(buf, sizeof buf,
                "mentions=%zu covered=%zu gold_pairs=%zu predicted_pairs=%zu correct_pairs=%zu "
                "precision=%.3f "
                "recall=%.3f f1=%.3f\n",
                s.gold_mentions, s.covered_mentions, s.gold_pairs, s.predicted_pairs,
                s.correct_pairs, s.Precision(), s.Recall(), s.F1());
  out << buf;
  return 0;
}

int Eval(const Options& o, std::ostream& out, std::ostream& err) {
  if (o.entities) return EvalEntities(o, out, err);
  if (o.positional.size() != 2) throw UsageError("eval needs GOLD and TRIPLES");
  std::set<std::string> documents;
  const std::vector<GoldFact> gold = LoadGold(o.positional[0], &documents);
  const std::vector<PredictedFact> predicted = LoadPredictions(o.positional[1]);
  const ScoreReport report = ScoreTriples(gold, documents, predicted);
  if (o.show_errors) {
    for (const ScoreError& e : report.errors) {
      out << e.kind << '\t' << e.doc << '\t' << e.subject << '\t' << e.predicate << '\t' << e.object
          << '\t' << e.why << '\n';
    }
  }
  if (o.json) {
    const ScoreCounts& t = report.total;
    out << "{\"precision\": " << t.Precision() << ", \"recall\": " << t.Recall()
        << ", \"f1\": " << t.F1() << ", \"tp\": " << t.tp << ", \"fp\": " << t.fp
        << ", \"fn\": " << t.fn << ", \"docs\": " << report.documents << "}\n";
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
      out << (topic == "extract" ? kExtractHelp
              : topic == "build" ? kBuildHelp
              : topic == "eval"  ? kEvalHelp
                                 : kUsage);
      return 0;
    }
    if (command == "--version" || command == "version") {
      out << "newsgraph " << NEWSGRAPH_VERSION << "\n";
      return 0;
    }
    if (command != "extract" && command != "build" && command != "eval" && command != "mentions" &&
        command != "explain" && command != "stats") {
      throw UsageError("unknown command '" + command + "'");
    }
    const Options o = Parse(command, rest);
    if (o.help) {
      out << (command == "extract"    ? kExtractHelp
              : command == "build"    ? kBuildHelp
              : command == "mentions" ? kMentionsHelp
              : command == "explain"  ? kExplainHelp
              : command == "stats"    ? kStatsHelp
                                      : kEvalHelp);
      return 0;
    }
    if (command == "mentions") return Mentions(o, out, err);
    if (command == "explain") return Explain(o, out, err);
    if (command == "stats") return Stats(o, out, err);
    if (command == "extract") return Extract(o, err);
    if (command == "build") return Build(o, err);
    return Eval(o, out, err);
  } catch (const UsageError& e) {
    err << "newsgraph: " << e.what() << "\n\n"
        << (command == "extract" ? kExtractHelp
            : command == "build" ? kBuildHelp
            : command == "eval"  ? kEvalHelp
                                 : kUsage);
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
