#pragma once
// Exact geodesic steps of the nearest-distance search: point to geodesic
// segment, side of a geodesic, proper crossing of two segments. Internal to
// nearest*.cpp.
#include "geo/nearest.hpp"
#include "geo/nearest_bounds.hpp"
#include "geo/wgs84_geodesic.hpp"

namespace pamir::geo::detail {

struct InverseResult {
  double s = 0, az1 = 0, az2 = 0;
};
inline InverseResult inv(const LonLat& a, const LonLat& b) {
  InverseResult r;
  geod_inverse(&wgs84(), a.lat, a.lon, b.lat, b.lon, &r.s, &r.az1, &r.az2);
  return r;
}

// Signed offset of p from the geodesic leaving x with azimuth azXY:
// positive to the right. Not a true cross-track distance, but it has the
// right sign and vanishes on the geodesic, which is all the callers need.
double sideOf(const LonLat& x, double azXY, const LonLat& p);

// Closest point to p (ECEF pe) on the geodesic segment s0 s1 (ECEF e0, e1).
SegmentProjection project(const LonLat& p, const Vec3& pe, const LonLat& s0, const Vec3& e0, const LonLat& s1,
                          const Vec3& e1);

// Proper crossing of two geodesic segments (each endpoint strictly on the
// far side of the other segment). Writes the crossing point.
bool segmentsCross(const LonLat& a0, const LonLat& a1, const LonLat& b0, const LonLat& b1, LonLat* at);

}  // namespace pamir::geo::detail
