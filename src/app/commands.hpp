#pragma once
// The `pamir` command line: one executable, one function per subcommand.
// Exit status: 0 success, 1 data error (nothing could be loaded or measured),
// 2 usage error.
//
// Each command writes what it answers to `out` and what goes wrong to `err`
// (std::cout and std::cerr for the executable), so tests call them in-process.
#include <iosfwd>
#include <string>
#include <vector>

namespace pamir::app {

int runMain(int argc, char** argv);

/// Runs `pamir COMMAND ARGS...`: usage errors become one line on `err` and
/// status 2, data errors one line and status 1.
int runCommand(const std::string& command, const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The commands themselves (args exclude the program name and the command).
// They throw UsageError (status 2) or another std::exception (status 1).
int runViewCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runRenderCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runInfoCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runMeasureCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runAreaCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runRingCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runFindCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runListCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runReportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

constexpr int kExitOk = 0;
constexpr int kExitData = 1;
constexpr int kExitUsage = 2;

}  // namespace pamir::app
