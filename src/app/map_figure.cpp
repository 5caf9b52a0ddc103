#include "app/map_figure.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>
#include <set>

#include "app/feature_info.hpp"
#include "app/layer_list.hpp"
#include "app/legend.hpp"
#include "app/map_furniture.hpp"
#include "core/feature_anchor.hpp"
#include "core/feature_filter.hpp"
#include "data/feature_search.hpp"
#include "geo/coordinates.hpp"
#include "geo/map_grid.hpp"
#include "geo/units.hpp"

namespace pamir::app {

namespace {

// Lon/lat points as image pixels, cut where the CRS cannot place them or
// where a step jumps more than half the image (the view's seam).
std::vector<std::vector<XY>> toPixels(const std::vector<LonLat>& points, const geo::Projection& p,
                                      const MapView& view) {
  std::vector<std::vector<XY>> parts(1);
  for (const LonLat& ll : points) {
    const XY m = p.forward(ll);
    if (!std::isfinite(m.x) || !std::isfinite(m.y)) {
      if (!parts.back().empty()) parts.emplace_back();
      continue;
    }
    const XY px = view.mapToPixel(m);
    if (!parts.back().empty() && std::abs(px.x - parts.back().back().x) > view.width() / 2.0) parts.emplace_back();
    parts.back().push_back(px);
  }
  std::erase_if(parts, [](const auto& part) { return part.size() < 2; });
  return parts;
}

std::vector<std::vector<XY>> toPixels(const std::vector<std::vector<XY>>& crsParts, const MapView& view) {
  std::vector<std::vector<XY>> out;
  out.reserve(crsParts.size());
  for (const auto& part : crsParts) {
    std::vector<XY>& o = out.emplace_back();
    o.reserve(part.size());
    for (const XY& q : part) o.push_back(view.mapToPixel(q));
  }
  return out;
}

std::string valueText(const Measurement& m) {
  switch (m.kind) {
    case MeasurementKind::Line:
    case MeasurementKind::Path:
      return geo::formatDistance(m.geodesic_m);
    case MeasurementKind::Area:
      return geo::formatArea(m.area_m2);
    case MeasurementKind::Ring:
      return "r " + geo::formatDistance(m.radius_m);
  }
  return {};
}

// What a shown row stands for: rows are the session's rasters, then its draw layers.
const Layer* layerOfRow(const MapSession& session, size_t row) {
  const size_t rasters = session.drawRasters().size();
  if (row < rasters || row - rasters >= session.drawLayers().size()) return nullptr;
  return session.drawLayers()[row - rasters];
}

std::string utcNow() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

std::string filterText(const FeatureFilter& f) {
  std::string text;
  if (const auto span = f.years()) text += "years " + formatYearSpan(*span);
  if (!f.countries.empty()) {
    text += text.empty() ? "countries " : "; countries ";
    bool first = true;
    for (const std::string& c : f.countries) text += (first ? "" : ", ") + c, first = false;
  }
  return text.empty() ? "none" : text;
}

}  // namespace

std::vector<ui::LayerItem> sessionRows(const MapSession& session) {
  std::vector<ui::LayerItem> rows;
  LayerList().rebuild(session, rows);
  return rows;
}

figure::MapFacts mapFacts(const MapSession& session, const std::vector<ui::LayerItem>& rows, const MapView& view,
                          const std::vector<Measurement>& measurements, FigureGrids grids, bool militarySymbols) {
  figure::MapFacts facts;
  const geo::Projection& p = session.projection();
  facts.legend = legendEntries(session, rows, militarySymbols);
  facts.metresPerPixel = centreMetresPerPixel(p, view);
  facts.northDegrees = northAngleDegrees(p, view);

  std::set<std::string> seen;
  const auto rasters = session.drawRasters();
  for (size_t k = 0; k < rows.size(); ++k) {
    if (!rows[k].visible) continue;
    const Layer* layer = k < rasters.size() ? nullptr : layerOfRow(session, k);
    const std::string a = layer ? layer->attribution : k < rasters.size() ? rasters[k]->attribution : "";
    if (!a.empty() && seen.insert(a).second) facts.attributions.push_back(a);
  }

  const Bounds extent = view.extent();
  auto addGrid = [&](const geo::MapGrid& g) {
    for (const geo::GridLine& line : g.lines) {
      figure::GridLine& o = facts.grid.emplace_back();
      o.parts = toPixels(line.parts, view);
      o.label = line.label;
      o.parallel = line.kind == geo::GridLine::Kind::Parallel;
    }
    for (const geo::GridLabel& l : g.labels) facts.gridLabels.push_back({view.mapToPixel(l.at), l.text});
  };
  if (grids.graticule) addGrid(geo::graticule(p, extent));
  if (grids.mgrs) addGrid(geo::mgrsGrid(p, extent));

  // A vertex every four pixels or so: smooth at the figure's scale.
  const double step = std::max(200.0, facts.metresPerPixel * 4);
  std::vector<Measurement> shown;
  for (const Measurement& m : measurements) {
    if (m.hidden) continue;
    shown.push_back(m);
    figure::Track& t = facts.tracks.emplace_back();
    std::vector<LonLat> outline = measurementOutline(m, step);
    t.parts = toPixels(outline, p, view);
    const MeasurementColor c = m.shownColor();
    t.r = static_cast<uint8_t>(c >> 24), t.g = static_cast<uint8_t>(c >> 16), t.b = static_cast<uint8_t>(c >> 8);
    t.label = (m.label.empty() ? std::string(kindName(m.kind)) : m.label) + ": " + valueText(m);
    t.closed = m.kind == MeasurementKind::Area || m.kind == MeasurementKind::Ring;
  }
  facts.measurements = measurementTable(shown);
  return facts;
}

figure::Table measurementTable(const std::vector<Measurement>& measurements) {
  figure::Table t;
  t.title = "Measurements";
  t.header = {"name", "kind", "geodesic", "area", "azimuth", "rhumb", "planar"};
  for (const Measurement& m : measurements) {
    const bool linear = m.kind == MeasurementKind::Line || m.kind == MeasurementKind::Path;
    std::string distance = m.kind == MeasurementKind::Ring   ? "radius " + geo::formatDistance(m.radius_m)
                           : m.kind == MeasurementKind::Area ? "perimeter " + geo::formatDistance(m.geodesic_m)
                                                             : geo::formatDistance(m.geodesic_m);
    t.rows.push_back({m.label, kindName(m.kind), distance, std::isfinite(m.area_m2) ? geo::formatArea(m.area_m2) : "",
                      linear ? geo::formatBearing(m.azimuth1_deg) + " → " + geo::formatBearing(m.azimuth2_deg) : "",
                      linear ? geo::formatDistance(m.rhumb_m) : "",
                      linear && std::isfinite(m.planar_m)
                          ? geo::formatDistance(m.planar_m) + (m.planarCrs.empty() ? "" : " in " + m.planarCrs)
                          : ""});
  }
  t.note = std::string("Distances: ") + kMeasureMethod + ". Areas: " + kAreaMethod + ". Ellipsoid WGS84.";
  return t;
}

figure::Table featureTable(const MapSession& session, const std::vector<ui::LayerItem>& rows, const MapView& view) {
  figure::Table t;
  t.title = "Curated features in view";
  t.header = {"name", "layer", "kind", "countries", "years", "confidence", "source"};
  const Bounds extent = view.extent();
  for (size_t k = 0; k < rows.size(); ++k) {
    const Layer* l = layerOfRow(session, k);
    if (!rows[k].visible || !l || session.isDerived(*l)) continue;
    if (l->fieldIndex("source_url") < 0 && l->fieldIndex("confidence") < 0) continue;
    for (const Feature& f : l->features) {
      if (!passes(session.filter, *l, f)) continue;
      const FeatureAnchor a = featureAnchor(f.geometry);
      if (a.kind == FeatureAnchor::Kind::None) continue;
      const XY at = session.projection().forward(a.position);
      if (!(at.x >= extent.minx && at.x <= extent.maxx && at.y >= extent.miny && at.y <= extent.maxy)) continue;
      const FeatureSummary s = summarize(*l, f);
      std::string countries;
      for (const std::string& c : data::featureCountries(*l, f)) countries += (countries.empty() ? "" : ", ") + c;
      t.rows.push_back({s.name, l->name, s.kind, countries, s.years, s.confidence,
                        s.sourceTitle.empty() ? s.sourceUrl : s.sourceTitle});
    }
  }
  t.note =
      "Positions of curated features are as recorded in the data, with their stated confidence; each row's "
      "source is the record's own citation.";
  return t;
}

figure::Report mapReport(const MapSession& session, const std::vector<ui::LayerItem>& rows, const MapView& view,
                         const std::vector<Measurement>& measurements, const std::string& title,
                         const std::string& madeFrom) {
  figure::Report report;
  report.title = title.empty() ? "Pamir map report" : title;
  const geo::Projection& p = session.projection();
  const Bounds e = view.extent();
  const LonLat sw = p.inverse({e.minx, e.miny}), ne = p.inverse({e.maxx, e.maxy});
  report.lines.push_back("Made " + utcNow() + " with Pamir" + madeFrom);
  report.lines.push_back("View CRS: " + p.name());
  if (sw.finite() && ne.finite())
    report.lines.push_back("Corners: " + geo::formatDecimalDegrees(sw, 4) + " (lower left), " +
                           geo::formatDecimalDegrees(ne, 4) + " (upper right)");
  report.lines.push_back("Filters: " + filterText(session.filter));
  std::vector<Measurement> shown;
  for (const Measurement& m : measurements)
    if (!m.hidden) shown.push_back(m);
  report.tables.push_back(measurementTable(shown));
  report.tables.push_back(featureTable(session, rows, view));
  return report;
}

MapView reportView(const MapView& view) {
  constexpr int kLongSide = 2400;
  const double aspect = static_cast<double>(view.width()) / view.height();
  const int w = aspect >= 1 ? kLongSide : std::max(1, static_cast<int>(kLongSide * aspect));
  const int h = aspect >= 1 ? std::max(1, static_cast<int>(kLongSide / aspect)) : kLongSide;
  return MapView::fromExtent(view.extent(), w, h);
}

render::Image renderMapImage(render::MapRenderer& renderer, const MapView& view, const render::RenderOptions& options) {
  constexpr int kWhole = 4096, kTile = 2048;
  const int width = view.width(), height = view.height();
  if (width <= kWhole && height <= kWhole) {
    render::Image whole = renderer.renderToImage(view, options);
    if (!whole.empty()) return whole;
  }
  render::Image out;
  out.width = width;
  out.height = height;
  out.rgba.assign(static_cast<size_t>(width) * height * 4, 0);
  for (int ty = 0; ty < height; ty += kTile)
    for (int tx = 0; tx < width; tx += kTile) {
      const int tw = std::min(kTile, width - tx), th = std::min(kTile, height - ty);
      const XY a = view.pixelToMap(tx, ty), b = view.pixelToMap(tx + tw, ty + th);
      Bounds e;
      e.add(a.x, a.y);
      e.add(b.x, b.y);
      const render::Image tile = renderer.renderToImage(MapView::fromExtent(e, tw, th), options);
      if (tile.empty()) return {};
      for (int y = 0; y < th; ++y) std::memcpy(out.pixel(tx, ty + y), tile.pixel(0, y), static_cast<size_t>(tw) * 4);
    }
  return out;
}

}  // namespace pamir::app
