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

// Even-odd crossing test (any linear space): holes count as outside.
bool inside(const std::vector<XY>& ring, const XY& p) {
  bool in = false;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const XY &a = ring[i], &b = ring[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
  }
  return in;
}

std::vector<XY> project(const Path& path, const geo::Projection& proj, Bounds& bounds) {
  std::vector<XY> out(path.size());
  proj.forward(path.data(), out.data(), path.size());
  for (const XY& q : out)
    if (std::isfinite(q.x) && std::isfinite(q.y)) bounds.add(q.x, q.y);
  return out;
}

FeatureShape shapeOf(const Layer& l, const Feature& f, const geo::Projection& proj, const geo::ViewDomain& domain) {
  FeatureShape s;
  const Geometry& g = f.geometry;
  if (!g.points.empty()) {
    s.points = project(g.points, proj, s.bounds);
    s.symbolRadiusPx = l.styleFor(f).symbolSize / 2.0 + 2.0;
  }
  // Lines and polygons as the renderer draws them: cut at the view's seam
  // and round the poles, so that a polygon across the antimeridian is not
  // hit all across the map. Geometry inside the domain is used as it is.
  for (const Path& line : g.lines) {
    if (geo::insideDomain(line, domain, false)) {
      s.lines.push_back(project(line, proj, s.bounds));
    } else {
      for (const Path& piece : geo::cutLine(line, domain)) s.lines.push_back(project(piece, proj, s.bounds));
    }
  }
  auto addArea = [&](const Polygon& poly) {
    FeatureShape::Area a;
    a.outer = project(poly.outer, proj, s.bounds);
    for (const Path& h : poly.holes) a.holes.push_back(project(h, proj, s.bounds));
    s.areas.push_back(std::move(a));
  };
  for (const Polygon& poly : g.polygons) {
    bool whole = geo::insideDomain(poly.outer, domain, true);
    for (const Path& h : poly.holes) whole = whole && geo::insideDomain(h, domain, true);
    if (whole) {
      addArea(poly);
    } else {
      for (const Polygon& piece : geo::cutPolygon(poly, domain)) addArea(piece);
    }
  }
  return s;
}

}  // namespace

bool PickIndex::update(const std::vector<const Layer*>& layers, const geo::Projection& proj, size_t vertexBudget) {
  std::vector<size_t> counts;
  counts.reserve(layers.size());
  for (const Layer* l : layers) counts.push_back(l->features.size());
  if (layers != layers_ || counts != featureCounts_ || proj.definition() != crs_ || (!started_ && !complete_)) {
    layers_ = layers;
    featureCounts_ = std::move(counts);
    crs_ = proj.definition();
    projection_ = proj;
    domain_ = geo::viewDomain(proj);
    indexed_.clear();
    grids_.clear();
    symbolReachPx_.clear();
    shapes_.clear();
    started_ = true;
    complete_ = false;
    buildingLayer_ = 0;
    building_ = {};
    // Small data is indexed at once, whatever the budget: a pick never waits a frame for it.
    size_t vertices = 0;
    for (const Layer* l : layers_)
      for (const Feature& f : l->features) vertices += f.geometry.vertexCount() + 1;
    if (vertices <= kIndexAtOnce) vertexBudget = 0;
  }
  if (complete_) return true;
  size_t done = 0;
  while (buildingLayer_ < layers_.size()) {
    const Layer& l = *layers_[buildingLayer_];
    if (building_.bounds.empty()) {
      building_.bounds.reserve(l.features.size());
      building_.kinds.reserve(l.features.size());
    }
    for (size_t fi = building_.bounds.size(); fi < l.features.size(); ++fi) {
      if (vertexBudget > 0 && done >= vertexBudget) return false;
      // Projected for its bounds; the shape itself is made again when a pick needs it.
      const FeatureShape s = shapeOf(l, l.features[fi], proj, domain_);
      building_.bounds.push_back(s.bounds);
      building_.kinds.push_back(static_cast<uint8_t>(
          (s.points.empty() ? 0 : kHasPoints) | (s.lines.empty() ? 0 : kHasLines) | (s.areas.empty() ? 0 : kHasAreas)));
      building_.reachPx = std::max(building_.reachPx, s.symbolRadiusPx);
      done += l.features[fi].geometry.vertexCount() + 1;
    }
    grids_.emplace_back(building_.bounds);
    symbolReachPx_.push_back(building_.reachPx);
    indexed_.push_back(std::move(building_));
    building_ = {};
    ++buildingLayer_;
  }
  complete_ = true;
  return true;
}

std::shared_ptr<const FeatureShape> PickIndex::shapeAt(size_t li, size_t fi) const {
  const uint64_t key = (static_cast<uint64_t>(li) << 40) | fi;
  if (auto it = shapes_.find(key); it != shapes_.end()) return it->second;
  auto s =
      std::make_shared<const FeatureShape>(shapeOf(*layers_[li], layers_[li]->features[fi], *projection_, domain_));
  if (shapes_.size() >= kShapesKept) {
    shapes_.erase(shapeOrder_.front());
    shapeOrder_.pop_front();
  }
  shapes_.emplace(key, s);
  shapeOrder_.push_back(key);
  return s;
}

std::shared_ptr<const FeatureShape> PickIndex::shape(const Pick& p) const {
  for (size_t li = 0; li < indexed_.size(); ++li)
    if (layers_[li] == p.layer && p.featureIndex < indexed_[li].bounds.size()) return shapeAt(li, p.featureIndex);
  return nullptr;
}

void PickIndex::pickInto(const MapView& view, double px, double py, double tol, const PickVisible& visible, bool all,
                         std::vector<Pick>& out) const {
  const XY p{px, py};
  const XY m = view.pixelToMap(px, py);
  const double ux = std::abs(view.resolutionX()), uy = std::abs(view.resolutionY());
  auto near = [&](const Bounds& b, double radiusPx) {
    return !b.empty() && m.x >= b.minx - radiusPx * ux && m.x <= b.maxx + radiusPx * ux &&
           m.y >= b.miny - radiusPx * uy && m.y <= b.maxy + radiusPx * uy;
  };
  std::vector<XY> screen;
  auto toScreen = [&](const std::vector<XY>& path) -> const std::vector<XY>& {
    screen.resize(path.size());
    for (size_t i = 0; i < path.size(); ++i) screen[i] = view.mapToPixel(path[i]);
    return screen;
  };
  std::vector<uint32_t> candidates;
  // Points first (they sit on top of areas), then lines, then areas; topmost layer first.
  for (int pass = 0; pass < 3; ++pass) {
    for (size_t li = indexed_.size(); li-- > 0;) {  // the layers indexed so far
      const Layer& l = *layers_[li];
      if (!l.visible) continue;
      const Indexed& ix = indexed_[li];
      // The features whose bounds lie within this pass's reach of the cursor, in index order.
      const double reachPx = pass == 0 ? std::max(tol, symbolReachPx_[li]) : pass == 1 ? tol : 0.0;
      const uint8_t kind = pass == 0 ? kHasPoints : pass == 1 ? kHasLines : kHasAreas;
      grids_[li].candidates({m.x - reachPx * ux, m.y - reachPx * uy, m.x + reachPx * ux, m.y + reachPx * uy},
                            candidates);
      for (const uint32_t fi : candidates) {
        if (!(ix.kinds[fi] & kind) || !near(ix.bounds[fi], reachPx)) continue;
        const std::shared_ptr<const FeatureShape> shape = shapeAt(li, fi);
        const FeatureShape& s = *shape;
        bool hit = false;
        if (pass == 0) {
          if (s.points.empty()) continue;
          const double r = std::max(tol, s.symbolRadiusPx);
          if (!near(s.bounds, r) || !visible(l, fi)) continue;
          for (const XY& pt : s.points) {
            const XY q = view.mapToPixel(pt);
            if (std::hypot(q.x - p.x, q.y - p.y) <= r) hit = true;
          }
        } else if (pass == 1) {
          if (s.lines.empty() || !near(s.bounds, tol) || !visible(l, fi)) continue;
          for (const auto& line : s.lines) {
            const auto& q = toScreen(line);
            for (size_t i = 1; i < q.size() && !hit; ++i) hit = segmentDistance(p, q[i - 1], q[i]) <= tol;
          }
        } else {
          if (s.areas.empty() || !near(s.bounds, 0) || !visible(l, fi)) continue;
          // Containment does not depend on the scale: tested in map units.
          for (const auto& a : s.areas) {
            if (hit || a.outer.size() < 3 || !inside(a.outer, m)) continue;
            bool inHole = false;
            for (const auto& h : a.holes) inHole = inHole || (h.size() >= 3 && inside(h, m));
            hit = !inHole;
          }
        }
        if (!hit) continue;
        const Pick found{&l, fi};
        if (std::find(out.begin(), out.end(), found) != out.end()) continue;
        out.push_back(found);
        if (!all) return;
      }
    }
  }
}

std::optional<Pick> PickIndex::pick(const MapView& view, double px, double py, double tol,
                                    const PickVisible& visible) const {
  std::vector<Pick> out;
  pickInto(view, px, py, tol, visible, false, out);
  if (out.empty()) return std::nullopt;
  return out.front();
}

std::vector<Pick> PickIndex::pickAll(const MapView& view, double px, double py, double tol,
                                     const PickVisible& visible) const {
  std::vector<Pick> out;
  pickInto(view, px, py, tol, visible, true, out);
  return out;
}

std::optional<Pick> pickFeature(const std::vector<const Layer*>& layers, const geo::Projection& proj,
                                const MapView& view, double px, double py, double tol, const PickVisible& visible) {
  PickIndex index;
  index.update(layers, proj);
  return index.pick(view, px, py, tol, visible);
}

}  // namespace pamir::app
