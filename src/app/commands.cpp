#include "app/commands.hpp"

#include <clocale>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string_view>

#include "app/cli.hpp"
#include "core/terminal_text.hpp"

namespace pamir::app {

namespace {

constexpr const char* kUsage =
    "usage: pamir <command> [options]\n"
    "\n"
    "A map viewer and measuring tool for military infrastructure in Central Asia.\n"
    "With no SOURCE, commands use the built-in Central Asia dataset.\n"
    "\n"
    "commands:\n"
    "  view [SOURCE...]            open the map window\n"
    "  render [SOURCE...] -o PNG   draw the map to a PNG without a display\n"
    "  info SOURCE                 layers, geometry types, counts, CRS, extent, fields\n"
    "  measure A B                 geodesic distance between two places or features\n"
    "  ring CENTER --radius R      a geodesic range ring as GeoJSON\n"
    "\n"
    "'pamir <command> --help' describes each command.\n";

}  // namespace

int runMain(int argc, char** argv) {
  // Parsing and printing numbers must not depend on the user's locale.
  std::setlocale(LC_ALL, "C");
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return kExitUsage;
  }
  const std::string_view cmd = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  if (cmd == "--version") {
    std::puts("pamir " PAMIR_VERSION);
    return kExitOk;
  }
  return runCommand(argv[1], args, std::cout, std::cerr);
}

int runCommand(const std::string& cmd, const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    if (cmd == "view") return runViewCommand(args, out, err);
    if (cmd == "render") return runRenderCommand(args, out, err);
    if (cmd == "info") return runInfoCommand(args, out, err);
    if (cmd == "measure") return runMeasureCommand(args, out, err);
    if (cmd == "ring") return runRingCommand(args, out, err);
  } catch (const UsageError& e) {
    // Messages quote operands and names from files: escaped for the terminal.
    const std::string msg = terminalSafeLines(e.what());
    if (msg.rfind("pamir", 0) == 0)
      err << msg << "\n";
    else
      err << "pamir " << cmd << ": " << msg << " (see 'pamir " << cmd << " --help')\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    err << "pamir " << cmd << ": " << terminalSafeLines(e.what()) << "\n";
    return kExitData;
  }
  err << "pamir: unknown command '" << terminalSafe(cmd)
      << "' (commands: view, render, info, measure, ring; see 'pamir --help')\n";
  return kExitUsage;
}

}  // namespace pamir::app
