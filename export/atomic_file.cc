#include "export/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <vector>

#include "extract/error.h"

namespace newsgraph {

AtomicFile::AtomicFile(const std::string& path) : path_(path) {
  if (path_ == "-") return;
  std::string pattern = path_ + ".tmp.XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  const int fd = mkstemp(buf.data());
  if (fd < 0) throw Error(path_, 0, 0, std::string("cannot create output file: ") + std::strerror(errno));
  // mkstemp makes the file 0600; give it the usual permissions for a new file.
  const mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  close(fd);
  temp_path_ = buf.data();
  file_.open(temp_path_, std::ios::binary | std::ios::trunc);
  if (!file_) {
    std::remove(temp_path_.c_str());
    throw Error(path_, 0, 0, "cannot open temporary output file");
  }
}

AtomicFile::~AtomicFile() {
  if (!committed_ && !temp_path_.empty()) {
    file_.close();
    std::remove(temp_path_.c_str());
  }
}

std::ostream& AtomicFile::stream() { return path_ == "-" ? std::cout : file_; }

void AtomicFile::Commit() {
  if (path_ == "-") {
    std::cout.flush();
    if (!std::cout) throw Error("<stdout>", 0, 0, "write error");
    committed_ = true;
    return;
  }
  file_.flush();
  const bool ok = static_cast<bool>(file_);
  file_.close();
  if (!ok || file_.fail()) throw Error(path_, 0, 0, "write error (disk full?); the previous file is unchanged");
  const int fd = open(temp_path_.c_str(), O_RDONLY);
  if (fd >= 0) {
    const int rc = fsync(fd);
    close(fd);
    if (rc != 0) throw Error(path_, 0, 0, std::string("cannot sync output: ") + std::strerror(errno));
  }
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    throw Error(path_, 0, 0, std::string("cannot rename output into place: ") + std::strerror(errno));
  }
  committed_ = true;
}

}  // namespace newsgraph
