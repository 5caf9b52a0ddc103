#pragma once
// The `pamir` command line: one executable, one function per subcommand.
// Exit status: 0 success, 1 data error (nothing could be loaded or measured),
// 2 usage error.
#include <string>
#include <vector>

namespace pamir::app {

int runMain(int argc, char** argv);

int runViewCommand(const std::vector<std::string>& args);
int runRenderCommand(const std::vector<std::string>& args);
int runInfoCommand(const std::vector<std::string>& args);
int runMeasureCommand(const std::vector<std::string>& args);
int runRingCommand(const std::vector<std::string>& args);

constexpr int kExitOk = 0;
constexpr int kExitData = 1;
constexpr int kExitUsage = 2;

}  // namespace pamir::app
