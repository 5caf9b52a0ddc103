#pragma once
// Paths and polygons measured on the WGS84 ellipsoid: each leg of a path as
// a geodesic (length, azimuths, the rhumb line beside it), and the area and
// perimeter of a polygon whose edges are geodesics, through PROJ's
// geod_polygon (Karney's algorithm, exact to round-off for any polygon,
// poles and the antimeridian included). Conventions as geodesic.hpp:
// LonLat in degrees, metres, square metres; azimuths here in [0, 360).
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace pamir::geo {

/// One leg of a path.
struct PathLeg {
  LonLat from, to;
  double distance_m = 0;      ///< geodesic length
  double azimuth1_deg = NAN;  ///< leaving `from`, clockwise from north, [0, 360); NaN for a leg of length 0
  double azimuth2_deg = NAN;  ///< arriving at `to` (forward azimuth)
  double rhumb_m = 0;         ///< the rhumb line (constant bearing) between the same points
};

struct PathMeasure {
  std::vector<PathLeg> legs;  ///< one per pair of consecutive vertices
  double total_m = 0;         ///< sum of the geodesic legs
  double rhumb_m = 0;         ///< sum of the rhumb legs
};

/// The legs of a path through `vertices` in order. NaN lengths when a vertex is invalid.
PathMeasure measurePath(const Path& vertices);

/// Area and perimeter of a polygon whose edges are geodesics.
struct PolygonMeasure {
  double area_m2 = NAN;      ///< the smaller of the two regions the ring bounds, >= 0
  double perimeter_m = NAN;  ///< closing edge included
};

/// `ring` open or closed (first == last), either orientation, at least 3
/// distinct vertices; NaN fields otherwise or when a vertex is invalid.
PolygonMeasure measurePolygon(const Path& ring);

/// Area of a ring in a plane (shoelace), in the square of the plane's
/// units, >= 0. NaN when a vertex is not finite.
double planarRingArea(const std::vector<XY>& ring);

/// The centre of the vertices on the sphere (mean of their unit vectors),
/// for centring a projection on them; lon in [-180, 180).
LonLat vertexCentre(const Path& vertices);

/// A Lambert azimuthal equal-area CRS centred on `centre` (a PROJ string):
/// areas are true in it, so a planar area there differs from the geodesic
/// one only by how straight edges in the plane differ from geodesics.
std::string equalAreaCrsAt(const LonLat& centre);

}  // namespace pamir::geo
