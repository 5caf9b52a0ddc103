#pragma once
// Geodesic range rings: the set of points at a fixed geodesic distance from a
// centre on the WGS84 ellipsoid (weapon or sensor ranges, location
// uncertainty). Every vertex is placed with geod_direct at exactly the radius,
// so vertices are on the circle to round-off (micrometres); the spacing keeps
// the straight chord between neighbours within 10 m of the true circle, and
// never uses fewer than 360 vertices, so the ring looks round in any CRS.
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace pamir::geo {

struct RangeRingOptions {
  int minVertices = 360;  ///< at least one vertex per degree of azimuth
  int maxVertices = 8192;
  double maxDeviation_m = 10.0;  ///< between a chord and the true circle
};

struct RangeRing {
  bool ok = false;
  std::string error;  ///< one line when !ok (bad centre, radius <= 0, both poles enclosed)
  LonLat centre;
  double radius_m = 0;
  /// Vertices in order of azimuth from the centre (0° = north, clockwise),
  /// longitudes in [-180, 180). Not closed. Each lies at radius_m from centre.
  std::vector<LonLat> vertices;
  /// The disc as GeoJSON expects it (RFC 7946): counter-clockwise closed
  /// rings, longitudes within [-180, 180]. A ring across the antimeridian is
  /// cut there into two polygons (the cut vertices also lie on the circle); a
  /// ring round a pole becomes one polygon closed along the pole's latitude.
  Geometry geometry;
  bool crossesAntimeridian = false;
  int enclosedPole = 0;  ///< +1 north pole inside, -1 south, 0 none
};

/// The geodesic circle of `radius_m` metres around `centre`.
RangeRing rangeRing(const LonLat& centre, double radius_m, const RangeRingOptions& options = {});

}  // namespace pamir::geo
