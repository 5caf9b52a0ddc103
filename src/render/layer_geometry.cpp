#include "render/layer_geometry.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <iterator>
#include <limits>
#include <thread>
#include <utility>

#include "geo/seam_cut.hpp"
#include "render/simplify.hpp"
#include "render/tessellate.hpp"

namespace pamir::render::detail {

namespace {

using Ring = std::vector<XY>;

bool finite(const XY& p) { return std::isfinite(p.x) && std::isfinite(p.y); }

struct ProjectedFeature {
  uint32_t index = 0;
  bool outline = false;
  std::vector<std::vector<XY>> lines;
  std::vector<std::vector<Ring>> polygons;  // outer ring first, each stored closed
  // Pieces of a polygon cut at the view's seam or a latitude limit have edges
  // along the cut that are no part of its boundary: their outline is drawn
  // from `outlines` instead (the original rings, cut as lines).
  std::vector<bool> polygonCut;
  std::vector<std::vector<XY>> outlines;
  std::vector<std::vector<Threshold>> outlineKeep;
  std::vector<XY> points;
  // Douglas–Peucker thresholds (squared, view units) parallel to the vertices,
  // and each ring's bounds: every level of detail is a filter over these.
  std::vector<std::vector<Threshold>> lineKeep;
  std::vector<std::vector<std::vector<Threshold>>> ringKeep;
  std::vector<std::vector<Bounds>> ringBounds;
  size_t vertices = 0;
};

// Primitives in double precision, before they are cut into tiles.
struct RawTriangle {
  XY p[3];
  uint32_t feature;
};
struct RawSegment {
  XY a, b;
  float distance;  // as the GPU gets it; summed in double along the line
  uint32_t feature;
};
struct RawPoint {
  XY p;
  uint32_t feature;
};

Bounds boundsOf(const RawTriangle& t) {
  Bounds b;
  for (const XY& p : t.p) b.add(p.x, p.y);
  return b;
}
Bounds boundsOf(const RawSegment& s) {
  Bounds b;
  b.add(s.a.x, s.a.y);
  b.add(s.b.x, s.b.y);
  return b;
}
Bounds boundsOf(const RawPoint& p) {
  Bounds b;
  b.add(p.p.x, p.p.y);
  return b;
}

// Puts primitives into a grid over `extent` (counting sort by the cell of
// their bounds' centre) so the renderer can skip runs outside the view. Few
// primitives get one tile: a draw call costs more than culling saves.
// The grid cell of `offset` along one axis, clamped before the cast: the
// offset of a coordinate near +-1e308 overflows to infinity (or NaN), and
// converting those to int is undefined.
int gridCell(double offset, double cellSize, int grid) {
  const double c = offset / cellSize;
  if (!(c > 0)) return 0;
  return c >= grid - 1 ? grid - 1 : static_cast<int>(c);
}

float rel(double v, double origin) { return static_cast<float>(v - origin); }

// Puts the primitives of `parts` (in order) into tiles of a grid over
// `extent`, writing each in its final form, `per` outputs per primitive,
// with emit(raw, tile origin, first output). Each part is freed once it is
// written, so the raw primitives and the output are never both held whole.
template <class Raw, class Out, class Emit>
std::vector<Tile> tileInto(const std::vector<std::vector<Raw>*>& parts, const Bounds& extent, size_t per,
                           std::vector<Out>& out, Emit emit) {
  std::vector<Tile> tiles;
  size_t total = 0;
  for (const auto* part : parts) total += part->size();
  if (total == 0) return tiles;
  constexpr size_t kPerTile = 512;
  int grid = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(total) / kPerTile)));
  grid = std::clamp(grid, 1, 32);
  const double cw = std::max(extent.width(), 1e-12) / grid, ch = std::max(extent.height(), 1e-12) / grid;
  auto cellOf = [&](const Bounds& b) {
    int cx = gridCell((b.minx + b.maxx) / 2 - extent.minx, cw, grid);
    int cy = gridCell((b.miny + b.maxy) / 2 - extent.miny, ch, grid);
    return static_cast<size_t>(cy) * static_cast<size_t>(grid) + static_cast<size_t>(cx);
  };
  const size_t cells = static_cast<size_t>(grid) * grid;
  std::vector<uint32_t> counts(cells + 1, 0);
  std::vector<Bounds> cellBounds(cells);
  for (const auto* part : parts) {
    for (const Raw& r : *part) {
      const Bounds b = boundsOf(r);
      const size_t c = cellOf(b);
      ++counts[c + 1];
      cellBounds[c].add(b);
    }
  }
  for (size_t c = 1; c < counts.size(); ++c) counts[c] += counts[c - 1];
  std::vector<XY> origins(cells);
  for (size_t c = 0; c < cells; ++c) {
    if (counts[c + 1] == counts[c]) continue;
    Tile t;
    t.first = counts[c];
    t.count = counts[c + 1] - counts[c];
    t.bounds = cellBounds[c];
    t.origin = origins[c] = {(t.bounds.minx + t.bounds.maxx) / 2, (t.bounds.miny + t.bounds.maxy) / 2};
    tiles.push_back(t);
  }
  out.resize(total * per);
  std::vector<uint32_t> next(counts.begin(), counts.end() - 1);
  for (auto* part : parts) {
    for (const Raw& r : *part) {
      const size_t c = cellOf(boundsOf(r));
      emit(r, origins[c], &out[static_cast<size_t>(next[c]++) * per]);
    }
    std::vector<Raw>().swap(*part);
  }
  return tiles;
}

// Sutherland–Hodgman against one axis-aligned half-plane: the part of a
// closed ring with coordinate `axis` <= cut (below) or >= cut. Concave rings
// may come out with zero-width bridges along the cut; they cover nothing
// under the odd winding rule, so the tessellator ignores them.
Ring clipRing(const Ring& ring, int axis, double cut, bool below) {
  Ring out;
  auto coord = [axis](const XY& p) { return axis == 0 ? p.x : p.y; };
  auto inside = [&](const XY& p) { return below ? coord(p) <= cut : coord(p) >= cut; };
  for (size_t i = 0; i + 1 < ring.size(); ++i) {
    const XY& a = ring[i];
    const XY& b = ring[i + 1];
    bool ina = inside(a), inb = inside(b);
    if (ina) out.push_back(a);
    if (ina != inb) {
      double t = (cut - coord(a)) / (coord(b) - coord(a));
      XY p{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
      if (axis == 0)
        p.x = cut;
      else
        p.y = cut;  // exactly on the cut, so both sides meet
      out.push_back(p);
    }
  }
  if (out.size() < 3) return {};
  out.push_back(out.front());
  return out;
}

// Cuts a polygon into cells no larger than `cell` before triangulating, so
// that no triangle is longer than a cell. A software rasteriser bins every
// triangle into each screen tile it crosses: a country triangulated whole
// gives slivers across the screen that cost several times their area.
void tessellateInCells(const std::vector<Ring>& rings, const Bounds& box, double cell, std::vector<XY>& out,
                       int depth = 0) {
  size_t vertices = 0;
  for (const Ring& r : rings) vertices += r.size();
  if (vertices == 0) return;
  const bool small = box.width() <= cell && box.height() <= cell;
  if (small || depth >= 20 || !(cell > 0)) {
    tessellate(rings, out);
    return;
  }
  const int axis = box.width() >= box.height() ? 0 : 1;
  const double cut = axis == 0 ? (box.minx + box.maxx) / 2 : (box.miny + box.maxy) / 2;
  for (bool below : {true, false}) {
    std::vector<Ring> part;
    for (const Ring& r : rings) {
      Ring c = clipRing(r, axis, cut, below);
      if (c.size() >= 4) part.push_back(std::move(c));
    }
    if (part.empty()) continue;
    Bounds half = box;
    if (axis == 0)
      (below ? half.maxx : half.minx) = cut;
    else
      (below ? half.maxy : half.miny) = cut;
    tessellateInCells(part, half, cell, out, depth + 1);
  }
}

// The primitives of features [first, last) at one level of detail.
struct Chunk {
  std::vector<RawTriangle> triangles;
  std::vector<RawSegment> segments;
};

void buildChunk(const std::vector<ProjectedFeature>& features, size_t first, size_t last, double tolerance, double cell,
                Chunk& out) {
  std::vector<XY> triangleBuffer;
  std::vector<Ring> rings;
  const double tol2 = tolerance * tolerance;

  auto addPath = [&](const std::vector<XY>& path, uint32_t feature) {
    double along = 0;
    size_t before = out.segments.size();
    for (size_t i = 0; i + 1 < path.size(); ++i) {
      const XY& a = path[i];
      const XY& b = path[i + 1];
      double len = std::hypot(b.x - a.x, b.y - a.y);
      if (len > 0) out.segments.push_back({a, b, static_cast<float>(along), feature});
      along += len;
    }
    // A path with no length still shows: as a dot the width of the line.
    if (out.segments.size() == before && !path.empty()) out.segments.push_back({path[0], path[0], 0.0f, feature});
  };

  for (size_t k = first; k < last; ++k) {
    const ProjectedFeature& f = features[k];
    for (size_t l = 0; l < f.lines.size(); ++l) {
      addPath(tolerance > 0 ? keepAbove(f.lines[l], f.lineKeep[l], tol2) : f.lines[l], f.index);
    }
    for (size_t l = 0; l < f.outlines.size(); ++l) {
      addPath(tolerance > 0 ? keepAbove(f.outlines[l], f.outlineKeep[l], tol2) : f.outlines[l], f.index | kOutlineFlag);
    }
    for (size_t p = 0; p < f.polygons.size(); ++p) {
      const auto& polygon = f.polygons[p];
      rings.clear();
      for (size_t r = 0; r < polygon.size(); ++r) {
        Ring ring = ringAt(polygon[r], f.ringKeep[p][r], f.ringBounds[p][r], tolerance);
        if (ring.size() < 4) {
          if (r == 0) break;  // the outer ring vanished: so does the polygon
          continue;
        }
        rings.push_back(std::move(ring));
      }
      if (rings.empty()) continue;
      triangleBuffer.clear();
      tessellateInCells(rings, f.ringBounds[p][0], cell, triangleBuffer);
      for (size_t i = 0; i + 2 < triangleBuffer.size(); i += 3) {
        out.triangles.push_back({{triangleBuffer[i], triangleBuffer[i + 1], triangleBuffer[i + 2]}, f.index});
      }
      if (f.outline && !f.polygonCut[p]) {
        for (const Ring& ring : rings) addPath(ring, f.index | kOutlineFlag);
      }
    }
  }
  // The chunks of a level are all held until it is tiled: without their
  // growth slack (up to half of each) a layer of 10M segments needs 100 MB less.
  out.triangles.shrink_to_fit();
  out.segments.shrink_to_fit();
}

// Cuts a level's primitives (in chunks) into tiles and stores them relative
// to their tile origins.
void finishLevel(std::vector<Chunk>& chunks, double tolerance, const Bounds& extent, DetailLevel& level) {
  level.tolerance = tolerance;
  std::vector<std::vector<RawTriangle>*> triangles;
  std::vector<std::vector<RawSegment>*> segments;
  for (Chunk& c : chunks) {
    triangles.push_back(&c.triangles);
    segments.push_back(&c.segments);
  }
  level.fillTiles = tileInto(triangles, extent, 3, level.fills, [](const RawTriangle& t, const XY& o, FillVertex* v) {
    for (const XY& p : t.p) *v++ = {rel(p.x, o.x), rel(p.y, o.y), t.feature};
  });
  level.segmentTiles =
      tileInto(segments, extent, 1, level.segments, [](const RawSegment& s, const XY& o, SegmentInstance* v) {
        *v = {rel(s.a.x, o.x), rel(s.a.y, o.y), rel(s.b.x, o.x), rel(s.b.y, o.y), s.distance, s.feature};
      });
}

size_t simplifiedVertexCount(const std::vector<ProjectedFeature>& features, double tolerance) {
  const double tol2 = tolerance * tolerance;
  size_t n = 0;
  for (const ProjectedFeature& f : features) {
    for (const auto& keep : f.lineKeep) {
      for (double t : keep) n += t > tol2;
    }
    for (const auto& keep : f.outlineKeep) {
      for (double t : keep) n += t > tol2;
    }
    for (size_t p = 0; p < f.ringKeep.size(); ++p) {
      for (size_t r = 0; r < f.ringKeep[p].size(); ++r) {
        const Bounds& b = f.ringBounds[p][r];
        if (b.width() < tolerance && b.height() < tolerance) continue;
        size_t kept = 0;
        for (double t : f.ringKeep[p][r]) kept += t > tol2;
        if (kept >= 4) n += kept;
      }
    }
  }
  return n;
}

// Runs jobs on up to maxThreads threads (0: one per core; this thread included).
void runParallel(size_t jobs, size_t maxThreads, const std::function<void(size_t)>& job) {
  const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  size_t threads = std::min<size_t>(jobs, maxThreads > 0 ? std::min(maxThreads, cores) : cores);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t j; (j = next.fetch_add(1)) < jobs;) job(j);
  };
  std::vector<std::thread> pool;
  for (size_t i = 1; i < threads; ++i) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

double ringArea(const Ring& r) {
  double a = 0;
  for (size_t i = 0; i + 1 < r.size(); ++i) a += r[i].x * r[i + 1].y - r[i + 1].x * r[i].y;
  return a / 2;
}

// The point halfway along the longest of the lines.
XY lineMiddle(const std::vector<std::vector<XY>>& lines) {
  const std::vector<XY>* longest = &lines.front();
  double best = -1;
  for (const auto& line : lines) {
    double len = 0;
    for (size_t i = 0; i + 1 < line.size(); ++i)
      len += std::hypot(line[i + 1].x - line[i].x, line[i + 1].y - line[i].y);
    if (len > best) best = len, longest = &line;
  }
  double half = best / 2, along = 0;
  for (size_t i = 0; i + 1 < longest->size(); ++i) {
    const XY& a = (*longest)[i];
    const XY& b = (*longest)[i + 1];
    double len = std::hypot(b.x - a.x, b.y - a.y);
    if (along + len >= half && len > 0) {
      double t = (half - along) / len;
      return {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
    }
    along += len;
  }
  return longest->front();
}

}  // namespace

XY interiorPoint(const std::vector<std::vector<XY>>& rings) {
  Bounds b;
  for (const XY& p : rings.front()) b.add(p.x, p.y);
  if (b.empty()) return {};
  double y = (b.miny + b.maxy) / 2;
  std::vector<double> xs;
  for (const auto& ring : rings) {
    for (size_t i = 0; i + 1 < ring.size(); ++i) {
      const XY& p = ring[i];
      const XY& q = ring[i + 1];
      // Half-open in y, so a vertex exactly on the line counts once.
      if ((p.y <= y) != (q.y <= y)) xs.push_back(p.x + (y - p.y) / (q.y - p.y) * (q.x - p.x));
    }
  }
  std::sort(xs.begin(), xs.end());
  double widest = -1;
  XY best{(b.minx + b.maxx) / 2, y};
  for (size_t i = 0; i + 1 < xs.size(); i += 2) {
    if (xs[i + 1] - xs[i] > widest) {
      widest = xs[i + 1] - xs[i];
      best = {(xs[i] + xs[i + 1]) / 2, y};
    }
  }
  return best;
}

namespace {

// Where a feature's label goes: its first point, else the inside of its
// largest polygon, else the middle of its longest line.
LabelAnchor labelAnchorOf(const ProjectedFeature& f) {
  if (!f.points.empty()) return {f.points.front(), f.index, LabelAnchor::Kind::Point};
  if (!f.polygons.empty()) {
    // The first polygon unless a larger one is found: with NaN areas
    // (overflowing coordinates) no comparison succeeds.
    const std::vector<Ring>* largest = &f.polygons.front();
    double best = -1;
    for (const auto& polygon : f.polygons) {
      double area = std::abs(ringArea(polygon.front()));
      if (area > best) best = area, largest = &polygon;
    }
    return {interiorPoint(*largest), f.index, LabelAnchor::Kind::Polygon};
  }
  return {lineMiddle(f.lines), f.index, LabelAnchor::Kind::Line};
}

}  // namespace

struct PreparedLayer {
  std::vector<ProjectedFeature> features;
  std::vector<std::pair<size_t, size_t>> runs;  // features cut into jobs of a few thousand vertices
  double size = 0;                              // the larger side of the layer's bounds
};

LayerGeometry prepareLayerGeometry(const Layer& layer, const geo::Projection& projection, const BuildOptions& options) {
  LayerGeometry out;
  auto prepared = std::make_shared<PreparedLayer>();
  // Only features with lines or polygons are kept projected (levels of
  // detail are built from them); points go straight to their instances.
  std::vector<ProjectedFeature>& features = prepared->features;
  std::vector<RawPoint> points;
  std::vector<XY> buffer;
  size_t exactVertices = 0;
  const geo::ViewDomain domain = geo::viewDomain(projection);

  auto project = [&](const Path& path) -> const std::vector<XY>& {
    buffer.resize(path.size());
    projection.forward(path.data(), buffer.data(), path.size());
    return buffer;
  };

  for (size_t i = 0; i < layer.features.size(); ++i) {
    const Feature& feature = layer.features[i];
    const Geometry& g = feature.geometry;
    ProjectedFeature pf;
    pf.index = static_cast<uint32_t>(i);
    pf.outline = options.outlines && layer.styleFor(feature).strokeWidth > 0;
    for (const LonLat& p : g.points) {
      if (!geo::insideDomain(p, domain)) continue;  // beyond the latitudes the CRS can show
      XY xy = projection.forward(p);
      if (finite(xy)) pf.points.push_back(xy);
    }
    auto addLine = [&](const Path& line, std::vector<std::vector<XY>>& lines) {
      // A line leaving the projection's domain is cut there, not joined across the gap.
      std::vector<XY> run;
      run.reserve(line.size());
      for (const XY& p : project(line)) {
        if (finite(p)) {
          if (run.empty() || !(run.back() == p)) run.push_back(p);
        } else if (!run.empty()) {
          if (run.size() >= 2) lines.push_back(std::move(run));
          run.clear();
        }
      }
      if (!run.empty()) lines.push_back(std::move(run));
    };
    // Geometry across the view's seam, round a pole or beyond the latitudes
    // the CRS can show is cut in lon/lat first (seam_cut.hpp); the rest, nearly
    // all of it, is projected as it is.
    for (const Path& line : g.lines) {
      if (geo::insideDomain(line, domain, false)) {
        addLine(line, pf.lines);
      } else {
        for (const Path& piece : geo::cutLine(line, domain)) addLine(piece, pf.lines);
      }
    }
    auto addPolygon = [&](const Polygon& polygon, bool cut) {
      std::vector<Ring> rings;
      auto addRing = [&](const Path& path) {
        Ring ring;
        for (const XY& p : project(path)) {
          if (finite(p) && (ring.empty() || !(ring.back() == p))) ring.push_back(p);
        }
        if (ring.size() >= 2 && !(ring.front() == ring.back())) ring.push_back(ring.front());
        if (ring.size() < 4) return false;
        rings.push_back(std::move(ring));
        return true;
      };
      if (!addRing(polygon.outer)) return;
      for (const Path& hole : polygon.holes) addRing(hole);
      pf.polygons.push_back(std::move(rings));
      pf.polygonCut.push_back(cut);
    };
    for (const Polygon& polygon : g.polygons) {
      bool inside = geo::insideDomain(polygon.outer, domain, true);
      for (const Path& hole : polygon.holes) inside = inside && geo::insideDomain(hole, domain, true);
      if (inside) {
        addPolygon(polygon, false);
        continue;
      }
      const size_t before = pf.polygons.size();
      for (const Polygon& piece : geo::cutPolygon(polygon, domain)) addPolygon(piece, true);
      if (!pf.outline || pf.polygons.size() == before) continue;
      auto addOutline = [&](Path ring) {
        if (!ring.empty() && !(ring.front() == ring.back())) ring.push_back(ring.front());
        for (const Path& piece : geo::cutLine(ring, domain)) addLine(piece, pf.outlines);
      };
      addOutline(polygon.outer);
      for (const Path& hole : polygon.holes) addOutline(hole);
    }
    if (pf.points.empty() && pf.lines.empty() && pf.polygons.empty()) {
      ++out.droppedFeatures;
      continue;
    }
    for (const auto& line : pf.lines) {
      pf.lineKeep.push_back(lineThresholds(line));
      pf.vertices += line.size();
    }
    for (const auto& line : pf.outlines) {
      pf.outlineKeep.push_back(lineThresholds(line));
      pf.vertices += line.size();
    }
    for (const auto& polygon : pf.polygons) {
      pf.ringKeep.emplace_back();
      pf.ringBounds.emplace_back();
      for (const Ring& ring : polygon) {
        pf.ringKeep.back().push_back(ringThresholds(ring));
        Bounds b;
        for (const XY& p : ring) b.add(p.x, p.y);
        pf.ringBounds.back().push_back(b);
        pf.vertices += ring.size();
      }
    }
    for (const XY& p : pf.points) {
      out.bounds.add(p.x, p.y);
      points.push_back({p, pf.index});
    }
    out.labels.push_back(labelAnchorOf(pf));
    for (const auto& line : pf.lines) {
      exactVertices += line.size();
      for (const XY& p : line) out.bounds.add(p.x, p.y);
    }
    for (const auto& polygon : pf.polygons) {
      out.hasFills = true;
      for (const Ring& ring : polygon) exactVertices += ring.size();
      for (const XY& p : polygon.front()) out.bounds.add(p.x, p.y);
    }
    if (!pf.lines.empty() || !pf.polygons.empty() || !pf.outlines.empty()) features.push_back(std::move(pf));
  }

  // Levels of detail: tolerances halve from 1/256 of the layer's size until
  // simplifying no longer saves a quarter of the vertices; the exact geometry
  // is the last level. The renderer picks the coarsest level whose tolerance
  // is below half a pixel.
  if (!out.bounds.empty()) {
    double size = std::max(out.bounds.width(), out.bounds.height());
    std::vector<double> tolerances;
    for (double tol = size / 256; tol > size * 1e-9 && exactVertices > 0; tol /= 2) {
      if (simplifiedVertexCount(features, tol) > exactVertices * 3 / 4) break;
      tolerances.push_back(tol);
    }
    tolerances.push_back(0.0);
    out.levels.resize(tolerances.size());
    for (size_t l = 0; l < tolerances.size(); ++l) out.levels[l].tolerance = tolerances[l];
    prepared->size = size;
    // Jobs: features in runs of about kJobVertices vertices.
    constexpr size_t kJobVertices = 8192;
    for (size_t first = 0, acc = 0, i = 0; i < features.size(); ++i) {
      acc += features[i].vertices + 1;
      if (acc >= kJobVertices || i + 1 == features.size()) {
        prepared->runs.push_back({first, i + 1});
        first = i + 1;
        acc = 0;
      }
    }
  }
  for (const ProjectedFeature& f : features) {
    out.hasOutlines = out.hasOutlines || !f.lines.empty() || (f.outline && !f.polygons.empty());
  }

  out.pointTiles = tileInto(std::vector<std::vector<RawPoint>*>{&points}, out.bounds, 1, out.points,
                            [](const RawPoint& r, const XY& o, PointInstance* v) {
                              *v = {rel(r.p.x, o.x), rel(r.p.y, o.y), r.feature};
                            });
  out.prepared = std::move(prepared);
  return out;
}

void buildDetailLevels(LayerGeometry& geometry, const std::vector<size_t>& which, size_t maxThreads) {
  if (!geometry.prepared) return;
  const PreparedLayer& prep = *geometry.prepared;
  std::vector<size_t> levels;
  for (size_t l : which) {
    if (l < geometry.levels.size() && !geometry.levels[l].built) levels.push_back(l);
  }
  if (levels.empty()) return;
  // Finest levels first: they are the longest jobs.
  std::sort(levels.begin(), levels.end(), std::greater<>());
  const size_t runs = std::max<size_t>(prep.runs.size(), 1);
  std::vector<Chunk> chunks(levels.size() * runs);
  runParallel(prep.runs.empty() ? 0 : chunks.size(), maxThreads, [&](size_t j) {
    size_t l = levels[j / runs], r = j % runs;
    double tol = geometry.levels[l].tolerance;
    // A level is drawn at about 1-4 tolerances per pixel: cells of 512
    // tolerances are a few hundred pixels on screen. The exact level is
    // drawn at any deeper zoom; it takes the cells of the next tolerance down.
    // Never more than 32 cells across the layer, though: at fine levels only
    // a small part of it is on screen, and cutting all of it that finely
    // would multiply the triangles for nothing.
    double nominal = tol > 0 ? tol : (l > 0 ? geometry.levels[l - 1].tolerance / 2 : prep.size / 512);
    double cell = std::max(512 * nominal, prep.size / 32);
    buildChunk(prep.features, prep.runs[r].first, prep.runs[r].second, tol, cell, chunks[j]);
  });
  runParallel(levels.size(), maxThreads, [&](size_t k) {
    std::vector<Chunk> parts(std::make_move_iterator(chunks.begin() + static_cast<std::ptrdiff_t>(k * runs)),
                             std::make_move_iterator(chunks.begin() + static_cast<std::ptrdiff_t>((k + 1) * runs)));
    DetailLevel& level = geometry.levels[levels[k]];
    finishLevel(parts, level.tolerance, geometry.bounds, level);
    level.built = true;
  });
}

LayerGeometry buildLayerGeometry(const Layer& layer, const geo::Projection& projection, const BuildOptions& options) {
  LayerGeometry out = prepareLayerGeometry(layer, projection, options);
  std::vector<size_t> all(out.levels.size());
  for (size_t l = 0; l < all.size(); ++l) all[l] = l;
  buildDetailLevels(out, all);
  return out;
}

}  // namespace pamir::render::detail
