#pragma once
// Geodesics on the WGS84 ellipsoid (a = 6378137 m, f = 1/298.257223563),
// computed with Karney's algorithm as PROJ ships it (geodesic.h). Results are
// accurate to about 15 nm whatever the two points, antipodal ones included.
//
// Conventions for the whole module: positions are LonLat (degrees, longitude
// first); distances in metres; azimuths in degrees clockwise from north in
// [-180, 180]; areas in square metres. Invalid input (latitude beyond ±90,
// NaN, infinite values) gives NaN results, never an exception, as in
// GeographicLib.
#include <cmath>
#include <vector>

#include "core/geometry.hpp"

namespace pamir::geo {

/// WGS84 defining parameters.
inline constexpr double kWgs84A = 6378137.0;                  ///< equatorial radius, metres
inline constexpr double kWgs84F = 1.0 / 298.257223563;        ///< flattening
inline constexpr double kWgs84B = kWgs84A * (1.0 - kWgs84F);  ///< polar semi-axis, metres

/// Result of the inverse problem: shortest path between two points.
struct GeodesicInverse {
  double distance_m = NAN;    ///< length of the geodesic, metres
  double azimuth1_deg = NAN;  ///< direction of travel at the first point
  double azimuth2_deg = NAN;  ///< direction of travel at the second point (forward azimuth)
};

/// Result of the direct problem: where a geodesic of given start, azimuth and length ends.
struct GeodesicDirect {
  LonLat point{NAN, NAN};     ///< end point, longitude reduced to [-180, 180]
  double azimuth2_deg = NAN;  ///< forward azimuth at the end point
};

/// True when a position can be handed to the geodesic routines: finite, |lat| <= 90.
inline bool validPosition(const LonLat& p) {
  return std::isfinite(p.lon) && std::isfinite(p.lat) && std::fabs(p.lat) <= 90.0;
}

/// Inverse problem from a to b. NaN fields when either position is invalid.
GeodesicInverse inverse(const LonLat& a, const LonLat& b);

/// Geodesic distance from a to b in metres (NaN when invalid). This is the
/// hot path of the module: a single call into PROJ's geod_inverse with no
/// allocation; the azimuths are not computed.
double distance(const LonLat& a, const LonLat& b);

/// Direct problem: the point `distance_m` metres from `start` along azimuth
/// `azimuth_deg`. Negative distances go backwards. NaN when invalid.
GeodesicDirect direct(const LonLat& start, double azimuth_deg, double distance_m);

/// The point a fraction `t` (0..1) of the way from a to b along their geodesic.
LonLat interpolate(const LonLat& a, const LonLat& b, double t);

/// Length of a polyline, each edge a geodesic, metres. 0 for fewer than two points.
double pathLength(const Path& path);

/// Area and perimeter of one polygon on the ellipsoid, each edge a geodesic.
/// Rings may be given open or closed, in either orientation; each ring is taken
/// to enclose the smaller of the two regions it bounds. Holes are subtracted
/// from the area; the perimeter counts the outer ring and every hole.
struct AreaPerimeter {
  double area_m2 = 0.0;
  double perimeter_m = 0.0;
};
AreaPerimeter polygonArea(const Polygon& polygon);
/// Sum over the polygons of a geometry (points and lines add nothing to the area;
/// lines are not counted in the perimeter either).
AreaPerimeter geometryArea(const Geometry& geometry);

/// Area (m²) enclosed by one ring, always >= 0, the smaller of the two regions.
double ringArea(const Path& ring);

/// Rhumb line (loxodrome, constant azimuth) between two points on WGS84,
/// via GeographicLib's Rhumb class. Longer than the geodesic except along a
/// meridian or the equator; shown next to it so users see the difference.
struct RhumbInverse {
  double distance_m = NAN;
  double azimuth_deg = NAN;  ///< the constant azimuth
};
RhumbInverse rhumbInverse(const LonLat& a, const LonLat& b);

/// Longitude difference b - a reduced to (-180, 180].
inline double lonDelta(double a, double b) {
  double d = std::remainder(b - a, 360.0);
  if (d <= -180.0) d += 360.0;
  return d;
}

/// Longitude reduced to [-180, 180).
inline double normalizeLon(double lon) {
  double d = std::remainder(lon, 360.0);
  if (d >= 180.0) d -= 360.0;
  return d;
}

}  // namespace pamir::geo
