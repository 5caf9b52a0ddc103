// Validation, primitives and the bounding-volume hierarchy of a prepared geometry.
#include <algorithm>
#include <cmath>
#include <locale>
#include <sstream>

#include "geo/nearest_prepared.hpp"
#include "geo/wgs84_geodesic.hpp"

namespace pamir::geo::detail {
namespace {

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

}  // namespace

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

}  // namespace pamir::geo::detail
