#include "geo/nearest_relation.hpp"

#include <algorithm>
#include <cmath>

namespace pamir::geo::detail {
namespace {

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

void setZero(NearestResult& out, const LonLat& at) {
  out.distance_m = 0;
  out.from = out.to = at;
  out.azimuth1_deg = out.azimuth2_deg = NAN;
}

// Which parts of `a` lie inside the polygons of `b`.
struct PartsInside {
  bool all = true, any = false;
  bool ring = false;  // some ring of `a`, hole or not, lies inside
  LonLat first;       // of the first part found inside
};

PartsInside partsInside(const Prepared& a, Prepared& b) {
  PartsInside f;
  for (const Part& p : a.parts) {
    bool in = b.dimension == 2 && insidePolygons(b, p.first);
    if (p.kind == PartKind::Ring) f.ring = f.ring || in;
    if (p.kind == PartKind::Ring && p.hole) continue;
    if (in && !f.any) f.first = p.first;
    f.any = f.any || in;
    f.all = f.all && in;
  }
  return f;
}

}  // namespace

void relateApart(Prepared& A, Prepared& B, const PairResult& best, NearestResult& out) {
  PartsInside aInB = partsInside(A, B);
  PartsInside bInA = partsInside(B, A);
  if (!aInB.any && !bInA.any) {
    out.distance_m = best.d;
    out.from = best.onA;
    out.to = best.onB;
    GeodesicInverse g = inverse(out.from, out.to);
    out.azimuth1_deg = g.azimuth1_deg;
    out.azimuth2_deg = g.azimuth2_deg;
    out.relation = Relation::Disjoint;
    return;
  }
  if (bInA.all && !aInB.ring) {
    out.relation = Relation::Contains;
    setZero(out, bInA.first);
  } else if (aInB.all && !bInA.ring) {
    out.relation = Relation::Within;
    setZero(out, aInB.first);
  } else {
    out.relation = Relation::Overlapping;
    setZero(out, bInA.any ? bInA.first : aInB.first);
    out.overlapDepth_m = std::max(penetration(A, B), penetration(B, A));
  }
}

void relateInContact(Prepared& A, Prepared& B, const PairResult& best, NearestResult& out) {
  setZero(out, best.onA);
  std::vector<Contact> cs = contacts(A, B);
  bool crossing = false;
  std::vector<int> contactA, contactB;
  for (const Contact& c : cs) {
    if (c.r.crossing && !crossing) {
      crossing = true;
      setZero(out, c.r.onA);
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
  bool interiorsMeet =
      crossing || fa.in || fb.in || (A.dimension == 2 && B.dimension == 2 && !fa.out && !fb.out);  // same polygon
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
}

}  // namespace pamir::geo::detail
