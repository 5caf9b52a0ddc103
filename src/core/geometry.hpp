#pragma once
// Plain geometry types. Coordinates are always WGS84 longitude/latitude in
// degrees, longitude first (x = lon, y = lat), unless a type says otherwise.
#include <cmath>
#include <limits>
#include <vector>

namespace pamir {

/// A position: WGS84 longitude and latitude in degrees.
struct LonLat {
  double lon = 0.0;
  double lat = 0.0;
  bool finite() const { return std::isfinite(lon) && std::isfinite(lat); }
  friend bool operator==(const LonLat&, const LonLat&) = default;
};

/// A position in a projected (view) CRS, in that CRS's units (usually metres).
struct XY {
  double x = 0.0;
  double y = 0.0;
  friend bool operator==(const XY&, const XY&) = default;
};

/// An axis-aligned box; empty() until something is added.
struct Bounds {
  double minx = std::numeric_limits<double>::infinity();
  double miny = std::numeric_limits<double>::infinity();
  double maxx = -std::numeric_limits<double>::infinity();
  double maxy = -std::numeric_limits<double>::infinity();

  bool empty() const { return !(minx <= maxx && miny <= maxy); }
  void add(double x, double y) {
    minx = std::min(minx, x);
    miny = std::min(miny, y);
    maxx = std::max(maxx, x);
    maxy = std::max(maxy, y);
  }
  void add(const LonLat& p) { add(p.lon, p.lat); }
  void add(const Bounds& b) {
    if (b.empty()) return;
    add(b.minx, b.miny);
    add(b.maxx, b.maxy);
  }
  double width() const { return maxx - minx; }
  double height() const { return maxy - miny; }
  bool intersects(const Bounds& o) const { return !(o.minx > maxx || o.maxx < minx || o.miny > maxy || o.maxy < miny); }
  bool contains(double x, double y) const { return x >= minx && x <= maxx && y >= miny && y <= maxy; }
};

/// A ring or line: a sequence of lon/lat positions. Rings are stored closed
/// (first == last) once loaded.
using Path = std::vector<LonLat>;

/// One outer ring and any number of holes, whatever stands for a ring (a
/// Path here; an index over a ring's edges in the nearest-distance search).
template <class Ring>
struct BasicPolygon {
  Ring outer;
  std::vector<Ring> holes;
};

/// A polygon: one outer ring and any number of holes.
using Polygon = BasicPolygon<Path>;

/// Any geometry, flattened into its three kinds of parts. A GDAL
/// MultiPolygon becomes several polygons, a GeometryCollection fills several
/// lists. Z and M are not kept; curves are linearised when loaded.
struct Geometry {
  std::vector<LonLat> points;
  std::vector<Path> lines;
  std::vector<Polygon> polygons;

  bool empty() const { return points.empty() && lines.empty() && polygons.empty(); }
  Bounds bounds() const;
  size_t vertexCount() const;
};

}  // namespace pamir
