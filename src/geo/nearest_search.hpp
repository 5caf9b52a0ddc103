#pragma once
// Searches over the hierarchies of prepared geometries: the closest pair of
// primitives, every pair in contact, and a point's distance to linework. Each
// refines a pair exactly only while its chord bound could still matter.
// Internal to nearest*.cpp.
#include <vector>

#include "geo/nearest_exact.hpp"
#include "geo/nearest_prepared.hpp"

namespace pamir::geo::detail {

struct PairResult {
  double d = kInf;
  LonLat onA, onB;
  bool crossing = false;
};

struct SearchResult {
  PairResult best;
  size_t exactPairs = 0;
};

// Best-first search over pairs of BVH nodes, then primitive pairs, in order
// of their lower bounds; exact refinement only while a bound beats the best.
SearchResult closestPair(const Prepared& A, const Prepared& B);

struct Contact {
  int i, j;
  PairResult r;
};

// Every primitive pair within kContactTol.
std::vector<Contact> contacts(const Prepared& A, const Prepared& B);

// Geodesic distance from p to the nearest point of g's linework.
double distanceToLinework(const Prepared& g, const LonLat& p);

// True when p lies within kContactTol of g's points, lines or ring edges.
bool onLinework(const Prepared& g, const LonLat& p, const Vec3& pe);

// Chord lower bound on the distance from p (ECEF pe) to primitive s.
inline double pointPrimBound(const Vec3& pe, const Prim& s) {
  return s.isPoint ? norm(pe - s.ea) : pointSegment3(pe, s.ea, s.eb) - s.pad;
}

// Exact geodesic distance from p (ECEF pe) to primitive s.
inline double pointPrimDistance(const LonLat& p, const Vec3& pe, const Prim& s) {
  return s.isPoint ? inv(p, s.a).s : project(p, pe, s.a, s.ea, s.b, s.eb).distance_m;
}

}  // namespace pamir::geo::detail
