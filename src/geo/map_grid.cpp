#include "geo/map_grid.hpp"

#include <GeographicLib/UTMUPS.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "geo/coordinates.hpp"
#include "geo/geodesic.hpp"

namespace pamir::geo {

namespace {

// Degrees between graticule samples: fine enough that a line curves
// smoothly at any zoom that shows it.
constexpr int kSamplesPerLine = 120;

double wrap180(double lon) {
  double l = std::fmod(lon + 180.0, 360.0);
  if (l < 0) l += 360.0;
  return l - 180.0;
}

// Projects lon/lat samples into parts, cut where a point cannot be placed
// and where the line crosses the view CRS's seam (its central meridian's opposite).
std::vector<std::vector<XY>> project(const Projection& p, const std::vector<LonLat>& samples) {
  std::vector<std::vector<XY>> parts(1);
  double lastRel = 0;
  bool first = true;
  for (const LonLat& ll : samples) {
    // Longitude from the central meridian: it jumps by about 360° where the line crosses the seam.
    const double rel = wrap180(ll.lon - p.centralMeridian());
    const bool crossedSeam = !first && std::abs(rel - lastRel) > 180.0;
    first = false;
    lastRel = rel;
    const XY xy = p.forward({wrap180(ll.lon), ll.lat});
    const bool placed = std::isfinite(xy.x) && std::isfinite(xy.y);
    if ((!placed || crossedSeam) && !parts.back().empty()) parts.emplace_back();
    if (placed) parts.back().push_back(xy);
  }
  std::erase_if(parts, [](const std::vector<XY>& part) { return part.size() < 2; });
  return parts;
}

std::vector<LonLat> meridian(double lon, double lat0, double lat1) {
  std::vector<LonLat> s;
  for (int i = 0; i <= kSamplesPerLine; ++i) s.push_back({lon, lat0 + (lat1 - lat0) * i / kSamplesPerLine});
  return s;
}

std::vector<LonLat> parallel(double lat, double lon0, double lon1) {
  std::vector<LonLat> s;
  for (int i = 0; i <= kSamplesPerLine; ++i) s.push_back({lon0 + (lon1 - lon0) * i / kSamplesPerLine, lat});
  return s;
}

char bandLetter(int band) { return "CDEFGHJKLMNPQRSTUVWX"[band]; }

// 100 km squares: lines of round UTM easting and northing inside each zone,
// in that zone's own projection, drawn as far as the zone reaches.
void addSquares(const Projection& p, const Bounds& viewExtent, double lat0, double lat1, int zone0, int zone1,
                MapGrid& g) {
  for (int zi = zone0; zi <= zone1; ++zi) {
    const int zone = ((zi % 60) + 60) % 60 + 1;
    const double w = -180.0 + (zone - 1) * 6.0, e = w + 6.0;
    for (bool north : {true, false}) {
      const double s = north ? std::max(lat0, 0.0) : lat0, n = north ? lat1 : std::min(lat1, 0.0);
      if (s >= n) continue;
      auto toLonLat = [&](double x, double y) {
        double lat, lon;
        GeographicLib::UTMUPS::Reverse(zone, north, x, y, lat, lon);
        return LonLat{lon, lat};
      };
      auto inside = [&](const LonLat& q) {
        const double dl = wrap180(q.lon - w);
        return dl >= -1e-9 && dl <= 6.0 + 1e-9 && q.lat >= s - 1e-9 && q.lat <= n + 1e-9;
      };
      // Northings of the band range in this hemisphere (UTM false northing 10,000 km in the south).
      double yMin = 1e12, yMax = -1e12;
      for (double lat : {s, n})
        for (double lon : {w, (w + e) / 2, e}) {
          int zz;
          bool nn;
          double x, y;
          GeographicLib::UTMUPS::Forward(lat, lon, zz, nn, x, y, zone);
          yMin = std::min(yMin, y), yMax = std::max(yMax, y);
        }
      yMin = std::floor(yMin / 1e5) * 1e5;
      yMax = std::ceil(yMax / 1e5) * 1e5;
      if ((yMax - yMin) / 1e5 > 200) continue;
      auto addLine = [&](bool eastingLine, double v, double from, double to) {
        std::vector<LonLat> pts;
        for (int i = 0; i <= kSamplesPerLine; ++i) {
          const double t = from + (to - from) * i / kSamplesPerLine;
          const LonLat q = eastingLine ? toLonLat(v, t) : toLonLat(t, v);
          if (inside(q)) pts.push_back(q);
        }
        if (pts.size() < 2) return;
        GridLine line{GridLine::Kind::SquareEdge, v, "", project(p, pts)};
        if (!line.parts.empty()) g.lines.push_back(std::move(line));
      };
      for (double x = 100000; x <= 900000; x += 100000) addLine(true, x, yMin, yMax);
      for (double y = yMin; y <= yMax; y += 100000) addLine(false, y, 100000, 900000);
      // Each square's letters at its middle, where that lies in the zone and the view.
      for (double x = 100000; x < 900000; x += 100000)
        for (double y = yMin; y < yMax; y += 100000) {
          const LonLat mid = toLonLat(x + 50000, y + 50000);
          if (!inside(mid)) continue;
          const XY at = p.forward({wrap180(mid.lon), mid.lat});
          if (!std::isfinite(at.x) || at.x < viewExtent.minx || at.x > viewExtent.maxx || at.y < viewExtent.miny ||
              at.y > viewExtent.maxy)
            continue;
          const std::string m = formatMgrs(mid, 0);  // "42SWH" (zone, band, square letters)
          if (m.size() >= 2) g.labels.push_back({at, m.substr(m.size() - 2)});
        }
    }
  }
}

}  // namespace

Bounds visibleLonLat(const Projection& p, const Bounds& e) {
  std::vector<double> lons;
  Bounds out;
  constexpr int kEdge = 24;
  auto sample = [&](double x, double y) {
    const LonLat ll = p.inverse({x, y});
    if (!ll.finite() || std::abs(ll.lat) > 90) return;
    lons.push_back(wrap180(ll.lon));
    out.add(ll.lon, ll.lat);
  };
  for (int i = 0; i <= kEdge; ++i) {
    const double t = static_cast<double>(i) / kEdge;
    for (int j = 0; j <= kEdge; ++j) {
      // The whole view, not only its edges: a CRS's horizon can lie inside it.
      sample(e.minx + e.width() * t, e.miny + e.height() * j / kEdge);
    }
  }
  if (lons.empty()) return {};
  // A pole in view: every longitude meets there.
  for (double pole : {90.0, -90.0}) {
    const XY xy = p.forward({p.centralMeridian(), pole});
    if (std::isfinite(xy.x) && xy.x >= e.minx && xy.x <= e.maxx && xy.y >= e.miny && xy.y <= e.maxy) {
      Bounds b;
      b.add(-180, std::min(out.miny, pole));
      b.add(180, std::max(out.maxy, pole));
      return b;
    }
  }
  // Longitudes may wrap: the box is what is left after the widest gap between them.
  std::sort(lons.begin(), lons.end());
  double gap = lons.front() + 360.0 - lons.back(), start = lons.front();
  for (size_t i = 1; i < lons.size(); ++i)
    if (lons[i] - lons[i - 1] > gap) gap = lons[i] - lons[i - 1], start = lons[i];
  const double width = 360.0 - gap;
  Bounds b;
  b.add(start, out.miny);
  b.add(start + width, out.maxy);
  return b;
}

double graticuleStep(double degreesAcross) {
  static const double steps[] = {30, 20, 10, 5, 2, 1, 30 / 60.0, 15 / 60.0, 10 / 60.0, 5 / 60.0, 2 / 60.0, 1 / 60.0};
  for (double s : steps)
    if (degreesAcross / s >= 3.5) return s;
  return steps[std::size(steps) - 1];
}

std::string graticuleLabel(double value, bool latitude, double step) {
  const double v = latitude ? value : wrap180(value);
  const double a = std::abs(v);
  const bool noSide = a < 1e-9 || (!latitude && a >= 180 - 1e-9);  // the equator, 0° and 180°
  const char* hemi = noSide ? "" : latitude ? (v > 0 ? "N" : "S") : (v > 0 ? "E" : "W");
  char buf[48];
  int deg = static_cast<int>(std::floor(a + 1e-9));
  int minutes = static_cast<int>(std::lround((a - deg) * 60));
  if (minutes == 60) ++deg, minutes = 0;
  if (step < 1.0 && minutes != 0)
    std::snprintf(buf, sizeof buf, "%d°%02d′%s", deg, minutes, hemi);
  else
    std::snprintf(buf, sizeof buf, "%d°%s", deg, hemi);
  return buf;
}

MapGrid graticule(const Projection& p, const Bounds& viewExtent) {
  MapGrid g;
  const Bounds ll = visibleLonLat(p, viewExtent);
  if (ll.empty()) return g;
  const double step = graticuleStep(std::max(std::min(ll.width(), 360.0), ll.height()));
  const double lat0 = std::max(-90.0, std::floor(ll.miny / step) * step);
  const double lat1 = std::min(90.0, std::ceil(ll.maxy / step) * step);
  const double lon0 = std::floor(ll.minx / step) * step;
  const double lon1 = std::min(lon0 + 360.0, std::ceil(ll.maxx / step) * step);
  // Meridians stop short of the poles, where they all meet.
  const double mlat0 = std::max(lat0, -89.0), mlat1 = std::min(lat1, 89.0);
  for (double lon = lon0; lon <= lon1 + 1e-9 && lon < lon0 + 360.0 - 1e-9; lon += step) {
    GridLine line{GridLine::Kind::Meridian, wrap180(lon), graticuleLabel(lon, false, step), {}};
    line.parts = project(p, meridian(lon, mlat0, mlat1));
    if (!line.parts.empty()) g.lines.push_back(std::move(line));
  }
  for (double lat = lat0; lat <= lat1 + 1e-9; lat += step) {
    if (std::abs(lat) >= 90) continue;
    GridLine line{GridLine::Kind::Parallel, lat, graticuleLabel(lat, true, step), {}};
    line.parts = project(p, parallel(lat, lon0, lon1));
    if (!line.parts.empty()) g.lines.push_back(std::move(line));
  }
  return g;
}

MapGrid mgrsGrid(const Projection& p, const Bounds& e) {
  const LonLat w = p.inverse({e.minx, (e.miny + e.maxy) / 2}), east = p.inverse({e.maxx, (e.miny + e.maxy) / 2});
  return mgrsGrid(p, e, w.finite() && east.finite() ? distance(w, east) : 1e7);
}

MapGrid mgrsGrid(const Projection& p, const Bounds& viewExtent, double viewWidthMetres, double squaresBelowMetres) {
  MapGrid g;
  const Bounds ll = visibleLonLat(p, viewExtent);
  if (ll.empty()) return g;
  // MGRS covers 80°S to 84°N; the polar caps are UPS.
  const double lat0 = std::max(ll.miny, -80.0), lat1 = std::min(ll.maxy, 84.0);
  if (lat0 >= lat1) return g;
  const int band0 = std::clamp(static_cast<int>(std::floor((lat0 + 80) / 8)), 0, 19);
  const int band1 = std::clamp(static_cast<int>(std::floor((lat1 + 80) / 8)), 0, 19);
  const int zone0 = static_cast<int>(std::floor((ll.minx + 180) / 6));
  const int zone1 = static_cast<int>(std::floor((std::min(ll.maxx, ll.minx + 360) + 180) / 6));
  // One cell of a zone and band: its lon/lat box, with the exceptions (32V is
  // widened over Norway's west coast; band X is split in zones 31-37 round Svalbard).
  auto cell = [](int zone, int band, double* w, double* e) {
    *w = -180.0 + (zone - 1) * 6.0;
    *e = *w + 6.0;
    const char b = bandLetter(band);
    if (b == 'V' && zone == 31) *e = 3.0;
    if (b == 'V' && zone == 32) *w = 3.0;
    if (b == 'X') {
      if (zone == 32 || zone == 34 || zone == 36) return false;
      if (zone == 31) *e = 9.0;
      if (zone == 33) *w = 9.0, *e = 21.0;
      if (zone == 35) *w = 21.0, *e = 33.0;
      if (zone == 37) *w = 33.0;
    }
    return true;
  };
  for (int band = band0; band <= band1; ++band) {
    const double s = -80.0 + band * 8.0, n = bandLetter(band) == 'X' ? 84.0 : s + 8.0;
    GridLine edge{GridLine::Kind::ZoneEdge, s, "", project(p, parallel(s, ll.minx, std::min(ll.maxx, ll.minx + 360)))};
    if (!edge.parts.empty()) g.lines.push_back(std::move(edge));
    for (int zi = zone0; zi <= zone1; ++zi) {
      const int zone = ((zi % 60) + 60) % 60 + 1;
      double w, e;
      if (!cell(zone, band, &w, &e)) continue;
      GridLine west{GridLine::Kind::ZoneEdge, w, "", project(p, meridian(w, s, n))};
      if (!west.parts.empty()) g.lines.push_back(std::move(west));
      const XY c = p.forward({(w + e) / 2, (s + n) / 2});
      if (std::isfinite(c.x)) g.labels.push_back({c, std::to_string(zone) + bandLetter(band)});
    }
  }
  if (viewWidthMetres > squaresBelowMetres) return g;
  try {
    addSquares(p, viewExtent, lat0, lat1, zone0, zone1, g);
  } catch (const std::exception&) {
    // GeographicLib refuses a position far outside a zone: the squares are left out, the zones stay.
  }
  return g;
}

}  // namespace pamir::geo
