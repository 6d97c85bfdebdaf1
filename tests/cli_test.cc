#include "cli/cli.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "tests/test_util.h"

namespace newsgraph {
namespace {

struct Run {
  int code;
  std::string out;
  std::string err;
};

Run RunArgs(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int code = RunCommandLine(args, out, err);
  return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("usage errors exit 2 with a message on stderr") {
  CHECK(RunArgs({}).code == 2);
  const Run unknown = RunArgs({"frobnicate"});
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("unknown command 'frobnicate'") != std::string::npos);
  CHECK(unknown.out.empty());
  CHECK(RunArgs({"build", "x.txt"}).err.find("build needs -o GRAPH") != std::string::npos);
  CHECK(RunArgs({"build", "-o", "g.xyz", "x.txt"}).code == 2);
  CHECK(RunArgs({"extract", "--bogus", "x"}).code == 2);
  CHECK(RunArgs({"eval", "only-one"}).code == 2);
  CHECK(RunArgs({"extract", "--schema"}).err.find("option --schema needs a value") !=
        std::string::npos);
}

TEST_CASE("help on each command exits 0 on stdout") {
  for (const char* cmd : {"extract", "build", "eval"}) {
    const Run r = RunArgs({cmd, "--help"});
    CHECK(r.code == 0);
    CHECK(r.out.find(std::string("usage: newsgraph ") + cmd) == 0);
  }
  CHECK(RunArgs({"--help"}).code == 0);
}

TEST_CASE("input errors exit 1 naming the file") {
  const Run r = RunArgs({"extract", "/no/such/input.txt"});
  CHECK(r.code == 1);
  CHECK(r.err == "newsgraph: error: /no/such/input.txt: no such file or directory\n");
  const Run s = RunArgs({"extract", "--schema", "/no/schema.yaml", "x"});
  CHECK(s.code == 1);
  CHECK(s.err.find("/no/schema.yaml: cannot read schema file") != std::string::npos);
}

TEST_CASE("extract and build write the same bytes with one thread or several") {
  const std::string dir = testing::TempDir();
  const std::string input = testing::SharedDir() + "/corpora/bbc/tech";
  auto read = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  for (const char* command : {"extract", "build"}) {
    CAPTURE(command);
    const std::string ext = std::string(command) == "extract" ? ".jsonl" : ".graphml";
    const std::string one = dir + "/one" + ext;
    const std::string three = dir + "/three" + ext;
    REQUIRE(RunArgs({command, "-q", "-j", "1", "-o", one, input}).code == 0);
    REQUIRE(RunArgs({command, "-q", "--threads=3", "-o", three, input}).code == 0);
    CHECK(read(one).size() > 10000);
    CHECK(read(one) == read(three));
  }
  const Run zero = RunArgs({"extract", "-j", "0", "x"});
  CHECK(zero.code == 2);
  CHECK(zero.err.find("-j needs a whole number of at least 1, not '0'") != std::string::npos);
}

}  // namespace newsgraph
