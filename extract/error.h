// The single error type of newsgraph. Every library throws newsgraph::Error;
// only the command-line front end turns errors into exit codes.
#ifndef NEWSGRAPH_EXTRACT_ERROR_H_
#define NEWSGRAPH_EXTRACT_ERROR_H_

#include <stdexcept>
#include <string>

namespace newsgraph {

// An input or runtime error that names where it happened: the file, the
// 1-based line and column when known (0 when not), and what is wrong.
class Error : public std::runtime_error {
 public:
  // Builds an error whose what() reads "file:line:column: message".
  Error(std::string file, int line, int column, const std::string& message);
  // Builds an error with no position, only a message.
  explicit Error(const std::string& message);

  // The file the error is about, or "" when none.
  const std::string& file() const { return file_; }
  // The 1-based line, or 0 when unknown.
  int line() const { return line_; }
  // The 1-based column, or 0 when unknown.
  int column() const { return column_; }

 private:
  std::string file_;
  int line_ = 0;
  int column_ = 0;
};

// A command-line usage error: wrong flags or arguments (exit code 2).
class UsageError : public std::runtime_error {
 public:
  // Builds a usage error with the message shown to the user.
  explicit UsageError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_ERROR_H_
