#pragma once
// A headless OpenGL 3.3 core context through EGL: no X server, no window and
// no GPU needed (Mesa's llvmpipe renders on the CPU). On NVIDIA it works
// through GLVND's EGL (the device platform). The context has no default
// framebuffer: draw into an FBO, as MapRenderer::renderToImage does.
#include <memory>
#include <string>

namespace pamir::render {

class OffscreenContext {
 public:
  /// Creates the context, makes it current on this thread and loads the GL
  /// functions. nullptr, with a one-line reason in *error, when EGL or GL 3.3
  /// core is not available.
  static std::unique_ptr<OffscreenContext> create(std::string* error);
  ~OffscreenContext();
  OffscreenContext(const OffscreenContext&) = delete;
  OffscreenContext& operator=(const OffscreenContext&) = delete;

  /// Makes this context current on the calling thread again.
  bool makeCurrent();
  /// GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
  std::string rendererName() const;
  /// Which EGL platform answered: "surfaceless", "device" or "default".
  const std::string& platform() const;

 private:
  struct Impl;
  explicit OffscreenContext(std::unique_ptr<Impl>);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pamir::render
