#include "extract/input_reader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <unordered_set>

#include "extract/error.h"
#include "extract/temporal.h"
#include "extract/text_normalizer.h"
#include "extract/triple_io.h"

namespace newsgraph {
namespace fs = std::filesystem;

namespace {

bool HasExtension(const std::string& path, std::initializer_list<const char*> exts) {
  const std::string ext = fs::path(path).extension().string();
  for (const char* e : exts) {
    if (ext == e) return true;
  }
  return false;
}

bool IsJsonLinesPath(const std::string& path) {
  return HasExtension(path, {".jsonl", ".ndjson", ".ngraph"});
}

// Returns the first non-blank line of a stream, leaving the stream rewound.
std::string FirstRecord(std::istream& in) {
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) break;
    line.clear();
  }
  in.clear();
  in.seekg(0);
  return line;
}

InputKind SniffJsonLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, 0, 0, "cannot read file");
  const std::string first = FirstRecord(in);
  if (first.find("\"format\"") != std::string::npos &&
      first.find("\"newsgraph-graph\"") != std::string::npos) {
    return InputKind::kGraph;
  }
  return LooksLikeTriple(first) ? InputKind::kTriples : InputKind::kArticles;
}

// Calls `on_line(text, line_number)` for each non-blank line of a file or of stdin.
void ForEachLine(const std::string& path,
                 const std::function<void(const std::string&, int)>& on_line) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw Error(path, 0, 0, "cannot read file");
  std::istream* in = &file;
  std::string line;
  int number = 0;
  while (std::getline(*in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    on_line(line, number);
  }
  if (in->bad()) throw Error(path, number, 0, "read error");
}

std::string DisplayName(const std::string& path) { return path == "-" ? "<stdin>" : path; }

}  // namespace

std::string ReadFileOrStdin(const std::string& path) {
  if (path == "-") {
    std::ostringstream out;
    out << std::cin.rdbuf();
    return out.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, 0, 0, "cannot read file");
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) throw Error(path, 0, 0, "read error");
  return out.str();
}

std::vector<InputFile> ExpandInputs(const std::vector<std::string>& args) {
  std::vector<InputFile> out;
  for (const std::string& arg : args) {
    if (arg == "-") {
      out.push_back({"-", InputKind::kText});  // sniffed when read
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) throw Error(arg, 0, 0, "no such file or directory");
    if (fs::is_directory(status)) {
      std::vector<std::string> files;
      fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec),
          end;
      if (ec) throw Error(arg, 0, 0, "cannot list directory: " + ec.message());
      std::string base = arg;
      while (base.size() > 1 && base.back() == '/') base.pop_back();
      for (; it != end; it.increment(ec)) {
        if (ec) throw Error(arg, 0, 0, "cannot list directory: " + ec.message());
        if (!it->is_regular_file(ec)) continue;
        const std::string p = it->path().string();
        if (HasExtension(p, {".txt", ".md", ".jsonl", ".ndjson", ".ngraph"})) files.push_back(p);
      }
      std::sort(files.begin(), files.end());
      for (const std::string& f : files) {
        out.push_back({f, IsJsonLinesPath(f) ? SniffJsonLines(f) : InputKind::kText});
      }
      continue;
    }
    out.push_back({arg, IsJsonLinesPath(arg) ? SniffJsonLines(arg) : InputKind::kText});
  }
  return out;
}

Document ParseArticleLine(const std::string& line, const std::string& name, int number) {
  rapidjson::Document d;
  d.Parse(line.c_str(), line.size());
  if (d.HasParseError()) {
    throw Error(name, number, static_cast<int>(d.GetErrorOffset()) + 1,
                std::string("not valid JSON: ") + rapidjson::GetParseError_En(d.GetParseError()));
  }
  if (!d.IsObject()) throw Error(name, number, 1, "expected a JSON object with \"text\"");
  auto text = d.FindMember("text");
  if (text == d.MemberEnd()) throw Error(name, number, 0, "article has no \"text\"");
  if (!text->value.IsString()) throw Error(name, number, 0, "\"text\" must be a string");
  Document doc;
  doc.source = name + ":" + std::to_string(number);
  if (auto id = d.FindMember("id"); id != d.MemberEnd()) {
    if (id->value.IsString()) {
      doc.id.assign(id->value.GetString(), id->value.GetStringLength());
    } else if (id->value.IsInt64()) {
      doc.id = std::to_string(id->value.GetInt64());
    } else {
      throw Error(name, number, 0, "\"id\" must be a string or an integer");
    }
  } else {
    doc.id = name + ":" + std::to_string(number);
  }
  if (auto date = d.FindMember("date"); date != d.MemberEnd() && !date->value.IsNull()) {
    if (!date->value.IsString())
      throw Error(name, number, 0, "\"date\" must be an ISO date string");
    doc.date.assign(date->value.GetString(), date->value.GetStringLength());
    CivilDate parsed;
    if (!doc.date.empty() &&
        !ParseIsoDate(doc.date.substr(0, std::min<size_t>(doc.date.size(), 10)), &parsed)) {
      throw Error(name, number, 0, "\"date\" is not an ISO date: \"" + doc.date + "\"");
    }
  }
  std::string body(text->value.GetString(), text->value.GetStringLength());
  if (auto title = d.FindMember("title");
      title != d.MemberEnd() && title->value.IsString() && title->value.GetStringLength() > 0) {
    doc.text.assign(title->value.GetString(), title->value.GetStringLength());
    doc.text += "\n\n";
    doc.text += body;
  } else {
    doc.text = std::move(body);
  }
  return doc;
}

namespace {

// Returns the offset of the first invalid UTF-8 sequence in `s`, or -1.
int64_t FirstInvalidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    int length = 1;
    if (DecodeUtf8(s, i, &length) == 0xFFFD && length == 1) return static_cast<int64_t>(i);
    i += static_cast<size_t>(length);
  }
  return -1;
}

// Calls `fn(line, number)` for each non-blank line of `text`.
void ForEachTextLine(const std::string& text,
                     const std::function<void(const std::string&, int)>& fn) {
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) fn(line, number);
  }
}

}  // namespace

void ReadInput(const InputFile& input, const std::function<void(Document&&)>& on_document,
               const TripleCallback& on_triple, const ReadOptions& options) {
  const std::string name = DisplayName(input.path);
  auto warn = [&](const std::string& message) {
    if (options.warn) options.warn(message);
  };
  bool warned_utf8 = false;
  auto check_utf8 = [&](const Document& doc, const std::string& where) {
    if (warned_utf8) return;
    const int64_t bad = FirstInvalidUtf8(doc.text);
    if (bad < 0) return;
    warned_utf8 = true;
    warn(where + ": invalid UTF-8 at byte " + std::to_string(bad) +
         " of the text, read as U+FFFD (further bad bytes in this file are not reported)");
  };
  // A bad record stops the run, or with --keep-going is skipped with a warning.
  auto guarded = [&](const std::function<void()>& fn) {
    if (!options.keep_going) return fn();
    try {
      fn();
    } catch (const Error& e) {
      warn(std::string(e.what()) + " (skipped)");
    }
  };
  InputKind kind = input.kind;
  std::string stdin_text;
  if (input.path == "-") {
    stdin_text = ReadFileOrStdin("-");
    const size_t first = stdin_text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && stdin_text[first] == '{') {
      const size_t eol = stdin_text.find('\n', first);
      kind = LooksLikeTriple(stdin_text.substr(
                 first, eol == std::string::npos ? std::string::npos : eol - first))
                 ? InputKind::kTriples
                 : InputKind::kArticles;
    }
  }
  if (kind == InputKind::kGraph)
    throw Error(name, 0, 0, "is a graph file, not articles or triples");
  if (kind == InputKind::kTriples) {
    if (!on_triple) throw Error(name, 0, 0, "holds triples, not articles");
    auto parse = [&](const std::string& line, int number) {
      guarded([&] { on_triple(TripleFromJson(line, name, number), name, number); });
    };
    if (input.path != "-") {
      ForEachLine(input.path, parse);
    } else {
      ForEachTextLine(stdin_text, parse);
    }
    return;
  }
  if (kind == InputKind::kText) {
    Document doc;
    doc.id = input.path == "-" ? "stdin" : input.path;
    doc.text = input.path == "-" ? std::move(stdin_text) : ReadFileOrStdin(input.path);
    doc.source = name;
    if (doc.text.find('\0') != std::string::npos) {
      warn(name + ": binary file (it holds NUL bytes), skipped");
      return;
    }
    check_utf8(doc, name);
    on_document(std::move(doc));
    return;
  }
  std::unordered_set<std::string> ids;
  auto on_line = [&](const std::string& line, int number) {
    guarded([&] {
      Document doc = ParseArticleLine(line, name, number);
      if (!ids.insert(doc.id).second)
        throw Error(name, number, 0, "duplicate article id \"" + doc.id + "\"");
      check_utf8(doc, name + ":" + std::to_string(number));
      on_document(std::move(doc));
    });
  };
  if (input.path == "-") {
    ForEachTextLine(stdin_text, on_line);
    return;
  }
  ForEachLine(input.path, on_line);
}

}  // namespace newsgraph
