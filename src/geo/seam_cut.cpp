#include "geo/seam_cut.hpp"

#include <algorithm>
#include <cmath>

#include "geo/geodesic.hpp"  // lonDelta: the same short-way-round rule as distances

namespace pamir::geo {

namespace {

double distance(const XY& a, const XY& b) { return std::hypot(b.x - a.x, b.y - a.y); }
bool finite(const XY& p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// The latitude, going from the equator towards `pole` (+1 or -1) along the
// central meridian, where the projection stops being drawable: not finite,
// or farther from the equator's centre than the seam is (Mercator's square
// world; a conic or polar map a few times its equator's radius).
double latitudeLimit(const Projection& projection, double lon, double pole) {
  const XY origin = projection.forward(LonLat{lon, 0.0});
  if (!finite(origin)) return 90.0 * pole;
  const XY seam = projection.forward(LonLat{lon + 180.0, 0.0});
  const double reach = finite(seam) ? distance(origin, seam) : HUGE_VAL;
  auto drawable = [&](double lat) {
    XY p = projection.forward(LonLat{lon, lat * pole});
    return finite(p) && distance(origin, p) <= reach;
  };
  constexpr double kStep = 0.5;
  double good = 0.0;
  for (double lat = kStep; lat <= 90.0; lat += kStep) {
    if (!drawable(lat)) {
      double bad = lat;
      for (int i = 0; i < 40; ++i) {
        double mid = (good + bad) / 2;
        (drawable(mid) ? good : bad) = mid;
      }
      return good * pole;
    }
    good = lat;
  }
  return 90.0 * pole;
}

// Longitudes made continuous: each vertex differs from the previous by the
// short way round (lonDelta, in (-180, 180]), the first in [west, west + 360).
Path unwrapped(const Path& path, double west) {
  Path out;
  out.reserve(path.size() + 3);
  for (const LonLat& p : path) {
    if (!p.finite()) continue;
    if (out.empty()) {
      double lon = west + std::fmod(std::fmod(p.lon - west, 360.0) + 360.0, 360.0);
      out.push_back({lon, p.lat});
    } else {
      out.push_back({out.back().lon + lonDelta(out.back().lon, p.lon), p.lat});
    }
  }
  return out;
}

// Sutherland–Hodgman against one half-plane (axis 0: lon, 1: lat): the part
// of a closed ring with that coordinate <= cut (below) or >= cut. A concave
// ring may come out with zero-width bridges along the cut, which cover
// nothing; a library clipper would remove them, but this is the only clipping
// needed here and the tessellator ignores them.
Path clipRing(const Path& ring, int axis, double cut, bool below) {
  Path out;
  auto coord = [axis](const LonLat& p) { return axis == 0 ? p.lon : p.lat; };
  auto inside = [&](const LonLat& p) { return below ? coord(p) <= cut : coord(p) >= cut; };
  for (size_t i = 0; i + 1 < ring.size(); ++i) {
    const LonLat& a = ring[i];
    const LonLat& b = ring[i + 1];
    const bool ina = inside(a), inb = inside(b);
    if (ina) out.push_back(a);
    if (ina != inb) {
      double t = (cut - coord(a)) / (coord(b) - coord(a));
      LonLat p{a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)};
      (axis == 0 ? p.lon : p.lat) = cut;  // exactly on the cut, so both sides meet
      out.push_back(p);
    }
  }
  if (out.size() < 3) return {};
  out.push_back(out.front());
  return out;
}

// A closed, unwrapped ring; one that winds round the axis is closed over the
// pole it encloses (the one on the side where most of it lies, as
// nearest.cpp decides), then clipped to the drawable latitudes.
Path closedRing(const Path& ring, const ViewDomain& d, double west) {
  Path u = unwrapped(ring, west);
  if (u.size() < 3) return {};
  if (!(ring.front() == ring.back())) {
    const LonLat first = u.front();
    u.push_back({u.back().lon + lonDelta(u.back().lon, first.lon), first.lat});
  }
  const double winding = u.back().lon - u.front().lon;
  if (std::abs(winding) > 180.0) {
    double latSum = 0;
    for (size_t i = 0; i + 1 < u.size(); ++i) latSum += u[i].lat;
    const double pole = latSum > 0 ? 90.0 : -90.0;
    const LonLat start = u.front();
    u.push_back({u.back().lon, pole});
    u.push_back({start.lon, pole});
    u.push_back(start);
  }
  if (d.maxLat < 90.0) u = clipRing(u, 1, d.maxLat, true);
  if (d.minLat > -90.0 && !u.empty()) u = clipRing(u, 1, d.minLat, false);
  return u;
}

Bounds lonLatBounds(const Path& path) {
  Bounds b;
  for (const LonLat& p : path) b.add(p);
  return b;
}

// Strip k covers [west + 360k, west + 360(k+1)].
int stripOf(double lon, double west) { return static_cast<int>(std::floor((lon - west) / 360.0)); }

// Moves a piece by `by` degrees into [west, west + 360], a hair inside: a
// projection reads its seam meridian as either side (PROJ's adjlon may turn
// lon_0 - 180 into lon_0 + 180), which would fold a piece's edge across the map.
constexpr double kSeamMargin = 1e-7;  // degrees: about a centimetre

void shift(Path& path, double by, double west) {
  for (LonLat& p : path) p.lon = std::clamp(p.lon + by, west + kSeamMargin, west + 360.0 - kSeamMargin);
}

// The pieces of a closed unwrapped ring in each strip, shifted into the domain.
std::vector<Path> stripPieces(const Path& ring, double west) {
  std::vector<Path> out;
  if (ring.empty()) return out;
  const Bounds b = lonLatBounds(ring);
  const int first = stripOf(b.minx, west);
  // A ring ending on a strip's east edge does not reach into the next one.
  const int last = std::max(first, static_cast<int>(std::ceil((b.maxx - west) / 360.0)) - 1);
  if (first == last) {
    out.push_back(ring);
    shift(out.back(), -360.0 * first, west);
    return out;
  }
  for (int k = first; k <= last; ++k) {
    const double lo = west + 360.0 * k;
    Path piece = clipRing(ring, 0, lo, false);
    if (!piece.empty()) piece = clipRing(piece, 0, lo + 360.0, true);
    if (piece.size() < 4) continue;
    shift(piece, -360.0 * k, west);
    out.push_back(std::move(piece));
  }
  return out;
}

// Splits an unwrapped line where its latitude leaves [minLat, maxLat].
std::vector<Path> latitudeRuns(const Path& line, const ViewDomain& d) {
  std::vector<Path> runs;
  Path run;
  auto in = [&](const LonLat& p) { return p.lat >= d.minLat && p.lat <= d.maxLat; };
  auto crossing = [&](const LonLat& a, const LonLat& b) {
    double limit = (a.lat > d.maxLat || b.lat > d.maxLat) ? d.maxLat : d.minLat;
    double t = (limit - a.lat) / (b.lat - a.lat);
    return LonLat{a.lon + t * (b.lon - a.lon), limit};
  };
  for (size_t i = 0; i < line.size(); ++i) {
    const LonLat& p = line[i];
    if (i > 0 && in(p) != in(line[i - 1])) {
      run.push_back(crossing(line[i - 1], p));
      if (!in(p)) {
        if (run.size() >= 2) runs.push_back(std::move(run));
        run.clear();
      }
    }
    if (in(p)) run.push_back(p);
  }
  if (run.size() >= 2) runs.push_back(std::move(run));
  return runs;
}

}  // namespace

ViewDomain viewDomain(const Projection& projection) {
  ViewDomain d;
  d.centralMeridian = projection.centralMeridian();
  d.maxLat = latitudeLimit(projection, d.centralMeridian, 1.0);
  d.minLat = latitudeLimit(projection, d.centralMeridian, -1.0);
  return d;
}

bool insideDomain(const Path& path, const ViewDomain& d, bool ring) {
  const double west = d.centralMeridian - 180.0, east = d.centralMeridian + 180.0;
  for (size_t i = 0; i < path.size(); ++i) {
    const LonLat& p = path[i];
    // On the seam itself is not inside: a projection may put it on either side.
    if (!(p.lon > west && p.lon < east && p.lat >= d.minLat && p.lat <= d.maxLat)) return false;
    const LonLat& next = i + 1 < path.size() ? path[i + 1] : (ring ? path.front() : p);
    if (std::abs(next.lon - p.lon) >= 180.0) return false;
  }
  return true;
}

std::vector<Polygon> cutPolygon(const Polygon& polygon, const ViewDomain& d) {
  std::vector<Polygon> out;
  const double west = d.centralMeridian - 180.0;
  for (const Path& piece : stripPieces(closedRing(polygon.outer, d, west), west)) out.push_back({piece, {}});
  if (out.empty() || polygon.holes.empty()) return out;
  std::vector<Bounds> outerBounds;
  outerBounds.reserve(out.size());
  for (const Polygon& p : out) outerBounds.push_back(lonLatBounds(p.outer));
  for (const Path& hole : polygon.holes) {
    for (Path& piece : stripPieces(closedRing(hole, d, west), west)) {
      // A hole's piece lies inside the outer piece on its side of the seam.
      const Bounds hb = lonLatBounds(piece);
      const double cx = (hb.minx + hb.maxx) / 2, cy = (hb.miny + hb.maxy) / 2;
      size_t k = 0;
      while (k + 1 < out.size() && !outerBounds[k].contains(cx, cy)) ++k;
      out[k].holes.push_back(std::move(piece));
    }
  }
  return out;
}

std::vector<Path> cutLine(const Path& line, const ViewDomain& d) {
  std::vector<Path> out;
  const double west = d.centralMeridian - 180.0;
  for (const Path& run : latitudeRuns(unwrapped(line, west), d)) {
    Path piece;
    int strip = stripOf(run.front().lon, west);
    auto finish = [&] {
      shift(piece, -360.0 * strip, west);
      if (piece.size() >= 2) out.push_back(std::move(piece));
      piece.clear();
    };
    for (size_t i = 0; i < run.size(); ++i) {
      const LonLat& p = run[i];
      const int s = stripOf(p.lon, west);
      while (s != strip) {
        // Cross the boundary between this strip and the next one towards p.
        const int step = s > strip ? 1 : -1;
        const double edge = west + 360.0 * (step > 0 ? strip + 1 : strip);
        const LonLat& a = run[i - 1];
        const double t = (edge - a.lon) / (p.lon - a.lon);
        const LonLat at{edge, a.lat + t * (p.lat - a.lat)};
        piece.push_back(at);
        finish();
        strip += step;
        piece.push_back(at);
      }
      if (piece.empty() || !(piece.back() == p)) piece.push_back(p);
    }
    finish();
  }
  return out;
}

Geometry cutGeometry(const Geometry& g, const ViewDomain& d) {
  Geometry out;
  for (const LonLat& p : g.points)
    if (insideDomain(p, d)) out.points.push_back(p);
  for (const Path& line : g.lines) {
    if (insideDomain(line, d, false)) {
      out.lines.push_back(line);
      continue;
    }
    for (Path& piece : cutLine(line, d)) out.lines.push_back(std::move(piece));
  }
  for (const Polygon& polygon : g.polygons) {
    bool inside = insideDomain(polygon.outer, d, true);
    for (const Path& hole : polygon.holes) inside = inside && insideDomain(hole, d, true);
    if (inside) {
      out.polygons.push_back(polygon);
      continue;
    }
    for (Polygon& piece : cutPolygon(polygon, d)) out.polygons.push_back(std::move(piece));
  }
  return out;
}

Bounds projectedBounds(const Geometry& g, const Projection& projection, const ViewDomain& d) {
  Bounds b;
  auto add = [&](const Path& path) {
    std::vector<XY> xy(path.size());
    projection.forward(path.data(), xy.data(), path.size());
    for (const XY& p : xy)
      if (finite(p)) b.add(p.x, p.y);
  };
  const Geometry cut = cutGeometry(g, d);
  for (const LonLat& p : cut.points) {
    XY q = projection.forward(p);
    if (finite(q)) b.add(q.x, q.y);
  }
  for (const Path& line : cut.lines) add(line);
  for (const Polygon& polygon : cut.polygons) add(polygon.outer);
  return b;
}

}  // namespace pamir::geo
