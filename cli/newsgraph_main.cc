// The newsgraph binary: everything happens in RunCommandLine.
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "export/atomic_file.h"

int main(int argc, char** argv) {
  newsgraph::InstallOutputSignalHandlers();
  std::vector<std::string> args(argv + 1, argv + argc);
  return newsgraph::RunCommandLine(args, std::cout, std::cerr);
}
