#include "geo/range_ring.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "geo/geodesic.hpp"

namespace pamir::geo {
namespace {

// Signed area in lon/lat degrees, positive when counter-clockwise.
double shoelace(const Path& ring) {
  double s = 0;
  for (size_t i = 0; i + 1 < ring.size(); ++i) s += ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat;
  return 0.5 * s;
}

void closeCounterClockwise(Path& ring) {
  if (!ring.empty() && ring.front() != ring.back()) ring.push_back(ring.front());
  if (shoelace(ring) < 0) std::reverse(ring.begin(), ring.end());
}

// The point of the circle between azimuths az0 and az1 whose longitude,
// continued from `lon0` (the longitude at az0), equals `target`.
LonLat crossing(const LonLat& centre, double radius, double az0, double lon0, double az1, double target) {
  auto lonAt = [&](double az) {
    LonLat p = direct(centre, az, radius).point;
    return lon0 + lonDelta(lon0, p.lon);
  };
  double lo = az0, hi = az1;
  double flo = lonAt(lo) - target;
  for (int i = 0; i < 80 && hi - lo > 1e-13; ++i) {
    double mid = 0.5 * (lo + hi);
    double fm = lonAt(mid) - target;
    if ((fm < 0) == (flo < 0)) {
      lo = mid;
      flo = fm;
    } else {
      hi = mid;
    }
  }
  LonLat p = direct(centre, 0.5 * (lo + hi), radius).point;
  p.lon = target > 0 ? 180.0 : -180.0;  // exactly on the cut, latitude from the circle
  return p;
}

}  // namespace

RangeRing rangeRing(const LonLat& centre, double radius_m, const RangeRingOptions& options) {
  RangeRing ring;
  ring.centre = centre;
  ring.radius_m = radius_m;
  std::ostringstream err;
  err.imbue(std::locale::classic());
  if (!validPosition(centre)) {
    err << "range ring: invalid centre (lat " << centre.lat << ", lon " << centre.lon << ")";
    ring.error = err.str();
    return ring;
  }
  if (!std::isfinite(radius_m) || radius_m <= 0) {
    err << "range ring: the radius must be a positive distance, not " << radius_m << " m";
    ring.error = err.str();
    return ring;
  }
  double toNorth = distance(centre, {0.0, 90.0});
  double toSouth = distance(centre, {0.0, -90.0});
  if (radius_m > toNorth && radius_m > toSouth) {
    err << "range ring: a radius of " << radius_m / 1000.0 << " km around this centre would enclose both poles";
    ring.error = err.str();
    return ring;
  }
  ring.enclosedPole = radius_m > toNorth ? 1 : radius_m > toSouth ? -1 : 0;

  // Chord deviation from a circle of circumferential radius m over an angle
  // step of 2pi/n is m(1 - cos(pi/n)); m <= radius, so using radius is safe.
  double m = std::min(radius_m, 6371008.8);
  double ratio = std::clamp(1.0 - options.maxDeviation_m / m, -1.0, 1.0);
  double needed = ratio <= -1.0 ? 1.0 : M_PI / std::acos(ratio);
  int n = static_cast<int>(std::ceil(needed));
  n = std::clamp(n, std::max(3, options.minVertices), std::max(options.minVertices, options.maxVertices));

  std::vector<double> az(n);
  ring.vertices.resize(n);
  for (int k = 0; k < n; ++k) {
    az[k] = 360.0 * k / n;
    LonLat p = direct(centre, az[k], radius_m).point;
    p.lon = normalizeLon(p.lon);
    ring.vertices[k] = p;
  }

  // Longitudes continued round the ring, so jumps at ±180 disappear.
  std::vector<double> u(n + 1);
  u[0] = ring.vertices[0].lon;
  for (int k = 1; k <= n; ++k) u[k] = u[k - 1] + lonDelta(ring.vertices[k - 1].lon, ring.vertices[k % n].lon);

  if (ring.enclosedPole != 0) {
    // The ring winds once round the pole. Start it on the antimeridian and
    // close it along the pole's latitude: the usual lon/lat form of a polar cap.
    int kc = 0;
    double target = 180.0;
    for (int k = 0; k < n; ++k) {
      double raw = ring.vertices[k].lon + lonDelta(ring.vertices[k].lon, ring.vertices[(k + 1) % n].lon);
      if (raw >= 180.0 || raw < -180.0) {
        kc = k;
        target = raw >= 180.0 ? 180.0 : -180.0;
        break;
      }
    }
    double az1 = kc + 1 < n ? az[kc + 1] : 360.0;
    LonLat x = crossing(centre, radius_m, az[kc], ring.vertices[kc].lon, az1, target);
    Path outer;
    double dir = u[n] > u[0] ? 1.0 : -1.0;  // longitudes increase along the ring when dir > 0
    outer.push_back({-180.0 * dir, x.lat});
    for (int j = 1; j <= n; ++j) {
      int k = (kc + j) % n;
      outer.push_back(ring.vertices[k]);
      // A vertex exactly on ±180 must carry the sign of the side it is on.
      if (std::fabs(outer.back().lon) == 180.0) outer.back().lon = j == n ? 180.0 * dir : -180.0 * dir;
    }
    outer.push_back({180.0 * dir, x.lat});
    double poleLat = ring.enclosedPole > 0 ? 90.0 : -90.0;
    outer.push_back({180.0 * dir, poleLat});
    outer.push_back({-180.0 * dir, poleLat});
    closeCounterClockwise(outer);
    ring.geometry.polygons.push_back({outer, {}});
    ring.crossesAntimeridian = true;
    ring.ok = true;
    return ring;
  }

  double lo = *std::min_element(u.begin(), u.end()), hi = *std::max_element(u.begin(), u.end());
  if (lo >= -180.0 && hi <= 180.0) {
    Path outer(ring.vertices.begin(), ring.vertices.end());
    for (int k = 0; k < n; ++k) outer[k].lon = u[k];
    closeCounterClockwise(outer);
    ring.geometry.polygons.push_back({outer, {}});
    ring.ok = true;
    return ring;
  }

  // Crosses the antimeridian (at +180 in continued longitudes if hi > 180, else at -180).
  ring.crossesAntimeridian = true;
  double cut = hi > 180.0 ? 180.0 : -180.0;
  auto beyond = [&](double lon) { return cut > 0 ? lon > cut : lon < cut; };
  Path near, far;  // near: the side of the centre's first vertex; far: shifted by -+360
  bool wasBeyond = beyond(u[0]);
  (wasBeyond ? far : near).push_back({u[0] - (wasBeyond ? 2 * cut : 0.0), ring.vertices[0].lat});
  for (int k = 1; k <= n; ++k) {
    bool isBeyond = beyond(u[k]);
    if (isBeyond != wasBeyond) {
      double az1 = k < n ? az[k] : 360.0;
      LonLat x = crossing(centre, radius_m, az[k - 1], u[k - 1], az1, cut);
      near.push_back({cut, x.lat});
      far.push_back({-cut, x.lat});
      wasBeyond = isBeyond;
    }
    if (k == n) break;
    if (isBeyond)
      far.push_back({u[k] - 2 * cut, ring.vertices[k].lat});
    else
      near.push_back({u[k], ring.vertices[k].lat});
  }
  // Read cyclically, each list is its side's arc joined by the two cut vertices.
  closeCounterClockwise(near);
  closeCounterClockwise(far);
  ring.geometry.polygons.push_back({near, {}});
  ring.geometry.polygons.push_back({far, {}});
  ring.ok = true;
  return ring;
}

}  // namespace pamir::geo
