// The newsgraph command line: parses arguments and dispatches to the
// libraries. Only this layer turns errors into exit codes:
// 0 success, 1 input or runtime error, 2 usage error.
#ifndef NEWSGRAPH_CLI_CLI_H_
#define NEWSGRAPH_CLI_CLI_H_

#include <ostream>
#include <string>
#include <vector>

namespace newsgraph {

// Runs `newsgraph ARGS...` (without the program name), writing messages to
// `err` and command output that is not a file to `out`. Returns the exit code.
int RunCommandLine(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace newsgraph

#endif  // NEWSGRAPH_CLI_CLI_H_
