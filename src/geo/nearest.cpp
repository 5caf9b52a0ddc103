#include "geo/nearest.hpp"

// The method is described in nearest.hpp. Its pieces: chord bounds and boxes
// (nearest_bounds.hpp), exact geodesic steps (nearest_exact), prepared
// geometry and its hierarchy (nearest_prepare), point in polygon
// (nearest_inside), the searches (nearest_search) and the relation
// (nearest_relation).
#include <string>

#include "geo/nearest_relation.hpp"

namespace pamir::geo {

using detail::closestPair;
using detail::insidePolygons;
using detail::kContactTol;
using detail::pointPrimBound;
using detail::pointPrimDistance;
using detail::prepare;
using detail::Prepared;
using detail::Prim;
using detail::project;
using detail::SearchResult;
using detail::toEcef;
using detail::Vec3;

const char* relationName(Relation r) {
  switch (r) {
    case Relation::Disjoint:
      return "disjoint";
    case Relation::Touching:
      return "touching";
    case Relation::Overlapping:
      return "overlapping";
    case Relation::Contains:
      return "contains";
    case Relation::Within:
      return "within";
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
    if (pointPrimBound(pe, s) > tolerance_m) continue;
    if (pointPrimDistance(p, pe, s) <= tolerance_m) return Location::Boundary;
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
  if (sr.best.d > kContactTol)
    relateApart(A, B, sr.best, out);
  else
    relateInContact(A, B, sr.best, out);
  return out;
}

}  // namespace pamir::geo
