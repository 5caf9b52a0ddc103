#include "render/simplify.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pamir::render::detail {

namespace {

// Squared distance from p to the segment ab.
double distanceSq(const XY& p, const XY& a, const XY& b) {
  double dx = b.x - a.x, dy = b.y - a.y;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return ex * ex + ey * ey;
}

// Douglas–Peucker for every tolerance at once: the squared tolerance below
// which each point of line[first..last] survives (the recursion always splits
// at the farthest point whatever the tolerance, so a point stays exactly while
// its own split distance and every enclosing one exceed the tolerance).
// The stored threshold: never below `t`.
Threshold stored(double t) {
  Threshold f = static_cast<Threshold>(t);
  if (f < t) f = std::nextafter(f, std::numeric_limits<Threshold>::infinity());
  return f;
}

void keepThresholds(const std::vector<XY>& line, size_t first, size_t last, std::vector<Threshold>& thresholds) {
  struct Span {
    size_t a, b;
    double limit;  // the smallest split distance of the enclosing spans
  };
  std::vector<Span> stack{{first, last, std::numeric_limits<double>::infinity()}};
  while (!stack.empty()) {
    Span s = stack.back();
    stack.pop_back();
    if (s.b <= s.a + 1) continue;
    double worst = -1;
    // The first inner point, not s.a: when every distance is NaN (coordinates
    // so large that their products overflow) the span must still shrink, or
    // the same span is pushed again forever.
    size_t at = s.a + 1;
    for (size_t i = s.a + 1; i < s.b; ++i) {
      double d = distanceSq(line[i], line[s.a], line[s.b]);
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    double t = std::min(worst, s.limit);
    thresholds[at] = stored(t);
    stack.push_back({s.a, at, t});
    stack.push_back({at, s.b, t});
  }
}

constexpr Threshold kAlways = std::numeric_limits<Threshold>::infinity();

}  // namespace

// Thresholds of an open line: its ends always stay.
std::vector<Threshold> lineThresholds(const std::vector<XY>& line) {
  std::vector<Threshold> t(line.size(), 0.0f);
  if (line.empty()) return t;
  t.front() = t.back() = kAlways;
  if (line.size() > 2) keepThresholds(line, 0, line.size() - 1, t);
  return t;
}

// Thresholds of a closed ring: split at the point farthest from the start, so
// that both halves are open lines whose ends (the start and that point) stay.
std::vector<Threshold> ringThresholds(const std::vector<XY>& ring) {
  std::vector<Threshold> t(ring.size(), 0.0f);
  if (ring.size() < 4) return t;
  size_t far = 0;
  double worst = -1;
  for (size_t i = 1; i + 1 < ring.size(); ++i) {
    double dx = ring[i].x - ring[0].x, dy = ring[i].y - ring[0].y;
    double d = dx * dx + dy * dy;
    if (d > worst) {
      worst = d;
      far = i;
    }
  }
  t[0] = t[far] = t[ring.size() - 1] = kAlways;
  keepThresholds(ring, 0, far, t);
  keepThresholds(ring, far, ring.size() - 1, t);
  return t;
}

std::vector<XY> keepAbove(const std::vector<XY>& points, const std::vector<Threshold>& thresholds, double tol2) {
  std::vector<XY> out;
  for (size_t i = 0; i < points.size(); ++i) {
    if (thresholds[i] > tol2) out.push_back(points[i]);
  }
  return out;
}

// A ring simplified to `tolerance`, or empty when it would be smaller than
// that (less than a pixel where the level is drawn) or collapses.
std::vector<XY> ringAt(const std::vector<XY>& ring, const std::vector<Threshold>& thresholds, const Bounds& box,
                       double tolerance) {
  if (ring.size() < 4) return {};
  if (!(tolerance > 0)) return ring;
  if (box.width() < tolerance && box.height() < tolerance) return {};
  std::vector<XY> out = keepAbove(ring, thresholds, tolerance * tolerance);
  if (out.size() < 4) return {};
  return out;
}

}  // namespace pamir::render::detail

namespace pamir::render {

std::vector<XY> simplifyLine(const std::vector<XY>& line, double tolerance) {
  if (line.size() <= 2 || !(tolerance > 0)) return line;
  return detail::keepAbove(line, detail::lineThresholds(line), tolerance * tolerance);
}

std::vector<XY> simplifyRing(const std::vector<XY>& ring, double tolerance) {
  if (ring.size() < 4) return {};
  Bounds b;
  for (const XY& p : ring) b.add(p.x, p.y);
  return detail::ringAt(ring, detail::ringThresholds(ring), b, tolerance);
}

}  // namespace pamir::render
