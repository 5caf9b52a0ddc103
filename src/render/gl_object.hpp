#pragma once
// One owner for every kind of GL name: a move-only handle that deletes its
// name when it goes, so no draw path leaks or double-deletes a buffer,
// texture, framebuffer or program. Internal to render; needs glad's header
// and, for create() and reset(), the GL context the name belongs to.
#include <glad/gl.h>

#include <utility>

namespace pamir::render::detail {

// Each kind says how its names are made and deleted. glad's entry points are
// function pointers filled in at load time, so a kind holds the address of
// the pointer (not its value) and reads it when a name is made or deleted.
// Buffers, vertex arrays, textures, framebuffers, renderbuffers and samplers
// share one signature pair (glGen*(n, names), glDelete*(n, names)).
template <PFNGLGENBUFFERSPROC* Gen, PFNGLDELETEBUFFERSPROC* Delete>
struct GlNamesKind {
  static GLuint make() {
    GLuint id = 0;
    (*Gen)(1, &id);
    return id;
  }
  static void destroy(GLuint id) { (*Delete)(1, &id); }
};
using GlBufferKind = GlNamesKind<&glGenBuffers, &glDeleteBuffers>;
using GlVertexArrayKind = GlNamesKind<&glGenVertexArrays, &glDeleteVertexArrays>;
using GlTextureKind = GlNamesKind<&glGenTextures, &glDeleteTextures>;
using GlFramebufferKind = GlNamesKind<&glGenFramebuffers, &glDeleteFramebuffers>;
using GlRenderbufferKind = GlNamesKind<&glGenRenderbuffers, &glDeleteRenderbuffers>;
using GlSamplerKind = GlNamesKind<&glGenSamplers, &glDeleteSamplers>;
struct GlProgramKind {
  static GLuint make() { return glCreateProgram(); }
  static void destroy(GLuint id) { glDeleteProgram(id); }
};
struct GlShaderKind {
  // Shaders are made with a type (glCreateShader(type)); adopt() them.
  static void destroy(GLuint id) { glDeleteShader(id); }
};

template <class Kind>
class GlObject {
 public:
  GlObject() = default;
  /// Takes ownership of a name made elsewhere (glCreateShader, say).
  static GlObject adopt(GLuint id) {
    GlObject o;
    o.id_ = id;
    return o;
  }
  ~GlObject() { reset(); }
  GlObject(const GlObject&) = delete;
  GlObject& operator=(const GlObject&) = delete;
  GlObject(GlObject&& other) noexcept : id_(std::exchange(other.id_, 0)) {}
  GlObject& operator=(GlObject&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, 0);
    }
    return *this;
  }

  /// Makes the name if there is none yet; keeps an existing one.
  void create() {
    if (!id_) id_ = Kind::make();
  }
  void reset() {
    if (id_) Kind::destroy(id_);
    id_ = 0;
  }
  GLuint id() const { return id_; }
  explicit operator bool() const { return id_ != 0; }

 private:
  GLuint id_ = 0;
};

using GlBuffer = GlObject<GlBufferKind>;
using GlVertexArray = GlObject<GlVertexArrayKind>;
using GlTexture = GlObject<GlTextureKind>;
using GlFramebuffer = GlObject<GlFramebufferKind>;
using GlRenderbuffer = GlObject<GlRenderbufferKind>;
using GlSampler = GlObject<GlSamplerKind>;
using GlProgram = GlObject<GlProgramKind>;
using GlShader = GlObject<GlShaderKind>;

}  // namespace pamir::render::detail
