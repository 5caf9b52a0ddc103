#include "geo/path_measure.hpp"

#include <algorithm>
#include <cmath>

#include "geo/geodesic.hpp"
#include "geo/units.hpp"
#include "geo/wgs84_geodesic.hpp"

namespace pamir::geo {

namespace {
double bearing(double az) { return az < 0 ? az + 360.0 : az; }
}  // namespace

PathMeasure measurePath(const Path& vertices) {
  PathMeasure out;
  for (size_t i = 1; i < vertices.size(); ++i) {
    PathLeg leg;
    leg.from = vertices[i - 1];
    leg.to = vertices[i];
    const GeodesicInverse inv = inverse(leg.from, leg.to);
    leg.distance_m = inv.distance_m;
    if (inv.distance_m > 0) {
      leg.azimuth1_deg = bearing(inv.azimuth1_deg);
      leg.azimuth2_deg = bearing(inv.azimuth2_deg);
    }
    leg.rhumb_m = rhumbInverse(leg.from, leg.to).distance_m;
    out.total_m += leg.distance_m;
    out.rhumb_m += leg.rhumb_m;
    out.legs.push_back(leg);
  }
  return out;
}

PolygonMeasure measurePolygon(const Path& ring) {
  PolygonMeasure r;
  size_t n = ring.size();
  if (n >= 2 && ring.front() == ring.back()) --n;  // geod_polygon closes the ring itself
  if (n < 3) return r;
  geod_polygon poly;
  geod_polygon_init(&poly, 0);
  for (size_t i = 0; i < n; ++i) {
    if (!validPosition(ring[i])) return r;
    geod_polygon_addpoint(&detail::wgs84(), &poly, ring[i].lat, ring[i].lon);
  }
  double area = 0, perimeter = 0;
  // reverse = 0, sign = 0: the area is positive whichever way the ring
  // turns, taken as the region that is not the rest of the Earth.
  geod_polygon_compute(&detail::wgs84(), &poly, 0, 0, &area, &perimeter);
  const double earth = 4.0 * M_PI * detail::wgs84().c2;
  area = std::fabs(area);
  r.area_m2 = std::min(area, earth - area);
  r.perimeter_m = perimeter;
  return r;
}

double planarRingArea(const std::vector<XY>& ring) {
  size_t n = ring.size();
  if (n >= 2 && ring.front() == ring.back()) --n;
  if (n < 3) return 0.0;
  // About the first vertex: keeps the products small for map coordinates in the millions.
  const XY o = ring[0];
  double twice = 0;
  for (size_t i = 0; i < n; ++i) {
    const XY a = ring[i], b = ring[(i + 1) % n];
    if (!std::isfinite(a.x) || !std::isfinite(a.y)) return NAN;
    twice += (a.x - o.x) * (b.y - o.y) - (b.x - o.x) * (a.y - o.y);
  }
  return std::fabs(twice) / 2.0;
}

LonLat vertexCentre(const Path& vertices) {
  double x = 0, y = 0, z = 0;
  for (const LonLat& p : vertices) {
    const double lat = p.lat * M_PI / 180, lon = p.lon * M_PI / 180;
    x += std::cos(lat) * std::cos(lon);
    y += std::cos(lat) * std::sin(lon);
    z += std::sin(lat);
  }
  if (vertices.empty() || (x == 0 && y == 0 && z == 0)) return {NAN, NAN};
  return {normalizeLon(std::atan2(y, x) * 180 / M_PI), std::atan2(z, std::hypot(x, y)) * 180 / M_PI};
}

std::string equalAreaCrsAt(const LonLat& centre) {
  return "+proj=laea +lat_0=" + formatFixed(centre.lat, 4) + " +lon_0=" + formatFixed(centre.lon, 4) +
         " +datum=WGS84 +units=m +no_defs";
}

}  // namespace pamir::geo
