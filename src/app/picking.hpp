#pragma once
// Which feature is under a pixel: the topmost visible one, with symbol and
// line tolerances in pixels, polygons by containment.
#include <functional>
#include <optional>
#include <vector>

#include "core/feature.hpp"
#include "core/map_view.hpp"
#include "geo/projection.hpp"

namespace pamir::app {

struct Pick {
  const Layer* layer = nullptr;
  size_t featureIndex = 0;
};

/// `layers` bottom first; `visible(layer, featureIndex)` says what is drawn.
std::optional<Pick> pickFeature(const std::vector<const Layer*>& layers, const geo::Projection& projection,
                                const MapView& view, double px, double py, double tolerancePx,
                                const std::function<bool(const Layer&, size_t)>& visible);

}  // namespace pamir::app
