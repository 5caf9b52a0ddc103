#include "geo/geodesic.hpp"

#include "geo/wgs84_geodesic.hpp"

#include <GeographicLib/Rhumb.hpp>

#include <algorithm>
#include <cmath>

namespace pamir::geo {

namespace detail {
const geod_geodesic& wgs84() {
  static const geod_geodesic g = [] {
    geod_geodesic init;
    geod_init(&init, kWgs84A, kWgs84F);
    return init;
  }();
  return g;
}
}  // namespace detail

using detail::wgs84;

namespace {

// Earth's total area on this ellipsoid: 4 pi c^2, c the authalic radius.
double earthArea() { return 4.0 * M_PI * wgs84().c2; }

}  // namespace

GeodesicInverse inverse(const LonLat& a, const LonLat& b) {
  GeodesicInverse r;
  if (!validPosition(a) || !validPosition(b)) return r;
  geod_inverse(&wgs84(), a.lat, a.lon, b.lat, b.lon, &r.distance_m, &r.azimuth1_deg, &r.azimuth2_deg);
  return r;
}

double distance(const LonLat& a, const LonLat& b) {
  if (!validPosition(a) || !validPosition(b)) return NAN;
  double s12 = NAN;
  geod_inverse(&wgs84(), a.lat, a.lon, b.lat, b.lon, &s12, nullptr, nullptr);
  return s12;
}

GeodesicDirect direct(const LonLat& start, double azimuth_deg, double distance_m) {
  GeodesicDirect r;
  if (!validPosition(start) || !std::isfinite(azimuth_deg) || !std::isfinite(distance_m)) return r;
  geod_direct(&wgs84(), start.lat, start.lon, azimuth_deg, distance_m, &r.point.lat, &r.point.lon, &r.azimuth2_deg);
  return r;
}

LonLat interpolate(const LonLat& a, const LonLat& b, double t) {
  if (!validPosition(a) || !validPosition(b) || !std::isfinite(t)) return {NAN, NAN};
  geod_geodesicline line;
  geod_inverseline(&line, &wgs84(), a.lat, a.lon, b.lat, b.lon, GEOD_LATITUDE | GEOD_LONGITUDE | GEOD_DISTANCE_IN);
  LonLat p;
  geod_position(&line, t * line.s13, &p.lat, &p.lon, nullptr);
  return p;
}

double pathLength(const Path& path) {
  double total = 0.0;
  for (size_t i = 1; i < path.size(); ++i) total += distance(path[i - 1], path[i]);
  return total;
}

double ringArea(const Path& ring) {
  size_t n = ring.size();
  if (n >= 2 && ring.front() == ring.back()) --n;  // geod_polygonarea closes the ring itself
  if (n < 3) return 0.0;
  std::vector<double> lats(n), lons(n);
  for (size_t i = 0; i < n; ++i) {
    if (!validPosition(ring[i])) return NAN;
    lats[i] = ring[i].lat;
    lons[i] = ring[i].lon;
  }
  double area = 0.0, perimeter = 0.0;
  geod_polygonarea(&wgs84(), lats.data(), lons.data(), static_cast<int>(n), &area, &perimeter);
  area = std::fabs(area);
  return std::min(area, earthArea() - area);
}

AreaPerimeter polygonArea(const Polygon& polygon) {
  AreaPerimeter r;
  r.area_m2 = ringArea(polygon.outer);
  r.perimeter_m = pathLength(polygon.outer);
  if (!polygon.outer.empty() && polygon.outer.front() != polygon.outer.back())
    r.perimeter_m += distance(polygon.outer.back(), polygon.outer.front());
  for (const auto& hole : polygon.holes) {
    r.area_m2 -= ringArea(hole);
    r.perimeter_m += pathLength(hole);
    if (!hole.empty() && hole.front() != hole.back()) r.perimeter_m += distance(hole.back(), hole.front());
  }
  return r;
}

AreaPerimeter geometryArea(const Geometry& geometry) {
  AreaPerimeter r;
  for (const auto& poly : geometry.polygons) {
    AreaPerimeter p = polygonArea(poly);
    r.area_m2 += p.area_m2;
    r.perimeter_m += p.perimeter_m;
  }
  return r;
}

RhumbInverse rhumbInverse(const LonLat& a, const LonLat& b) {
  RhumbInverse r;
  if (!validPosition(a) || !validPosition(b)) return r;
  // Exact variant: accurate to round-off for any flattening, and still fast.
  static const GeographicLib::Rhumb rhumb(kWgs84A, kWgs84F, true);
  rhumb.Inverse(a.lat, a.lon, b.lat, b.lon, r.distance_m, r.azimuth_deg);
  return r;
}

}  // namespace pamir::geo
