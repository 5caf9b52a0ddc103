#include "geo/nearest_exact.hpp"

#include <algorithm>
#include <cmath>

namespace pamir::geo::detail {

double sideOf(const LonLat& x, double azXY, const LonLat& p) {
  InverseResult r = inv(x, p);
  if (r.s == 0) return 0;
  return r.s * std::sin((r.az1 - azXY) * kDeg);
}

SegmentProjection project(const LonLat& p, const Vec3& pe, const LonLat& s0, const Vec3& e0, const LonLat& s1,
                          const Vec3& e1) {
  SegmentProjection out;
  if (s0 == s1) {
    out.distance_m = inv(p, s0).s;
    out.point = s0;
    out.along_m = 0;
    return out;
  }
  geod_geodesicline line;
  geod_inverseline(&line, &wgs84(), s0.lat, s0.lon, s1.lat, s1.lon,
                   GEOD_LATITUDE | GEOD_LONGITUDE | GEOD_AZIMUTH | GEOD_DISTANCE_IN);
  const double len = line.s13;
  Vec3 d = e1 - e0;
  double l2 = dot(d, d);
  double t = len * (l2 > 0 ? std::clamp(dot(pe - e0, d) / l2, 0.0, 1.0) : 0.0);
  double bestD = kInf, bestT = 0;
  LonLat bestX;
  for (int iter = 0; iter < 30; ++iter) {
    LonLat x;
    double azLine = 0;
    geod_position(&line, t, &x.lat, &x.lon, &azLine);
    InverseResult r = inv(x, p);
    if (r.s < bestD) {
      bestD = r.s;
      bestT = t;
      bestX = x;
    }
    if (r.s == 0) break;
    // Right spherical triangle: hypotenuse r.s, angle (r.az1 - azLine) at x;
    // its adjacent side is how far the foot of the perpendicular lies ahead.
    double sigma = r.s / kStepRadius;
    double step = kStepRadius * std::atan2(std::sin(sigma) * std::cos((r.az1 - azLine) * kDeg), std::cos(sigma));
    double next = std::clamp(t + step, 0.0, len);
    if (std::fabs(next - t) < 1e-7) break;
    t = next;
  }
  out.distance_m = bestD;
  out.point = bestX;
  out.along_m = bestT;
  return out;
}

bool segmentsCross(const LonLat& a0, const LonLat& a1, const LonLat& b0, const LonLat& b1, LonLat* at) {
  constexpr double eps = 1e-6;  // metres: collinear pieces of a shared border are not crossings
  double azA = inv(a0, a1).az1;
  double azB = inv(b0, b1).az1;
  double sa0 = sideOf(b0, azB, a0), sa1 = sideOf(b0, azB, a1);
  if (!((sa0 < -eps && sa1 > eps) || (sa0 > eps && sa1 < -eps))) return false;
  double sb0 = sideOf(a0, azA, b0), sb1 = sideOf(a0, azA, b1);
  if (!((sb0 < -eps && sb1 > eps) || (sb0 > eps && sb1 < -eps))) return false;
  // Locate the crossing along A by regula falsi (Illinois variant) on the side function.
  geod_geodesicline line;
  geod_inverseline(&line, &wgs84(), a0.lat, a0.lon, a1.lat, a1.lon, GEOD_LATITUDE | GEOD_LONGITUDE | GEOD_DISTANCE_IN);
  double lo = 0, hi = line.s13, flo = sa0, fhi = sa1;
  LonLat x = a0;
  int lastSide = 0;
  for (int iter = 0; iter < 60; ++iter) {
    double t = (flo * hi - fhi * lo) / (flo - fhi);
    geod_position(&line, t, &x.lat, &x.lon, nullptr);
    double ft = sideOf(b0, azB, x);
    if (std::fabs(ft) < 1e-7 || hi - lo < 1e-7) break;
    if ((ft < 0) == (flo < 0)) {
      lo = t;
      flo = ft;
      if (lastSide == -1) fhi *= 0.5;
      lastSide = -1;
    } else {
      hi = t;
      fhi = ft;
      if (lastSide == 1) flo *= 0.5;
      lastSide = 1;
    }
  }
  *at = x;
  return true;
}

}  // namespace pamir::geo::detail
