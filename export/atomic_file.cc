#include "export/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <vector>

#include "extract/error.h"

namespace newsgraph {
namespace {

// Temporary files open right now, for the signal handler: fixed slots, no
// allocation, each path a NUL-terminated copy.
constexpr int kSlots = 64;
constexpr size_t kPathMax = 4096;
char g_temp_paths[kSlots][kPathMax];
volatile sig_atomic_t g_temp_used[kSlots];

int Register(const std::string& path) {
  if (path.size() >= kPathMax) return -1;
  for (int i = 0; i < kSlots; ++i) {
    if (!g_temp_used[i]) {
      std::memcpy(g_temp_paths[i], path.c_str(), path.size() + 1);
      g_temp_used[i] = 1;
      return i;
    }
  }
  return -1;
}

void Unregister(int slot) {
  if (slot >= 0) g_temp_used[slot] = 0;
}

extern "C" void RemoveTempFilesAndDie(int signal_number) {
  for (int i = 0; i < kSlots; ++i) {
    if (g_temp_used[i]) unlink(g_temp_paths[i]);
  }
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

}  // namespace

void InstallOutputSignalHandlers() {
  for (int s : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction action {};
    action.sa_handler = RemoveTempFilesAndDie;
    sigemptyset(&action.sa_mask);
    sigaction(s, &action, nullptr);
  }
  ::signal(SIGXFSZ, SIG_IGN);
}

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
  slot_ = Register(temp_path_);
  file_.open(temp_path_, std::ios::binary | std::ios::trunc);
  if (!file_) {
    std::remove(temp_path_.c_str());
    Unregister(slot_);
    throw Error(path_, 0, 0, "cannot open temporary output file");
  }
}

AtomicFile::~AtomicFile() {
  if (!committed_ && !temp_path_.empty()) {
    file_.close();
    std::remove(temp_path_.c_str());
  }
  Unregister(slot_);
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
  Unregister(slot_);
  slot_ = -1;
}

}  // namespace newsgraph
