#include "app/picking.hpp"

#include <algorithm>
#include <cmath>

#include "geo/seam_cut.hpp"

namespace pamir::app {

namespace {

double segmentDistance(const XY& p, const XY& a, const XY& b) {
  double dx = b.x - a.x, dy = b.y - a.y;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
  double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return std::sqrt(ex * ex + ey * ey);
}

// Even-odd crossing test in screen space: holes count as outside.
bool inside(const std::vector<XY>& ring, const XY& p) {
  bool in = false;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const XY &a = ring[i], &b = ring[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
  }
  return in;
}

std::vector<XY> toScreen(const Path& path, const geo::Projection& proj, const MapView& view) {
  std::vector<XY> out(path.size());
  proj.forward(path.data(), out.data(), path.size());
  for (auto& q : out) q = view.mapToPixel(q);
  return out;
}

}  // namespace

std::optional<Pick> pickFeature(const std::vector<const Layer*>& layers, const geo::Projection& proj,
                                const MapView& view, double px, double py, double tol,
                                const std::function<bool(const Layer&, size_t)>& visible) {
  const XY p{px, py};
  const Bounds screen = [&] {
    Bounds b;
    b.add(-tol, -tol);
    b.add(view.width() + tol, view.height() + tol);
    return b;
  }();
  // Lines and polygons as the renderer draws them: cut at the view's seam
  // and round the poles, so that a polygon across the antimeridian is not
  // hit all across the map. Geometry inside the domain is used as it is.
  const geo::ViewDomain domain = geo::viewDomain(proj);
  auto drawnLine = [&](const Path& line) {
    return geo::insideDomain(line, domain, false) ? std::vector<Path>{line} : geo::cutLine(line, domain);
  };
  auto drawnPolygons = [&](const std::vector<Polygon>& polygons) {
    std::vector<Polygon> out;
    for (const Polygon& poly : polygons) {
      bool inside = geo::insideDomain(poly.outer, domain, true);
      for (const Path& h : poly.holes) inside = inside && geo::insideDomain(h, domain, true);
      if (inside) {
        out.push_back(poly);
      } else {
        for (Polygon& piece : geo::cutPolygon(poly, domain)) out.push_back(std::move(piece));
      }
    }
    return out;
  };
  // Points first (they sit on top of areas), then lines, then areas; topmost layer first.
  for (int pass = 0; pass < 3; ++pass) {
    for (size_t li = layers.size(); li-- > 0;) {
      const Layer& l = *layers[li];
      if (!l.visible) continue;
      for (size_t fi = 0; fi < l.features.size(); ++fi) {
        const Geometry& g = l.features[fi].geometry;
        if (!visible(l, fi)) continue;
        bool hit = false;
        if (pass == 0) {
          const double r = std::max(tol, l.styleFor(l.features[fi]).symbolSize / 2.0 + 2.0);
          for (const auto& pt : g.points) {
            XY s = view.mapToPixel(proj.forward(pt));
            if (std::hypot(s.x - p.x, s.y - p.y) <= r) hit = true;
          }
        } else if (pass == 1) {
          for (const auto& line : g.lines) {
            for (const Path& piece : drawnLine(line)) {
              auto s = toScreen(piece, proj, view);
              for (size_t i = 1; i < s.size() && !hit; ++i) hit = segmentDistance(p, s[i - 1], s[i]) <= tol;
            }
          }
        } else {
          for (const auto& poly : drawnPolygons(g.polygons)) {
            auto outer = toScreen(poly.outer, proj, view);
            Bounds b;
            for (auto& q : outer) b.add(q.x, q.y);
            if (!b.intersects(screen) || !b.contains(p.x, p.y) || !inside(outer, p)) continue;
            bool inHole = false;
            for (const auto& h : poly.holes) inHole = inHole || inside(toScreen(h, proj, view), p);
            hit = hit || !inHole;
          }
        }
        if (hit) return Pick{&l, fi};
      }
    }
  }
  return std::nullopt;
}

}  // namespace pamir::app
