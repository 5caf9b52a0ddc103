#include "app/window_measure.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/measurement_export.hpp"
#include "core/feature_anchor.hpp"
#include "geo/coordinates.hpp"
#include "geo/geodesic.hpp"
#include "geo/nearest.hpp"
#include "geo/path_measure.hpp"
#include "geo/seam_cut.hpp"
#include "geo/units.hpp"
#include "render/simplify.hpp"

namespace pamir::app {

namespace {

ImU32 toIm(MeasurementColor c, int alpha = -1) {
  return IM_COL32(c >> 24, (c >> 16) & 0xFF, (c >> 8) & 0xFF, alpha < 0 ? static_cast<int>(c & 0xFF) : alpha);
}

std::string percentOff(double planar, double geodesic) {
  if (!std::isfinite(planar) || !(geodesic > 0)) return "";
  const double pct = (planar - geodesic) / geodesic * 100.0;
  return " (" + std::string(pct >= 0 ? "+" : "") + geo::formatFixed(pct, 2) + " %)";
}

std::string metres(double v) { return std::isfinite(v) ? geo::formatFixed(v, 1) : "nan"; }

// One line per measurement for scripts: kind, name, and its values in metres.
std::string summary(const Measurement& m) {
  std::string s = std::string(kindName(m.kind)) + " " + m.label + ":";
  switch (m.kind) {
    case MeasurementKind::Line:
      s += " distance_m=" + metres(m.geodesic_m) + " azimuth1_deg=" + geo::formatFixed(m.azimuth1_deg, 2);
      break;
    case MeasurementKind::Path:
      s += " total_m=" + metres(m.geodesic_m) + " legs=" + std::to_string(m.vertices.size() - 1);
      break;
    case MeasurementKind::Area:
      s += " area_m2=" + metres(m.area_m2) + " perimeter_m=" + metres(m.geodesic_m) +
           " planar_area_m2=" + metres(m.planarArea_m2);
      break;
    case MeasurementKind::Ring:
      s += " radius_m=" + metres(m.radius_m) + " centre=" + geo::formatDecimalDegrees(m.from, 5);
      break;
  }
  if (m.hidden) s += " hidden";
  s += " color=" + colorHex(m.shownColor());
  return s;
}

ui::MeasureToolChoice toChoice(MeasureTool t) { return static_cast<ui::MeasureToolChoice>(static_cast<int>(t)); }
MeasureTool fromChoice(ui::MeasureToolChoice c) { return static_cast<MeasureTool>(static_cast<int>(c)); }

std::string featureName(const Pick& p) {
  const Feature& f = p.layer->features[p.featureIndex];
  std::string n = toString(p.layer->value(f, "name"));
  return n.empty() ? p.layer->name + " #" + std::to_string(f.fid) : n;
}

// Numeric attributes as radii: the unit from the field's name, else kilometres.
std::vector<ui::RadiusAttribute> radiusAttributes(const Pick& p) {
  std::vector<ui::RadiusAttribute> out;
  const Feature& f = p.layer->features[p.featureIndex];
  for (size_t i = 0; i < p.layer->fields.size() && i < f.values.size(); ++i) {
    const FieldValue& v = f.values[i];
    double x = NAN;
    if (const auto* d = std::get_if<double>(&v)) x = *d;
    if (const auto* n = std::get_if<int64_t>(&v)) x = static_cast<double>(*n);
    const std::string& name = p.layer->fields[i].name;
    if (!(x > 0) || !std::isfinite(x) || name == "fid" || name == "id" || name.rfind("year", 0) == 0) continue;
    const geo::DistanceUnit unit = geo::unitFromFieldName(name).value_or(geo::DistanceUnit::Kilometre);
    out.push_back({name, toString(v) + " " + geo::unitSymbol(unit)});
  }
  return out;
}

}  // namespace

WindowMeasure::WindowMeasure(MapSession& session, MapInspection& inspection, Save save)
    : session_(session), inspection_(inspection), save_(std::move(save)) {}

void WindowMeasure::restore(std::vector<Measurement> kept) {
  tools_ = MeasureTools(std::move(kept));
  ++restores_;
  tools_.remeasureAll(session_.projection());
  savedRevision_ = tools_.revision();
  unsaved_ = false;
  pendingFeature_.reset();
  tracksRevision_ = ~0ul;  // a new list may have the old one's revision
}

WindowMeasure::Outcome WindowMeasure::saveIfChanged(Outcome o) {
  if (tools_.revision() == savedRevision_) return o;
  savedRevision_ = tools_.revision();
  std::string problem;
  if (save_(&problem)) {
    unsaved_ = false;
  } else {
    unsaved_ = true;
    o.problems.push_back("pamir view: error: " + problem);
  }
  return o;
}

DraftPoint WindowMeasure::snapped(const MapView& view, double px, double py, double tolerancePx, bool snap) {
  DraftPoint p{session_.projection().inverse(view.pixelToMap(px, py)), {}};
  if (!snap) return p;
  const std::optional<Pick> pick = inspection_.pickAt(view, px, py, tolerancePx);
  if (!pick) return p;
  const Feature& f = pick->layer->features[pick->featureIndex];
  // The site itself, or the vertex of the line or area nearest the click, if it is within reach.
  double best = f.geometry.points.empty() ? tolerancePx * 2 : INFINITY;
  std::optional<LonLat> at;
  auto consider = [&](const LonLat& v) {
    const XY s = view.mapToPixel(session_.projection().forward(v));
    const double d = std::hypot(s.x - px, s.y - py);
    if (d < best) best = d, at = v;
  };
  for (const LonLat& v : f.geometry.points) consider(v);
  if (f.geometry.points.empty()) {
    for (const Path& l : f.geometry.lines)
      for (const LonLat& v : l) consider(v);
    for (const Polygon& poly : f.geometry.polygons) {
      for (const LonLat& v : poly.outer) consider(v);
      for (const Path& h : poly.holes)
        for (const LonLat& v : h) consider(v);
    }
  }
  if (!at) return p;
  p.at = *at;
  p.name = f.geometry.points.empty() ? "vertex of " + featureName(*pick) : featureName(*pick);
  return p;
}

WindowMeasure::Outcome WindowMeasure::click(const MapView& view, double px, double py, double tolerancePx, bool snap) {
  Outcome o;
  if (!active()) return o;
  o.handled = true;
  if (tools_.tool() == MeasureTool::Features) {
    // Nearest distance between two whole features (edge to edge, on the ellipsoid).
    auto pick = inspection_.pickAt(view, px, py, tolerancePx);
    if (!pick) {
      o.status = "no feature there: click a site, line or area";
      return o;
    }
    if (!pendingFeature_) {
      pendingFeature_ = pick;
      return o;
    }
    const Feature& a = pendingFeature_->layer->features[pendingFeature_->featureIndex];
    const Feature& b = pick->layer->features[pick->featureIndex];
    const geo::NearestResult r = geo::nearest(a.geometry, b.geometry);
    if (!r.ok) {
      o.status = r.error;
    } else {
      tools_.add(measure(
          r.from, r.to, session_.projection(),
          featureName(*pendingFeature_) + " ↔ " + featureName(*pick) + " (" + geo::relationName(r.relation) + ")"));
    }
    pendingFeature_.reset();
    return saveIfChanged(o);
  }
  const DraftPoint p = snapped(view, px, py, tolerancePx, snap);
  if (!p.at.finite() || std::abs(p.at.lat) > 90) return o;
  tools_.addPoint(p, session_.projection());
  return saveIfChanged(o);
}

WindowMeasure::Outcome WindowMeasure::doubleClick() {
  Outcome o;
  if (!active()) return o;
  o.handled = true;
  tools_.finish(session_.projection());
  return saveIfChanged(o);
}

WindowMeasure::Outcome WindowMeasure::command(Command c) {
  Outcome o;
  o.handled = true;
  auto toggle = [&](MeasureTool t) {
    tools_.setTool(t);
    pendingFeature_.reset();
  };
  switch (c) {
    case Command::Measure:
      toggle(MeasureTool::Line);
      break;
    case Command::MeasurePath:
      toggle(MeasureTool::Path);
      break;
    case Command::MeasureArea:
      toggle(MeasureTool::Area);
      break;
    case Command::MeasureRing:
      toggle(MeasureTool::Ring);
      break;
    case Command::MeasureFeatures:
      toggle(MeasureTool::Features);
      break;
    case Command::FinishMeasurement:
      if (!tools_.finish(session_.projection()) && !tools_.draft().empty())
        o.status = tools_.tool() == MeasureTool::Area ? "an area needs three points or more"
                                                      : "a path needs two points or more";
      break;
    case Command::RemoveLastPoint:
      tools_.removeLastPoint();
      break;
    case Command::Undo:
      o.status = tools_.undo(session_.projection()) ? "undone" : "nothing to undo";
      break;
    case Command::Redo:
      o.status = tools_.redo(session_.projection()) ? "redone" : "nothing to redo";
      break;
    case Command::Cancel:
      // Esc also clears the selection and closes menus: not the measuring's alone.
      tools_.cancel();
      pendingFeature_.reset();
      o.handled = false;
      break;
    default:
      o.handled = false;
      break;
  }
  return saveIfChanged(o);
}

std::optional<DraftPoint> WindowMeasure::selectedCentre() const {
  const std::optional<Pick>& sel = inspection_.selection();
  if (!sel) return std::nullopt;
  const Feature& f = sel->layer->features[sel->featureIndex];
  const FeatureAnchor a = featureAnchor(f.geometry);
  if (!a.position.finite()) return std::nullopt;
  return DraftPoint{a.position, featureName(*sel)};
}

WindowMeasure::Outcome WindowMeasure::exportList(const std::string& path, const std::vector<bool>* chosen) {
  Outcome o;
  o.handled = true;
  std::vector<Measurement> list;
  for (size_t i = 0; i < tools_.list().size(); ++i)
    if (!chosen || (i < chosen->size() && (*chosen)[i])) list.push_back(tools_.list()[i]);
  const ExportFormat format = exportFormatFor(path);
  std::string err;
  if (path.empty())
    o.status = "type a file to export to (.geojson, .csv or .kml)";
  else if (exportMeasurements(list, path, format, &err))
    o.status =
        std::to_string(list.size()) + " measurement(s) written to " + path + " (" + exportFormatName(format) + ")";
  else
    o.problems.push_back("pamir view: export: " + err);
  return o;
}

WindowMeasure::Outcome WindowMeasure::apply(const ui::MeasurePanelActions& a, const ui::MeasurePanelModel& m) {
  Outcome o;
  if (!a.any()) return o;
  o.handled = true;
  const geo::Projection& view = session_.projection();
  if (a.setTool) {
    tools_.setTool(fromChoice(*a.setTool));  // the panel asks for None to switch the tool off
    pendingFeature_.reset();
  }
  if (a.setRadii) {
    std::string why;
    radiiError_ = tools_.setRingRadii(*a.setRadii, &why) ? "" : why;
  }
  if (a.ringAroundSelected && radiiError_.empty())
    if (auto c = selectedCentre()) tools_.addRings(*c, tools_.ringRadii(), view);
  if (a.ringFromAttribute) {
    const std::optional<Pick>& sel = inspection_.selection();
    auto c = selectedCentre();
    if (sel && c) {
      const auto attrs = radiusAttributes(*sel);
      if (*a.ringFromAttribute < attrs.size()) {
        std::string why;
        const auto r = geo::parseDistance(attrs[*a.ringFromAttribute].value, &why);
        if (r && *r > 0)
          tools_.addRings(*c, {*r}, view, attrs[*a.ringFromAttribute].field);
        else
          o.status = why;
      }
    }
  }
  if (a.finish) tools_.finish(view);
  if (a.removeLast) tools_.removeLastPoint();
  if (a.cancel) tools_.cancel();
  if (a.remove) tools_.remove(*a.remove);
  if (a.setHidden) tools_.setHidden(a.setHidden->first, a.setHidden->second);
  if (a.rename) tools_.rename(a.rename->first, a.rename->second);
  if (a.recolor) tools_.setColor(a.recolor->first, a.recolor->second);
  if (a.clear) tools_.clear();
  if (a.undo) tools_.undo(view);
  if (a.redo) tools_.redo(view);
  if (a.zoomTo && *a.zoomTo < tools_.list().size()) o.zoomTo = boundsOf(tools_.list()[*a.zoomTo]);
  Outcome exported;
  if (a.exportAll) exported = exportList(*a.exportAll, nullptr);
  if (a.exportSelected) exported = exportList(*a.exportSelected, &m.chosen);
  o.status = exported.status;
  o.problems = exported.problems;
  return saveIfChanged(o);
}

WindowMeasure::Outcome WindowMeasure::apply(const ui::MapPopupActions& a) {
  Outcome o;
  if (!a.measureFromHere && !a.ringHere) return o;
  o.handled = true;
  DraftPoint p{inspection_.menuPosition(), {}};
  // On a site: from the site itself.
  if (const auto& f = inspection_.menuFeature(); f && !f->layer->features[f->featureIndex].geometry.points.empty()) {
    p.at = f->layer->features[f->featureIndex].geometry.points.front();
    p.name = featureName(*f);
  }
  if (!p.at.finite()) return o;
  if (a.measureFromHere) {
    if (tools_.tool() != MeasureTool::Path && tools_.tool() != MeasureTool::Line && tools_.tool() != MeasureTool::Area)
      tools_.setTool(MeasureTool::Path);
    tools_.cancel();
    tools_.addPoint(p, session_.projection());
    o.status = "measuring from " + (p.name.empty() ? geo::formatDecimalDegrees(p.at, 4) : p.name) +
               ": click the next points, Enter to finish";
  }
  if (a.ringHere) tools_.addRings(p, tools_.ringRadii(), session_.projection());
  return saveIfChanged(o);
}

void WindowMeasure::crsChanged() {
  tools_.remeasureAll(session_.projection());
  // Not saved: the file holds the points, which did not change (and it is saved at the next edit).
  savedRevision_ = tools_.revision();
}

std::optional<Bounds> WindowMeasure::boundsOf(const Measurement& m) const {
  Bounds b;
  const geo::Projection& proj = session_.projection();
  for (const LonLat& p : measurementOutline(m, std::max(5000.0, m.geodesic_m / 256))) {
    const XY q = proj.forward(p);
    if (std::isfinite(q.x) && std::isfinite(q.y)) b.add(q.x, q.y);
  }
  if (b.empty()) return std::nullopt;
  if (b.width() == 0 && b.height() == 0) {
    const double half = proj.isGeographic() ? 0.1 : 10000.0;
    b.add(b.minx - half, b.miny - half);
    b.add(b.maxx + half, b.maxy + half);
  }
  return b;
}

const std::vector<std::vector<XY>>& WindowMeasure::track(size_t i) {
  const geo::Projection& proj = session_.projection();
  if (tracksRevision_ != tools_.revision() || tracksCrs_ != proj.definition() ||
      tracks_.size() != tools_.list().size()) {
    tracks_.assign(tools_.list().size(), {});
    tracksRevision_ = tools_.revision();
    tracksCrs_ = proj.definition();
  }
  if (tracks_[i].empty()) {
    const Measurement& m = tools_.list()[i];
    // A vertex every 5 km, or 512 a leg for longer ones: smooth at any zoom.
    const double step = std::max(5000.0, (m.kind == MeasurementKind::Ring ? 0 : m.geodesic_m) / 512);
    const geo::ViewDomain domain = geo::viewDomain(proj);
    for (const Path& piece : geo::cutLine(measurementOutline(m, step), domain)) {
      std::vector<XY> xy;
      for (const LonLat& p : piece) {
        const XY q = proj.forward(p);
        if (std::isfinite(q.x) && std::isfinite(q.y)) xy.push_back(q);
      }
      if (xy.size() >= 2) tracks_[i].push_back(std::move(xy));
    }
    if (tracks_[i].empty()) tracks_[i].push_back({});  // nothing to draw, and nothing to work out again
  }
  return tracks_[i];
}

std::string WindowMeasure::readoutText() const {
  if (!cursor_ || tools_.draft().empty()) return "";
  const CursorReadout r = tools_.readout(*cursor_);
  std::string s = geo::formatDistance(r.distance_m) + "   " + geo::formatBearing(r.azimuth_deg);
  if (tools_.tool() == MeasureTool::Path && tools_.draft().size() >= 2)
    s += "\ntotal " + geo::formatDistance(r.total_m);
  if (tools_.tool() == MeasureTool::Area && std::isfinite(r.area_m2))
    s += "\narea " + geo::formatArea(r.area_m2) + ", perimeter " + geo::formatDistance(r.total_m);
  return s;
}

void WindowMeasure::draw(ImDrawList* dl, const MapView& view, double pixelRatio, ImVec2 mouse,
                         std::optional<LonLat> cursor) {
  cursor_ = cursor;
  const geo::Projection& proj = session_.projection();
  const ImU32 halo = IM_COL32(255, 255, 255, 220);
  auto toScreen = [&](const XY& q) {
    const XY s = view.mapToPixel(q);
    return ImVec2(static_cast<float>(s.x / pixelRatio), static_cast<float>(s.y / pixelRatio));
  };
  auto label = [&](ImVec2 at, ImU32 ink, const std::string& text) {
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    dl->AddRectFilled(ImVec2(at.x + 6, at.y - ts.y - 4), ImVec2(at.x + ts.x + 14, at.y + 2), halo, 3.0f);
    dl->AddText(ImVec2(at.x + 10, at.y - ts.y - 2), ink, text.c_str());
  };
  std::vector<XY> onScreen;
  std::vector<ImVec2> pts;
  for (size_t k = 0; k < tools_.list().size(); ++k) {
    const Measurement& m = tools_.list()[k];
    if (m.hidden) continue;
    const ImU32 ink = toIm(m.shownColor());
    ImVec2 labelAt(NAN, NAN);
    for (const std::vector<XY>& piece : track(k)) {
      onScreen.clear();
      for (const XY& q : piece) {
        const XY s = view.mapToPixel(q);
        onScreen.push_back({s.x / pixelRatio, s.y / pixelRatio});
      }
      // Every vertex drawn costs triangles each frame; a curve that looks the same needs a few dozen.
      pts.clear();
      for (const XY& p : render::simplifyLine(onScreen, 0.25))
        pts.emplace_back(static_cast<float>(p.x), static_cast<float>(p.y));
      if (pts.size() < 2) continue;
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), halo, 0, 5.0f);
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), ink, 0, 2.5f);
      if (std::isnan(labelAt.x)) labelAt = m.kind == MeasurementKind::Ring ? pts.front() : pts[pts.size() / 2];
    }
    for (const LonLat& p : m.points()) {
      const XY q = proj.forward(p);
      if (!std::isfinite(q.x) || !std::isfinite(q.y)) continue;
      const ImVec2 c = toScreen(q);
      if (m.kind == MeasurementKind::Ring) {
        dl->AddLine(ImVec2(c.x - 6, c.y), ImVec2(c.x + 6, c.y), ink, 2.0f);
        dl->AddLine(ImVec2(c.x, c.y - 6), ImVec2(c.x, c.y + 6), ink, 2.0f);
      } else {
        dl->AddCircleFilled(c, 4.5f, ink);
      }
    }
    if (std::isnan(labelAt.x)) continue;
    std::string text = m.kind == MeasurementKind::Area   ? geo::formatArea(m.area_m2)
                       : m.kind == MeasurementKind::Ring ? geo::formatDistance(m.radius_m)
                                                         : geo::formatDistance(m.geodesic_m);
    label(labelAt, ink, text);
  }

  // The measurement being drawn, and the leg to the cursor.
  const auto& draft = tools_.draft();
  if (draft.empty()) return;
  const ImU32 ink =
      toIm(defaultColor(tools_.tool() == MeasureTool::Area ? MeasurementKind::Area : MeasurementKind::Path));
  auto leg = [&](const LonLat& a, const LonLat& b, ImU32 colour, float width) {
    pts.clear();
    for (const LonLat& p : geodesicPath(a, b, std::max(2000.0, geo::distance(a, b) / 128))) {
      const XY q = proj.forward(p);
      if (std::isfinite(q.x) && std::isfinite(q.y)) pts.push_back(toScreen(q));
    }
    if (pts.size() < 2) return;
    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), halo, 0, width + 2.5f);
    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), colour, 0, width);
  };
  for (size_t i = 1; i < draft.size(); ++i) leg(draft[i - 1].at, draft[i].at, ink, 2.5f);
  const ImU32 rubber = toIm(defaultColor(MeasurementKind::Path), 160);
  if (cursor) {
    leg(draft.back().at, *cursor, rubber, 1.5f);
    if (tools_.tool() == MeasureTool::Area && draft.size() >= 2) leg(*cursor, draft.front().at, rubber, 1.0f);
  }
  for (const auto& p : draft) {
    const XY q = proj.forward(p.at);
    if (std::isfinite(q.x) && std::isfinite(q.y)) dl->AddCircleFilled(toScreen(q), 4.5f, ink);
  }
  if (cursor) {
    const std::string text = readoutText();
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    const ImVec2 at(mouse.x + 16, mouse.y + 8);
    dl->AddRectFilled(ImVec2(at.x - 4, at.y - 2), ImVec2(at.x + ts.x + 4, at.y + ts.y + 2), halo, 3.0f);
    dl->AddText(at, ink, text.c_str());
  }
}

void WindowMeasure::fill(ui::MeasurePanelModel& m) {
  const MeasureTool tool = tools_.tool();
  m.tool = toChoice(tool);
  m.canUndo = tools_.canUndo();
  m.canRedo = tools_.canRedo();
  m.radiiError = radiiError_;
  m.method = std::string(kMeasureMethod) + "; areas: geod_polygon";
  switch (tool) {
    case MeasureTool::None:
      m.hint = "choose a tool, or right-click the map: Measure from here, Range ring here";
      break;
    case MeasureTool::Line:
      m.hint = tools_.draft().empty() ? "click the first point" : "click the second point";
      break;
    case MeasureTool::Path:
      m.hint = "click points; Enter or double-click finishes, Backspace removes the last";
      break;
    case MeasureTool::Area:
      m.hint = "click the corners; Enter or double-click closes the area";
      break;
    case MeasureTool::Ring:
      m.hint = "click a centre: rings of " + tools_.ringRadiiText();
      break;
    case MeasureTool::Features:
      m.hint = pendingFeature_ ? "click the second feature" : "click the first feature";
      break;
  }
  m.draft.clear();
  const auto& draft = tools_.draft();
  std::vector<LonLat> pts;
  pts.reserve(draft.size());
  for (const auto& p : draft) pts.push_back(p.at);
  const geo::PathMeasure legs = geo::measurePath(pts);
  for (size_t i = 0; i < legs.legs.size(); ++i)
    m.draft.push_back("leg " + std::to_string(i + 1) + ": " + geo::formatDistance(legs.legs[i].distance_m) + "   " +
                      geo::formatBearing(legs.legs[i].azimuth1_deg) + " → " +
                      geo::formatBearing(legs.legs[i].azimuth2_deg));
  if (!legs.legs.empty()) m.draft.push_back("total " + geo::formatDistance(legs.total_m));
  if (tool == MeasureTool::Area && pts.size() >= 3) {
    const geo::PolygonMeasure g = geo::measurePolygon(pts);
    m.draft.push_back("area " + geo::formatArea(g.area_m2) + ", perimeter " + geo::formatDistance(g.perimeter_m));
  }
  const std::string readout = readoutText();
  if (!readout.empty()) m.draft.push_back("cursor: " + readout.substr(0, readout.find('\n')));

  m.ringCentre.clear();
  m.attributes.clear();
  if (const std::optional<Pick>& sel = inspection_.selection()) {
    m.ringCentre = featureName(*sel);
    m.attributes = radiusAttributes(*sel);
  }

  if (m.rows.size() != tools_.list().size()) m.chosen.assign(tools_.list().size(), false);
  m.rows.clear();
  for (const Measurement& x : tools_.list()) {
    ui::MeasureRow r;
    r.name = x.label;
    r.kind = kindName(x.kind);
    r.color = x.shownColor();
    r.hidden = x.hidden;
    const std::string crs = " in the view CRS";
    switch (x.kind) {
      case MeasurementKind::Line:
        r.lines.push_back("geodesic " + geo::formatDistance(x.geodesic_m));
        r.lines.push_back("azimuth " + geo::formatBearing(x.azimuth1_deg) + " → " + geo::formatBearing(x.azimuth2_deg));
        r.lines.push_back("rhumb " + geo::formatDistance(x.rhumb_m) + "   planar " + geo::formatDistance(x.planar_m) +
                          percentOff(x.planar_m, x.geodesic_m) + crs);
        break;
      case MeasurementKind::Path: {
        r.lines.push_back("total " + geo::formatDistance(x.geodesic_m) + " (" + std::to_string(x.vertices.size() - 1) +
                          " legs)");
        const geo::PathMeasure p = geo::measurePath(x.vertices);
        double running = 0;
        for (size_t i = 0; i < p.legs.size(); ++i) {
          running += p.legs[i].distance_m;
          r.lines.push_back("leg " + std::to_string(i + 1) + ": " + geo::formatDistance(p.legs[i].distance_m) + "   " +
                            geo::formatBearing(p.legs[i].azimuth1_deg) + " → " +
                            geo::formatBearing(p.legs[i].azimuth2_deg) + "   total " + geo::formatDistance(running));
        }
        r.lines.push_back("rhumb " + geo::formatDistance(x.rhumb_m) + "   planar " + geo::formatDistance(x.planar_m) +
                          percentOff(x.planar_m, x.geodesic_m) + crs);
        break;
      }
      case MeasurementKind::Area:
        r.lines.push_back("area " + geo::formatArea(x.area_m2) + ", perimeter " + geo::formatDistance(x.geodesic_m));
        r.lines.push_back("planar " + geo::formatArea(x.planarArea_m2) + percentOff(x.planarArea_m2, x.area_m2) + crs);
        break;
      case MeasurementKind::Ring:
        r.lines.push_back("radius " + geo::formatDistance(x.radius_m) +
                          (x.radiusFrom.empty() ? "" : " (from " + x.radiusFrom + ")"));
        r.lines.push_back("centre " + geo::formatDecimalDegrees(x.from, 5) + "   disc " + geo::formatArea(x.area_m2));
        break;
    }
    m.rows.push_back(std::move(r));
  }
}

std::optional<std::string> WindowMeasure::state(const std::string& key) const {
  if (key == "measurements") return std::to_string(tools_.list().size());
  if (key == "measure-tool") return std::string(toolName(tools_.tool()));
  if (key == "draft-points") return std::to_string(tools_.draft().size());
  if (key == "can-undo") return std::string(tools_.canUndo() ? "1" : "0");
  if (key == "can-redo") return std::string(tools_.canRedo() ? "1" : "0");
  if (key == "cursor-readout") {
    std::string s = readoutText();
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
  }
  if (key == "measure-list") {
    std::string s;
    for (const auto& m : tools_.list()) s += (s.empty() ? "" : "; ") + summary(m);
    return s;
  }
  if (key == "measure-last") return tools_.list().empty() ? std::string() : summary(tools_.list().back());
  return std::nullopt;
}

}  // namespace pamir::app
