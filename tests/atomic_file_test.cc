#include "export/atomic_file.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "extract/error.h"
#include "tests/test_util.h"

namespace newsgraph {
namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

size_t FileCount(const std::string& dir) {
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) n += e.is_regular_file();
  return n;
}

}  // namespace

TEST_CASE("a committed file replaces the old one") {
  const std::string dir = testing::TempDir();
  const std::string path = dir + "/out.txt";
  testing::WriteFile(path, "old");
  {
    AtomicFile f(path);
    f.stream() << "new";
    f.Commit();
  }
  CHECK(Read(path) == "new");
  CHECK(FileCount(dir) == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("an uncommitted file leaves the old one untouched and no temporary behind") {
  const std::string dir = testing::TempDir();
  const std::string path = dir + "/out.txt";
  testing::WriteFile(path, "old");
  try {
    AtomicFile f(path);
    f.stream() << "half-written";
    throw Error("failure mid-way");
  } catch (const Error&) {
  }
  CHECK(Read(path) == "old");
  CHECK(FileCount(dir) == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a missing directory is an error naming the path") {
  CHECK_THROWS_WITH_AS(AtomicFile("/nonexistent-dir/x.graphml"),
                       doctest::Contains("/nonexistent-dir/x.graphml: cannot create output file"), Error);
}

}  // namespace newsgraph
