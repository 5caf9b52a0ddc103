#include "geo/nearest_search.hpp"

#include <algorithm>
#include <utility>

namespace pamir::geo::detail {
namespace {

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
  const Candidate cands[4] = {
      {&a, false, &b, true}, {&a, true, &b, true}, {&b, false, &a, false}, {&b, true, &a, false}};
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

}  // namespace

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
      double lb = pointPrimBound(pe, s);
      if (lb >= best) continue;
      double d = pointPrimDistance(p, pe, s);
      best = std::min(best, d);
    }
  }
  return best;
}

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
      double lb = pointPrimBound(pe, s);
      if (lb > kContactTol) continue;
      double d = pointPrimDistance(p, pe, s);
      if (d <= kContactTol) return true;
    }
  }
  return false;
}

}  // namespace pamir::geo::detail
