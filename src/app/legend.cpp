#include "app/legend.hpp"

#include "core/feature_filter.hpp"
#include "data/country_codes.hpp"

namespace pamir::app {

namespace {

ui::LegendEntry::Shape shapeOf(const Layer& l) {
  const std::string& t = l.geometryType;
  if (t.find("Polygon") != std::string::npos) return ui::LegendEntry::Shape::Area;
  if (t.find("Line") != std::string::npos) return ui::LegendEntry::Shape::Line;
  if (t.find("Point") != std::string::npos) return ui::LegendEntry::Shape::Point;
  // An unknown or mixed declaration: the first feature that has a geometry says.
  for (const auto& f : l.features) {
    if (!f.geometry.polygons.empty()) return ui::LegendEntry::Shape::Area;
    if (!f.geometry.lines.empty()) return ui::LegendEntry::Shape::Line;
    if (!f.geometry.points.empty()) return ui::LegendEntry::Shape::Point;
  }
  return ui::LegendEntry::Shape::Point;
}

// "outpost" for kind = outpost, "line of control" for line_of_control;
// "operator: Russian Federation" for operator_country = RUS.
std::string meaningOf(const StyleRule& r) {
  std::string v = r.value;
  for (char& c : v)
    if (c == '_') c = ' ';
  static const char* plain[] = {"kind", "type", "category", "class"};
  for (const char* f : plain)
    if (r.field == f) return v;
  std::string field = r.field;
  if (field.ends_with("_country")) {
    field.resize(field.size() - 8);
    if (const data::Country* c = data::CountryCodes::standard().find(r.value)) v = c->name;
  }
  for (char& c : field)
    if (c == '_') c = ' ';
  return field + ": " + v;
}

}  // namespace

std::vector<ui::LegendEntry> legendEntries(const MapSession& session, const std::vector<ui::LayerItem>& rows,
                                           bool militarySymbols) {
  std::vector<ui::LegendEntry> out;
  const auto rasters = session.drawRasters();
  const auto& layers = session.drawLayers();
  // Top first: the last row is drawn on top.
  for (size_t k = rows.size(); k-- > 0;) {
    if (!rows[k].visible) continue;
    if (k < rasters.size()) {
      ui::LegendEntry e;
      e.shape = ui::LegendEntry::Shape::Image;
      e.group = rows[k].title;
      out.push_back(e);
      continue;
    }
    const size_t li = k - rasters.size();
    if (li >= layers.size()) continue;
    const Layer& l = *layers[li];
    std::vector<size_t> counts(l.styleRules.size() + 1, 0);  // last: the layer's own style
    for (const auto& f : l.features) {
      if (!passes(session.filter, l, f)) continue;
      const Style& s = l.styleFor(f);
      size_t which = l.styleRules.size();
      for (size_t r = 0; r < l.styleRules.size(); ++r)
        if (&l.styleRules[r].style == &s) which = r;
      ++counts[which];
    }
    if (session.isDerived(l)) {
      // One entry for the circles: they repeat their sites' colours.
      size_t total = 0;
      for (size_t c : counts) total += c;
      if (total == 0) continue;
      ui::LegendEntry e;
      e.shape = ui::LegendEntry::Shape::Area;
      e.group = rows[k].title;
      e.style = l.style;
      e.meaning = "location known only within the circle";
      e.count = total;
      out.push_back(e);
      continue;
    }
    const ui::LegendEntry::Shape shape = shapeOf(l);
    if (militarySymbols && shape == ui::LegendEntry::Shape::Point && l.sidcFieldIndex() >= 0) {
      ui::LegendEntry e;
      e.shape = shape;
      e.group = rows[k].title;
      e.style.symbol = Symbol::Square;
      e.style.fill = {170, 255, 170, 255};  // the neutral frame's own fill
      e.style.stroke = {0, 0, 0, 255};
      // Neutral frames: the map makes no friend or hostile call; the fill is the operator's colour below.
      e.meaning = "APP-6: neutral frame, operator's fill";
      size_t withCode = 0;
      const int field = l.sidcFieldIndex();
      for (const auto& f : l.features)
        if (passes(session.filter, l, f) && static_cast<size_t>(field) < f.values.size() &&
            std::holds_alternative<std::string>(f.values[static_cast<size_t>(field)]))
          ++withCode;
      e.count = withCode;
      if (withCode > 0) out.push_back(e);
    }
    for (size_t r = 0; r <= l.styleRules.size(); ++r) {
      if (counts[r] == 0) continue;
      ui::LegendEntry e;
      e.shape = shape;
      e.group = rows[k].title;
      e.style = r < l.styleRules.size() ? l.styleRules[r].style : l.style;
      e.meaning = r < l.styleRules.size() ? meaningOf(l.styleRules[r]) : (l.styleRules.empty() ? "" : "other");
      e.count = counts[r];
      out.push_back(e);
    }
  }
  return out;
}

}  // namespace pamir::app
