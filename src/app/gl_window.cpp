#include "app/gl_window.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <glad/gl.h>
#include <imgui.h>

#include <langinfo.h>

#include <algorithm>
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <ostream>
#include <vector>

#include "render/font_locator.hpp"
#include "render/gl_loader.hpp"

namespace pamir::app {

bool displayAvailable() {
  auto set = [](const char* name) {
    const char* v = std::getenv(name);
    return v && *v;
  };
  return set("DISPLAY") || set("WAYLAND_DISPLAY") || set("SDL_VIDEODRIVER");
}

namespace {

// X takes text (the window title, typed characters through input methods) in
// the program's character locale. Pamir's text is UTF-8, but it runs in the
// C locale so that numbers read and print the same everywhere (commands.cpp);
// there, Xlib cannot convert a title such as "Pamir — …" (SDL 2.26 then also
// leaks the half-made title property). Only the character half of the locale
// changes: the user's when it is UTF-8, else C.UTF-8; numbers stay in C.
void useUtf8Characters() {
  auto utf8 = [] { return std::strcmp(nl_langinfo(CODESET), "UTF-8") == 0; };
  if (std::setlocale(LC_CTYPE, "") && utf8()) return;
  if (!std::setlocale(LC_CTYPE, "C.UTF-8")) std::setlocale(LC_CTYPE, "C");
}

}  // namespace

WindowResources::~WindowResources() {
  if (imgui) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
  }
  if (gl) SDL_GL_DeleteContext(gl);
  if (window) SDL_DestroyWindow(window);
  SDL_Quit();
}

std::optional<int> openGlWindow(WindowResources& res, const std::string& title, const WindowOptions& options,
                                bool scripted, std::ostream& err) {
  useUtf8Characters();
  if (SDL_Init(SDL_INIT_VIDEO) != 0) {
    err << "pamir view: cannot open a window: " << SDL_GetError() << "\n";
    return kNoWindow;
  }
  // When X is unreachable SDL may settle for a driver with no screen (offscreen,
  // KMS/DRM on a console): a window there would run unseen. Unless the user
  // asked for a driver, only a desktop one counts.
  if (const char* driver = SDL_GetCurrentVideoDriver(); !std::getenv("SDL_VIDEODRIVER")) {
    const std::string d = driver ? driver : "";
    if (d != "x11" && d != "wayland" && d != "cocoa" && d != "windows") {
      err << "pamir view: cannot open a window: no desktop display (SDL offers '" << d << "')\n";
      return kNoWindow;
    }
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);
  Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  if (options.hidden) flags |= SDL_WINDOW_HIDDEN;
  res.window = SDL_CreateWindow(title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options.width,
                                options.height, flags);
  if (!res.window) {
    err << "pamir view: cannot open a window: " << SDL_GetError() << "\n";
    return kNoWindow;
  }
  res.gl = SDL_GL_CreateContext(res.window);
  if (!res.gl) {
    err << "pamir view: no OpenGL 3.3 core context: " << SDL_GetError() << "\n";
    return kNoWindow;
  }
  SDL_GL_MakeCurrent(res.window, res.gl);
  SDL_GL_SetSwapInterval(scripted ? 0 : 1);
  if (!render::loadGl(reinterpret_cast<void* (*)(const char*)>(SDL_GL_GetProcAddress))) {
    err << "pamir view: this OpenGL is older than 3.3 core\n";
    return 1;
  }
  return std::nullopt;
}

render::Image readWindowPixels(int w, int h) {
  render::Image img;
  img.width = w;
  img.height = h;
  img.rgba.resize(static_cast<size_t>(w) * h * 4);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  std::vector<uint8_t> rows(img.rgba.size());
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
  const size_t stride = static_cast<size_t>(w) * 4;
  for (int y = 0; y < h; ++y)
    std::copy_n(&rows[static_cast<size_t>(h - 1 - y) * stride], stride, &img.rgba[static_cast<size_t>(y) * stride]);
  for (size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;
  return img;
}

namespace {

// The labels' face (DejaVu Sans) when installed: ImGui's built-in font has
// no degree sign, primes or arrows, which coordinates and measurements need.
void loadUiFont() {
  static const ImWchar ranges[] = {
      0x0020, 0x024F, 0x02B0, 0x02FF, 0x0400, 0x04FF, 0x1E00, 0x1EFF, 0x2010,
      0x205E, 0x2190, 0x2195, 0x2212, 0x2212, 0x25A0, 0x25FF, 0};  // with the Time bar's minus, triangles and dots
  const std::string path = render::findFont();
  if (!path.empty()) ImGui::GetIO().Fonts->AddFontFromFileTTF(path.c_str(), 15.0f, nullptr, ranges);
}

}  // namespace

void startImGui(WindowResources& res) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // panel layout is not written next to the user's files
  ImGui::StyleColorsLight();
  loadUiFont();
  ImGui_ImplSDL2_InitForOpenGL(res.window, res.gl);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  res.imgui = true;
}

}  // namespace pamir::app
