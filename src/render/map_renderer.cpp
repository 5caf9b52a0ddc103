#include "render/map_renderer.hpp"

#include <glad/gl.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include "render/background_work.hpp"
#include "render/frame_cache.hpp"
#include "render/label_painter.hpp"
#include "render/layer_draw.hpp"
#include "render/offscreen_target.hpp"
#include "render/raster_stream.hpp"
#include "render/raster_upload.hpp"
#include "render/shader_program.hpp"
#include "render/symbol_painter.hpp"
#include "render/vector_upload.hpp"

namespace pamir::render {

using detail::RasterGpu;
using detail::VectorGpu;

// The renderer's state; each concern's work is in its own file (shader_program,
// vector_upload, raster_upload, layer_draw, frame_cache, offscreen_target).
struct MapRenderer::Impl {
  std::string error;
  detail::Programs programs;
  bool ready = false;

  std::optional<geo::Projection> projection;
  Preparation preparation = Preparation::AllLevels;
  std::vector<const Layer*> vectorLayers;
  std::vector<const RasterLayer*> rasterLayers;
  std::vector<LayerRef> order;
  std::vector<std::shared_ptr<VectorGpu>> vectors;  // shared: a worker's delivery holds a weak one
  std::vector<std::unique_ptr<RasterGpu>> rasters;

  FrameStats frame;
  UploadStats uploads;
  detail::LabelPainter labels;
  detail::SymbolPainter symbolPainter;
  std::shared_ptr<const SymbolLibrary> symbols;
  detail::RasterSamplers samplers;
  detail::OffscreenTarget target;
  detail::FrameCache cache;
  detail::RasterStreams streams;
  uint64_t stateVersion = 0;  // bumped by every change to layers, styles, visibility or order
  // Of those, finer levels of detail taken in from the worker: the picture
  // they refine is still a picture of the same map.
  uint64_t levelsTakenIn = 0;
  uint64_t mapVersion() const { return stateVersion - levelsTakenIn; }
  uint64_t cachedMapVersion = ~uint64_t{0};  // mapVersion() of the cached frame
  bool cacheIsBudgeted = false;              // the cached frame has parts drawn within a segment or point budget
  // A full-detail frame being painted over several frames (frameBudget),
  // behind the cached one, and what it is a frame of.
  struct Refining {
    bool active = false;
    MapView view;
    std::vector<float> key;
    uint64_t version = 0;  // stateVersion when the painting began
    size_t painted = 0, total = 0;
  } refining;
  uint64_t framesDrawn = 0;
  detail::BackgroundWork work;  // last: stopped first, before what its deliveries would touch

  const geo::Projection& currentProjection();
  void buildVector(VectorGpu& gpu) {
    if (preparation == Preparation::Background)
      schedulePrepare(gpu);
    else
      detail::buildVector(gpu, currentProjection(), preparation, uploads);
  }
  void schedulePrepare(VectorGpu& gpu);
  void requestLevel(VectorGpu& gpu, size_t level);
  void buildRasterMesh(RasterGpu& gpu) { detail::uploadRasterMesh(gpu, currentProjection().definition(), uploads); }
  void draw(const MapView& view, const RenderOptions& options);
  void drawLabels(const MapView& view, const RenderOptions& options);
  void drawSymbols(const MapView& view, const RenderOptions& options);
  void renderLayers(const MapView& view, const RenderOptions& options, const Bounds& cull,
                    detail::PaintWindow* window = nullptr);
  bool drawRefining(const MapView& view, const RenderOptions& options, GLuint target);
  bool drawToTarget(const MapView& view, const RenderOptions& options);
};

namespace {

void clearTo(const Color& c) {
  glClearColor(detail::channel(c.r), detail::channel(c.g), detail::channel(c.b), detail::channel(c.a));
  glClear(GL_COLOR_BUFFER_BIT);
}

void blendOver() {
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

}  // namespace

const geo::Projection& MapRenderer::Impl::currentProjection() {
  if (!projection) {
    auto p = geo::Projection::create(geo::kDefaultViewCrs);
    // Pamir's own CRS failing means PROJ itself is unusable (no proj.db): nothing can be drawn.
    if (!p) throw std::runtime_error("cannot build the default view CRS: " + p.error());
    projection = std::move(*p);
  }
  return *projection;
}

// The worker projects the layer in its own Projection (PROJ objects are not
// shared across threads) and builds the coarsest level with it, so that the
// layer shows as soon as the delivery is taken in.
void MapRenderer::Impl::schedulePrepare(VectorGpu& gpu) {
  gpu.ready = false;
  gpu.levels.clear();
  const uint64_t generation = ++gpu.generation;
  const Layer* layer = gpu.layer;
  std::weak_ptr<VectorGpu> weak = gpu.shared_from_this();
  work.submit(
      [this, layer, crs = currentProjection().definition(), weak, generation]() -> detail::BackgroundWork::Delivery {
        auto projection = geo::Projection::create(crs);
        if (!projection) return {};
        auto prepared = std::make_shared<detail::PreparedVector>(detail::prepareVector(*layer, *projection));
        if (!prepared->geometry.levels.empty())
          detail::buildDetailLevels(prepared->geometry, {0}, detail::BackgroundWork::threads());
        return [this, weak, generation, prepared] {
          auto g = weak.lock();
          if (!g || g->generation != generation) return;
          detail::installVector(*g, std::move(*prepared), Preparation::OnDemand, uploads);
          if (!g->levels.empty()) detail::uploadBuiltLevel(*g, 0, g->geometry.levels[0], uploads);
          ++stateVersion;
        };
      });
}

void MapRenderer::Impl::requestLevel(VectorGpu& gpu, size_t level) {
  if (level >= gpu.requested.size() || gpu.requested[level]) return;
  gpu.requested[level] = 1;
  auto source = std::make_shared<detail::LayerGeometry>(detail::levelSource(gpu.geometry));
  std::weak_ptr<VectorGpu> weak = gpu.shared_from_this();
  work.submit([this, source, level, weak, generation = gpu.generation]() -> detail::BackgroundWork::Delivery {
    detail::buildDetailLevels(*source, {level}, detail::BackgroundWork::threads());
    return [this, source, level, weak, generation] {
      auto g = weak.lock();
      if (!g || g->generation != generation || level >= g->levels.size()) return;
      detail::uploadBuiltLevel(*g, level, source->levels[level], uploads);
      ++stateVersion;
      ++levelsTakenIn;
    };
  });
}

void MapRenderer::Impl::drawLabels(const MapView& view, const RenderOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<detail::LabelCandidate> candidates;
  const Bounds extent = view.extent();
  // Scale for label gating, per style pixel (a HiDPI frame or a print-size
  // export shows the same labels as the map at its style size); a degree is
  // taken as 111.32 km in geographic CRSs, which is precise enough to decide
  // whether a map is zoomed in.
  const double metresPerPixel =
      view.resolutionX() * options.pixelRatio * (projection && projection->isGeographic() ? 111320.0 : 1.0);
  // By priority first (the painter sorts, keeping this order within one);
  // then top layer first, and within a layer points before lines before
  // areas (a place name matters more than its province's).
  for (auto kind :
       {detail::LabelAnchor::Kind::Point, detail::LabelAnchor::Kind::Line, detail::LabelAnchor::Kind::Polygon}) {
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      if (it->kind != LayerRef::Kind::Vector || it->index >= vectors.size()) continue;
      VectorGpu& gpu = *vectors[it->index];
      if (!gpu.ready || !gpu.shown || !gpu.layer->visible) continue;
      for (detail::LabelEntry& e : gpu.labels) {
        if (e.kind != kind || !extent.contains(e.position.x, e.position.y) || !gpu.visible[e.feature]) continue;
        if (e.maxMetresPerPixel > 0 && metresPerPixel > e.maxMetresPerPixel) continue;
        XY p = view.mapToPixel(e.position);
        const float offset = options.militarySymbols && e.symbolOffsetPx > 0 ? e.symbolOffsetPx : e.offsetPx;
        candidates.push_back({static_cast<float>(p.x), static_cast<float>(p.y), offset * options.pixelRatio,
                              kind != detail::LabelAnchor::Kind::Point, &e.text, e.priority});
      }
    }
  }
  if (!candidates.empty()) {
    frame.labelsDrawn =
        labels.draw(view.width(), view.height(), options.pixelRatio, candidates, options.keepLabelPlaces);
    frame.labelsMoved = labels.lastMoved();
    frame.labelLeaders = labels.lastLeaders();
  }
  frame.labelMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

void MapRenderer::Impl::drawSymbols(const MapView& view, const RenderOptions& options) {
  if (!options.militarySymbols || !symbols || symbols->empty()) return;
  const auto start = std::chrono::steady_clock::now();
  std::vector<detail::SymbolRequest> requests;
  const Bounds extent = view.extent();
  // A symbol reaches about 40 px beyond its site: keep those just outside the view.
  const double margin = 40.0 * options.pixelRatio * view.resolutionX();
  // Bottom layer first, so a top layer's symbols lie over a lower one's.
  for (const LayerRef& ref : order) {
    if (ref.kind != LayerRef::Kind::Vector || ref.index >= vectors.size()) continue;
    detail::VectorGpu& gpu = *vectors[ref.index];
    if (!gpu.ready || !gpu.shown || !gpu.layer->visible) continue;
    if (gpu.symbolsStale || gpu.symbolsFrom != symbols.get())
      detail::resolveSymbols(gpu, symbols.get(), detail::kSymbolScale);
    for (const detail::SymbolEntry& e : gpu.symbols) {
      if (!gpu.visible[e.feature]) continue;
      if (e.position.x < extent.minx - margin || e.position.x > extent.maxx + margin ||
          e.position.y < extent.miny - margin || e.position.y > extent.maxy + margin)
        continue;
      const XY p = view.mapToPixel(e.position);
      requests.push_back({static_cast<float>(p.x), static_cast<float>(p.y), e.symbol, e.fill});
    }
  }
  frame.militarySymbolsDrawn =
      symbolPainter.draw(view.width(), view.height(), options.pixelRatio, requests, symbols->placeholder());
  frame.militarySymbolMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

void MapRenderer::Impl::renderLayers(const MapView& view, const RenderOptions& options, const Bounds& cull,
                                     detail::PaintWindow* window) {
  if (options.plain) {
    glDisable(GL_BLEND);
  } else {
    blendOver();
  }
  detail::LayerPass pass{programs, view, options, cull, frame, uploads};
  if (preparation == Preparation::Background)
    pass.requestLevel = [this](VectorGpu& gpu, size_t level) { requestLevel(gpu, level); };
  pass.window = window;
  for (const LayerRef& ref : order) {
    if (ref.kind == LayerRef::Kind::Raster) {
      // A frame painted in parts has its (untiled) rasters in its first part.
      if (window && window->from > 0) continue;
      if (options.plain || ref.index >= rasters.size()) continue;
      RasterGpu& gpu = *rasters[ref.index];
      if (!gpu.shown || !gpu.raster->visible) continue;
      if (gpu.raster->tiles)
        streams.draw(ref.index, gpu, currentProjection().definition(), samplers, pass);
      else
        detail::drawRaster(gpu, samplers, pass);
    } else {
      if (ref.index >= vectors.size()) continue;
      VectorGpu& gpu = *vectors[ref.index];
      if (gpu.shown && gpu.layer->visible) detail::drawVector(gpu, pass);
    }
  }
  glBindVertexArray(0);
  glUseProgram(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  glActiveTexture(GL_TEXTURE0);
}

// Paints the full detail in parts of options.frameBudget primitives, one part
// a frame, behind the cached frame, which stays on screen until the whole
// frame replaces it; when no whole frame of this view is cached, one within
// the segment and point budgets goes first. False when the frame fits the
// budget, or cannot be painted so: the caller draws it at once.
bool MapRenderer::Impl::drawRefining(const MapView& view, const RenderOptions& options, GLuint target) {
  std::vector<float> key = detail::frameKey(options, vectorLayers, rasterLayers);
  if (refining.active) {
    const MapView& v = refining.view;
    const bool same = key == refining.key && v.width() == view.width() && v.height() == view.height() &&
                      v.resolutionX() == view.resolutionX() && v.resolutionY() == view.resolutionY() &&
                      v.center() == view.center();
    // Anything but a finer level taken in starts again from a coarser frame;
    // a finer level only starts the painting behind it again.
    if (!same || stateVersion != refining.version) refining.active = false;
  }
  if (!refining.active) {
    // What the whole frame would paint, counted by a pass that draws nothing.
    const FrameStats before = frame;
    detail::PaintWindow count{std::numeric_limits<size_t>::max(), std::numeric_limits<size_t>::max(), 0};
    renderLayers(view, options, view.extent(), &count);
    frame = before;
    if (count.position <= options.frameBudget) return false;
    if (cache.holds(view, key, stateVersion) && !cacheIsBudgeted) return false;  // the full detail is cached
    // The cached frame stands in while the detail is painted when it shows
    // this view and map, if at coarser levels; else a coarser frame first.
    if (!cache.holdsView(view, key) || cachedMapVersion != mapVersion()) {
      // Nothing of this view yet: a coarser frame first, whole.
      RenderOptions coarse = options;
      coarse.segmentBudget = coarse.pointBudget = std::max<size_t>(options.frameBudget / 2, 1);
      auto paint = [&](const Bounds& cull) {
        clearTo(options.background);
        renderLayers(view, coarse, cull);
      };
      if (!cache.update(view, key, stateVersion, paint, frame)) return false;
      cacheIsBudgeted = true;
      cachedMapVersion = mapVersion();
    }
    refining = {true, view, std::move(key), stateVersion, 0, count.position};
    frame.refiningOf = refining.total;
    cache.copyTo(target, view.width(), view.height());
    return true;
  }
  detail::PaintWindow part{refining.painted, refining.painted + options.frameBudget, 0};
  const bool painted = cache.paintBehind(view, [&](const Bounds& cull) {
    if (part.from == 0) clearTo(options.background);
    renderLayers(view, options, cull, &part);
  });
  if (!painted) {
    refining.active = false;
    return false;
  }
  refining.painted = part.until;
  if (part.position <= refining.painted) {
    cache.promoteBehind(view, refining.key, refining.version);
    cacheIsBudgeted = false;
    cachedMapVersion = mapVersion();
    refining.active = false;
  } else {
    frame.refiningDone = refining.painted;
    frame.refiningOf = refining.total;
  }
  cache.copyTo(target, view.width(), view.height());
  return true;
}

void MapRenderer::Impl::draw(const MapView& view, const RenderOptions& options) {
  auto start = std::chrono::steady_clock::now();
  frame = {};
  work.deliver();  // what the worker finished since the last frame (Preparation::Background)
  // Tiles read since the last frame change what the view shows: no frame reuse.
  if (streams.takeIn(rasterLayers, currentProjection().definition(), framesDrawn)) ++stateVersion;
  streams.beginFrame(framesDrawn);
  const int w = view.width(), h = view.height();
  const bool firstFrame = framesDrawn++ == 0;
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glDisable(GL_CULL_FACE);
  glDisable(GL_SCISSOR_TEST);
  GLint bound = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &bound);
  GLint boundSampleBuffers = 0;
  glGetIntegerv(GL_SAMPLE_BUFFERS, &boundSampleBuffers);

  auto paint = [&](const Bounds& cull) {
    clearTo(options.background);
    renderLayers(view, options, cull);
  };
  bool cached = false;
  bool refined = false;
  const bool streaming = std::any_of(rasters.begin(), rasters.end(), [](const auto& r) {
    return r->shown && r->raster->visible && r->raster->tiles != nullptr;
  });
  if (ready && options.frameBudget > 0 && options.reuseFrames && boundSampleBuffers == 0 && !firstFrame &&
      options.segmentBudget == 0 && options.pointBudget == 0 && !streaming) {
    refined = cached = drawRefining(view, options, static_cast<GLuint>(bound));
    if (!refined) glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(bound));
  } else {
    refining.active = false;
  }
  // A frame drawn within a budget (a coarser level, thinned points) is not
  // shifted into the frames that follow once the budget is lifted.
  if (!refined && cacheIsBudgeted && options.segmentBudget == 0 && options.pointBudget == 0) {
    cache.invalidate();
    cacheIsBudgeted = false;
  }
  if (!refined && ready && options.reuseFrames && boundSampleBuffers == 0 && !firstFrame) {
    cached = cache.update(view, detail::frameKey(options, vectorLayers, rasterLayers), stateVersion, paint, frame);
    // A cache that could not be made may have left one of its framebuffers bound.
    if (!cached) glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(bound));
  }
  if (!ready) {
    glViewport(0, 0, w, h);
    clearTo(options.background);
  } else if (!cached) {
    // A renderer's first frame is drawn straight into the target: a one-shot
    // render (pamir render) then never pays for the cache's two textures.
    cache.invalidate();
    cacheIsBudgeted = false;
    glViewport(0, 0, w, h);
    paint(view.extent());
  } else if (!refined) {
    cacheIsBudgeted = cacheIsBudgeted || frame.budgetedLevels + frame.thinnedPointLayers > 0;
    cachedMapVersion = mapVersion();
    cache.copyTo(static_cast<GLuint>(bound), w, h);
    glViewport(0, 0, w, h);
  } else {
    glViewport(0, 0, w, h);
  }
  if (ready && !options.plain) {
    blendOver();
    drawSymbols(view, options);
  }
  if (ready && options.labels && !options.plain) {
    blendOver();
    drawLabels(view, options);
  }
  blendOver();
  streams.finishFrame();
  const detail::StreamFrame& tiles = streams.lastFrame();
  frame.rasterTilesDrawn = tiles.tilesDrawn;
  frame.rasterTilesMissing = tiles.tilesMissing;
  frame.rasterTilesRead = tiles.tilesRead;
  frame.rastersCapped = tiles.capped;
  frame.cpuMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

bool MapRenderer::Impl::drawToTarget(const MapView& view, const RenderOptions& options) {
  // Lines and symbols are smoothed by their own shaders and labels are
  // textures: only polygon fills need multisampling, which costs a software
  // rasteriser about half again the time of a render of a million symbols.
  const bool fills = std::any_of(vectors.begin(), vectors.end(), [](const auto& v) {
    return v->hasFills && v->anyFilled && v->shown && v->layer->visible;
  });
  int samples = options.antialias && !options.plain && fills ? options.msaaSamples : 0;
  if (!target.prepare(view.width(), view.height(), samples)) return false;
  GLint previous = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
  glBindFramebuffer(GL_FRAMEBUFFER, target.drawFramebuffer());
  draw(view, options);
  target.resolve();
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
  return true;
}

// ================================================================ MapRenderer
MapRenderer::MapRenderer() : MapRenderer(std::string()) {}

MapRenderer::MapRenderer(const std::string& shaderDir) : impl_(std::make_unique<Impl>()) {
  impl_->ready = detail::loadPrograms(shaderDir, impl_->programs, &impl_->error);
}

MapRenderer::~MapRenderer() = default;

bool MapRenderer::ok() const { return impl_->ready; }
const std::string& MapRenderer::error() const { return impl_->error; }

void MapRenderer::setProjection(const geo::Projection& projection) {
  ++impl_->stateVersion;
  impl_->projection = projection;
  impl_->work.cancelQueued();  // levels for the old CRS; a running job's result is dropped when it arrives
  for (auto& v : impl_->vectors) impl_->buildVector(*v);
  for (auto& r : impl_->rasters) impl_->buildRasterMesh(*r);
  impl_->streams.reset();  // tile meshes are in the old CRS
}

const geo::Projection& MapRenderer::projection() const { return impl_->currentProjection(); }

void MapRenderer::setLayers(std::vector<const Layer*> vectors, std::vector<const RasterLayer*> rasters,
                            std::vector<LayerRef> order) {
  Impl& m = *impl_;
  m.work.cancelAndWait();  // a running job may still read the layers being replaced
  m.streams.reset();       // tiles are of the old rasters (a read in progress keeps its source alive)
  m.vectors.clear();
  m.rasters.clear();
  m.vectorLayers = std::move(vectors);
  m.rasterLayers = std::move(rasters);
  for (const Layer* layer : m.vectorLayers) {
    auto gpu = std::make_shared<VectorGpu>();
    gpu->layer = layer;
    if (layer) gpu->visible.assign(layer->features.size(), 1);  // a filter set before it is ready holds
    m.vectors.push_back(std::move(gpu));
  }
  for (const RasterLayer* raster : m.rasterLayers) {
    auto gpu = std::make_unique<RasterGpu>();
    gpu->raster = raster;
    m.rasters.push_back(std::move(gpu));
  }
  setOrder(std::move(order));
  for (auto& v : m.vectors) {
    if (v->layer) m.buildVector(*v);
  }
  for (auto& r : m.rasters) {
    if (!r->raster) continue;
    detail::uploadRasterTextures(*r, m.uploads);
    m.buildRasterMesh(*r);
  }
}

const std::vector<LayerRef>& MapRenderer::order() const { return impl_->order; }

void MapRenderer::setOrder(std::vector<LayerRef> order) {
  ++impl_->stateVersion;
  Impl& m = *impl_;
  if (order.empty()) {
    for (size_t i = 0; i < m.rasters.size(); ++i) order.push_back(LayerRef::raster(i));
    for (size_t i = 0; i < m.vectors.size(); ++i) order.push_back(LayerRef::vector(i));
  }
  std::erase_if(order, [&](const LayerRef& r) {
    return r.kind == LayerRef::Kind::Vector ? r.index >= m.vectors.size() : r.index >= m.rasters.size();
  });
  m.order = std::move(order);
}

void MapRenderer::setLayerVisible(size_t drawIndex, bool visible) {
  if (drawIndex < impl_->order.size()) setLayerVisible(impl_->order[drawIndex], visible);
}

void MapRenderer::setLayerVisible(LayerRef layer, bool visible) {
  ++impl_->stateVersion;
  if (layer.kind == LayerRef::Kind::Vector) {
    if (layer.index < impl_->vectors.size()) impl_->vectors[layer.index]->shown = visible;
  } else if (layer.index < impl_->rasters.size()) {
    impl_->rasters[layer.index]->shown = visible;
  }
}

void MapRenderer::setFeatureVisible(size_t vectorIndex, size_t featureIndex, bool visible) {
  if (vectorIndex >= impl_->vectors.size()) return;
  VectorGpu& gpu = *impl_->vectors[vectorIndex];
  if (featureIndex >= gpu.visible.size() || (gpu.visible[featureIndex] != 0) == visible) return;
  gpu.visible[featureIndex] = visible ? 1 : 0;
  ++impl_->stateVersion;
  if (gpu.ready) detail::uploadFeatureVisibility(gpu, featureIndex, impl_->uploads);  // else installed with it
}

void MapRenderer::setFeatureVisibility(size_t vectorIndex, const std::vector<uint8_t>& mask) {
  ++impl_->stateVersion;
  if (vectorIndex >= impl_->vectors.size()) return;
  VectorGpu& gpu = *impl_->vectors[vectorIndex];
  for (size_t i = 0; i < gpu.visible.size(); ++i) gpu.visible[i] = i < mask.size() ? (mask[i] != 0) : 1;
  detail::uploadVisibility(gpu, impl_->uploads);
}

void MapRenderer::setSymbols(std::shared_ptr<const SymbolLibrary> library) { impl_->symbols = std::move(library); }

void MapRenderer::setFeatureFilter(const std::function<bool(const Layer&, const Feature&)>& keep) {
  ++impl_->stateVersion;
  for (auto& v : impl_->vectors) {
    const Layer& layer = *v->layer;
    for (size_t i = 0; i < layer.features.size() && i < v->visible.size(); ++i) {
      v->visible[i] = !keep || keep(layer, layer.features[i]) ? 1 : 0;
    }
    detail::uploadVisibility(*v, impl_->uploads);
  }
}

bool MapRenderer::featureVisible(size_t vectorIndex, size_t featureIndex) const {
  if (vectorIndex >= impl_->vectors.size()) return false;
  const VectorGpu& gpu = *impl_->vectors[vectorIndex];
  return featureIndex < gpu.visible.size() && gpu.visible[featureIndex];
}

void MapRenderer::refreshStyles() {
  ++impl_->stateVersion;
  for (auto& v : impl_->vectors) {
    const Layer& layer = *v->layer;
    bool rebuild = v->outlined.size() != layer.features.size();
    for (size_t i = 0; !rebuild && i < layer.features.size(); ++i) {
      rebuild = (layer.styleFor(layer.features[i]).strokeWidth > 0) != (v->outlined[i] != 0);
    }
    if (rebuild) {
      impl_->buildVector(*v);
    } else {
      detail::uploadStyles(*v, impl_->uploads);
      detail::resolveLabels(*v);
    }
  }
}

void MapRenderer::draw(const MapView& view, const RenderOptions& options) { impl_->draw(view, options); }

bool MapRenderer::drawOffscreen(const MapView& view, const RenderOptions& options) {
  return impl_->drawToTarget(view, options);
}

Image MapRenderer::renderToImage(const MapView& view, const RenderOptions& options) {
  if (!impl_->drawToTarget(view, options)) return {};
  return impl_->target.readBack();
}

size_t MapRenderer::pendingWork() const { return impl_->work.pending() + impl_->streams.pending(); }

void MapRenderer::finishPendingWork() {
  impl_->work.finishAll();
  impl_->streams.waitIdle();
  Impl& m = *impl_;
  if (m.streams.takeIn(m.rasterLayers, m.currentProjection().definition(), m.framesDrawn, 1e300)) ++m.stateVersion;
}

void MapRenderer::setRasterStreaming(bool onWorker) { impl_->streams.setAsync(onWorker); }
void MapRenderer::setRasterTileBudget(size_t bytes) { impl_->streams.setBudget(bytes); }
MapRenderer::RasterTileStats MapRenderer::rasterTiles() const {
  return {impl_->streams.cachedTiles(), impl_->streams.cachedBytes(), impl_->streams.evictions()};
}
std::vector<std::string> MapRenderer::takeRasterErrors() { return impl_->streams.takeErrors(); }
void MapRenderer::holdRasterReads(bool held) { impl_->streams.holdReads(held); }
void MapRenderer::stopPendingWork() { impl_->work.cancelAndWait(); }

size_t MapRenderer::layersPreparing() const {
  size_t n = 0;
  for (const auto& v : impl_->vectors) n += v->layer && !v->ready ? 1 : 0;
  return n;
}

const FrameStats& MapRenderer::lastFrame() const { return impl_->frame; }
const UploadStats& MapRenderer::uploads() const { return impl_->uploads; }

void MapRenderer::setPreparation(Preparation preparation) { impl_->preparation = preparation; }

const char* MapRenderer::labelFontPath() { return detail::LabelPainter::fontPath(); }

}  // namespace pamir::render
