// Atomic output files: data goes to a temporary file beside the target, which
// is renamed over the target only when complete. A run that fails leaves the
// target exactly as it was and no temporary file behind.
#ifndef NEWSGRAPH_EXPORT_ATOMIC_FILE_H_
#define NEWSGRAPH_EXPORT_ATOMIC_FILE_H_

#include <fstream>
#include <ostream>
#include <string>

namespace newsgraph {

// Installs handlers so that SIGINT, SIGTERM and SIGHUP remove every
// temporary file an AtomicFile has open before the process dies, and ignores
// SIGXFSZ so that hitting a file-size limit is a write error, not a kill.
// Call once, early in main.
void InstallOutputSignalHandlers();

// An output that becomes visible at `path` only on Commit(). The path "-"
// means standard output, written directly.
class AtomicFile {
 public:
  // Opens a temporary file beside `path`. Throws Error when the directory is
  // missing or not writable.
  explicit AtomicFile(const std::string& path);
  // Removes the temporary file unless Commit() succeeded.
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // The stream to write to.
  std::ostream& stream();

  // Flushes, syncs and renames the temporary file onto the target. Throws
  // Error when any step fails (a full disk, say); the target is then unchanged.
  void Commit();

  // The target path.
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::string temp_path_;
  std::ofstream file_;
  bool committed_ = false;
  int slot_ = -1;  // in the signal handler's list of temporary files
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXPORT_ATOMIC_FILE_H_
