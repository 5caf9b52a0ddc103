#include "core/feature_anchor.hpp"

#include <limits>
#include <vector>

namespace pamir {

namespace {

double squaredDegrees(const LonLat& a, const LonLat& b) {
  double dlon = std::remainder(a.lon - b.lon, 360.0);
  double dlat = a.lat - b.lat;
  return dlon * dlon * std::cos(b.lat * M_PI / 180.0) * std::cos(b.lat * M_PI / 180.0) + dlat * dlat;
}

}  // namespace

FeatureAnchor featureAnchor(const Geometry& g, std::optional<LonLat> near) {
  FeatureAnchor a;
  auto nearest = [&](const std::vector<LonLat>& pts) {
    const LonLat* best = &pts.front();
    double bestD = std::numeric_limits<double>::infinity();
    for (const LonLat& p : pts) {
      const double d = squaredDegrees(p, *near);
      if (d < bestD) bestD = d, best = &p;
    }
    return *best;
  };
  if (!g.points.empty()) {
    a.kind = FeatureAnchor::Kind::Point;
    a.position = near ? nearest(g.points) : g.points.front();
    return a;
  }
  if (!g.polygons.empty()) {
    double area = 0, cx = 0, cy = 0;
    const LonLat origin = g.polygons.front().outer.empty() ? LonLat{0, 0} : g.polygons.front().outer.front();
    for (const Polygon& poly : g.polygons) {
      const Path& r = poly.outer;
      for (size_t i = 0; i + 1 < r.size(); ++i) {
        const double x0 = std::remainder(r[i].lon - origin.lon, 360.0), y0 = r[i].lat - origin.lat;
        const double x1 = std::remainder(r[i + 1].lon - origin.lon, 360.0), y1 = r[i + 1].lat - origin.lat;
        const double cross = x0 * y1 - x1 * y0;
        area += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
      }
    }
    if (std::abs(area) > 1e-15) {
      a.kind = FeatureAnchor::Kind::Centroid;
      double lon = origin.lon + cx / (3 * area);
      if (lon > 180) lon -= 360;
      if (lon < -180) lon += 360;
      a.position = {lon, origin.lat + cy / (3 * area)};
      return a;
    }
  }
  std::vector<LonLat> vertices;
  for (const Path& l : g.lines) vertices.insert(vertices.end(), l.begin(), l.end());
  for (const Polygon& p : g.polygons) vertices.insert(vertices.end(), p.outer.begin(), p.outer.end());
  if (vertices.empty()) return a;
  a.kind = FeatureAnchor::Kind::NearestVertex;
  a.position = near ? nearest(vertices) : vertices[vertices.size() / 2];
  return a;
}

const char* anchorKindName(FeatureAnchor::Kind k) {
  switch (k) {
    case FeatureAnchor::Kind::Point:
      return "point";
    case FeatureAnchor::Kind::NearestVertex:
      return "nearest vertex";
    case FeatureAnchor::Kind::Centroid:
      return "centroid";
    case FeatureAnchor::Kind::None:
      break;
  }
  return "";
}

}  // namespace pamir
