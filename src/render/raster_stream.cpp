#include "render/raster_stream.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "render/raster_tile_plan.hpp"
#include "render/raster_upload.hpp"

namespace pamir::render::detail {

namespace {

size_t tileBytes(int w, int h) { return static_cast<size_t>(w) * static_cast<size_t>(h) * 4; }

// The geotransform of `level`, from the preview's (RasterLayer::geoTransform
// spans the whole raster at the preview's size).
void levelTransform(const RasterLayer& r, const RasterLevel& level, double* g) {
  std::copy(r.geoTransform, r.geoTransform + 6, g);
  const double sx = static_cast<double>(r.width) / level.width, sy = static_cast<double>(r.height) / level.height;
  g[1] *= sx;
  g[4] *= sx;
  g[2] *= sy;
  g[5] *= sy;
}

// View CRS -> level-0 pixel coordinates, NaN where the view CRS point has no
// place in the raster's CRS.
struct ToPixels {
  const geo::Transform& toView;
  double g[6];
  void operator()(std::vector<XY>& points) const {
    toView.apply(points.data(), points.size(), /*inverse=*/true);
    const double det = g[1] * g[5] - g[2] * g[4];
    for (XY& p : points) {
      const double dx = p.x - g[0], dy = p.y - g[3];
      p = {(g[5] * dx - g[2] * dy) / det, (-g[4] * dx + g[1] * dy) / det};
    }
  }
};

bool finite(const XY& p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// Where the view falls on the raster: its extent in level-0 pixels (sampled
// on a grid, grown by one grid step for the curvature between samples), the
// level-0 pixels one screen pixel spans near the view's centre, and that centre.
struct Footprint {
  Bounds pixels;
  double perScreen = 0;
  XY centre;
};

Footprint viewFootprint(const MapView& view, const ToPixels& toPixels) {
  Footprint fp;
  constexpr int kSteps = 16;
  const Bounds e = view.extent();
  std::vector<XY> grid;
  for (int j = 0; j <= kSteps; ++j)
    for (int i = 0; i <= kSteps; ++i)
      grid.push_back({e.minx + e.width() * i / kSteps, e.miny + e.height() * j / kSteps});
  std::vector<XY> view0 = grid;
  toPixels(grid);
  for (const XY& p : grid)
    if (finite(p)) fp.pixels.add(p.x, p.y);
  if (fp.pixels.empty()) return fp;
  const double gx = fp.pixels.width() / kSteps, gy = fp.pixels.height() / kSteps;
  fp.pixels = {fp.pixels.minx - gx, fp.pixels.miny - gy, fp.pixels.maxx + gx, fp.pixels.maxy + gy};
  // The scale at the view's centre, else at the sample nearest it that has one.
  std::vector<size_t> byDistance(grid.size());
  for (size_t k = 0; k < grid.size(); ++k) byDistance[k] = k;
  const XY c = view.center();
  std::stable_sort(byDistance.begin(), byDistance.end(), [&](size_t a, size_t b) {
    return std::hypot(view0[a].x - c.x, view0[a].y - c.y) < std::hypot(view0[b].x - c.x, view0[b].y - c.y);
  });
  std::vector<XY> probe{c};
  for (size_t k : byDistance) probe.push_back(view0[k]);
  for (const XY& at : probe) {
    std::vector<XY> pts{at, {at.x + view.resolutionX(), at.y}, {at.x, at.y + view.resolutionY()}};
    toPixels(pts);
    if (!finite(pts[0]) || !finite(pts[1]) || !finite(pts[2])) continue;
    const double across = std::hypot(pts[1].x - pts[0].x, pts[1].y - pts[0].y);
    const double down = std::hypot(pts[2].x - pts[0].x, pts[2].y - pts[0].y);
    fp.perScreen = std::min(across, down);
    fp.centre = pts[0];
    break;
  }
  return fp;
}

}  // namespace

void RasterStreams::reset() {
  ++generation_;
  cache_.clear();
  rasters_.clear();
  arrived_.clear();
  wanted_.clear();
  loader_.want({});
}

RasterStreams::PerRaster& RasterStreams::state(size_t index, const RasterLayer& raster, const std::string& viewCrs) {
  if (rasters_.size() <= index) rasters_.resize(index + 1);
  PerRaster& st = rasters_[index];
  if (st.viewCrs != viewCrs) {  // a new entry, or one reset() did not clear
    st.viewCrs = viewCrs;
    st.toView.reset();
    auto t = geo::Transform::create(raster.crsWkt.empty() ? std::string("EPSG:4326") : raster.crsWkt, viewCrs);
    if (t) st.toView.emplace(std::move(*t));  // none: no tile of it is drawn, the preview's mesh says why
  }
  return st;
}

void RasterStreams::fail(size_t index, const RasterLayer& raster, const RasterTileKey& key, const std::string& why) {
  if (rasters_.size() <= index) rasters_.resize(index + 1);
  PerRaster& st = rasters_[index];
  st.failed.insert(key);
  if (!st.reported) errors_.push_back(raster.source + ": " + why + " (the preview is shown there)");
  st.reported = true;
}

StreamedTile* RasterStreams::upload(size_t index, const RasterLayer& raster, const RasterTileKey& key,
                                    const RasterTilePixels& pixels, PerRaster& st) {
  const auto& levels = raster.tiles->levels();
  if (!st.toView || key.level >= static_cast<int>(levels.size()) || pixels.width <= 0 || pixels.height <= 0 ||
      pixels.rgba.size() < static_cast<size_t>(pixels.width) * pixels.height * 4)
    return nullptr;
  auto tile = std::make_unique<StreamedTile>();
  tile->width = pixels.width;
  tile->height = pixels.height;
  tile->texture.create();
  glBindTexture(GL_TEXTURE_2D, tile->texture.id());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, pixels.width, pixels.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
               pixels.rgba.data());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  // No mipmaps: a tile is drawn at most 2x minified (the plan takes the
  // coarsest level still as fine as the screen), and building them doubled
  // the cost of taking a tile in on a software GL.
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
  glBindTexture(GL_TEXTURE_2D, 0);

  double g[6];
  levelTransform(raster, levels[static_cast<size_t>(key.level)], g);
  const int ts = raster.tiles->tileSize();
  std::vector<RasterVertex> vertices;
  tile->place = meshBlock(g, {key.col * ts, key.row * ts, pixels.width, pixels.height}, *st.toView, vertices);
  UploadStats ignored;  // the renderer's counters cover setLayers and setProjection only
  uploadRasterVertices(tile->vao, tile->buffer, vertices, ignored);
  return cache_.insert({index, key}, std::move(tile), tileBytes(pixels.width, pixels.height), frameNumber_);
}

bool RasterStreams::takeIn(const std::vector<const RasterLayer*>& rasters, const std::string& viewCrs, uint64_t frame,
                           double budgetMs) {
  frameNumber_ = frame;
  for (TileResult& r : loader_.take())
    if (r.job.generation == generation_) arrived_.push_back(std::move(r));
  const auto start = std::chrono::steady_clock::now();
  auto spent = [&] {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  };
  size_t uploaded = 0;
  auto it = arrived_.begin();
  for (; it != arrived_.end() && (uploaded == 0 || spent() < budgetMs); ++it) {
    const size_t index = it->job.key.raster;
    if (index >= rasters.size() || !rasters[index] || !rasters[index]->tiles) continue;
    const RasterLayer& raster = *rasters[index];
    if (!it->pixels) {
      fail(index, raster, it->job.key.tile, it->error);
      continue;
    }
    if (upload(index, raster, it->job.key.tile, *it->pixels, state(index, raster, viewCrs))) ++uploaded;
  }
  const bool any = it != arrived_.begin();
  arrived_.erase(arrived_.begin(), it);
  return any;
}

void RasterStreams::beginFrame(uint64_t frame) {
  frameNumber_ = frame;
  previous_ = frame_;
  frame_ = {};
  wanted_.clear();
  painted_ = false;
}

void RasterStreams::draw(size_t index, const RasterGpu& gpu, const std::string& viewCrs, RasterSamplers& samplers,
                         const LayerPass& pass) {
  const RasterLayer& raster = *gpu.raster;
  painted_ = true;
  PerRaster& st = state(index, raster, viewCrs);
  TilePlan plan;
  const auto& levels = raster.tiles->levels();
  const int ts = raster.tiles->tileSize();
  if (st.toView && !levels.empty()) {
    double g0[6];
    levelTransform(raster, levels.front(), g0);
    const ToPixels toPixels{*st.toView, {g0[0], g0[1], g0[2], g0[3], g0[4], g0[5]}};
    const Footprint fp = viewFootprint(pass.view, toPixels);
    // Three quarters of the budget: the rest keeps the coarser tiles drawn in their place.
    const size_t maxTiles = std::max<size_t>(16, cache_.budget() / tileBytes(ts, ts) * 3 / 4);
    plan = planRasterTiles(levels, ts, fp.pixels, fp.perScreen, fp.centre, raster.width, maxTiles);
  }
  if (plan.capped) ++frame_.capped;

  std::vector<const StreamedTile*> fine;
  std::set<RasterTileKey> standIns;
  for (const RasterTileKey& key : plan.tiles) {
    if (st.failed.count(key)) continue;
    StreamedTile* tile = cache_.find({index, key}, frameNumber_);
    if (!tile && !async_) {
      std::string error;
      if (auto pixels = raster.tiles->read(key, &error)) {
        tile = upload(index, raster, key, *pixels, st);
        ++frame_.tilesRead;
      } else {
        fail(index, raster, key, error);
      }
    }
    if (tile) {
      fine.push_back(tile);
      continue;
    }
    ++frame_.tilesMissing;
    const bool arriving = std::any_of(arrived_.begin(), arrived_.end(), [&](const TileResult& r) {
      return r.job.key.raster == index && r.job.key.tile == key;
    });
    if (async_ && !arriving) wanted_.push_back({{index, key}, raster.tiles, generation_});
    for (int coarser = key.level + 1; coarser < static_cast<int>(levels.size()); ++coarser) {
      const RasterTileKey up = coveringTile(levels, ts, key, coarser);
      // Found (not only looked up): marked used, it outlives this frame's uploads.
      if (cache_.find({index, up}, frameNumber_)) {
        standIns.insert(up);
        break;
      }
    }
  }
  frame_.tilesDrawn += fine.size();

  const bool complete = plan.level >= 0 && fine.size() == plan.tiles.size();
  if (!complete) drawRaster(gpu, samplers, pass);
  if (fine.empty() && standIns.empty()) return;
  beginRaster(samplers, pass, raster.opacity);
  // Coarsest first, so that finer tiles cover them.
  for (auto it = standIns.rbegin(); it != standIns.rend(); ++it) {
    const StreamedTile* t = cache_.find({index, *it}, frameNumber_);
    glBindVertexArray(t->vao.id());
    drawRasterPart(t->texture.id(), t->width, t->height, t->place, samplers, pass, false);
  }
  for (const StreamedTile* t : fine) {
    glBindVertexArray(t->vao.id());
    drawRasterPart(t->texture.id(), t->width, t->height, t->place, samplers, pass, false);
  }
  endRaster();
}

void RasterStreams::finishFrame() {
  if (async_ && painted_) loader_.want(std::move(wanted_));
  if (!painted_) frame_ = previous_;
  wanted_.clear();
  cache_.evict(frameNumber_);
}

size_t RasterStreams::pending() const { return loader_.pending() + arrived_.size(); }

std::vector<std::string> RasterStreams::takeErrors() {
  std::vector<std::string> out;
  out.swap(errors_);
  return out;
}

}  // namespace pamir::render::detail
