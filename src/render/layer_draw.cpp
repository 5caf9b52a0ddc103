#include "render/layer_draw.hpp"

#include <algorithm>
#include <cmath>

namespace pamir::render::detail {

namespace {

void setViewUniforms(const Program& p, const MapView& view, const RenderOptions& options, float opacity) {
  if (p.scale >= 0) {
    glUniform2f(p.scale, static_cast<float>(2.0 / (view.resolutionX() * view.width())),
                static_cast<float>(2.0 / (view.resolutionY() * view.height())));
  }
  if (p.viewport >= 0) glUniform2f(p.viewport, static_cast<float>(view.width()), static_cast<float>(view.height()));
  if (p.pixelRatio >= 0) glUniform1f(p.pixelRatio, options.pixelRatio);
  if (p.layerOpacity >= 0) glUniform1f(p.layerOpacity, std::clamp(opacity, 0.0f, 1.0f));
  if (p.plain >= 0) glUniform1i(p.plain, options.plain ? 1 : 0);
  if (p.plainOwn >= 0) glUniform1i(p.plainOwn, options.plainFill ? 0 : 1);
  setColourUniform(p.plainColour, options.plainFill.value_or(Color{}));
  if (p.smooth >= 0) glUniform1i(p.smooth, options.antialias && !options.plain ? 1 : 0);
}

void setOffset(GLint location, const XY& origin, const XY& centre) {
  // The subtraction happens in double: this is what keeps deep zooms steady.
  glUniform2f(location, static_cast<float>(origin.x - centre.x), static_cast<float>(origin.y - centre.y));
}

// A software rasteriser (Mesa's llvmpipe, the renderer of headless and
// virtual machines) queues whole scenes of binned primitives before it
// draws them: a million instanced symbols held about 450 MB. Every batch of
// primitives ends in a fence, and a new batch waits for the one two batches
// back, so at most two batches are ever queued; a GPU is two batches ahead
// of the CPU at most, which costs it nothing at this batch size.
class SubmitThrottle {
 public:
  SubmitThrottle() = default;
  SubmitThrottle(const SubmitThrottle&) = delete;
  SubmitThrottle& operator=(const SubmitThrottle&) = delete;
  ~SubmitThrottle() {
    for (GLsync f : fences_)
      if (f) glDeleteSync(f);
  }
  void submitted(size_t primitives) {
    constexpr size_t kBatch = 1 << 14;
    constexpr GLuint64 kWaitNs = 10'000'000'000;  // a fence that never signals must not hang the window
    since_ += primitives;
    if (since_ < kBatch) return;
    since_ = 0;
    GLsync& slot = fences_[next_];
    if (slot) {
      glClientWaitSync(slot, GL_SYNC_FLUSH_COMMANDS_BIT, kWaitNs);
      glDeleteSync(slot);
    }
    slot = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    glFlush();
    next_ ^= 1;
  }

 private:
  size_t since_ = 0;
  GLsync fences_[2] = {nullptr, nullptr};
  int next_ = 0;
};

constexpr size_t kSymbolCost = 3;

Bounds grown(const Bounds& b, double dx, double dy) { return {b.minx - dx, b.miny - dy, b.maxx + dx, b.maxy + dy}; }

// Instanced quads (segments or symbols), one draw per tile near the cull box
// grown by `marginPx`: the attribute pointers start at the tile's first
// instance, as GL 3.3 has no base instance. `drawn` counts the instances.
// Over `budget` instances (0: none), each tile draws the same share of its
// own, from its start; true when it did. In a frame painted in parts an
// instance counts as `cost` primitives.
template <class SetPointers>
bool drawQuadTiles(const Program& program, GLuint vao, GLuint buffer, const std::vector<Tile>& tiles, double marginPx,
                   size_t instanceBytes, SetPointers setPointers, const LayerPass& pass, size_t& drawn,
                   size_t budget = 0, size_t cost = 1) {
  const MapView& view = pass.view;
  glUseProgram(program.id());
  setViewUniforms(program, view, pass.options, 1.0f);  // per-feature opacity is already in the style table
  glBindVertexArray(vao);
  glBindBuffer(GL_ARRAY_BUFFER, buffer);
  const Bounds near = grown(pass.cull, marginPx * view.resolutionX(), marginPx * view.resolutionY());
  double share = 1.0;
  if (budget > 0) {
    size_t inView = 0;
    for (const Tile& t : tiles)
      if (t.bounds.intersects(near)) inView += t.count;
    if (inView > budget) share = static_cast<double>(budget) / static_cast<double>(inView);
  }
  SubmitThrottle throttle;
  for (const Tile& t : tiles) {
    if (!t.bounds.intersects(near)) continue;
    const auto count = share < 1.0 ? std::max<uint32_t>(1, static_cast<uint32_t>(std::ceil(t.count * share))) : t.count;
    if (pass.window && !pass.window->take(count * cost)) continue;
    setOffset(program.offset, t.origin, view.center());
    setPointers(static_cast<uintptr_t>(t.first * instanceBytes));
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(count));
    ++pass.frame.drawCalls;
    pass.frame.trianglesDrawn += 2 * static_cast<size_t>(count);
    drawn += count;
    throttle.submitted(count);
  }
  return share < 1.0;
}

// Segments of `level` in tiles that meet `cull`: what drawing it would cost.
size_t segmentsNear(const LevelGpu& level, const Bounds& cull) {
  size_t n = 0;
  for (const Tile& t : level.segmentTiles)
    if (t.bounds.intersects(cull)) n += t.count;
  return n;
}

// The coarsest level simplified by less than options.detailPx pixels, or,
// over options.segmentBudget, the finest coarser one within it. A level not
// uploaded yet is built now (Preparation::OnDemand) or asked of a worker
// (Background), and the nearest uploaded level stands in: coarser first,
// since it is cheaper, else finer.
LevelGpu* levelFor(VectorGpu& gpu, const LayerPass& pass) {
  const double pixel = std::min(pass.view.resolutionX(), pass.view.resolutionY());
  const double allowed = std::max(0.0f, pass.options.detailPx) * pixel;
  const size_t n = gpu.levels.size();
  size_t want = n;
  for (size_t l = 0; l < n; ++l) {
    if (gpu.levels[l]->tolerance <= allowed) {
      want = l;
      break;
    }
  }
  if (want == n) return nullptr;
  if (!gpu.levels[want]->uploaded) {
    if (!pass.requestLevel) {
      uploadLevels(gpu, {want}, pass.uploads);  // Preparation::OnDemand
    } else {
      if (!gpu.requested[want]) pass.requestLevel(gpu, want);
      ++pass.frame.substitutedLevels;
    }
  }
  auto uploaded = [&](size_t l) { return gpu.levels[l]->uploaded; };
  auto coarserUploaded = [&](size_t l) {  // the nearest uploaded level coarser than l, or n
    while (l-- > 0)
      if (uploaded(l)) return l;
    return n;
  };
  size_t chosen = uploaded(want) ? want : coarserUploaded(want);
  for (size_t l = want + 1; chosen == n && l < n; ++l)
    if (uploaded(l)) chosen = l;
  if (chosen == n) return nullptr;
  // Over the budget: coarser uploaded levels, as long as there are any.
  const size_t budget = pass.options.segmentBudget;
  while (budget > 0 && chosen > 0 && segmentsNear(*gpu.levels[chosen], pass.cull) > budget) {
    const size_t coarser = coarserUploaded(chosen);
    if (coarser == n) {
      // The coarsest level is the cheapest to build and to draw: ask for it for the next frames.
      if (pass.requestLevel && !gpu.requested[0]) pass.requestLevel(gpu, 0);
      break;
    }
    chosen = coarser;
    ++pass.frame.budgetedLevels;
  }
  return gpu.levels[chosen].get();
}

}  // namespace

void drawVector(VectorGpu& gpu, const LayerPass& pass) {
  if (!gpu.ready) {
    ++pass.frame.layersPending;
    return;
  }
  if (gpu.levels.empty() && gpu.pointTiles.empty()) return;
  const MapView& view = pass.view;
  const RenderOptions& options = pass.options;
  const Programs& programs = pass.programs;
  FrameStats& frame = pass.frame;
  const XY centre = view.center();
  LevelGpu* level = levelFor(gpu, pass);

  glActiveTexture(GL_TEXTURE0 + kUnitStyles);
  glBindTexture(GL_TEXTURE_BUFFER, gpu.styleTexture.id());
  glActiveTexture(GL_TEXTURE0 + kUnitStyleIndex);
  glBindTexture(GL_TEXTURE_BUFFER, gpu.styleIndexTexture.id());
  glActiveTexture(GL_TEXTURE0 + kUnitVisible);
  glBindTexture(GL_TEXTURE_BUFFER, gpu.visibleTexture.id());

  if (level && gpu.hasFills && (gpu.anyFilled || options.plain) && !level->fillTiles.empty()) {
    const Program& fill = programs.fill;
    glUseProgram(fill.id());
    setViewUniforms(fill, view, options, 1.0f);  // per-feature opacity is already in the style table
    glBindVertexArray(level->fillVao.id());
    SubmitThrottle throttle;
    for (const Tile& t : level->fillTiles) {
      if (!t.bounds.intersects(pass.cull)) continue;
      if (pass.window && !pass.window->take(t.count)) continue;
      setOffset(fill.offset, t.origin, centre);
      glDrawArrays(GL_TRIANGLES, static_cast<GLint>(t.first * 3), static_cast<GLsizei>(t.count * 3));
      ++frame.drawCalls;
      frame.trianglesDrawn += t.count;
      throttle.submitted(t.count);
    }
  }

  if (level && !level->segmentTiles.empty() && (!options.plain || level->hasLines)) {
    drawQuadTiles(
        programs.segment, level->segmentVao.id(), level->segmentBuffer.id(), level->segmentTiles,
        gpu.maxStrokePx * options.pixelRatio / 2 + 2, sizeof(SegmentInstance),
        [](uintptr_t base) {
          glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, sizeof(SegmentInstance), reinterpret_cast<void*>(base));
          glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, sizeof(SegmentInstance),
                                reinterpret_cast<void*>(base + offsetof(SegmentInstance, distance)));
          glVertexAttribIPointer(2, 1, GL_UNSIGNED_INT, sizeof(SegmentInstance),
                                 reinterpret_cast<void*>(base + offsetof(SegmentInstance, feature)));
        },
        pass, frame.segmentsDrawn);
  }

  if (!gpu.pointTiles.empty()) {
    const bool thinned = drawQuadTiles(
        programs.symbol, gpu.pointVao.id(), gpu.pointBuffer.id(), gpu.pointTiles,
        (gpu.maxSymbolPx + gpu.maxStrokePx) * options.pixelRatio / 2 + 2, sizeof(PointInstance),
        [](uintptr_t base) {
          glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(PointInstance), reinterpret_cast<void*>(base));
          glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, sizeof(PointInstance),
                                 reinterpret_cast<void*>(base + offsetof(PointInstance, feature)));
        },
        // A symbol's quad covers some three times a segment's pixels.
        pass, frame.pointsDrawn, options.pointBudget, kSymbolCost);
    if (thinned) ++frame.thinnedPointLayers;
  }
}

void beginRaster(RasterSamplers& samplers, const LayerPass& pass, float opacity) {
  if (!samplers.magnify) {
    samplers.magnify.create();
    samplers.minify.create();
    for (GLuint s : {samplers.magnify.id(), samplers.minify.id()}) {
      glSamplerParameteri(s, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
      glSamplerParameteri(s, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
      glSamplerParameteri(s, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    glSamplerParameteri(samplers.magnify.id(), GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glSamplerParameteri(samplers.minify.id(), GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
  }
  const Program& raster = pass.programs.raster;
  glUseProgram(raster.id());
  // Rasters ignore the plain and smoothing options: the defaults, with the layer's opacity.
  setViewUniforms(raster, pass.view, RenderOptions{}, opacity);
  glActiveTexture(GL_TEXTURE0 + kUnitImage);
}

void drawRasterPart(GLuint texture, int width, int height, const RasterMeshPart& place, const RasterSamplers& samplers,
                    const LayerPass& pass, bool mipmapped) {
  if (!place.bounds.intersects(pass.cull) || place.count == 0) return;
  const MapView& view = pass.view;
  setOffset(pass.programs.raster.offset, place.origin, view.center());
  glBindTexture(GL_TEXTURE_2D, texture);
  // Magnified when the part covers at least as many screen pixels as it has, both ways.
  bool magnified =
      place.bounds.width() / view.resolutionX() >= width && place.bounds.height() / view.resolutionY() >= height;
  glBindSampler(kUnitImage, magnified || !mipmapped ? samplers.magnify.id() : samplers.minify.id());
  glDrawArrays(GL_TRIANGLES, static_cast<GLint>(place.first), static_cast<GLsizei>(place.count));
  ++pass.frame.drawCalls;
  pass.frame.trianglesDrawn += place.count / 3;
}

void endRaster() {
  glBindTexture(GL_TEXTURE_2D, 0);
  glBindSampler(kUnitImage, 0);
}

void drawRaster(const RasterGpu& gpu, RasterSamplers& samplers, const LayerPass& pass) {
  if (gpu.tiles.empty()) return;
  beginRaster(samplers, pass, gpu.raster->opacity);
  glBindVertexArray(gpu.meshVao.id());
  for (const auto& t : gpu.tiles)
    drawRasterPart(t->texture.id(), t->pixels.width, t->pixels.height, t->place, samplers, pass);
  endRaster();
}

}  // namespace pamir::render::detail
