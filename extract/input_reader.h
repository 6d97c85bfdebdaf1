// Reading the command line's INPUT arguments: text files, directories of
// them, JSON Lines article files, triples files written by `extract`, and
// standard input ("-").
#ifndef NEWSGRAPH_EXTRACT_INPUT_READER_H_
#define NEWSGRAPH_EXTRACT_INPUT_READER_H_

#include <functional>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/triple.h"

namespace newsgraph {

// What one input file holds: a text, JSON Lines articles, triples written by
// `extract`, or a native graph file (read by graph/graph_store.h).
enum class InputKind { kText, kArticles, kTriples, kGraph };

// One input file (or "-" for standard input) and what it holds.
struct InputFile {
  std::string path;
  InputKind kind = InputKind::kText;
};

// Expands INPUT arguments into files: a directory becomes every .txt, .md
// and .jsonl file under it in sorted order; a .jsonl/.ndjson file is read as
// articles, or as triples when its first record has a "predicate"; a .ngraph
// file (or one whose first line declares the newsgraph-graph format) is a
// native graph; "-" is standard input (JSON Lines when it starts with '{',
// else one text). Throws Error for a path that does not exist or cannot be read.
std::vector<InputFile> ExpandInputs(const std::vector<std::string>& args);

// How to read: whether bad JSON Lines records are skipped with a warning
// (instead of stopping the run), and where warnings go.
struct ReadOptions {
  bool keep_going = false;
  std::function<void(const std::string&)> warn;
};

// Called for each triple of a triples input, with the file and line it came from.
using TripleCallback = std::function<void(Triple&&, const std::string& file, int line)>;

// Reads one input, calling `on_document` for each document of a text or
// articles input and `on_triple` for each triple of a triples input, in file
// order. A text file's id is its path as given; an article's id is its "id"
// (or "PATH:LINE"); a "title" becomes the first paragraph of the text. When
// `on_triple` is empty, a triples input is an error. A text file holding NUL
// bytes is binary: skipped with a warning. Text with invalid UTF-8 gets one
// warning per file naming the first bad byte (extraction reads it as U+FFFD).
// Throws Error naming the file and line of a bad record, unless
// `options.keep_going`, which skips it with a warning.
void ReadInput(const InputFile& input, const std::function<void(Document&&)>& on_document,
               const TripleCallback& on_triple, const ReadOptions& options = {});

// Parses one JSON Lines article record. Throws Error naming `file` and `line`.
Document ParseArticleLine(const std::string& json, const std::string& file, int line);

// Returns the whole content of a file, or of standard input for "-".
// Throws Error when it cannot be read.
std::string ReadFileOrStdin(const std::string& path);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_INPUT_READER_H_
