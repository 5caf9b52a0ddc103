#pragma once
// Draws vector and raster layers with OpenGL 3.3 core, in a window or
// headless (see OffscreenContext).
//
// Geometry is projected, simplified into levels of detail, triangulated and
// uploaded once, in setLayers() and again only in setProjection(); panning and
// zooming change uniforms only (see Preparation for one-shot renders).
// Positions are stored as floats relative to small spatial tiles and offset by
// the view centre computed in double, so deep zooms (view CRS coordinates of
// ~5e6 m) do not jitter.
//
// Every call needs the GL context the renderer was made in to be current.
// Labels are shaped and rasterised on the CPU (HarfBuzz, FreeType) into a
// sprite atlas and drawn with the renderer's own GL (no ImGui context).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/feature.hpp"
#include "core/map_view.hpp"
#include "core/military_symbols.hpp"
#include "core/style.hpp"
#include "geo/projection.hpp"
#include "render/image.hpp"

namespace pamir::render {

struct RenderOptions {
  Color background{238, 238, 232, 255};
  /// Comparison style (pamir render --plain): no rasters, labels, outlines,
  /// nor any anti-aliasing; every polygon, line and point in `plainFill`
  /// (or its own fill colour when unset) on `background`.
  bool plain = false;
  std::optional<Color> plainFill;
  bool antialias = true;  ///< smoothed edges of lines and symbols, and MSAA off-screen
  /// Samples per pixel of the off-screen target (renderToImage, drawOffscreen) when antialias is on.
  int msaaSamples = 4;
  bool labels = true;
  /// Labels try the place beside their symbol they had in the last frame
  /// first, so they keep it while the view moves. A window sets it while
  /// the view moves and clears it once still, so that a still view is
  /// labelled as a one-shot render of it is (pamir render --session).
  bool keepLabelPlaces = false;
  /// Point features with a SIDC field whose code the symbol library has
  /// (setSymbols) are drawn with their APP-6 / MIL-STD-2525 symbol over
  /// their plain one; false: the plain symbols alone.
  bool militarySymbols = true;
  /// Physical pixels per style pixel (HiDPI): line widths, symbol and label sizes scale by it.
  float pixelRatio = 1.0f;
  /// Largest simplification allowed, in pixels: the renderer draws the
  /// coarsest level of detail whose tolerance is below this.
  float detailPx = 0.5f;
  /// When the view only moved by whole pixels since the last frame (a pan)
  /// and nothing else changed, shift that frame and draw only the uncovered
  /// strips: the same pixels, for a fraction of the work. Labels are always
  /// placed afresh. Not with multisampling (in renderToImage or a
  /// multisampled window), where every frame is drawn whole.
  bool reuseFrames = true;
  /// Most segments a layer may draw in this frame (0 = no limit): over it, a
  /// coarser level of detail is drawn. A window sets it while the view moves,
  /// so that a pan or a wheel notch answers at once on millions of segments,
  /// and clears it to draw the full detail once the view is still.
  size_t segmentBudget = 0;
  /// Most point symbols a layer may draw in this frame (0 = no limit): over
  /// it, each spatial tile draws the same share of its points, an even
  /// thinning (points keep their load order within a tile), and the full
  /// set follows once the view is still.
  size_t pointBudget = 0;
  /// Most primitives (fill triangles, segments; a symbol counts three) one frame may paint
  /// (0 = no limit). A full-detail frame over it is painted over several
  /// frames into the frame cache, this many primitives each, while the last
  /// whole frame of the view (a coarser one, drawn within the segment and
  /// point budgets, when there is none) stays on screen; the finished frame
  /// replaces it. A window sets it once the view is still, so that no frame
  /// holds the UI thread long on millions of primitives. Needs reuseFrames;
  /// not while raster tiles stream.
  size_t frameBudget = 0;
};

/// What the last draw() did.
struct FrameStats {
  double cpuMs = 0;  ///< CPU time spent in draw(), without waiting for the GPU
  size_t drawCalls = 0;
  size_t trianglesDrawn = 0;  ///< submitted (fills + 2 per segment + 2 per symbol + raster meshes)
  size_t segmentsDrawn = 0;
  size_t pointsDrawn = 0;
  size_t labelsDrawn = 0;
  size_t labelsMoved = 0;   ///< labels placed elsewhere beside their symbol than in their last frame
  size_t labelLeaders = 0;  ///< curated sites' labels placed further out with a leader
  size_t militarySymbolsDrawn = 0;
  /// CPU time placing and drawing the labels, and the military symbols, ms (in cpuMs too).
  double labelMs = 0, militarySymbolMs = 0;
  size_t scrolledFrames = 0;  ///< 1 when this frame reused the previous one (reuseFrames)
  /// Layers drawn at another level of detail than the view asked for, because
  /// a worker is still building it (Preparation::Background).
  size_t substitutedLevels = 0;
  size_t budgetedLevels = 0;      ///< steps to a coarser level taken to keep within segmentBudget
  size_t thinnedPointLayers = 0;  ///< point layers drawn thinned to keep within pointBudget
  /// The full detail is being painted over several frames (frameBudget):
  /// primitives painted so far, of `refiningOf`; 0 when it is not.
  size_t refiningDone = 0, refiningOf = 0;
  size_t layersPending = 0;       ///< layers not drawn at all: a worker is still projecting them
  size_t rasterTilesDrawn = 0;    ///< tiles of large rasters at the level the view needs
  size_t rasterTilesMissing = 0;  ///< of those, not read yet: coarser tiles or the preview drawn there
  size_t rasterTilesRead = 0;     ///< read during this frame (without setRasterStreaming)
  /// Rasters drawn coarser than the view needs because the level it needs
  /// has too many tiles in view (a large raster without overviews).
  size_t rastersCapped = 0;
  /// This frame is not the full-detail one: a later draw() of the same view will differ.
  bool provisional() const {
    return substitutedLevels + budgetedLevels + thinnedPointLayers + refiningOf + layersPending + rasterTilesMissing >
           0;
  }
};

/// Data sent to the GPU since the renderer was made. Geometry counters move
/// only in setLayers/setProjection (and, with Preparation::OnDemand, the
/// first time a level of detail is drawn); style and visibility tables in
/// refreshStyles and the visibility setters; nothing else in draw(). (Label
/// sprites and their one instance per label are not counted.)
struct UploadStats {
  size_t geometryUploads = 0;  ///< vertex buffers and raster meshes
  size_t geometryBytes = 0;
  size_t textureUploads = 0;     ///< raster images
  size_t styleUploads = 0;       ///< per-feature style tables
  size_t visibilityUploads = 0;  ///< per-feature visibility tables
};

/// One entry of the drawing order.
struct LayerRef {
  enum class Kind { Vector, Raster };
  Kind kind = Kind::Vector;
  size_t index = 0;  ///< into the vectors or rasters given to setLayers
  static LayerRef vector(size_t i) { return {Kind::Vector, i}; }
  static LayerRef raster(size_t i) { return {Kind::Raster, i}; }
  friend bool operator==(const LayerRef&, const LayerRef&) = default;
};

/// How much geometry setLayers() and setProjection() prepare.
enum class Preparation {
  /// Every level of detail is built and uploaded at once: zooming never
  /// uploads anything (a window).
  AllLevels,
  /// Only projection up front; a level is built and uploaded the first time
  /// a view needs it (one-shot renders: pamir render draws one level).
  OnDemand,
  /// Projection and every level on a worker thread (a window with big
  /// data): setLayers() and setProjection() return at once, each layer
  /// appears when its coarsest level is ready, and a level a view needs is
  /// built behind the frames that draw the nearest one there is. draw() takes
  /// in what the worker finished; pendingWork() says whether more will come.
  Background,
};

class MapRenderer {
 public:
  /// Shaders compiled into the library.
  MapRenderer();
  /// Shaders read from `shaderDir`/*.glsl instead (for editing shaders without rebuilding).
  explicit MapRenderer(const std::string& shaderDir);
  ~MapRenderer();
  MapRenderer(const MapRenderer&) = delete;
  MapRenderer& operator=(const MapRenderer&) = delete;

  /// False (with the reason) when the shaders did not compile or link: draw() then draws nothing.
  bool ok() const;
  const std::string& error() const;

  /// Takes effect at the next setLayers() or setProjection(). Default: AllLevels.
  void setPreparation(Preparation preparation);

  /// The view CRS (default: geo::kDefaultViewCrs). Re-projects the held layers
  /// and uploads them again; sources are not re-read.
  void setProjection(const geo::Projection& projection);
  const geo::Projection& projection() const;

  /// The layers to draw, held by pointer: they must outlive the renderer or
  /// the next setLayers(). `order` lists them bottom first, rasters and
  /// vectors interleaved as you like; empty means every raster (in the given
  /// order) under every vector layer. Projects and uploads the geometry (every
  /// level of detail, unless Preparation::OnDemand).
  void setLayers(std::vector<const Layer*> vectors, std::vector<const RasterLayer*> rasters,
                 std::vector<LayerRef> order = {});
  const std::vector<LayerRef>& order() const;
  /// Changes the drawing order only (no upload); entries must name layers given to setLayers.
  void setOrder(std::vector<LayerRef> order);

  /// Shows or hides a layer: `drawIndex` is its position in order() (0 = bottom).
  /// A layer is drawn when this and its own `visible` flag are both true
  /// (Layer::visible, RasterLayer::visible and RasterLayer::opacity are read
  /// at every frame).
  void setLayerVisible(size_t drawIndex, bool visible);
  void setLayerVisible(LayerRef layer, bool visible);

  /// Per-feature visibility of vector layer `vectorIndex` (index into the
  /// features of that Layer), without re-uploading geometry.
  void setFeatureVisible(size_t vectorIndex, size_t featureIndex, bool visible);
  /// A whole mask at once (one byte per feature, non-zero = shown); shorter masks hide nothing more.
  void setFeatureVisibility(size_t vectorIndex, const std::vector<uint8_t>& mask);
  /// Evaluates `keep` for every feature of every vector layer (year and
  /// country filters); an empty function shows everything again.
  void setFeatureFilter(const std::function<bool(const Layer&, const Feature&)>& keep);
  /// The military symbols to draw sites with (RenderOptions::militarySymbols); null: none.
  void setSymbols(std::shared_ptr<const SymbolLibrary> library);
  bool featureVisible(size_t vectorIndex, size_t featureIndex) const;

  /// Re-reads Layer::style and styleRules (and the label texts) after the
  /// caller changed them. Uploads only the per-feature style tables, unless a
  /// feature gained or lost its outline (that layer's geometry is rebuilt).
  void refreshStyles();

  /// Draws into the currently bound framebuffer, which must be view.width() x
  /// view.height() pixels. Leaves blending enabled and the program and vertex
  /// array unbound.
  void draw(const MapView& view, const RenderOptions& options = {});

  /// Draws into an off-screen target (multisampled when antialias) and reads
  /// it back, top row first. Empty when the size is beyond the GL limits.
  Image renderToImage(const MapView& view, const RenderOptions& options = {});
  /// The same without reading back (benchmarks: a frame as a window would
  /// draw it); false when the size is beyond the GL limits.
  bool drawOffscreen(const MapView& view, const RenderOptions& options = {});

  /// Jobs of Preparation::Background not taken in yet (0 otherwise): while
  /// it is above zero a later draw() may show more.
  size_t pendingWork() const;
  /// Waits for every background job and takes it in (tests, benchmarks).
  void finishPendingWork();
  /// Cancels the background jobs and waits for a running one to stop: before
  /// the layers given to setLayers() change or move.
  void stopPendingWork();
  /// Tiles of large rasters (RasterLayer::tiles) missing from a view are read
  /// on a worker thread, and drawn by a later frame (a window), instead of
  /// during draw() (the default: one-shot renders draw every tile they need).
  void setRasterStreaming(bool onWorker);
  /// Bytes of raster tiles kept on the GPU (default 192 MiB); least recently
  /// used tiles go first, never those of the last frame.
  void setRasterTileBudget(size_t bytes);
  struct RasterTileStats {
    size_t tiles = 0, bytes = 0, evictions = 0;
  };
  RasterTileStats rasterTiles() const;
  /// One line per raster whose tiles could not be read, since the last call
  /// (the preview is drawn where tiles are missing).
  std::vector<std::string> takeRasterErrors();
  /// While held, the tile worker starts no read: a disk slower than any
  /// frame, for scripted tests that the window never waits on one.
  void holdRasterReads(bool held);

  /// Vector layers of setLayers() not projected yet, and all of them.
  size_t layersPreparing() const;

  const FrameStats& lastFrame() const;
  const UploadStats& uploads() const;

  /// Labels are drawn in DejaVu Sans (render::findFont) at 13 px from
  /// ascender to descender, times pixelRatio: this path, or nullptr when no
  /// font is installed (labels are left out then).
  static const char* labelFontPath();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pamir::render
