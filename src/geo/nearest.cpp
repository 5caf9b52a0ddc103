#include "geo/nearest.hpp"


#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>
#include <vector>

#include "geo/geodesic.hpp"
#include "geo/wgs84_geodesic.hpp"

namespace pamir::geo {
namespace {

constexpr double kDeg = M_PI / 180.0;
constexpr double kInf = std::numeric_limits<double>::infinity();
// Boundaries closer than this are in contact. Shared borders from one source
// have identical vertices (distance exactly 0); 1 mm absorbs round-off only.
constexpr double kContactTol = 1e-3;
// Longer chords are cut into geodesic pieces so the sagitta pad stays small
// (25 km gives a pad under 20 m).
constexpr double kMaxChord = 25000.0;
// Sphere radius used only to size correction steps; exactness comes from
// re-evaluating on the ellipsoid after each step.
constexpr double kStepRadius = 6371008.8;
// Largest normal curvature of the WGS84 surface is a/b² (meridian at the equator).
constexpr double kMinCurvatureRadius = kWgs84B * kWgs84B / kWgs84A;

using detail::wgs84;

// --- 3-D vectors and boxes (ECEF metres) ------------------------------------

struct Vec3 {
  double x = 0, y = 0, z = 0;
};
inline Vec3 operator-(const Vec3& a, const Vec3& b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
inline Vec3 operator+(const Vec3& a, const Vec3& b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
inline Vec3 operator*(double s, const Vec3& a) { return {s * a.x, s * a.y, s * a.z}; }
inline double dot(const Vec3& a, const Vec3& b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
inline double norm(const Vec3& a) { return std::sqrt(dot(a, a)); }

Vec3 toEcef(const LonLat& p) {
  const double e2 = kWgs84F * (2.0 - kWgs84F);
  double phi = p.lat * kDeg, lam = p.lon * kDeg;
  double sphi = std::sin(phi), cphi = std::cos(phi);
  double n = kWgs84A / std::sqrt(1.0 - e2 * sphi * sphi);
  return {n * cphi * std::cos(lam), n * cphi * std::sin(lam), n * (1.0 - e2) * sphi};
}

struct Box3 {
  double lo[3] = {kInf, kInf, kInf};
  double hi[3] = {-kInf, -kInf, -kInf};
  void add(const Vec3& v, double pad) {
    const double c[3] = {v.x, v.y, v.z};
    for (int k = 0; k < 3; ++k) {
      lo[k] = std::min(lo[k], c[k] - pad);
      hi[k] = std::max(hi[k], c[k] + pad);
    }
  }
  void add(const Box3& b) {
    for (int k = 0; k < 3; ++k) {
      lo[k] = std::min(lo[k], b.lo[k]);
      hi[k] = std::max(hi[k], b.hi[k]);
    }
  }
  double diag2() const {
    double s = 0;
    for (int k = 0; k < 3; ++k) s += (hi[k] - lo[k]) * (hi[k] - lo[k]);
    return s;
  }
};

double boxDistance(const Box3& a, const Box3& b) {
  double s = 0;
  for (int k = 0; k < 3; ++k) {
    double gap = std::max({0.0, a.lo[k] - b.hi[k], b.lo[k] - a.hi[k]});
    s += gap * gap;
  }
  return std::sqrt(s);
}

double pointSegment3(const Vec3& p, const Vec3& a, const Vec3& b) {
  Vec3 ab = b - a;
  double l2 = dot(ab, ab);
  double t = l2 > 0 ? std::clamp(dot(p - a, ab) / l2, 0.0, 1.0) : 0.0;
  return norm(p - (a + t * ab));
}

// Shortest distance between segments p1q1 and p2q2 (closest points of two
// segments, clamped parametrisation; degenerate segments handled).
double segmentSegment3(const Vec3& p1, const Vec3& q1, const Vec3& p2, const Vec3& q2) {
  Vec3 d1 = q1 - p1, d2 = q2 - p2, r = p1 - p2;
  double a = dot(d1, d1), e = dot(d2, d2), f = dot(d2, r);
  double s = 0, t = 0;
  if (a <= 0 && e <= 0) return norm(r);
  if (a <= 0) {
    t = std::clamp(f / e, 0.0, 1.0);
  } else {
    double c = dot(d1, r);
    if (e <= 0) {
      s = std::clamp(-c / a, 0.0, 1.0);
    } else {
      double b = dot(d1, d2);
      double denom = a * e - b * b;
      s = denom > 0 ? std::clamp((b * f - c * e) / denom, 0.0, 1.0) : 0.0;
      t = (b * s + f) / e;
      if (t < 0) {
        t = 0;
        s = std::clamp(-c / a, 0.0, 1.0);
      } else if (t > 1) {
        t = 1;
        s = std::clamp((b - c) / a, 0.0, 1.0);
      }
    }
  }
  return norm((p1 + s * d1) - (p2 + t * d2));
}

// Upper bound on how far a geodesic with this chord strays from the chord.
double sagittaPad(double chord) {
  const double r = kMinCurvatureRadius;
  double h = 0.5 * chord;
  if (h >= r) return r;
  return 1.5 * (r - std::sqrt(r * r - h * h)) + 1e-6;
}

// --- exact geodesic pieces -----------------------------------------------------

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

// Proper crossing of two geodesic segments (each endpoint strictly on the
// far side of the other segment). Writes the crossing point.
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

// --- prepared geometry --------------------------------------------------------

enum class PartKind : uint8_t { Point, Line, Ring };

struct Part {
  PartKind kind = PartKind::Point;
  int polygon = -1;  // for rings
  bool hole = false;
  LonLat first;      // a vertex of the part, for containment tests
};

struct Prim {
  LonLat a, b;     // b == a for a point
  Vec3 ea, eb;
  double pad = 0;  // sagitta bound, metres
  int part = 0;
  bool isPoint = false;
  bool sampleB = false;  // b is the last vertex of a line: classify it too
};

Box3 boxOf(const Prim& p) {
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

struct PolygonIndex {
  RingIndex outer;
  std::vector<RingIndex> holes;
};

struct Prepared {
  std::vector<Prim> prims;
  std::vector<Part> parts;
  std::vector<Node> nodes;
  const Geometry* geometry = nullptr;
  int dimension = 0;  // 0 points, 1 lines, 2 polygons (the highest present)
  std::vector<PolygonIndex> polygonIndex;  // built on first use
};

Path closedRing(const Path& ring) {
  Path r = ring;
  if (!r.empty() && r.front() != r.back()) r.push_back(r.front());
  return r;
}

void addPoint(Prepared& g, const LonLat& p, int part) {
  Prim prim;
  prim.a = prim.b = p;
  prim.ea = prim.eb = toEcef(p);
  prim.isPoint = true;
  prim.part = part;
  g.prims.push_back(prim);
}

void addSegment(Prepared& g, const LonLat& a, const LonLat& b, int part, bool last) {
  Vec3 ea = toEcef(a), eb = toEcef(b);
  double chord = norm(eb - ea);
  if (chord > kMaxChord) {
    int pieces = static_cast<int>(std::ceil(chord / kMaxChord));
    geod_geodesicline line;
    geod_inverseline(&line, &wgs84(), a.lat, a.lon, b.lat, b.lon, GEOD_LATITUDE | GEOD_LONGITUDE | GEOD_DISTANCE_IN);
    LonLat prev = a;
    Vec3 eprev = ea;
    for (int k = 1; k <= pieces; ++k) {
      LonLat next = b;
      if (k < pieces) geod_position(&line, line.s13 * k / pieces, &next.lat, &next.lon, nullptr);
      Vec3 enext = k < pieces ? toEcef(next) : eb;
      Prim prim;
      prim.a = prev;
      prim.b = next;
      prim.ea = eprev;
      prim.eb = enext;
      prim.pad = sagittaPad(norm(enext - eprev));
      prim.part = part;
      prim.sampleB = last && k == pieces;
      g.prims.push_back(prim);
      prev = next;
      eprev = enext;
    }
    return;
  }
  Prim prim;
  prim.a = a;
  prim.b = b;
  prim.ea = ea;
  prim.eb = eb;
  prim.pad = sagittaPad(chord);
  prim.part = part;
  prim.sampleB = last;
  g.prims.push_back(prim);
}

void addPath(Prepared& g, const Path& path, int part, bool ring) {
  // Consecutive duplicate vertices make zero-length edges: drop them.
  Path v;
  v.reserve(path.size() + 1);
  for (const auto& p : path)
    if (v.empty() || !(v.back() == p)) v.push_back(p);
  if (ring && v.size() > 1 && v.front() != v.back()) v.push_back(v.front());
  if (v.size() == 1) {
    addPoint(g, v[0], part);
    return;
  }
  for (size_t i = 0; i + 1 < v.size(); ++i) addSegment(g, v[i], v[i + 1], part, !ring && i + 2 == v.size());
}

// Builds the hierarchy over prims[order[begin..end)]; `centre` holds each
// prim's box centre. Sorting indices, not the (large) prims, keeps it cheap.
int buildNode(Prepared& g, std::vector<int>& order, const std::vector<Vec3>& centre, int begin, int end) {
  Node node;
  node.begin = begin;
  node.end = end;
  int index = static_cast<int>(g.nodes.size());
  if (end - begin <= 4) {
    for (int i = begin; i < end; ++i) node.box.add(boxOf(g.prims[order[i]]));
    g.nodes.push_back(node);
    return index;
  }
  g.nodes.push_back(node);
  // Split at the median of the box centres along the longest axis.
  Box3 spread;
  for (int i = begin; i < end; ++i) spread.add(centre[order[i]], 0.0);
  int axis = 0;
  for (int k = 1; k < 3; ++k)
    if (spread.hi[k] - spread.lo[k] > spread.hi[axis] - spread.lo[axis]) axis = k;
  auto coord = [&](int i) { return axis == 0 ? centre[i].x : axis == 1 ? centre[i].y : centre[i].z; };
  int mid = (begin + end) / 2;
  std::nth_element(order.begin() + begin, order.begin() + mid, order.begin() + end,
                   [&](int x, int y) { return coord(x) < coord(y); });
  int left = buildNode(g, order, centre, begin, mid);
  int right = buildNode(g, order, centre, mid, end);
  Node& built = g.nodes[index];
  built.left = left;
  built.right = right;
  built.box.add(g.nodes[left].box);
  built.box.add(g.nodes[right].box);
  return index;
}

void buildHierarchy(Prepared& g) {
  const int n = static_cast<int>(g.prims.size());
  std::vector<int> order(n);
  std::vector<Vec3> centre(n);
  for (int i = 0; i < n; ++i) {
    order[i] = i;
    const Box3 b = boxOf(g.prims[i]);
    centre[i] = {0.5 * (b.lo[0] + b.hi[0]), 0.5 * (b.lo[1] + b.hi[1]), 0.5 * (b.lo[2] + b.hi[2])};
  }
  g.nodes.reserve(static_cast<size_t>(n) / 2 + 2);
  buildNode(g, order, centre, 0, n);
  // Leaves refer to contiguous ranges: store the prims in leaf order.
  std::vector<Prim> sorted;
  sorted.reserve(n);
  for (int i : order) sorted.push_back(g.prims[i]);
  g.prims.swap(sorted);
}

std::string describeVertex(const char* which, const char* kind, size_t part, size_t vertex, const LonLat& p) {
  std::ostringstream s;
  s.imbue(std::locale::classic());
  s << "geometry " << which << ": " << kind << ' ' << part << " vertex " << vertex << " has an invalid coordinate (lon "
    << p.lon << ", lat " << p.lat << ")";
  return s.str();
}

// Validates and prepares; on failure returns false with *error set.
bool prepare(const Geometry& geom, const char* which, Prepared& g, std::string* error) {
  if (geom.empty()) {
    *error = std::string("geometry ") + which + " is empty";
    return false;
  }
  g.geometry = &geom;
  for (size_t i = 0; i < geom.points.size(); ++i)
    if (!validPosition(geom.points[i])) {
      *error = describeVertex(which, "point", i, 0, geom.points[i]);
      return false;
    }
  for (size_t i = 0; i < geom.lines.size(); ++i)
    for (size_t j = 0; j < geom.lines[i].size(); ++j)
      if (!validPosition(geom.lines[i][j])) {
        *error = describeVertex(which, "line", i, j, geom.lines[i][j]);
        return false;
      }
  for (size_t i = 0; i < geom.polygons.size(); ++i) {
    const Polygon& poly = geom.polygons[i];
    for (size_t j = 0; j < poly.outer.size(); ++j)
      if (!validPosition(poly.outer[j])) {
        *error = describeVertex(which, "polygon", i, j, poly.outer[j]);
        return false;
      }
    for (const auto& hole : poly.holes)
      for (size_t j = 0; j < hole.size(); ++j)
        if (!validPosition(hole[j])) {
          *error = describeVertex(which, "polygon hole of", i, j, hole[j]);
          return false;
        }
  }

  g.prims.reserve(geom.vertexCount() + 8);
  for (const auto& p : geom.points) {
    g.parts.push_back({PartKind::Point, -1, false, p});
    addPoint(g, p, static_cast<int>(g.parts.size()) - 1);
  }
  for (const auto& line : geom.lines) {
    if (line.empty()) continue;
    g.parts.push_back({PartKind::Line, -1, false, line.front()});
    addPath(g, line, static_cast<int>(g.parts.size()) - 1, false);
    g.dimension = std::max(g.dimension, 1);
  }
  for (size_t i = 0; i < geom.polygons.size(); ++i) {
    const Polygon& poly = geom.polygons[i];
    if (poly.outer.empty()) continue;
    g.parts.push_back({PartKind::Ring, static_cast<int>(i), false, poly.outer.front()});
    addPath(g, poly.outer, static_cast<int>(g.parts.size()) - 1, true);
    g.dimension = 2;
    for (const auto& hole : poly.holes) {
      if (hole.empty()) continue;
      g.parts.push_back({PartKind::Ring, static_cast<int>(i), true, hole.front()});
      addPath(g, hole, static_cast<int>(g.parts.size()) - 1, true);
    }
  }
  if (g.prims.empty()) {
    *error = std::string("geometry ") + which + " is empty";
    return false;
  }
  buildHierarchy(g);
  return true;
}

// --- point in polygon ---------------------------------------------------------

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

// Strictly inside the polygons of g (boundary not considered).
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

// --- pair distances -------------------------------------------------------------

double lowerBound(const Prim& a, const Prim& b) {
  double d;
  if (a.isPoint && b.isPoint) {
    d = norm(a.ea - b.ea);
  } else if (a.isPoint) {
    d = pointSegment3(a.ea, b.ea, b.eb);
  } else if (b.isPoint) {
    d = pointSegment3(b.ea, a.ea, a.eb);
  } else {
    d = segmentSegment3(a.ea, a.eb, b.ea, b.eb);
  }
  return std::max(0.0, d - a.pad - b.pad);
}

struct PairResult {
  double d = kInf;
  LonLat onA, onB;
  bool crossing = false;
};

// Exact geodesic distance between two primitives. When `stopBelow` is
// reached the remaining candidates are skipped (contact search).
PairResult exactPair(const Prim& a, const Prim& b, double stopBelow = -1) {
  PairResult r;
  if (a.isPoint && b.isPoint) {
    r.d = inv(a.a, b.a).s;
    r.onA = a.a;
    r.onB = b.a;
    return r;
  }
  if (a.isPoint || b.isPoint) {
    const Prim& pt = a.isPoint ? a : b;
    const Prim& sg = a.isPoint ? b : a;
    SegmentProjection pr = project(pt.a, pt.ea, sg.a, sg.ea, sg.b, sg.eb);
    r.d = pr.distance_m;
    r.onA = a.isPoint ? pt.a : pr.point;
    r.onB = a.isPoint ? pr.point : pt.a;
    return r;
  }
  // Shared vertex: in contact there, and segments sharing an end cannot cross properly.
  for (const LonLat* pa : {&a.a, &a.b})
    for (const LonLat* pb : {&b.a, &b.b})
      if (*pa == *pb) {
        r.d = 0;
        r.onA = r.onB = *pa;
        return r;
      }
  LonLat at;
  if (lowerBound(a, b) == 0 && segmentsCross(a.a, a.b, b.a, b.b, &at)) {
    r.d = 0;
    r.onA = r.onB = at;
    r.crossing = true;
    return r;
  }
  struct Candidate {
    const Prim* pt;
    bool endB;
    const Prim* sg;
    bool ptOnA;
  };
  const Candidate cands[4] = {{&a, false, &b, true}, {&a, true, &b, true}, {&b, false, &a, false}, {&b, true, &a, false}};
  for (const auto& c : cands) {
    const LonLat& p = c.endB ? c.pt->b : c.pt->a;
    const Vec3& pe = c.endB ? c.pt->eb : c.pt->ea;
    // Skip an endpoint whose chord bound already exceeds the best found.
    if (pointSegment3(pe, c.sg->ea, c.sg->eb) - c.sg->pad >= r.d) continue;
    SegmentProjection pr = project(p, pe, c.sg->a, c.sg->ea, c.sg->b, c.sg->eb);
    if (pr.distance_m < r.d) {
      r.d = pr.distance_m;
      r.onA = c.ptOnA ? p : pr.point;
      r.onB = c.ptOnA ? pr.point : p;
    }
    if (r.d <= stopBelow) break;
  }
  return r;
}

struct SearchResult {
  PairResult best;
  size_t exactPairs = 0;
};

// Best-first search over pairs of BVH nodes, then primitive pairs, in order
// of their lower bounds; exact refinement only while a bound beats the best.
SearchResult closestPair(const Prepared& A, const Prepared& B) {
  struct Entry {
    double lb;
    int i, j;
    bool prims;
  };
  auto cmp = [](const Entry& x, const Entry& y) { return x.lb > y.lb; };
  std::vector<Entry> heap;
  heap.reserve(256);
  SearchResult out;
  double upper = kInf;
  heap.push_back({boxDistance(A.nodes[0].box, B.nodes[0].box), 0, 0, false});
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), cmp);
    Entry e = heap.back();
    heap.pop_back();
    if (e.lb >= upper) break;
    if (e.prims) {
      PairResult r = exactPair(A.prims[e.i], B.prims[e.j]);
      ++out.exactPairs;
      if (r.d < upper) {
        upper = r.d;
        out.best = r;
      }
      continue;
    }
    const Node& na = A.nodes[e.i];
    const Node& nb = B.nodes[e.j];
    bool leafA = na.left < 0, leafB = nb.left < 0;
    auto push = [&](double lb, int i, int j, bool prims) {
      if (lb < upper) {
        heap.push_back({lb, i, j, prims});
        std::push_heap(heap.begin(), heap.end(), cmp);
      }
    };
    if (leafA && leafB) {
      for (int i = na.begin; i < na.end; ++i)
        for (int j = nb.begin; j < nb.end; ++j) push(lowerBound(A.prims[i], B.prims[j]), i, j, true);
    } else if (!leafA && (leafB || na.box.diag2() >= nb.box.diag2())) {
      push(boxDistance(A.nodes[na.left].box, nb.box), na.left, e.j, false);
      push(boxDistance(A.nodes[na.right].box, nb.box), na.right, e.j, false);
    } else {
      push(boxDistance(na.box, B.nodes[nb.left].box), e.i, nb.left, false);
      push(boxDistance(na.box, B.nodes[nb.right].box), e.i, nb.right, false);
    }
  }
  return out;
}

struct Contact {
  int i, j;
  PairResult r;
};

// Every primitive pair within kContactTol.
std::vector<Contact> contacts(const Prepared& A, const Prepared& B) {
  std::vector<Contact> out;
  std::vector<std::pair<int, int>> stack{{0, 0}};
  while (!stack.empty()) {
    auto [ia, ib] = stack.back();
    stack.pop_back();
    const Node& na = A.nodes[ia];
    const Node& nb = B.nodes[ib];
    if (boxDistance(na.box, nb.box) > kContactTol) continue;
    bool leafA = na.left < 0, leafB = nb.left < 0;
    if (leafA && leafB) {
      for (int i = na.begin; i < na.end; ++i)
        for (int j = nb.begin; j < nb.end; ++j) {
          if (lowerBound(A.prims[i], B.prims[j]) > kContactTol) continue;
          PairResult r = exactPair(A.prims[i], B.prims[j], kContactTol);
          if (r.d <= kContactTol) out.push_back({i, j, r});
        }
    } else if (!leafA && (leafB || na.box.diag2() >= nb.box.diag2())) {
      stack.push_back({na.left, ib});
      stack.push_back({na.right, ib});
    } else {
      stack.push_back({ia, nb.left});
      stack.push_back({ia, nb.right});
    }
  }
  return out;
}

// Geodesic distance from p to the nearest point of g's linework (best-first
// over the hierarchy, exact refinement only while a bound beats the best).
double distanceToLinework(const Prepared& g, const LonLat& p) {
  Vec3 pe = toEcef(p);
  Box3 pb;
  pb.add(pe, 0.0);
  struct Entry {
    double lb;
    int node;
  };
  auto cmp = [](const Entry& x, const Entry& y) { return x.lb > y.lb; };
  std::vector<Entry> heap{{boxDistance(g.nodes[0].box, pb), 0}};
  double best = kInf;
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), cmp);
    Entry e = heap.back();
    heap.pop_back();
    if (e.lb >= best) break;
    const Node& n = g.nodes[e.node];
    if (n.left >= 0) {
      for (int child : {n.left, n.right}) {
        double lb = boxDistance(g.nodes[child].box, pb);
        if (lb < best) {
          heap.push_back({lb, child});
          std::push_heap(heap.begin(), heap.end(), cmp);
        }
      }
      continue;
    }
    for (int i = n.begin; i < n.end; ++i) {
      const Prim& s = g.prims[i];
      double lb = s.isPoint ? norm(pe - s.ea) : pointSegment3(pe, s.ea, s.eb) - s.pad;
      if (lb >= best) continue;
      double d = s.isPoint ? inv(p, s.a).s : project(p, pe, s.a, s.ea, s.b, s.eb).distance_m;
      best = std::min(best, d);
    }
  }
  return best;
}

// How far the vertices of `a` reach into the polygons of `b`: the largest
// distance from a vertex inside b to b's boundary.
double penetration(const Prepared& a, Prepared& b) {
  if (b.dimension < 2) return 0;
  double depth = 0;
  for (const Prim& s : a.prims)
    for (const LonLat* v : {&s.a, &s.b}) {
      if (v == &s.b && !s.sampleB) continue;
      if (!insidePolygons(b, *v)) continue;
      depth = std::max(depth, distanceToLinework(b, *v));
    }
  return depth;
}

// True when p lies within kContactTol of g's points, lines or ring edges.
bool onLinework(const Prepared& g, const LonLat& p, const Vec3& pe) {
  Box3 pb;
  pb.add(pe, 0.0);
  std::vector<int> stack{0};
  while (!stack.empty()) {
    const Node& n = g.nodes[stack.back()];
    stack.pop_back();
    if (boxDistance(n.box, pb) > kContactTol) continue;
    if (n.left >= 0) {
      stack.push_back(n.left);
      stack.push_back(n.right);
      continue;
    }
    for (int i = n.begin; i < n.end; ++i) {
      const Prim& s = g.prims[i];
      if (p == s.a || p == s.b) return true;
      double lb = s.isPoint ? norm(pe - s.ea) : pointSegment3(pe, s.ea, s.eb) - s.pad;
      if (lb > kContactTol) continue;
      double d = s.isPoint ? inv(p, s.a).s : project(p, pe, s.a, s.ea, s.b, s.eb).distance_m;
      if (d <= kContactTol) return true;
    }
  }
  return false;
}

Location classify(Prepared& g, const LonLat& p) {
  if (onLinework(g, p, toEcef(p))) return Location::Boundary;
  if (g.dimension == 2 && insidePolygons(g, p)) return Location::Inside;
  return Location::Outside;
}

struct SampleFlags {
  bool in = false, out = false;
};

// Classifies the vertices of `a` (and the midpoints of its edges in contact)
// against `b`; stops early once both inside and outside have been seen.
SampleFlags classifySamples(const Prepared& a, Prepared& b, const std::vector<int>& contactPrims) {
  SampleFlags f;
  auto visit = [&](const LonLat& p) {
    Location loc = classify(b, p);
    if (loc == Location::Inside) f.in = true;
    if (loc == Location::Outside) f.out = true;
    return f.in && f.out;
  };
  for (const Prim& s : a.prims) {
    if (visit(s.a)) return f;
    if (s.sampleB && visit(s.b)) return f;
  }
  for (int i : contactPrims) {
    const Prim& s = a.prims[i];
    if (s.isPoint) continue;
    if (visit(interpolate(s.a, s.b, 0.5))) return f;
  }
  return f;
}

}  // namespace

const char* relationName(Relation r) {
  switch (r) {
    case Relation::Disjoint: return "disjoint";
    case Relation::Touching: return "touching";
    case Relation::Overlapping: return "overlapping";
    case Relation::Contains: return "contains";
    case Relation::Within: return "within";
  }
  return "disjoint";
}

SegmentProjection projectOntoSegment(const LonLat& p, const LonLat& s0, const LonLat& s1) {
  if (!validPosition(p) || !validPosition(s0) || !validPosition(s1)) return {};
  return project(p, toEcef(p), s0, toEcef(s0), s1, toEcef(s1));
}

Location locate(const LonLat& p, const Geometry& g, double tolerance_m) {
  if (!validPosition(p) || g.empty()) return Location::Outside;
  Prepared prepared;
  std::string error;
  if (!prepare(g, "B", prepared, &error)) return Location::Outside;
  Vec3 pe = toEcef(p);
  for (const Prim& s : prepared.prims) {
    double lb = s.isPoint ? norm(pe - s.ea) : pointSegment3(pe, s.ea, s.eb) - s.pad;
    if (lb > tolerance_m) continue;
    double d = s.isPoint ? inv(p, s.a).s : project(p, pe, s.a, s.ea, s.b, s.eb).distance_m;
    if (d <= tolerance_m) return Location::Boundary;
  }
  if (prepared.dimension == 2 && insidePolygons(prepared, p)) return Location::Inside;
  return Location::Outside;
}

NearestResult nearest(const Geometry& a, const Geometry& b) {
  NearestResult out;
  Prepared A, B;
  if (!prepare(a, "A", A, &out.error) || !prepare(b, "B", B, &out.error)) return out;

  SearchResult sr = closestPair(A, B);
  out.exactPairs = sr.exactPairs;
  out.ok = true;
  auto setZero = [&](const LonLat& at) {
    out.distance_m = 0;
    out.from = out.to = at;
    out.azimuth1_deg = out.azimuth2_deg = NAN;
  };

  if (sr.best.d > kContactTol) {
    // No contact: every part (and every ring) lies wholly inside or outside the other.
    bool allAinB = true, anyAinB = false, ringOfAinB = false;
    LonLat aInside;
    for (const Part& p : A.parts) {
      bool in = B.dimension == 2 && insidePolygons(B, p.first);
      if (p.kind == PartKind::Ring) ringOfAinB = ringOfAinB || in;
      if (p.kind == PartKind::Ring && p.hole) continue;
      if (in && !anyAinB) aInside = p.first;
      anyAinB = anyAinB || in;
      allAinB = allAinB && in;
    }
    bool allBinA = true, anyBinA = false, ringOfBinA = false;
    LonLat bInside;
    for (const Part& p : B.parts) {
      bool in = A.dimension == 2 && insidePolygons(A, p.first);
      if (p.kind == PartKind::Ring) ringOfBinA = ringOfBinA || in;
      if (p.kind == PartKind::Ring && p.hole) continue;
      if (in && !anyBinA) bInside = p.first;
      anyBinA = anyBinA || in;
      allBinA = allBinA && in;
    }
    if (!anyAinB && !anyBinA) {
      out.distance_m = sr.best.d;
      out.from = sr.best.onA;
      out.to = sr.best.onB;
      GeodesicInverse g = inverse(out.from, out.to);
      out.azimuth1_deg = g.azimuth1_deg;
      out.azimuth2_deg = g.azimuth2_deg;
      out.relation = Relation::Disjoint;
      return out;
    }
    if (allBinA && !ringOfAinB) {
      out.relation = Relation::Contains;
      setZero(bInside);
    } else if (allAinB && !ringOfBinA) {
      out.relation = Relation::Within;
      setZero(aInside);
    } else {
      out.relation = Relation::Overlapping;
      setZero(anyBinA ? bInside : aInside);
      out.overlapDepth_m = std::max(penetration(A, B), penetration(B, A));
    }
    return out;
  }

  // In contact: tell touching from overlapping and containment.
  setZero(sr.best.onA);
  std::vector<Contact> cs = contacts(A, B);
  bool crossing = false;
  std::vector<int> contactA, contactB;
  for (const Contact& c : cs) {
    if (c.r.crossing && !crossing) {
      crossing = true;
      setZero(c.r.onA);
    }
    contactA.push_back(c.i);
    contactB.push_back(c.j);
  }
  auto unique = [](std::vector<int>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  };
  unique(contactA);
  unique(contactB);
  SampleFlags fa = classifySamples(A, B, contactA);
  SampleFlags fb = classifySamples(B, A, contactB);
  bool interiorsMeet = crossing || fa.in || fb.in ||
                       (A.dimension == 2 && B.dimension == 2 && !fa.out && !fb.out);  // same polygon
  if (!interiorsMeet) {
    out.relation = Relation::Touching;
  } else if (!fb.out && !crossing && !fa.in && A.dimension >= B.dimension) {
    out.relation = Relation::Contains;
  } else if (!fa.out && !crossing && !fb.in && A.dimension <= B.dimension) {
    out.relation = Relation::Within;
  } else {
    out.relation = Relation::Overlapping;
    out.overlapDepth_m = std::max(penetration(A, B), penetration(B, A));
  }
  return out;
}

}  // namespace pamir::geo
