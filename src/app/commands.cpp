#include "app/commands.hpp"

#include <clocale>
#include <cstdio>
#include <exception>
#include <string_view>

#include <SDL.h>

#include "app/cli.hpp"
#include "data/source_info.hpp"
#include "geo/projection.hpp"
#include "render/offscreen_context.hpp"

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

// The libraries actually loaded, which is what a bug report needs (not the
// headers Pamir was built against). GL is whatever answers a headless context.
void printVersions() {
  SDL_version sdl;
  SDL_GetVersion(&sdl);
  std::string glError;
  auto gl = render::OffscreenContext::create(&glError);
  const std::string glLine = gl ? "GL " + gl->rendererName() + " (EGL " + gl->platform() + ")" : "no GL (" + glError + ")";
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
  try {
    if (cmd == "view") return runViewCommand(args);
    if (cmd == "render") return runRenderCommand(args);
    if (cmd == "info") return runInfoCommand(args);
    if (cmd == "measure") return runMeasureCommand(args);
    if (cmd == "ring") return runRingCommand(args);
  } catch (const UsageError& e) {
    const std::string msg = e.what();
    if (msg.rfind("pamir", 0) == 0)
      std::fprintf(stderr, "%s\n", msg.c_str());
    else
      std::fprintf(stderr, "pamir %s: %s (see 'pamir %s --help')\n", argv[1], msg.c_str(), argv[1]);
    return kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "pamir %s: %s\n", argv[1], e.what());
    return kExitData;
  }
  std::fprintf(stderr, "pamir: unknown command '%s' (commands: view, render, info, measure, ring; see 'pamir --help')\n",
               argv[1]);
  return kExitUsage;
}

}  // namespace pamir::app
