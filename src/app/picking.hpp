#pragma once
// Which feature is under a pixel: the topmost visible one, with symbol and
// line tolerances in pixels, polygons by containment; or every feature under
// it, across layers ("what is here").
//
// A PickIndex holds the bounds of every feature projected to the view CRS
// and cut at its seam as the renderer draws it, and a grid over them
// (core/bounds_grid.hpp), so that a pick only projects and maps to pixels
// the few features whose bounds hold the cursor (the last few hundred kept):
// fast enough for hovering over a million features, at 33 bytes a feature
// rather than a second copy of the geometry. It is rebuilt when the layers
// or the CRS change.
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/bounds_grid.hpp"
#include "core/feature.hpp"
#include "core/map_view.hpp"
#include "geo/projection.hpp"
#include "geo/seam_cut.hpp"

namespace pamir::app {

struct Pick {
  const Layer* layer = nullptr;
  size_t featureIndex = 0;
  friend bool operator==(const Pick&, const Pick&) = default;
};

/// A feature as drawn: in view CRS units, cut at the view's seam and poles.
struct FeatureShape {
  struct Area {
    std::vector<XY> outer;
    std::vector<std::vector<XY>> holes;
  };
  Bounds bounds;  ///< of everything below; empty when nothing can be drawn
  std::vector<XY> points;
  std::vector<std::vector<XY>> lines;
  std::vector<Area> areas;
  double symbolRadiusPx = 0;  ///< how far from a point a pick still hits it (its symbol)
};

using PickVisible = std::function<bool(const Layer&, size_t)>;

class PickIndex {
 public:
  /// Projects `layers` (bottom first) unless they and the CRS are what the
  /// index already holds. With a budget (vertices, 0 = none), only about
  /// that much is projected this call and the build goes on in the next:
  /// true once the index is whole. Layers of a million vertices or fewer
  /// in all are indexed at once. Until it is whole, picks see the layers
  /// indexed so far.
  bool update(const std::vector<const Layer*>& layers, const geo::Projection& projection, size_t vertexBudget = 0);
  /// A build started by update() with a budget is still going on.
  bool building() const { return started_ && !complete_; }

  /// The topmost feature under pixel (px, py) that `visible(layer, featureIndex)` lets through.
  std::optional<Pick> pick(const MapView& view, double px, double py, double tolerancePx,
                           const PickVisible& visible) const;
  /// Every feature under it: points, then lines, then areas, topmost layer first.
  std::vector<Pick> pickAll(const MapView& view, double px, double py, double tolerancePx,
                            const PickVisible& visible) const;

  /// The shape a pick of this index refers to; null for one it does not hold.
  std::shared_ptr<const FeatureShape> shape(const Pick& p) const;

 private:
  void pickInto(const MapView& view, double px, double py, double tol, const PickVisible& visible, bool all,
                std::vector<Pick>& out) const;

  std::vector<const Layer*> layers_;
  std::vector<size_t> featureCounts_;
  std::string crs_;
  /// The shape of feature fi of layer li, made now or kept from a recent pick.
  std::shared_ptr<const FeatureShape> shapeAt(size_t li, size_t fi) const;

  static constexpr uint8_t kHasPoints = 1, kHasLines = 2, kHasAreas = 4;
  struct Indexed {
    std::vector<Bounds> bounds;  ///< [feature]: of its shape; empty when nothing can be drawn
    std::vector<uint8_t> kinds;  ///< [feature]: kHasPoints | kHasLines | kHasAreas
    double reachPx = 0;          ///< the largest symbolRadiusPx
  };
  std::vector<Indexed> indexed_;       ///< [layer]
  std::vector<BoundsGrid> grids_;      ///< [layer]: over its features' bounds
  std::vector<double> symbolReachPx_;  ///< [layer]
  std::optional<geo::Projection> projection_;
  geo::ViewDomain domain_;
  static constexpr size_t kIndexAtOnce = 1'000'000;
  bool started_ = false, complete_ = false;
  size_t buildingLayer_ = 0;  ///< the layer being indexed (indexed_ holds those before it)
  Indexed building_;          ///< what of it is indexed so far
  static constexpr size_t kShapesKept = 512;
  mutable std::unordered_map<uint64_t, std::shared_ptr<const FeatureShape>> shapes_;  ///< by layer << 40 | feature
  mutable std::deque<uint64_t> shapeOrder_;                                           ///< oldest first
};

/// The topmost feature under the pixel, with a one-off index (tests, one-shot callers).
std::optional<Pick> pickFeature(const std::vector<const Layer*>& layers, const geo::Projection& projection,
                                const MapView& view, double px, double py, double tolerancePx,
                                const PickVisible& visible);

}  // namespace pamir::app
