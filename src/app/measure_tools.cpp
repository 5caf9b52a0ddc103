#include "app/measure_tools.hpp"

#include <algorithm>
#include <cmath>

#include "geo/coordinates.hpp"
#include "geo/geodesic.hpp"
#include "geo/path_measure.hpp"
#include "geo/units.hpp"

namespace pamir::app {

namespace {

std::string pointName(const DraftPoint& p) { return p.name.empty() ? geo::formatDecimalDegrees(p.at, 4) : p.name; }

std::vector<LonLat> positions(const std::vector<DraftPoint>& draft) {
  std::vector<LonLat> out;
  out.reserve(draft.size());
  for (const auto& p : draft) out.push_back(p.at);
  return out;
}

}  // namespace

const char* toolName(MeasureTool t) {
  switch (t) {
    case MeasureTool::None:
      return "none";
    case MeasureTool::Line:
      return "line";
    case MeasureTool::Path:
      return "path";
    case MeasureTool::Area:
      return "area";
    case MeasureTool::Ring:
      return "ring";
    case MeasureTool::Features:
      return "features";
  }
  return "none";
}

void MeasureTools::setTool(MeasureTool t) {
  tool_ = t == tool_ ? MeasureTool::None : t;
  draft_.clear();
}

bool MeasureTools::addPoint(const DraftPoint& p, const geo::Projection& view) {
  if (!p.at.finite()) return false;
  switch (tool_) {
    case MeasureTool::None:
    case MeasureTool::Features:
      return false;
    case MeasureTool::Ring:
      addRings(p, radii_, view);
      return true;
    case MeasureTool::Line:
      if (draft_.empty()) {
        draft_.push_back(p);
        return false;
      }
      add(measure(draft_[0].at, p.at, view, pointName(draft_[0]) + " → " + pointName(p)));
      draft_.clear();
      return true;
    case MeasureTool::Path:
    case MeasureTool::Area:
      // A second click on the point just placed adds nothing (a double click's first half already did).
      if (!draft_.empty() && draft_.back().at == p.at) return false;
      draft_.push_back(p);
      return false;
  }
  return false;
}

bool MeasureTools::removeLastPoint() {
  if (draft_.empty()) return false;
  draft_.pop_back();
  return true;
}

bool MeasureTools::finish(const geo::Projection& view) {
  if (tool_ == MeasureTool::Path && draft_.size() >= 2) {
    std::string name =
        nextName(MeasurementKind::Path) + ": " + pointName(draft_.front()) + " → " + pointName(draft_.back());
    add(measurePath(positions(draft_), view, std::move(name)));
    draft_.clear();
    return true;
  }
  if (tool_ == MeasureTool::Area && draft_.size() >= 3) {
    add(measureArea(positions(draft_), view, nextName(MeasurementKind::Area)));
    draft_.clear();
    return true;
  }
  return false;
}

bool MeasureTools::cancel() {
  if (draft_.empty()) return false;
  draft_.clear();
  return true;
}

CursorReadout MeasureTools::readout(const LonLat& cursor) const {
  CursorReadout r;
  if (draft_.empty() || !cursor.finite()) return r;
  const geo::GeodesicInverse inv = geo::inverse(draft_.back().at, cursor);
  r.distance_m = inv.distance_m;
  if (inv.distance_m > 0) r.azimuth_deg = inv.azimuth1_deg < 0 ? inv.azimuth1_deg + 360 : inv.azimuth1_deg;
  std::vector<LonLat> pts = positions(draft_);
  pts.push_back(cursor);
  if (tool_ == MeasureTool::Path || tool_ == MeasureTool::Line) r.total_m = geo::measurePath(pts).total_m;
  if (tool_ == MeasureTool::Area) {
    if (pts.size() >= 3) {
      const geo::PolygonMeasure g = geo::measurePolygon(pts);
      r.area_m2 = g.area_m2;
      r.total_m = g.perimeter_m;
    } else {
      r.total_m = geo::measurePath(pts).total_m;
    }
  }
  return r;
}

bool MeasureTools::setRingRadii(const std::string& text, std::string* error) {
  auto radii = geo::parseDistanceList(text, error, geo::DistanceUnit::Kilometre);
  if (!radii) return false;
  std::sort(radii->begin(), radii->end());
  radii_ = *radii;
  radiiText_ = text;
  return true;
}

void MeasureTools::addRings(const DraftPoint& centre, const std::vector<double>& radii_m, const geo::Projection& view,
                            const std::string& from) {
  if (radii_m.empty() || !centre.at.finite()) return;
  record();
  for (double r : radii_m) {
    Measurement m = measureRing(
        centre.at, r, view,
        geo::formatDistance(r) + " ring round " + pointName(centre) + (from.empty() ? "" : " (" + from + ")"));
    m.radiusFrom = from;
    list_.push_back(std::move(m));
  }
  changed();
}

void MeasureTools::record() {
  undo_.push_back(list_);
  if (undo_.size() > kUndoSteps) undo_.erase(undo_.begin());
  redo_.clear();
}

void MeasureTools::add(Measurement m) {
  record();
  list_.push_back(std::move(m));
  changed();
}

bool MeasureTools::remove(size_t i) {
  if (i >= list_.size()) return false;
  record();
  list_.erase(list_.begin() + static_cast<long>(i));
  changed();
  return true;
}

bool MeasureTools::rename(size_t i, const std::string& label) {
  if (i >= list_.size() || list_[i].label == label) return false;
  record();
  list_[i].label = label;
  changed();
  return true;
}

bool MeasureTools::setColor(size_t i, MeasurementColor c) {
  if (i >= list_.size() || list_[i].shownColor() == c) return false;
  record();
  list_[i].color = c;
  changed();
  return true;
}

bool MeasureTools::setHidden(size_t i, bool hidden) {
  if (i >= list_.size() || list_[i].hidden == hidden) return false;
  record();
  list_[i].hidden = hidden;
  changed();
  return true;
}

bool MeasureTools::clear() {
  if (list_.empty()) return false;
  record();
  list_.clear();
  changed();
  return true;
}

bool MeasureTools::undo(const geo::Projection& view) {
  if (undo_.empty()) return false;
  redo_.push_back(std::move(list_));
  list_ = std::move(undo_.back());
  undo_.pop_back();
  remeasureStale(view);
  changed();
  return true;
}

bool MeasureTools::redo(const geo::Projection& view) {
  if (redo_.empty()) return false;
  undo_.push_back(std::move(list_));
  list_ = std::move(redo_.back());
  redo_.pop_back();
  remeasureStale(view);
  changed();
  return true;
}

void MeasureTools::remeasureStale(const geo::Projection& view) {
  const std::string name = view.name();
  for (auto& m : list_)
    if (m.planarCrs != name) m = remeasure(m, view);
}

void MeasureTools::remeasureAll(const geo::Projection& view) {
  for (auto& m : list_) m = remeasure(m, view);
  changed();
}

std::string MeasureTools::nextName(MeasurementKind k) const {
  const char* word = k == MeasurementKind::Path   ? "Path"
                     : k == MeasurementKind::Area ? "Area"
                     : k == MeasurementKind::Ring ? "Ring"
                                                  : "Line";
  size_t n = 1;
  for (const auto& m : list_)
    if (m.kind == k) ++n;
  return std::string(word) + " " + std::to_string(n);
}

}  // namespace pamir::app
