#include "render/offscreen_context.hpp"

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <glad/gl.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <vector>

#include "render/gl_loader.hpp"

namespace pamir::render {

namespace {

bool hasExtension(const char* list, const char* name) {
  if (!list) return false;
  size_t n = std::strlen(name);
  for (const char* p = list; (p = std::strstr(p, name)) != nullptr; p += n) {
    if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return true;
  }
  return false;
}

void* eglProc(const char* name) { return reinterpret_cast<void*>(eglGetProcAddress(name)); }

// eglTerminate ends every context on a display, so displays are shared and
// terminated only when the last context made on them is gone.
std::mutex g_displayMutex;
std::map<EGLDisplay, int> g_displayUsers;

void retainDisplay(EGLDisplay d) {
  std::lock_guard lock(g_displayMutex);
  ++g_displayUsers[d];
}
void releaseDisplay(EGLDisplay d) {
  std::lock_guard lock(g_displayMutex);
  if (--g_displayUsers[d] == 0) {
    g_displayUsers.erase(d);
    eglTerminate(d);
  }
}

struct Candidate {
  std::string platform;
  EGLDisplay display;
};

// Hardware devices first (NVIDIA through GLVND), then Mesa's surfaceless
// platform (llvmpipe), then whatever the default display is.
std::vector<Candidate> candidateDisplays(const std::string& forced) {
  std::vector<Candidate> out;
  const char* client = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
  auto getPlatformDisplay =
      reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
  auto want = [&](const char* name) { return forced.empty() || forced == name; };

  if (want("device") && getPlatformDisplay && hasExtension(client, "EGL_EXT_platform_device")) {
    auto queryDevices = reinterpret_cast<PFNEGLQUERYDEVICESEXTPROC>(eglGetProcAddress("eglQueryDevicesEXT"));
    auto queryDeviceString =
        reinterpret_cast<PFNEGLQUERYDEVICESTRINGEXTPROC>(eglGetProcAddress("eglQueryDeviceStringEXT"));
    EGLint count = 0;
    if (queryDevices && queryDevices(0, nullptr, &count) && count > 0) {
      std::vector<EGLDeviceEXT> devices(static_cast<size_t>(count));
      queryDevices(count, devices.data(), &count);
      std::vector<std::pair<bool, EGLDeviceEXT>> ranked;
      for (EGLint i = 0; i < count; ++i) {
        const char* ext =
            queryDeviceString ? queryDeviceString(devices[static_cast<size_t>(i)], EGL_EXTENSIONS) : nullptr;
        ranked.emplace_back(hasExtension(ext, "EGL_MESA_device_software"), devices[static_cast<size_t>(i)]);
      }
      std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      for (auto& [software, dev] : ranked) {
        if (software && forced.empty()) continue;  // the surfaceless platform gives the same llvmpipe
        EGLDisplay d = getPlatformDisplay(EGL_PLATFORM_DEVICE_EXT, dev, nullptr);
        if (d != EGL_NO_DISPLAY) out.push_back({"device", d});
      }
    }
  }
  if (want("surfaceless") && getPlatformDisplay && hasExtension(client, "EGL_MESA_platform_surfaceless")) {
    EGLDisplay d = getPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (d != EGL_NO_DISPLAY) out.push_back({"surfaceless", d});
  }
  if (want("default")) {
    EGLDisplay d = eglGetDisplay(EGL_DEFAULT_DISPLAY);
    if (d != EGL_NO_DISPLAY) out.push_back({"default", d});
  }
  return out;
}

}  // namespace

struct OffscreenContext::Impl {
  EGLDisplay display = EGL_NO_DISPLAY;
  EGLContext context = EGL_NO_CONTEXT;
  EGLSurface surface = EGL_NO_SURFACE;  // a 1x1 pbuffer, only where surfaceless contexts are not supported
  std::string platform;

  ~Impl() {
    if (display == EGL_NO_DISPLAY) return;
    if (eglGetCurrentContext() == context) eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (surface != EGL_NO_SURFACE) eglDestroySurface(display, surface);
    if (context != EGL_NO_CONTEXT) eglDestroyContext(display, context);
    releaseDisplay(display);
  }

  // Sets up a GL 3.3 core context on `d`; false (with the reason) when this display cannot.
  bool tryDisplay(EGLDisplay d, std::string* why) {
    EGLint major = 0, minor = 0;
    if (!eglInitialize(d, &major, &minor)) {
      *why = "eglInitialize failed";
      return false;
    }
    retainDisplay(d);
    display = d;
    if (!eglBindAPI(EGL_OPENGL_API)) {
      *why = "no desktop OpenGL on this EGL";
      return false;
    }
    const EGLint configAttribs[] = {EGL_RENDERABLE_TYPE,
                                    EGL_OPENGL_BIT,
                                    EGL_SURFACE_TYPE,
                                    EGL_PBUFFER_BIT,
                                    EGL_RED_SIZE,
                                    8,
                                    EGL_GREEN_SIZE,
                                    8,
                                    EGL_BLUE_SIZE,
                                    8,
                                    EGL_ALPHA_SIZE,
                                    8,
                                    EGL_NONE};
    const EGLint anySurface[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
    EGLConfig config = nullptr;
    EGLint n = 0;
    if (!eglChooseConfig(d, configAttribs, &config, 1, &n) || n == 0) {
      if (!eglChooseConfig(d, anySurface, &config, 1, &n) || n == 0) {
        *why = "no OpenGL-capable EGL config";
        return false;
      }
    }
    const EGLint contextAttribs[] = {
        EGL_CONTEXT_MAJOR_VERSION,           3,       EGL_CONTEXT_MINOR_VERSION, 3, EGL_CONTEXT_OPENGL_PROFILE_MASK,
        EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
    context = eglCreateContext(d, config, EGL_NO_CONTEXT, contextAttribs);
    if (context == EGL_NO_CONTEXT) {
      *why = "cannot create an OpenGL 3.3 core context";
      return false;
    }
    if (!eglMakeCurrent(d, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
      const EGLint pbufferAttribs[] = {EGL_WIDTH, 1, EGL_HEIGHT, 1, EGL_NONE};
      surface = eglCreatePbufferSurface(d, config, pbufferAttribs);
      if (surface == EGL_NO_SURFACE || !eglMakeCurrent(d, surface, surface, context)) {
        *why = "cannot make the context current";
        return false;
      }
    }
    if (!loadGl(eglProc)) {
      *why = "the context does not offer OpenGL 3.3 core";
      return false;
    }
    return true;
  }
};

OffscreenContext::OffscreenContext(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
OffscreenContext::~OffscreenContext() = default;

std::unique_ptr<OffscreenContext> OffscreenContext::create(std::string* error) {
  // PAMIR_EGL_PLATFORM=surfaceless|device|default picks one platform (for debugging drivers).
  const char* env = std::getenv("PAMIR_EGL_PLATFORM");
  std::string forced = env ? env : "";
  std::string reasons;
  for (const Candidate& c : candidateDisplays(forced)) {
    auto impl = std::make_unique<Impl>();
    std::string why;
    if (impl->tryDisplay(c.display, &why)) {
      impl->platform = c.platform;
      return std::unique_ptr<OffscreenContext>(new OffscreenContext(std::move(impl)));
    }
    reasons += (reasons.empty() ? "" : "; ") + c.platform + ": " + why;
  }
  if (error) {
    *error = "no headless OpenGL 3.3 context through EGL (" +
             (reasons.empty() ? std::string("no EGL display") : reasons) + ")";
  }
  return nullptr;
}

bool OffscreenContext::makeCurrent() {
  if (!eglMakeCurrent(impl_->display, impl_->surface, impl_->surface, impl_->context)) return false;
  // Another context may have loaded different entry points (e.g. a second driver).
  return loadGl(eglProc);
}

std::string OffscreenContext::rendererName() const {
  const GLubyte* s = glGetString(GL_RENDERER);
  return s ? reinterpret_cast<const char*>(s) : "unknown";
}

const std::string& OffscreenContext::platform() const { return impl_->platform; }

}  // namespace pamir::render
