// Point in polygon on the ellipsoid: a ray along the meridian towards the
// north pole, counting the geodesic edges it crosses.
#include <algorithm>
#include <cmath>

#include "geo/nearest_exact.hpp"
#include "geo/nearest_prepared.hpp"

namespace pamir::geo::detail {
namespace {

Path closedRing(const Path& ring) {
  Path r = ring;
  if (!r.empty() && r.front() != r.back()) r.push_back(r.front());
  return r;
}

RingIndex indexRing(const Path& ring) {
  RingIndex r;
  r.v = closedRing(ring);
  size_t n = r.v.size() < 2 ? 0 : r.v.size() - 1;
  double winding = 0, latSum = 0;
  for (size_t i = 0; i < n; ++i) {
    winding += lonDelta(r.v[i].lon, r.v[i + 1].lon);
    latSum += r.v[i].lat;
  }
  // A ring whose longitudes wind once round the axis separates the poles;
  // it is taken to enclose the pole on the side where most of it lies.
  r.northPole = std::fabs(winding) > 180.0 && latSum > 0;
  r.buckets = static_cast<int>(std::clamp<size_t>(n / 4, 1, 1024));
  std::vector<std::vector<int>> lists(r.buckets);
  for (size_t i = 0; i < n; ++i) {
    double a = r.v[i].lon;
    double d = lonDelta(a, r.v[i + 1].lon);
    double lo = std::min(a, a + d), hi = std::max(a, a + d);
    // Walk the buckets covered by [lo, hi], wrapping round the antimeridian.
    double width = 360.0 / r.buckets;
    int first = static_cast<int>(std::floor((lo + 180.0) / width));
    int last = static_cast<int>(std::floor((hi + 180.0) / width));
    if (last - first >= r.buckets) last = first + r.buckets - 1;
    for (int b = first; b <= last; ++b) lists[((b % r.buckets) + r.buckets) % r.buckets].push_back(static_cast<int>(i));
  }
  r.start.assign(r.buckets + 1, 0);
  for (int b = 0; b < r.buckets; ++b) r.start[b + 1] = r.start[b] + static_cast<int>(lists[b].size());
  r.edges.reserve(r.start.back());
  for (auto& l : lists) r.edges.insert(r.edges.end(), l.begin(), l.end());
  return r;
}

// 1 when edge uv crosses the meridian of p north of p.
int crossesNorth(const LonLat& u, const LonLat& v, const LonLat& p) {
  if (std::fabs(u.lat) >= 90.0 || std::fabs(v.lat) >= 90.0) return 0;  // meridian edges from a pole
  double du = lonDelta(p.lon, u.lon), dv = lonDelta(p.lon, v.lon);
  bool eu = du > 0, ev = dv > 0;
  if (eu == ev) return 0;
  if (std::fabs(dv - du) >= 180.0) return 0;  // the short way round passes the opposite meridian
  // Approximate crossing latitude on the auxiliary sphere (reduced latitudes),
  // where a geodesic is nearly a great circle; exact test when it is close.
  const double k = 1.0 - kWgs84F;
  double tu = k * std::tan(u.lat * kDeg), tv = k * std::tan(v.lat * kDeg);
  double tc = (tu * std::sin(dv * kDeg) - tv * std::sin(du * kDeg)) / std::sin((dv - du) * kDeg);
  double bc = std::atan(tc), bp = std::atan(k * std::tan(p.lat * kDeg));
  double bu = std::atan(tu), bv = std::atan(tv);
  double span = std::hypot(bv - bu, std::cos(0.5 * (bu + bv)) * (dv - du) * kDeg);
  double margin = 1e-6 + 2e-3 * span;
  if (std::isfinite(bc) && std::fabs(bc - bp) > margin) return bc > bp ? 1 : 0;
  double side = sideOf(u, inv(u, v).az1, p);
  bool eastward = ev;  // u west of the meridian, v east
  if (side == 0) return 0;
  return eastward ? (side > 0 ? 1 : 0) : (side < 0 ? 1 : 0);
}

bool insideRing(const RingIndex& r, const LonLat& p) {
  if (r.v.size() < 4) return false;
  int b = r.bucketOf(p.lon);
  int count = 0;
  for (int k = r.start[b]; k < r.start[b + 1]; ++k) {
    int i = r.edges[k];
    count += crossesNorth(r.v[i], r.v[i + 1], p);
  }
  return ((count & 1) != 0) != r.northPole;
}

const std::vector<PolygonIndex>& polygonIndex(Prepared& g) {
  if (g.polygonIndex.empty() && !g.geometry->polygons.empty()) {
    for (const auto& poly : g.geometry->polygons) {
      PolygonIndex pi;
      pi.outer = indexRing(poly.outer);
      for (const auto& h : poly.holes) pi.holes.push_back(indexRing(h));
      g.polygonIndex.push_back(std::move(pi));
    }
  }
  return g.polygonIndex;
}

}  // namespace

bool insidePolygons(Prepared& g, const LonLat& p) {
  for (const auto& pi : polygonIndex(g)) {
    if (!insideRing(pi.outer, p)) continue;
    bool inHole = false;
    for (const auto& h : pi.holes)
      if (insideRing(h, p)) {
        inHole = true;
        break;
      }
    if (!inHole) return true;
  }
  return false;
}

}  // namespace pamir::geo::detail
