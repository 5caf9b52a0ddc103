#pragma once
// Cheap lower bounds for the nearest-distance search: ECEF chords padded by
// the largest distance a geodesic can stray from its chord, and the 3-D boxes
// the hierarchy is built from. Internal to nearest*.cpp.
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/geometry.hpp"
#include "geo/geodesic.hpp"

namespace pamir::geo::detail {

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

// --- 3-D vectors and boxes (ECEF metres) ------------------------------------

struct Vec3 {
  double x = 0, y = 0, z = 0;
};
inline Vec3 operator-(const Vec3& a, const Vec3& b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
inline Vec3 operator+(const Vec3& a, const Vec3& b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
inline Vec3 operator*(double s, const Vec3& a) { return {s * a.x, s * a.y, s * a.z}; }
inline double dot(const Vec3& a, const Vec3& b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
inline double norm(const Vec3& a) { return std::sqrt(dot(a, a)); }

inline Vec3 toEcef(const LonLat& p) {
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

inline double boxDistance(const Box3& a, const Box3& b) {
  double s = 0;
  for (int k = 0; k < 3; ++k) {
    double gap = std::max({0.0, a.lo[k] - b.hi[k], b.lo[k] - a.hi[k]});
    s += gap * gap;
  }
  return std::sqrt(s);
}

inline double pointSegment3(const Vec3& p, const Vec3& a, const Vec3& b) {
  Vec3 ab = b - a;
  double l2 = dot(ab, ab);
  double t = l2 > 0 ? std::clamp(dot(p - a, ab) / l2, 0.0, 1.0) : 0.0;
  return norm(p - (a + t * ab));
}

// Shortest distance between segments p1q1 and p2q2 (closest points of two
// segments, clamped parametrisation; degenerate segments handled).
inline double segmentSegment3(const Vec3& p1, const Vec3& q1, const Vec3& p2, const Vec3& q2) {
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
inline double sagittaPad(double chord) {
  const double r = kMinCurvatureRadius;
  double h = 0.5 * chord;
  if (h >= r) return r;
  return 1.5 * (r - std::sqrt(r * r - h * h)) + 1e-6;
}

}  // namespace pamir::geo::detail
