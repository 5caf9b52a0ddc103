#pragma once
// The CPU side of a vector layer in the view CRS: projected, simplified into
// levels of detail, triangulated and cut into spatial tiles, ready to upload.
// Built once per (layer, projection); the GPU never sees a lon/lat.
// Internal to render.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/feature.hpp"
#include "geo/projection.hpp"
#include "render/simplify.hpp"  // simplifyLine, simplifyRing

namespace pamir::render::detail {

/// Positions are floats relative to their tile's origin (view CRS units), so
/// that a view zoomed in far from the layer's centre does not lose precision.
struct FillVertex {
  float x, y;
  uint32_t feature;
};
/// Set in SegmentInstance::feature for polygon outlines (as opposed to lines).
inline constexpr uint32_t kOutlineFlag = 0x80000000u;

struct SegmentInstance {
  float x0, y0, x1, y1;
  float distance;    ///< along its line at (x0,y0), view CRS units: keeps dashes continuous across segments
  uint32_t feature;  ///< feature index, with kOutlineFlag for polygon outlines
};
struct PointInstance {
  float x, y;
  uint32_t feature;
};

/// A contiguous run of primitives in one array, all near each other.
struct Tile {
  Bounds bounds;  ///< view CRS, of the primitives themselves (no stroke width)
  XY origin;      ///< the positions of this run are relative to it
  uint32_t first = 0;
  uint32_t count = 0;  ///< primitives: triangles (3 vertices each), segments or points
};

/// One level of detail: rings and lines simplified to `tolerance` view units.
struct DetailLevel {
  double tolerance = 0.0;         ///< 0 = the exact geometry
  bool built = false;             ///< the arrays below are filled
  std::vector<FillVertex> fills;  ///< 3 per triangle
  std::vector<Tile> fillTiles;
  std::vector<SegmentInstance> segments;  ///< lines and polygon outlines
  std::vector<Tile> segmentTiles;
};

/// Where a feature's label goes: beside its first point, at the middle of its
/// longest line, or centred inside its largest polygon.
struct LabelAnchor {
  enum class Kind : uint8_t { Point, Line, Polygon };
  XY position;  ///< view CRS
  uint32_t feature;
  Kind kind = Kind::Point;
};

struct PreparedLayer;  // the projected features, kept for building levels later

struct LayerGeometry {
  Bounds bounds;                    ///< view CRS, of everything drawable
  std::vector<DetailLevel> levels;  ///< coarsest first; the last is exact; see DetailLevel::built
  std::vector<PointInstance> points;
  std::vector<Tile> pointTiles;
  std::vector<LabelAnchor> labels;  ///< one per drawable feature
  bool hasFills = false;            ///< any polygon
  bool hasOutlines = false;         ///< any segment in the exact level
  size_t droppedFeatures = 0;       ///< nothing drawable left after projection
  std::shared_ptr<const PreparedLayer> prepared;
};

struct BuildOptions {
  /// Polygon outlines are built for features whose style has a stroke; this
  /// says whether the caller wants them at all.
  bool outlines = true;
};

/// Projects a layer and works out its levels of detail, building none of them
/// yet (points and label anchors are ready). Features that cannot be drawn
/// (outside the projection's domain, empty) are skipped and counted.
LayerGeometry prepareLayerGeometry(const Layer& layer, const geo::Projection& projection,
                                   const BuildOptions& options = {});
/// Simplifies and triangulates the given levels (indices into levels) that are
/// not built yet, on every core, or on at most maxThreads (0 = every core).
void buildDetailLevels(LayerGeometry& geometry, const std::vector<size_t>& levels, size_t maxThreads = 0);
/// Both: every level built.
LayerGeometry buildLayerGeometry(const Layer& layer, const geo::Projection& projection,
                                 const BuildOptions& options = {});

/// A point inside a polygon (outer ring first, then holes; closed rings):
/// the middle of the widest span of a horizontal line through the middle of
/// its outer ring. Not the centroid, which falls outside a crescent.
XY interiorPoint(const std::vector<std::vector<XY>>& rings);

}  // namespace pamir::render::detail
