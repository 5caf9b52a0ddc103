#pragma once
// Loading the OpenGL 3.3 core functions (glad) from whatever created the
// context: EGL here, SDL_GL_GetProcAddress in the window.

namespace pamir::render {

/// Loads every GL 3.3 core entry point through `getProc`; needs a current
/// context. False when the context is not at least OpenGL 3.3.
bool loadGl(void* (*getProc)(const char* name));

/// True once loadGl succeeded in this process.
bool glLoaded();

}  // namespace pamir::render
