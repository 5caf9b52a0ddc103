#include "render/tessellate.hpp"

#include <GL/glu.h>

#include <array>
#include <cmath>
#include <deque>

namespace pamir::render::detail {

namespace {

using Vertex = std::array<GLdouble, 3>;

struct TessState {
  std::vector<XY>* out = nullptr;
  size_t startSize = 0;
  std::deque<Vertex> created;  // intersection vertices GLU asks for; addresses must stay put
  bool failed = false;
};

#ifndef CALLBACK
#define CALLBACK
#endif
using GluCallback = void(CALLBACK*)();

void CALLBACK onBegin(GLenum, void*) {}
// Registering an edge-flag callback makes GLU emit plain GL_TRIANGLES (no fans or strips).
void CALLBACK onEdgeFlag(GLboolean, void*) {}
void CALLBACK onVertex(void* vertex, void* data) {
  auto* s = static_cast<TessState*>(data);
  const auto* v = static_cast<const GLdouble*>(vertex);
  s->out->push_back({v[0], v[1]});
}
void CALLBACK onCombine(GLdouble coords[3], void* [4], GLfloat[4], void** outData, void* data) {
  auto* s = static_cast<TessState*>(data);
  s->created.push_back({coords[0], coords[1], 0.0});
  *outData = s->created.back().data();
}
void CALLBACK onError(GLenum, void* data) { static_cast<TessState*>(data)->failed = true; }

struct Tesselator {
  GLUtesselator* tess = gluNewTess();
  Tesselator() {
    if (!tess) return;
    gluTessCallback(tess, GLU_TESS_BEGIN_DATA, reinterpret_cast<GluCallback>(onBegin));
    gluTessCallback(tess, GLU_TESS_EDGE_FLAG_DATA, reinterpret_cast<GluCallback>(onEdgeFlag));
    gluTessCallback(tess, GLU_TESS_VERTEX_DATA, reinterpret_cast<GluCallback>(onVertex));
    gluTessCallback(tess, GLU_TESS_COMBINE_DATA, reinterpret_cast<GluCallback>(onCombine));
    gluTessCallback(tess, GLU_TESS_ERROR_DATA, reinterpret_cast<GluCallback>(onError));
    gluTessProperty(tess, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
    // A fixed normal spares GLU from estimating one (and from flipping on odd rings).
    gluTessNormal(tess, 0.0, 0.0, 1.0);
  }
  ~Tesselator() {
    if (tess) gluDeleteTess(tess);
  }
};

}  // namespace

bool tessellate(const std::vector<std::vector<XY>>& rings, std::vector<XY>& triangles) {
  thread_local Tesselator holder;
  if (!holder.tess) return false;
  size_t total = 0;
  for (const auto& r : rings) total += r.size();
  if (total < 3) return true;

  // Coordinates relative to the first vertex keep GLU's intersection maths well conditioned.
  const XY origin = rings.front().empty() ? XY{} : rings.front().front();
  std::vector<Vertex> verts;
  verts.reserve(total);  // no reallocation: GLU keeps pointers into it
  TessState state;
  state.out = &triangles;
  state.startSize = triangles.size();

  gluTessBeginPolygon(holder.tess, &state);
  for (const auto& ring : rings) {
    size_t n = ring.size();
    while (n > 1 && ring[n - 1] == ring[0]) --n;  // closing point
    if (n < 3) continue;
    gluTessBeginContour(holder.tess);
    const XY* prev = nullptr;
    for (size_t i = 0; i < n; ++i) {
      const XY& p = ring[i];
      if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
      if (prev && *prev == p) continue;
      prev = &p;
      verts.push_back({p.x - origin.x, p.y - origin.y, 0.0});
      gluTessVertex(holder.tess, verts.back().data(), verts.back().data());
    }
    gluTessEndContour(holder.tess);
  }
  gluTessEndPolygon(holder.tess);

  if (state.failed || (triangles.size() - state.startSize) % 3 != 0) {
    triangles.resize(state.startSize);
    return false;
  }
  for (size_t i = state.startSize; i < triangles.size(); ++i) {
    triangles[i].x += origin.x;
    triangles[i].y += origin.y;
  }
  return true;
}

}  // namespace pamir::render::detail
