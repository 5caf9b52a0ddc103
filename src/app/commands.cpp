#include "app/commands.hpp"

#include <clocale>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string_view>

#include <SDL.h>

#include "app/cli.hpp"
#include "core/terminal_text.hpp"
#include "data/source_info.hpp"
#include "geo/projection.hpp"
#include "render/offscreen_context.hpp"

namespace pamir::app {

namespace {

constexpr const char* kUsage =
    "usage: pamir <command> [options]\n"
    "\n"
    "A map viewer and measuring tool for military infrastructure in Central Asia.\n"
    "view, render, list and find show the built-in Central Asia dataset with any SOURCE\n"
    "on top; measure, area and ring look names up in it (or in --data SOURCEs instead).\n"
    "\n"
    "commands:\n"
    "  view [SOURCE...]            open the map window\n"
    "  render [SOURCE...] -o PNG   draw the map to a PNG without a display\n"
    "  report [SOURCE...] -o PDF   the map, its measurements and its sourced sites as a PDF\n"
    "  info SOURCE                 layers, geometry types, counts, CRS, extent, fields\n"
    "  measure A B [C...]          geodesic distance between two places or features,\n"
    "                              or the length of the path through three or more\n"
    "  area A B C...               geodesic area and perimeter of the polygon through them\n"
    "  ring CENTER --radius R,...  geodesic range rings as GeoJSON (or --radius-field FIELD:\n"
    "                              the radius from the centre feature's attribute)\n"
    "  find QUERY                  features by name or id, or a coordinate, best first\n"
    "  list [SOURCE...]            the features the map shows with the same filters\n"
    "\n"
    "'pamir <command> --help' describes each command.\n";

// The libraries actually loaded, which is what a bug report needs (not the
// headers Pamir was built against). GL is whatever answers a headless context.
void printVersions() {
  SDL_version sdl;
  SDL_GetVersion(&sdl);
  std::string glError;
  auto gl = render::OffscreenContext::create(&glError);
  const std::string glLine =
      gl ? "GL " + gl->rendererName() + " (EGL " + gl->platform() + ")" : "no GL (" + glError + ")";
  std::printf("pamir %s\nGDAL %s\nPROJ %s\nSDL %d.%d.%d\n%s\n", PAMIR_VERSION, data::gdalVersion().c_str(),
              geo::projVersion().c_str(), sdl.major, sdl.minor, sdl.patch, glLine.c_str());
}

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
    printVersions();
    return kExitOk;
  }
  return runCommand(argv[1], args, std::cout, std::cerr);
}

int runCommand(const std::string& cmd, const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    if (cmd == "view") return runViewCommand(args, out, err);
    if (cmd == "render") return runRenderCommand(args, out, err);
    if (cmd == "report") return runReportCommand(args, out, err);
    if (cmd == "info") return runInfoCommand(args, out, err);
    if (cmd == "measure") return runMeasureCommand(args, out, err);
    if (cmd == "area") return runAreaCommand(args, out, err);
    if (cmd == "ring") return runRingCommand(args, out, err);
    if (cmd == "find") return runFindCommand(args, out, err);
    if (cmd == "list") return runListCommand(args, out, err);
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
      << "' (commands: view, render, report, info, measure, area, ring, find, list; see 'pamir --help')\n";
  return kExitUsage;
}

}  // namespace pamir::app
