#pragma once
// The map's shader programs: compiled from the GLSL built into the library
// or read from a folder, linked, and their uniform locations looked up once.
// Internal to render; needs the GL context the programs belong to.
#include <glad/gl.h>

#include <cstdint>
#include <string>

#include "core/style.hpp"
#include "render/gl_object.hpp"

namespace pamir::render::detail {

// Texture units, fixed for every program (set once at link time).
constexpr GLint kUnitStyles = 0;      // a layer's distinct styles (texture buffer)
constexpr GLint kUnitVisible = 1;     // per-feature visibility table (texture buffer)
constexpr GLint kUnitImage = 2;       // a raster tile
constexpr GLint kUnitStyleIndex = 3;  // per-feature index into the styles (texture buffer)

/// A linked program and the locations of the uniforms the map's shaders
/// share; -1 where a program does not use one.
struct Program {
  GlProgram program;
  GLint offset = -1, scale = -1, viewport = -1, pixelRatio = -1, layerOpacity = -1;
  GLint plain = -1, plainOwn = -1, plainColour = -1, smooth = -1;
  GLint styles = -1, styleIndex = -1, visible = -1, image = -1;

  GLuint id() const { return program.id(); }
};

struct Programs {
  Program fill, segment, symbol, raster;
};

/// Compiles and links every program: from the shaders built into the
/// library when `directory` is empty, else from `directory`/*.glsl. False,
/// with the file and the compiler's or linker's message in *error, when any
/// fails.
bool loadPrograms(const std::string& directory, Programs& out, std::string* error);

/// Compiles `vertex` and `fragment` (complete sources, #version included) into
/// a program whose output 0 is `oColour`; an empty program, with the reason in
/// *error, when either does not compile or the program does not link.
GlProgram linkProgram(const std::string& vertex, const std::string& fragment, const std::string& name,
                      std::string* error);

/// The text of a shader built into the library (shaders/NAME), or nullptr.
const char* embeddedShader(const std::string& name);

/// A colour channel (0..255) as GL's 0..1.
inline float channel(uint8_t c) { return c / 255.0f; }

/// Sets a vec4 uniform to `c` (0..1 per channel); nothing when `location` is -1.
void setColourUniform(GLint location, const Color& c);

}  // namespace pamir::render::detail
