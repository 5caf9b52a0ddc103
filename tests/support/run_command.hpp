#pragma once
// Running a pamir command in the test's own process, as `pamir COMMAND ARGS...`
// would run it, with what it writes to stdout and stderr kept apart.
#include <sstream>
#include <string>
#include <vector>

#include "app/commands.hpp"

namespace pamir::test {

struct CommandResult {
  int status = -1;
  std::string out;  ///< what went to stdout
  std::string err;  ///< what went to stderr
  std::string all() const { return out + err; }
};

/// `argv` starts with the command: {"measure", "37.4,74.9", "37,74", "--json"}.
inline CommandResult runCommand(const std::vector<std::string>& argv) {
  std::ostringstream out, err;
  CommandResult r;
  const std::vector<std::string> args(argv.begin() + (argv.empty() ? 0 : 1), argv.end());
  r.status = app::runCommand(argv.empty() ? std::string() : argv.front(), args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

/// Splits "render -o x.png --size 12x" at spaces (for arguments without spaces).
inline std::vector<std::string> words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> w;
  for (std::string s; in >> s;) w.push_back(s);
  return w;
}

}  // namespace pamir::test
