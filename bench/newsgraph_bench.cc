// The speed benchmark: runs extraction and graph building over the shared
// corpora (Reuters-21578, BBC, and Reuters repeated ten times with fresh ids)
// with one and with two threads, and prints each stage's time, MB/s of
// article text, articles, facts per second, peak resident memory and the
// ratio to `wc -w` on the same bytes. Each run is a child process, so its
// peak memory is its own. Each configuration runs `--repeat` times (3 by
// default, 1 for the tenfold corpus), the thread counts taking turns so that
// a noisy spell hits them alike, and the fastest run of each is printed.
//
// usage: newsgraph_bench [--shared DIR] [--schema FILE] [--corpora LIST]
//                        [--threads LIST] [--repeat N] [--work DIR]
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "export/dot_writer.h"
#include "export/graphml_writer.h"
#include "extract/error.h"
#include "extract/fingerprint.h"
#include "extract/input_reader.h"
#include "extract/parallel_extractor.h"
#include "extract/schema.h"
#include "extract/triple_extractor.h"
#include "extract/triple_io.h"
#include "graph/graph_store.h"
#include "graph/knowledge_graph.h"

namespace newsgraph {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// What one run measured; plain data, sent from the child process to the parent.
struct RunResult {
  bool ok = false;
  char error[512] = {};
  double bytes = 0;
  double articles = 0;
  double facts = 0;
  double nodes = 0;
  double edges = 0;
  double wall = 0;
  // Stages, in seconds. The four extraction stages are thread time summed
  // over the workers; the others run on the main thread.
  double reading = 0;
  StageTimes extraction;
  double storing = 0;
  double merging = 0;
  double exporting = 0;
  // Filled in by the parent from wait4().
  double peak_mib = 0;
};

struct Corpus {
  std::string name;
  std::vector<std::string> inputs;
};

struct Options {
  std::string shared = NEWSGRAPH_SHARED_DIR;
  std::string schema = NEWSGRAPH_DEFAULT_SCHEMA;
  std::vector<std::string> corpora = {"reuters", "bbc", "reuters10"};
  std::vector<int> threads = {1, 2};
  // Runs per configuration; 0: 3, or 1 for the tenfold corpus.
  int repeat = 0;
  std::string work = std::filesystem::temp_directory_path().string();
};

std::vector<std::string> SplitCommas(const std::string& value) {
  std::vector<std::string> out;
  std::stringstream in(value);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

Options ParseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "-h" || a == "--help") {
      std::cout << "usage: newsgraph_bench [--shared DIR] [--schema FILE] [--corpora "
                   "reuters,bbc,reuters10]\n"
                   "                       [--threads 1,2] [--repeat N] [--work DIR]\n";
      std::exit(0);
    }
    if (i + 1 >= argc) throw Error("option " + a + " needs a value");
    const std::string value = argv[++i];
    if (a == "--shared") {
      o.shared = value;
    } else if (a == "--schema") {
      o.schema = value;
    } else if (a == "--corpora") {
      o.corpora = SplitCommas(value);
    } else if (a == "--threads") {
      o.threads.clear();
      for (const std::string& t : SplitCommas(value)) {
        const int n = std::atoi(t.c_str());
        if (n < 1) throw Error("--threads: not a thread count: '" + t + "'");
        o.threads.push_back(n);
      }
    } else if (a == "--repeat") {
      o.repeat = std::atoi(value.c_str());
      if (o.repeat < 1) throw Error("--repeat: not a run count: '" + value + "'");
    } else if (a == "--work") {
      o.work = value;
    } else {
      throw Error("unknown option '" + a + "'");
    }
  }
  return o;
}

// Writes the Reuters articles `copies` times over, each copy with fresh ids,
// streaming line by line. Returns the file's path.
std::string WriteRepeated(const std::string& source, int copies, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw Error(path + ": cannot write");
  for (int copy = 1; copy <= copies; ++copy) {
    std::ifstream in(source, std::ios::binary);
    if (!in) throw Error(source + ": cannot read");
    int line_number = 0;
    for (std::string line; std::getline(in, line);) {
      ++line_number;
      if (line.empty()) continue;
      rapidjson::Document d;
      d.Parse(line.c_str(), line.size());
      if (d.HasParseError() || !d.IsObject() || !d.HasMember("id") || !d["id"].IsString()) {
        throw Error(source + ":" + std::to_string(line_number) + ": not an article record");
      }
      const std::string id = std::string(d["id"].GetString()) + "/copy" + std::to_string(copy);
      d["id"].SetString(id.c_str(), static_cast<rapidjson::SizeType>(id.size()), d.GetAllocator());
      rapidjson::StringBuffer buffer;
      rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
      d.Accept(writer);
      out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
      out.put('\n');
    }
  }
  out.close();
  if (!out) throw Error(path + ": write failed");
  return path;
}

// The files a corpus's inputs expand to (what `wc -w` reads).
std::vector<std::string> FilesOf(const Corpus& corpus) {
  std::vector<std::string> out;
  for (const InputFile& f : ExpandInputs(corpus.inputs)) out.push_back(f.path);
  return out;
}

// Runs `wc -w` on the files, its output discarded; returns the best wall
// time of three runs.
double TimeWordCount(const std::vector<std::string>& files) {
  double best = 1e9;
  for (int attempt = 0; attempt < 3; ++attempt) {
    const auto start = Clock::now();
    std::fflush(stdout);  // else the child would write the buffered text again
    const pid_t pid = fork();
    if (pid < 0) throw Error("fork failed");
    if (pid == 0) {
      std::vector<char*> argv = {const_cast<char*>("wc"), const_cast<char*>("-w")};
      for (const std::string& f : files) argv.push_back(const_cast<char*>(f.c_str()));
      argv.push_back(nullptr);
      if (FILE* null = std::freopen("/dev/null", "w", stdout); !null) _exit(127);
      execvp("wc", argv.data());
      _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw Error("wc -w failed");
    best = std::min(best, Since(start));
  }
  return best;
}

// Extracts and builds the graph of one corpus with `threads` threads: reads
// the articles (streamed), extracts their facts, writes them as JSON Lines
// (what `extract` writes), stores them by document, merges them into the
// graph and exports GraphML and DOT (what `build` writes).
RunResult RunPipeline(const Schema& schema, const std::shared_ptr<const Schema>& shared_schema,
                      const Corpus& corpus, int threads, const std::string& output_prefix) {
  RunResult r;
  const auto start = Clock::now();
  const TripleExtractor extractor(shared_schema);
  GraphStore store(schema.digest);
  std::ofstream triples_out(output_prefix + ".jsonl", std::ios::binary);
  ParallelExtractor pool(
      extractor, threads,
      [&](Document&& doc, std::vector<Triple>&& triples) {
        const auto begin = Clock::now();
        for (const Triple& t : triples) triples_out << TripleToJson(t) << '\n';
        r.facts += static_cast<double>(triples.size());
        store.SetDocument(doc.id, DocumentFingerprint(doc), std::move(triples));
        r.storing += Since(begin);
      },
      &r.extraction);
  for (const InputFile& input : ExpandInputs(corpus.inputs)) {
    // Reading is the time outside the callback: file reading and JSON parsing.
    auto last = Clock::now();
    ReadInput(input,
              [&](Document&& doc) {
                r.reading += Since(last);
                r.bytes += static_cast<double>(doc.text.size());
                r.articles += 1;
                pool.Add(std::move(doc));
                last = Clock::now();
              },
              {});
    r.reading += Since(last);
  }
  pool.Finish();
  triples_out.close();
  // The storing callback's time was counted inside the extraction stages'
  // wall time on one thread; it is reported on its own.
  auto begin = Clock::now();
  KnowledgeGraph graph = GraphForSchema(schema);
  store.AddTo(&graph);
  r.nodes = static_cast<double>(graph.node_count());
  r.edges = static_cast<double>(graph.edge_count());
  r.merging = Since(begin);
  begin = Clock::now();
  {
    std::ofstream graphml(output_prefix + ".graphml", std::ios::binary);
    WriteGraphml(graph, graphml);
    std::ofstream dot(output_prefix + ".dot", std::ios::binary);
    WriteDot(graph, NodeStylesOf(schema), dot);
  }
  r.exporting = Since(begin);
  r.wall = Since(start);
  r.ok = true;
  return r;
}

// Runs RunPipeline in a child process and returns its result with the
// child's peak resident memory.
RunResult RunInChild(const std::string& schema_path, const Corpus& corpus, int threads,
                     const std::string& output_prefix) {
  int fds[2];
  if (pipe(fds) != 0) throw Error("pipe failed");
  std::fflush(stdout);  // else the child would write the buffered text again
  const pid_t pid = fork();
  if (pid < 0) throw Error("fork failed");
  if (pid == 0) {
    close(fds[0]);
    RunResult r;
    try {
      const auto schema = Schema::LoadFile(schema_path);
      r = RunPipeline(*schema, schema, corpus, threads, output_prefix);
    } catch (const std::exception& e) {
      std::snprintf(r.error, sizeof(r.error), "%s", e.what());
    }
    const ssize_t written = write(fds[1], &r, sizeof(r));
    _exit(written == static_cast<ssize_t>(sizeof(r)) ? 0 : 1);
  }
  close(fds[1]);
  RunResult r;
  size_t got = 0;
  while (got < sizeof(r)) {
    const ssize_t n = read(fds[0], reinterpret_cast<char*>(&r) + got, sizeof(r) - got);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  close(fds[0]);
  int status = 0;
  struct rusage usage = {};
  wait4(pid, &status, 0, &usage);
  if (got != sizeof(r)) throw Error(corpus.name + ": the benchmark child died");
  if (!r.ok) throw Error(corpus.name + ": " + r.error);
  r.peak_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB
  return r;
}

bool SameBytes(const std::string& a, const std::string& b) {
  std::ifstream x(a, std::ios::binary), y(b, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(x), {}) ==
         std::string(std::istreambuf_iterator<char>(y), {});
}

void Print(const Corpus& corpus, int threads, const RunResult& r, double wc_seconds) {
  const double mb = r.bytes / 1e6;
  std::printf(
      "%s -j %d: %.1f MB of article text, %.0f articles, %.0f facts, graph of %.0f nodes and %.0f "
      "edges\n",
      corpus.name.c_str(), threads, mb, r.articles, r.facts, r.nodes, r.edges);
  std::printf("  wall %.2f s: %.2f MB/s, %.0f articles/s, %.0f facts/s; peak RSS %.0f MiB\n",
              r.wall, mb / r.wall, r.articles / r.wall, r.facts / r.wall, r.peak_mib);
  std::printf("  wc -w on the same files: %.3f s; newsgraph / wc -w = %.1fx\n", wc_seconds,
              r.wall / wc_seconds);
  const StageTimes& e = r.extraction;
  std::printf(
      "  stages (s): reading %.2f | splitting %.2f, entity recognition %.2f, coreference %.2f, "
      "relation matching %.2f (thread time) | storing %.2f | merging %.2f | export %.2f\n",
      r.reading, e.splitting, e.entities, e.coreference, e.relations, r.storing, r.merging,
      r.exporting);
  std::fflush(stdout);
}

int Main(int argc, char** argv) {
  const Options o = ParseOptions(argc, argv);
  const std::string reuters = o.shared + "/corpora/reuters21578/reuters21578.jsonl";
  std::vector<std::string> scratch;
  std::printf("newsgraph benchmark: schema %s, %u hardware threads\n", o.schema.c_str(),
              std::max(1u, std::thread::hardware_concurrency()));
  std::map<std::string, std::map<int, RunResult>> results;
  for (const std::string& name : o.corpora) {
    Corpus corpus{name, {}};
    if (name == "reuters") {
      corpus.inputs = {reuters};
    } else if (name == "bbc") {
      corpus.inputs = {o.shared + "/corpora/bbc"};
    } else if (name == "reuters10") {
      const std::string path = o.work + "/newsgraph_bench_reuters10.jsonl";
      scratch.push_back(path);
      std::printf("writing %s (Reuters ten times, fresh ids)\n", path.c_str());
      corpus.inputs = {WriteRepeated(reuters, 10, path)};
    } else {
      throw Error("--corpora: unknown corpus '" + name + "' (reuters, bbc, reuters10)");
    }
    const std::vector<std::string> files = FilesOf(corpus);
    // One read warms the page cache for both wc and newsgraph.
    TimeWordCount(files);
    const double wc_seconds = TimeWordCount(files);
    const int repeat = o.repeat > 0 ? o.repeat : (name == "reuters10" ? 1 : 3);
    auto prefix_of = [&](int threads) {
      return o.work + "/newsgraph_bench_" + name + "_j" + std::to_string(threads);
    };
    for (int threads : o.threads) {
      for (const char* ext : {".jsonl", ".graphml", ".dot"})
        scratch.push_back(prefix_of(threads) + ext);
    }
    // The fastest of `repeat` runs per thread count; peak memory is the largest seen.
    for (int round = 0; round < repeat; ++round) {
      for (int threads : o.threads) {
        RunResult r = RunInChild(o.schema, corpus, threads, prefix_of(threads));
        auto it = results[name].find(threads);
        if (it == results[name].end()) {
          results[name][threads] = r;
        } else {
          const double peak = std::max(it->second.peak_mib, r.peak_mib);
          if (r.wall < it->second.wall) it->second = r;
          it->second.peak_mib = peak;
        }
      }
    }
    if (repeat > 1) std::printf("%s: the fastest of %d runs each\n", name.c_str(), repeat);
    for (int threads : o.threads) {
      const RunResult& r = results[name][threads];
      Print(corpus, threads, r, wc_seconds);
      if (threads == o.threads.front()) continue;
      bool same = true;
      for (const char* ext : {".jsonl", ".graphml", ".dot"})
        same = same && SameBytes(prefix_of(o.threads.front()) + ext, prefix_of(threads) + ext);
      const RunResult& base = results[name][o.threads.front()];
      std::printf("  -j %d vs -j %d: %.2fx the rate; output (triples, GraphML, DOT) %s\n", threads,
                  o.threads.front(), base.wall / r.wall, same ? "byte-identical" : "DIFFERENT");
      if (!same)
        throw Error(name + ": the output with " + std::to_string(threads) + " threads differs");
    }
  }
  for (const std::string& path : scratch) std::remove(path.c_str());
  return 0;
}

}  // namespace
}  // namespace newsgraph

int main(int argc, char** argv) {
  try {
    return newsgraph::Main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "newsgraph_bench: error: %s\n", e.what());
    return 1;
  }
}
