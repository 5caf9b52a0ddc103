#include "render/gl_loader.hpp"

#include <glad/gl.h>

namespace pamir::render {

namespace {
void* (*g_getProc)(const char*) = nullptr;
bool g_loaded = false;

GLADapiproc loadOne(const char* name) { return reinterpret_cast<GLADapiproc>(g_getProc(name)); }
}  // namespace

bool loadGl(void* (*getProc)(const char* name)) {
  if (!getProc) return false;
  g_getProc = getProc;
  int version = gladLoadGL(loadOne);
  // glad encodes major*10000 + minor; anything below 3.3 cannot run our shaders.
  g_loaded = version != 0 && GLAD_VERSION_MAJOR(version) * 10 + GLAD_VERSION_MINOR(version) >= 33;
  return g_loaded;
}

bool glLoaded() { return g_loaded; }

}  // namespace pamir::render
