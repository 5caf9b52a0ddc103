#pragma once
// A geometry prepared for the nearest-distance search: its primitives
// (points and geodesic pieces with their ECEF ends and sagitta pads), its
// connected parts, a bounding-volume hierarchy over the primitives, and the
// ring indexes for point-in-polygon tests. Internal to nearest*.cpp.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/nearest_bounds.hpp"

namespace pamir::geo::detail {

enum class PartKind : uint8_t { Point, Line, Ring };

struct Part {
  PartKind kind = PartKind::Point;
  int polygon = -1;  // for rings
  bool hole = false;
  LonLat first;  // a vertex of the part, for containment tests
};

struct Prim {
  LonLat a, b;  // b == a for a point
  Vec3 ea, eb;
  double pad = 0;  // sagitta bound, metres
  int part = 0;
  bool isPoint = false;
  bool sampleB = false;  // b is the last vertex of a line: classify it too
};

inline Box3 boxOf(const Prim& p) {
  Box3 b;
  b.add(p.ea, p.pad);
  b.add(p.eb, p.pad);
  return b;
}

struct Node {
  Box3 box;
  int left = -1, right = -1;  // children; leaf when left < 0
  int begin = 0, end = 0;     // prim range for leaves
};

// Lon-bucketed edges of one ring, for point-in-polygon tests.
struct RingIndex {
  std::vector<LonLat> v;  // closed
  bool northPole = false;
  int buckets = 1;
  std::vector<int> start;  // CSR
  std::vector<int> edges;

  int bucketOf(double lon) const {
    double u = (normalizeLon(lon) + 180.0) / 360.0;
    int b = static_cast<int>(u * buckets);
    return std::clamp(b, 0, buckets - 1);
  }
};

using PolygonIndex = BasicPolygon<RingIndex>;

struct Prepared {
  std::vector<Prim> prims;
  std::vector<Part> parts;
  std::vector<Node> nodes;
  const Geometry* geometry = nullptr;
  int dimension = 0;                       // 0 points, 1 lines, 2 polygons (the highest present)
  std::vector<PolygonIndex> polygonIndex;  // built on first use
};

// Validates and prepares; on failure returns false with *error set.
// `which` names the geometry in the message ("A" or "B").
bool prepare(const Geometry& geom, const char* which, Prepared& g, std::string* error);

// Strictly inside the polygons of g (boundary not considered). Builds g's
// ring indexes on first use.
bool insidePolygons(Prepared& g, const LonLat& p);

}  // namespace pamir::geo::detail
