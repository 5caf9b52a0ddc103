#pragma once
// Tiles of large rasters, streamed: each frame works out the level and tiles
// the view needs (raster_tile_plan), draws those on the GPU, and in their
// place the coarser tiles it has and the preview under all of them; the
// missing ones are read on a worker (TileLoader) or, for one-shot renders,
// at once. Tiles stay on the GPU under a byte budget (TileCache).
// Internal to render; every call needs the GL context.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "render/gl_object.hpp"
#include "render/layer_draw.hpp"
#include "render/raster_mesh.hpp"
#include "render/tile_cache.hpp"
#include "render/tile_loader.hpp"

namespace pamir::render::detail {

/// One tile on the GPU: its texture and the mesh that places it in the view CRS.
struct StreamedTile {
  GlTexture texture;
  GlBuffer buffer;
  GlVertexArray vao;
  RasterMeshPart place;
  int width = 0, height = 0;
};

/// What the streams did in one frame.
struct StreamFrame {
  size_t tilesDrawn = 0;    ///< tiles of the level each view needs
  size_t tilesMissing = 0;  ///< of those, not read yet (coarser ones drawn in their place)
  size_t tilesRead = 0;     ///< read at once in this frame (synchronous streams)
  size_t capped = 0;        ///< rasters drawn coarser than the view needs: too many tiles (no overviews)
};

class RasterStreams {
 public:
  /// 192 MiB: 768 tiles of 256 x 256.
  static constexpr size_t kDefaultBudget = size_t{192} << 20;
  RasterStreams() : cache_(kDefaultBudget) {}

  /// Reads missing tiles on a worker (a window) instead of at once (one-shot renders, the default).
  void setAsync(bool async) { async_ = async; }
  void setBudget(size_t bytes) { cache_.setBudget(bytes); }
  /// The rasters changed or the view CRS did: every tile goes (their meshes
  /// are in the old view CRS, their indices name other rasters).
  void reset();

  /// Uploads tiles the worker read since the last call, for at most
  /// `budgetMs` (at least one tile; the rest wait for the next frame); true
  /// when any arrived.
  bool takeIn(const std::vector<const RasterLayer*>& rasters, const std::string& viewCrs, uint64_t frame,
              double budgetMs = kUploadMsPerFrame);
  /// Taking a tile in costs a few milliseconds on a software GL (llvmpipe,
  /// 2 cores), well under one on a GPU: a frame spends at most this much on
  /// them, so that it stays far under 50 ms.
  static constexpr double kUploadMsPerFrame = 12.0;
  /// Starts a frame: what it wants is gathered by draw() and asked of the worker by finishFrame().
  void beginFrame(uint64_t frame);
  /// Draws raster `index`: the tiles the view needs and, where they are
  /// missing, the coarser tiles there are and the preview (`gpu`) under them.
  /// The preview is left out once every tile is in (so that a translucent
  /// layer is blended once).
  void draw(size_t index, const RasterGpu& gpu, const std::string& viewCrs, RasterSamplers& samplers,
            const LayerPass& pass);
  void finishFrame();

  const StreamFrame& lastFrame() const { return frame_; }
  /// Tiles asked for and not drawn yet (async): a later frame will show more.
  size_t pending() const;
  /// Waits for the worker (tests, benchmarks).
  void waitIdle() { loader_.waitIdle(); }
  /// No new tile read starts while held (TileLoader::hold).
  void holdReads(bool held) { loader_.hold(held); }
  /// One line per raster whose tiles could not be read, since the last call.
  std::vector<std::string> takeErrors();
  size_t cachedBytes() const { return cache_.bytes(); }
  size_t cachedTiles() const { return cache_.size(); }
  size_t evictions() const { return cache_.evictions(); }

 private:
  struct PerRaster {
    std::optional<geo::Transform> toView;  ///< raster CRS -> view CRS; none when PROJ has no transform
    std::string viewCrs;                   ///< that toView was made for
    std::set<RasterTileKey> failed;        ///< unreadable: never asked for again
    bool reported = false;
  };
  PerRaster& state(size_t index, const RasterLayer& raster, const std::string& viewCrs);
  StreamedTile* upload(size_t index, const RasterLayer& raster, const RasterTileKey& key,
                       const RasterTilePixels& pixels, PerRaster& st);
  void fail(size_t index, const RasterLayer& raster, const RasterTileKey& key, const std::string& why);

  bool async_ = false;
  uint64_t generation_ = 0;
  uint64_t frameNumber_ = 0;
  std::vector<PerRaster> rasters_;
  TileCache<StreamedTile> cache_;
  TileLoader loader_;
  std::vector<TileJob> wanted_;
  std::vector<TileResult> arrived_;  // read, not uploaded yet
  bool painted_ = false;             // draw() ran in this frame: wanted_ is this frame's wish
  StreamFrame frame_, previous_;     // previous_: what a frame reused whole (nothing painted) still shows
  std::vector<std::string> errors_;
};

}  // namespace pamir::render::detail
