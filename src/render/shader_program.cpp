#include "render/shader_program.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "render/embedded_shaders.hpp"

namespace pamir::render::detail {

namespace {

// True when the shader's or program's `status` (GL_COMPILE_STATUS,
// GL_LINK_STATUS) is set; else false, with `what` and GL's log in *error.
template <class Get, class GetLog>
bool succeeded(GLuint name, GLenum status, Get get, GetLog getLog, const std::string& what, std::string* error) {
  GLint ok = 0;
  get(name, status, &ok);
  if (ok) return true;
  GLint length = 0;
  get(name, GL_INFO_LOG_LENGTH, &length);
  std::string log(static_cast<size_t>(std::max(length, 1)), '\0');
  getLog(name, length, nullptr, log.data());
  while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
  *error = what + log;
  return false;
}

GlShader compileShader(GLenum type, const std::string& source, const std::string& name, std::string* error) {
  GlShader shader = GlShader::adopt(glCreateShader(type));
  const char* text = source.c_str();
  glShaderSource(shader.id(), 1, &text, nullptr);
  glCompileShader(shader.id());
  if (!succeeded(shader.id(), GL_COMPILE_STATUS, glGetShaderiv, glGetShaderInfoLog,
                 "shader " + name + " does not compile: ", error)) {
    return {};
  }
  return shader;
}

void findUniforms(Program& p) {
  static constexpr struct {
    GLint Program::*location;
    const char* name;
  } kUniforms[] = {
      {&Program::offset, "uOffset"},
      {&Program::scale, "uScale"},
      {&Program::viewport, "uViewportPx"},
      {&Program::pixelRatio, "uPixelRatio"},
      {&Program::layerOpacity, "uLayerOpacity"},
      {&Program::plain, "uPlain"},
      {&Program::plainOwn, "uPlainOwnColour"},
      {&Program::plainColour, "uPlainColour"},
      {&Program::smooth, "uSmooth"},
      {&Program::styles, "uStyles"},
      {&Program::styleIndex, "uStyleIndex"},
      {&Program::visible, "uVisible"},
      {&Program::image, "uImage"},
  };
  for (const auto& u : kUniforms) p.*u.location = glGetUniformLocation(p.id(), u.name);
  glUseProgram(p.id());
  if (p.styles >= 0) glUniform1i(p.styles, kUnitStyles);
  if (p.styleIndex >= 0) glUniform1i(p.styleIndex, kUnitStyleIndex);
  if (p.visible >= 0) glUniform1i(p.visible, kUnitVisible);
  if (p.image >= 0) glUniform1i(p.image, kUnitImage);
  glUseProgram(0);
}

}  // namespace

GlProgram linkProgram(const std::string& vertex, const std::string& fragment, const std::string& name,
                      std::string* error) {
  GlShader vs = compileShader(GL_VERTEX_SHADER, vertex, name + ".vert", error);
  if (!vs) return {};
  GlShader fs = compileShader(GL_FRAGMENT_SHADER, fragment, name + ".frag", error);
  if (!fs) return {};
  GlProgram program;
  program.create();
  glAttachShader(program.id(), vs.id());
  glAttachShader(program.id(), fs.id());
  glBindFragDataLocation(program.id(), 0, "oColour");
  glLinkProgram(program.id());
  if (!succeeded(program.id(), GL_LINK_STATUS, glGetProgramiv, glGetProgramInfoLog,
                 "shader program " + name + " does not link: ", error)) {
    return {};
  }
  return program;
}

const char* embeddedShader(const std::string& name) {
  for (const auto& s : embedded::kShaders) {
    if (name == s.name) return s.text;
  }
  return nullptr;
}

bool loadPrograms(const std::string& directory, Programs& out, std::string* error) {
  auto source = [&](const std::string& name) -> std::string {
    if (!directory.empty()) {
      std::ifstream in(directory + "/" + name);
      if (in) {
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
      }
      if (error->empty()) *error = "cannot read shader " + directory + "/" + name;  // the first one missing
      return {};
    }
    if (const char* text = embeddedShader(name)) return text;
    if (error->empty()) *error = "shader " + name + " is not built in";
    return {};
  };
  const std::string version = "#version 330 core\n";
  const std::string common = source("feature_style.glsl");
  struct Spec {
    Program* program;
    const char* name;
  } specs[] = {{&out.fill, "fill"}, {&out.segment, "segment"}, {&out.symbol, "symbol"}, {&out.raster, "raster"}};
  for (const Spec& s : specs) {
    std::string vs = source(std::string(s.name) + ".vert.glsl");
    std::string fs = source(std::string(s.name) + ".frag.glsl");
    if (!error->empty()) return false;
    // #line resets keep compiler messages pointing at lines of the right file.
    s.program->program = linkProgram(version + common + "\n#line 1\n" + vs, version + fs, s.name, error);
    if (!s.program->program) return false;
    findUniforms(*s.program);
  }
  return true;
}

void setColourUniform(GLint location, const Color& c) {
  if (location >= 0) glUniform4f(location, channel(c.r), channel(c.g), channel(c.b), channel(c.a));
}

}  // namespace pamir::render::detail
