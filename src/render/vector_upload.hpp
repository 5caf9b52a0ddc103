#pragma once
// A vector layer on the GPU: its levels of detail, points, per-feature style
// and visibility tables, and the labels resolved from its style, and the
// calls that upload them. Internal to render; every call needs the GL
// context the renderer was made in.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/military_symbols.hpp"
#include "render/gl_object.hpp"
#include "render/label_painter.hpp"
#include "render/layer_geometry.hpp"
#include "render/map_renderer.hpp"

namespace pamir::render::detail {

/// Texels (RGBA32F) per feature in the style table: fill colour, stroke
/// colour, then stroke width (style px), symbol size (style px), symbol, flags.
inline constexpr int kStyleTexels = 3;

/// One level of detail on the GPU: its own buffers, so levels built on demand
/// arrive without touching the others.
struct LevelGpu {
  double tolerance = 0;  ///< view CRS units, as DetailLevel::tolerance
  bool uploaded = false;
  bool hasLines = false;  ///< any segment of a line (not a polygon outline): the plain mode draws those
  std::vector<Tile> fillTiles;
  std::vector<Tile> segmentTiles;
  GlBuffer fillBuffer, segmentBuffer;
  GlVertexArray fillVao, segmentVao;
};

/// A feature's label, its text resolved from the style's label field (and
/// measured once by the painter), re-read by resolveLabels.
struct LabelEntry {
  XY position;  ///< view CRS
  uint32_t feature;
  LabelAnchor::Kind kind;
  float offsetPx;           ///< style px right of a point's anchor
  float maxMetresPerPixel;  ///< 0 = at every scale
  int priority;             ///< Style::labelPriority
  LabelText text;
  float symbolOffsetPx = 0;  ///< style px right of the anchor when the military symbol is drawn; 0: none
};

/// A point feature drawn with a military symbol (resolveSymbols).
struct SymbolEntry {
  XY position;  ///< view CRS
  uint32_t feature;
  const MilitarySymbol* symbol;
  Color fill;  ///< the frame's fill
};

struct VectorGpu : std::enable_shared_from_this<VectorGpu> {
  const Layer* layer = nullptr;
  Bounds bounds;                                  ///< view CRS
  std::vector<std::unique_ptr<LevelGpu>> levels;  ///< coarsest first, as LayerGeometry::levels
  LayerGeometry geometry;                         ///< levels not built yet are built from it on demand
  std::vector<Tile> pointTiles;
  std::vector<LabelAnchor> anchors;
  std::vector<LabelEntry> labels;              ///< only features whose style names a label field
  std::vector<SymbolEntry> symbols;            ///< point features whose SIDC the library has
  const SymbolLibrary* symbolsFrom = nullptr;  ///< the library `symbols` was resolved with
  bool symbolsStale = true;                    ///< the layer was (re)styled since
  bool hasFills = false;
  bool anyFilled = false;  ///< some feature's style fills (else fills are drawn only in the plain mode)
  size_t droppedFeatures = 0;
  std::vector<char> outlined;  ///< per feature: outline segments were built (style had a stroke)
  float maxStrokePx = 0;       ///< style px, for culling margins
  float maxSymbolPx = 0;       ///< style px

  GlBuffer pointBuffer;
  GlVertexArray pointVao;
  GlBuffer styleBuffer, styleIndexBuffer, visibleBuffer;
  GlTexture styleTexture, styleIndexTexture, visibleTexture;
  std::vector<uint8_t> visible;  ///< per feature, non-zero = shown
  bool shown = true;

  /// Projected and installed: false while a worker prepares it
  /// (Preparation::Background); nothing of the layer is drawn until then.
  bool ready = false;
  /// Bumped whenever the layer is prepared again (a new view CRS): a worker's
  /// late result for an older generation is dropped.
  uint64_t generation = 0;
  std::vector<char> requested;  ///< per level: a worker is building it
};

/// The CPU half of buildVector: projected geometry with its levels worked
/// out, none built. Reads only the layer; safe on any thread that owns
/// `projection` (a Projection is not shared across threads).
struct PreparedVector {
  LayerGeometry geometry;
  std::vector<char> outlined;  ///< as VectorGpu::outlined
};
PreparedVector prepareVector(const Layer& layer, const geo::Projection& projection);
/// The GL half: takes over `prepared` and uploads points, tables and (with
/// Preparation::AllLevels) every level of detail.
void installVector(VectorGpu& gpu, PreparedVector prepared, Preparation preparation, UploadStats& uploads);
/// What a worker builds one level from: the level list and the projected
/// features (shared, read-only), none of the arrays.
LayerGeometry levelSource(const LayerGeometry& geometry);
/// Uploads level `l`, built elsewhere, and frees its arrays.
void uploadBuiltLevel(VectorGpu& gpu, size_t l, DetailLevel& level, UploadStats& uploads);

/// Puts `bytes` of vertex data into `buffer` (made if needed) and leaves it
/// bound to GL_ARRAY_BUFFER; counts one geometry upload.
void uploadVertices(GlBuffer& buffer, const void* data, size_t bytes, UploadStats& uploads);
/// Vertex attribute `index` of the bound vertex array: `components` floats
/// (or one unsigned integer) at byte `offset` of each `stride`-byte vertex of
/// the bound GL_ARRAY_BUFFER.
void floatAttribute(GLuint index, GLint components, size_t stride, size_t offset);
void uintAttribute(GLuint index, size_t stride, size_t offset);

/// Projects the layer into `projection` and uploads its points, style and
/// visibility tables and levels of detail: all of them with
/// Preparation::AllLevels, none until a view needs one with OnDemand.
void buildVector(VectorGpu& gpu, const geo::Projection& projection, Preparation preparation, UploadStats& uploads);
/// Builds (on every core) and uploads those of the given levels (indices into
/// gpu.levels) that are not on the GPU yet.
void uploadLevels(VectorGpu& gpu, const std::vector<size_t>& which, UploadStats& uploads);
/// Re-reads every feature's style into the style table (one upload).
void uploadStyles(VectorGpu& gpu, UploadStats& uploads);
/// Re-reads the label texts from the styles' label fields (no upload).
void resolveLabels(VectorGpu& gpu);
/// The military symbols of the layer's point features with a SIDC (the
/// library's symbol for it, filled with the colour of the style rule the
/// feature matches, else the affiliation's own), and the label offsets that
/// keep labels clear of them. `symbolScale`: drawn size per style px.
void resolveSymbols(VectorGpu& gpu, const SymbolLibrary* library, float symbolScale);
/// The whole visibility table from gpu.visible (one upload).
void uploadVisibility(VectorGpu& gpu, UploadStats& uploads);
/// One feature's entry of the visibility table from gpu.visible (one upload).
void uploadFeatureVisibility(VectorGpu& gpu, size_t feature, UploadStats& uploads);

}  // namespace pamir::render::detail
