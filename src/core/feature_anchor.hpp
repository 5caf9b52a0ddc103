#pragma once
// Where a feature is, as one position: what the inspector shows, the search
// goes to and `pamir find` / `pamir list` print.
#include <cmath>
#include <optional>

#include "core/geometry.hpp"

namespace pamir {

/// Where a feature is, as one position.
struct FeatureAnchor {
  enum class Kind { Point, NearestVertex, Centroid, None } kind = Kind::None;
  LonLat position{NAN, NAN};
};

/// A point feature's point (the one nearest `near` for several); for lines the
/// vertex nearest `near` (the middle vertex without it); for polygons the
/// area-weighted centroid of the outer rings (planar in degrees, taken about
/// the first vertex so that a ring across the antimeridian stays whole).
FeatureAnchor featureAnchor(const Geometry& g, std::optional<LonLat> near = std::nullopt);

/// "point", "nearest vertex", "centroid", "".
const char* anchorKindName(FeatureAnchor::Kind k);

}  // namespace pamir
