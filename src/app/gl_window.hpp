#pragma once
// The SDL window with its OpenGL 3.3 core context, for the map window.
#include <SDL.h>

#include <iosfwd>
#include <optional>
#include <string>

#include "app/map_window.hpp"
#include "render/image.hpp"

namespace pamir::app {

// Owns the SDL window, its GL context and ImGui; torn down in reverse order.
struct WindowResources {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  bool imgui = false;  ///< set once ImGui and its SDL and OpenGL back ends are initialised
  WindowResources() = default;
  WindowResources(const WindowResources&) = delete;
  WindowResources& operator=(const WindowResources&) = delete;
  ~WindowResources();
};

/// Opens the window `options` ask for with a current GL 3.3 core context and
/// its functions loaded (vsync unless `scripted`). nullopt when it is ready;
/// else the exit status (kNoWindow when there is no usable display), with the
/// reason on `err`.
std::optional<int> openGlWindow(WindowResources& res, const std::string& title, const WindowOptions& options,
                                bool scripted, std::ostream& err);

/// Starts ImGui on the window (its SDL and OpenGL back ends, the light
/// style, the labels' font); the panels' layout is written to no file.
void startImGui(WindowResources& res);

/// The default framebuffer's pixels, top row first, opaque.
render::Image readWindowPixels(int width, int height);

}  // namespace pamir::app
