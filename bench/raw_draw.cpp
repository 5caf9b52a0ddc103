#include "raw_draw.hpp"

#include <glad/gl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "render/gl_object.hpp"
#include "render/shader_program.hpp"

namespace pamir::bench {

namespace {

const char* kSegmentVs = R"(#version 330 core
layout(location = 0) in vec4 aSegment;  // px
uniform vec2 uHalf;
uniform float uHalfWidth;
void main() {
  vec2 d = aSegment.zw - aSegment.xy;
  float len = length(d);
  vec2 t = len > 1e-4 ? d / len : vec2(1.0, 0.0), n = vec2(-t.y, t.x);
  int c = gl_VertexID & 3;
  vec2 p = (c < 2 ? aSegment.xy - t * uHalfWidth : aSegment.zw + t * uHalfWidth) +
           ((c & 1) == 0 ? n : -n) * uHalfWidth;
  gl_Position = vec4(p / uHalf - 1.0, 0.0, 1.0);
})";

const char* kTriangleVs = R"(#version 330 core
layout(location = 0) in vec2 aPosition;  // px
uniform vec2 uHalf;
void main() { gl_Position = vec4(aPosition / uHalf - 1.0, 0.0, 1.0); })";

const char* kSymbolVs = R"(#version 330 core
layout(location = 0) in vec2 aCentre;  // px
uniform vec2 uHalf;
uniform float uHalfWidth;
out vec2 vLocal;
void main() {
  vec2 c = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1)) * 2.0 - 1.0;
  vLocal = c;
  gl_Position = vec4((aCentre + c * uHalfWidth) / uHalf - 1.0, 0.0, 1.0);
})";

const char* kSolidFs = R"(#version 330 core
out vec4 oColour;
void main() { oColour = vec4(0.2, 0.2, 0.2, 0.8); })";

const char* kDiscFs = R"(#version 330 core
in vec2 vLocal;
out vec4 oColour;
void main() { if (dot(vLocal, vLocal) > 1.0) discard; oColour = vec4(0.2, 0.2, 0.2, 0.8); })";

// Deterministic pseudo-random numbers (xorshift), so every run draws the same.
struct Random {
  uint64_t s = 0x9e3779b97f4a7c15ull;
  float next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return static_cast<float>((s >> 40) & 0xffffff) / 16777216.0f;
  }
};

// Sets up a target and the data, times `frames` frames of `draw`, cleans up.
template <class Draw>
double timeFrames(const RawDrawCase& c, const std::vector<float>& data, const render::detail::GlProgram& prog,
                  Draw draw) {
  if (!prog) return -1;
  render::detail::GlRenderbuffer rb;
  rb.create();
  glBindRenderbuffer(GL_RENDERBUFFER, rb.id());
  if (c.msaa) {
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, 4, GL_RGBA8, c.width, c.height);
  } else {
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, c.width, c.height);
  }
  render::detail::GlFramebuffer fbo;
  fbo.create();
  glBindFramebuffer(GL_FRAMEBUFFER, fbo.id());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb.id());
  bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  render::detail::GlVertexArray vao;
  vao.create();
  glBindVertexArray(vao.id());
  render::detail::GlBuffer vbo;
  vbo.create();
  glBindBuffer(GL_ARRAY_BUFFER, vbo.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(), GL_STATIC_DRAW);
  glUseProgram(prog.id());
  glUniform2f(glGetUniformLocation(prog.id(), "uHalf"), c.width / 2.0f, c.height / 2.0f);
  GLint hw = glGetUniformLocation(prog.id(), "uHalfWidth");
  if (hw >= 0) glUniform1f(hw, 0.5f * (c.symbolPx > 0 && c.lineWidthPx <= 0 ? c.symbolPx : c.lineWidthPx));
  glViewport(0, 0, c.width, c.height);
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  std::vector<double> times;
  for (int f = 0; complete && f < std::max(1, c.frames) + 1; ++f) {
    auto t0 = std::chrono::steady_clock::now();
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    draw();
    glFinish();
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (f > 0) times.push_back(ms);  // the first frame pays for shader compilation
  }
  glUseProgram(0);
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (times.empty()) return -1;
  std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
  return times[times.size() / 2];
}

render::detail::GlProgram program(const char* vs, const char* fs) {
  std::string error;
  return render::detail::linkProgram(vs, fs, "raw", &error);
}

// One quad instance per `components` floats (GL_TRIANGLE_STRIP of 4 vertices).
void drawInstancedQuads(GLint components, size_t count) {
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, components, GL_FLOAT, GL_FALSE, components * static_cast<GLsizei>(sizeof(float)), nullptr);
  glVertexAttribDivisor(0, 1);
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(count));
}

}  // namespace

double rawSegmentsMs(const RawDrawCase& c) {
  // Random-walk polylines of 1-4 px steps, like map outlines at the detail a pixel shows.
  Random r;
  std::vector<float> data;
  data.reserve(c.count * 4);
  float x = 0, y = 0, a = 0;
  for (size_t i = 0; i < c.count; ++i) {
    if (i % 64 == 0) x = r.next() * c.width, y = r.next() * c.height, a = r.next() * 6.2832f;
    a += (r.next() - 0.5f) * 0.6f;
    float len = 1 + 3 * r.next();
    float nx = std::clamp(x + len * std::cos(a), 0.0f, float(c.width)),
          ny = std::clamp(y + len * std::sin(a), 0.0f, float(c.height));
    data.insert(data.end(), {x, y, nx, ny});
    x = nx, y = ny;
  }
  return timeFrames(c, data, program(kSegmentVs, kSolidFs), [&] { drawInstancedQuads(4, c.count); });
}

double rawTrianglesMs(const RawDrawCase& c) {
  // Small triangles (2-20 px²) next to each other, like a tessellated polygon.
  Random r;
  std::vector<float> data;
  data.reserve(c.count * 6);
  float x = 0, y = 0;
  for (size_t i = 0; i < c.count; ++i) {
    if (i % 64 == 0) x = r.next() * c.width, y = r.next() * c.height;
    float s = 2 + 5 * r.next();
    data.insert(data.end(), {x, y, x + s, y, x, y + s});
    x += s * (r.next() - 0.3f), y += s * (r.next() - 0.5f);
    x = std::clamp(x, 0.0f, float(c.width)), y = std::clamp(y, 0.0f, float(c.height));
  }
  return timeFrames(c, data, program(kTriangleVs, kSolidFs), [&] {
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 8, nullptr);
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(c.count * 3));
  });
}

double rawSymbolsMs(const RawDrawCase& c) {
  Random r;
  std::vector<float> data;
  data.reserve(c.count * 2);
  for (size_t i = 0; i < c.count; ++i) data.insert(data.end(), {r.next() * c.width, r.next() * c.height});
  RawDrawCase symbols = c;
  symbols.lineWidthPx = 0;
  return timeFrames(symbols, data, program(kSymbolVs, kDiscFs), [&] { drawInstancedQuads(2, c.count); });
}

void finishGpu() { glFinish(); }

}  // namespace pamir::bench
