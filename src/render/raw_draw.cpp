#include "render/raw_draw.hpp"

#include <glad/gl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace pamir::render {

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

GLuint program(const char* vs, const char* fs) {
  auto compile = [](GLenum type, const char* src) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    return s;
  };
  GLuint p = glCreateProgram(), a = compile(GL_VERTEX_SHADER, vs), b = compile(GL_FRAGMENT_SHADER, fs);
  glAttachShader(p, a);
  glAttachShader(p, b);
  glBindFragDataLocation(p, 0, "oColour");
  glLinkProgram(p);
  glDeleteShader(a);
  glDeleteShader(b);
  GLint ok = 0;
  glGetProgramiv(p, GL_LINK_STATUS, &ok);
  if (!ok) {
    glDeleteProgram(p);
    return 0;
  }
  return p;
}

// Sets up a target and the data, times `frames` frames of `draw`, cleans up.
template <class Draw>
double timeFrames(const RawDrawCase& c, const std::vector<float>& data, GLuint prog, Draw draw) {
  if (!prog) return -1;
  GLuint fbo = 0, rb = 0, vao = 0, vbo = 0;
  glGenRenderbuffers(1, &rb);
  glBindRenderbuffer(GL_RENDERBUFFER, rb);
  if (c.msaa) {
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, 4, GL_RGBA8, c.width, c.height);
  } else {
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, c.width, c.height);
  }
  glGenFramebuffers(1, &fbo);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
  bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  glGenVertexArrays(1, &vao);
  glBindVertexArray(vao);
  glGenBuffers(1, &vbo);
  glBindBuffer(GL_ARRAY_BUFFER, vbo);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(), GL_STATIC_DRAW);
  glUseProgram(prog);
  glUniform2f(glGetUniformLocation(prog, "uHalf"), c.width / 2.0f, c.height / 2.0f);
  GLint hw = glGetUniformLocation(prog, "uHalfWidth");
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
  glDeleteBuffers(1, &vbo);
  glDeleteVertexArrays(1, &vao);
  glDeleteFramebuffers(1, &fbo);
  glDeleteRenderbuffers(1, &rb);
  glDeleteProgram(prog);
  if (times.empty()) return -1;
  std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
  return times[times.size() / 2];
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
    float nx = std::clamp(x + len * std::cos(a), 0.0f, float(c.width)), ny = std::clamp(y + len * std::sin(a), 0.0f, float(c.height));
    data.insert(data.end(), {x, y, nx, ny});
    x = nx, y = ny;
  }
  GLuint prog = program(kSegmentVs, kSolidFs);
  return timeFrames(c, data, prog, [&] {
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 16, nullptr);
    glVertexAttribDivisor(0, 1);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(c.count));
  });
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
  GLuint prog = program(kTriangleVs, kSolidFs);
  return timeFrames(c, data, prog, [&] {
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
  GLuint prog = program(kSymbolVs, kDiscFs);
  return timeFrames(symbols, data, prog, [&] {
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 8, nullptr);
    glVertexAttribDivisor(0, 1);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(c.count));
  });
}

void finishGpu() { glFinish(); }

}  // namespace pamir::render
