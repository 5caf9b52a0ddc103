#pragma once
// Running a command line from a test, as a user would at a shell.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace pamir::test {

struct ShellResult {
  int status = -1;  ///< exit status; -1 when the command did not exit normally
  std::string out;  ///< what it wrote to stdout
};

/// Runs `command` with /bin/sh and collects its stdout (redirect stderr in the command to keep it).
inline ShellResult runShell(const std::string& command) {
  ShellResult r;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  while (size_t n = fread(buf.data(), 1, buf.size(), p)) r.out.append(buf.data(), n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

}  // namespace pamir::test
