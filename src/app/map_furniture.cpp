#include "app/map_furniture.hpp"

#include <cmath>
#include <numbers>
#include <vector>

#include "geo/coordinates.hpp"
#include "geo/geodesic.hpp"

namespace pamir::app {

namespace {

const ImU32 kGraticuleInk = IM_COL32(40, 70, 120, 150);
const ImU32 kZoneInk = IM_COL32(170, 70, 0, 200);
const ImU32 kSquareInk = IM_COL32(170, 70, 0, 120);
const ImU32 kHalo = IM_COL32(255, 255, 255, 215);

void haloText(ImDrawList* dl, ImVec2 at, ImU32 ink, const std::string& text) {
  for (float dx : {-1.0f, 1.0f})
    for (float dy : {-1.0f, 1.0f}) dl->AddText(ImVec2(at.x + dx, at.y + dy), kHalo, text.c_str());
  dl->AddText(at, ink, text.c_str());
}

}  // namespace

double northAngleDegrees(const geo::Projection& p, const MapView& view) {
  const LonLat c = p.inverse(view.center());
  if (!c.finite() || std::abs(c.lat) > 89.9) return std::nan("");
  const XY a = view.mapToPixel(p.forward(c));
  const XY b = view.mapToPixel(p.forward({c.lon, c.lat + 0.01}));
  if (!std::isfinite(b.x) || !std::isfinite(a.x)) return std::nan("");
  // Pixel y grows downwards: up is -y.
  return std::atan2(b.x - a.x, -(b.y - a.y)) * 180.0 / std::numbers::pi;
}

void MapFurniture::update(const geo::Projection& p, const MapView& view, Choice choice) {
  const Bounds e = view.extent();
  if (valid_ && crs_ == p.definition() && e.minx == extent_.minx && e.maxx == extent_.maxx && e.miny == extent_.miny &&
      e.maxy == extent_.maxy && choice.graticule == choice_.graticule && choice.mgrs == choice_.mgrs)
    return;
  valid_ = true;
  crs_ = p.definition();
  extent_ = e;
  choice_ = choice;
  graticule_ = choice.graticule ? geo::graticule(p, e) : geo::MapGrid{};
  mgrs_ = choice.mgrs ? geo::mgrsGrid(p, e) : geo::MapGrid{};
}

void MapFurniture::draw(ImDrawList* dl, const geo::Projection& p, const MapView& view, double pixelRatio, Choice choice,
                        float bottom) {
  if (!choice.graticule && !choice.mgrs) {
    graticule_ = {};
    mgrs_ = {};
    valid_ = false;
    return;
  }
  update(p, view, choice);
  const double r = pixelRatio > 0 ? pixelRatio : 1.0;
  const float width = static_cast<float>(view.width() / r);
  auto toScreen = [&](const XY& q) {
    const XY s = view.mapToPixel(q);
    return ImVec2(static_cast<float>(s.x / r), static_cast<float>(s.y / r));
  };
  std::vector<ImVec2> pts;
  auto stroke = [&](const geo::GridLine& l, ImU32 ink, float thickness) {
    for (const auto& part : l.parts) {
      pts.clear();
      for (const XY& q : part) pts.push_back(toScreen(q));
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), ink, 0, thickness);
    }
  };
  // Where a line crosses a screen row or column, for its label.
  auto crossing = [&](const geo::GridLine& l, bool row, float at, ImVec2* out) {
    for (const auto& part : l.parts)
      for (size_t i = 1; i < part.size(); ++i) {
        const ImVec2 a = toScreen(part[i - 1]), b = toScreen(part[i]);
        const float va = row ? a.y : a.x, vb = row ? b.y : b.x;
        if ((va - at) * (vb - at) > 0 || va == vb) continue;
        const float t = (at - va) / (vb - va);
        *out = ImVec2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
        return true;
      }
    return false;
  };
  if (choice.graticule) {
    const float labelRow = bottom - 8, labelColumn = width - 8;
    for (const auto& l : graticule_.lines) {
      stroke(l, kGraticuleInk, 1.0f);
      ImVec2 at;
      const ImVec2 size = ImGui::CalcTextSize(l.label.c_str());
      // Meridians named along the bottom of the map, parallels down its right side.
      if (l.kind == geo::GridLine::Kind::Meridian && crossing(l, true, labelRow, &at))
        haloText(dl, ImVec2(at.x + 3, labelRow - size.y), kGraticuleInk, l.label);
      else if (l.kind == geo::GridLine::Kind::Parallel && crossing(l, false, labelColumn, &at))
        haloText(dl, ImVec2(labelColumn - size.x, at.y - size.y - 1), kGraticuleInk, l.label);
    }
  }
  if (choice.mgrs) {
    for (const auto& l : mgrs_.lines)
      stroke(l, l.kind == geo::GridLine::Kind::ZoneEdge ? kZoneInk : kSquareInk,
             l.kind == geo::GridLine::Kind::ZoneEdge ? 1.6f : 1.0f);
    for (const auto& label : mgrs_.labels) {
      const ImVec2 at = toScreen(label.at);
      const ImVec2 size = ImGui::CalcTextSize(label.text.c_str());
      haloText(dl, ImVec2(at.x - size.x / 2, at.y - size.y / 2), kZoneInk, label.text);
    }
  }
}

void drawNorthArrow(ImDrawList* dl, double angleDegrees, ImVec2 centre) {
  if (!std::isfinite(angleDegrees) || std::abs(angleDegrees) < 1.0) return;  // north is up: nothing to say
  const double a = angleDegrees * std::numbers::pi / 180.0;
  auto at = [&](double along, double across) {
    // `along` towards north, `across` to its right, in pixels.
    return ImVec2(centre.x + static_cast<float>(along * std::sin(a) + across * std::cos(a)),
                  centre.y + static_cast<float>(-along * std::cos(a) + across * std::sin(a)));
  };
  dl->AddCircleFilled(centre, 24, IM_COL32(255, 255, 255, 215));
  dl->AddTriangleFilled(at(18, 0), at(-12, -8), at(-6, 0), IM_COL32(30, 30, 30, 255));
  dl->AddTriangleFilled(at(18, 0), at(-6, 0), at(-12, 8), IM_COL32(120, 120, 120, 255));
  const ImVec2 n = at(30, 0);
  const ImVec2 size = ImGui::CalcTextSize("N");
  haloText(dl, ImVec2(n.x - size.x / 2, n.y - size.y / 2), IM_COL32(30, 30, 30, 255), "N");
}

void drawPlaceMarker(ImDrawList* dl, const geo::Projection& projection, const MapView& view, double pixelRatio,
                     const LonLat& at) {
  const XY q = projection.forward(at);
  if (!std::isfinite(q.x) || !std::isfinite(q.y)) return;
  const XY px = view.mapToPixel(q);
  const ImVec2 c(static_cast<float>(px.x / pixelRatio), static_cast<float>(px.y / pixelRatio));
  const ImU32 red = IM_COL32(220, 30, 60, 255);
  dl->AddCircle(c, 9.0f, IM_COL32(255, 255, 255, 255), 24, 4.0f);
  dl->AddCircle(c, 9.0f, red, 24, 2.0f);
  dl->AddLine(ImVec2(c.x - 15, c.y), ImVec2(c.x - 5, c.y), red, 2.0f);
  dl->AddLine(ImVec2(c.x + 5, c.y), ImVec2(c.x + 15, c.y), red, 2.0f);
  dl->AddLine(ImVec2(c.x, c.y - 15), ImVec2(c.x, c.y - 5), red, 2.0f);
  dl->AddLine(ImVec2(c.x, c.y + 5), ImVec2(c.x, c.y + 15), red, 2.0f);
}

void readCursor(const geo::Projection& projection, const MapView& view, double px, double py, double pixelRatio,
                ui::OverlayModel& model) {
  const LonLat ll = projection.inverse(view.pixelToMap(px, py));
  if (ll.finite() && std::abs(ll.lat) <= 90) {
    model.cursor = ll;
    model.cursorDms = geo::formatDms(ll);
    model.cursorMgrs = geo::formatMgrs(ll);
  } else {
    model.cursor.reset();
  }
  // Across the view's centre: the scale bar says what the middle of the map measures, wherever the pointer is.
  model.metresPerPixel = centreMetresPerPixel(projection, view) * pixelRatio;
}

double centreMetresPerPixel(const geo::Projection& projection, const MapView& view) {
  const XY c = view.center();
  const double half = view.resolutionX() * 5;
  const LonLat w = projection.inverse({c.x - half, c.y});
  const LonLat e = projection.inverse({c.x + half, c.y});
  return w.finite() && e.finite() ? geo::distance(w, e) / 10.0 : 0.0;
}

}  // namespace pamir::app
