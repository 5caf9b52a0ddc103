#include "app/feature_highlight.hpp"

#include <cmath>

#include "render/simplify.hpp"

namespace pamir::app {

namespace {

// Logical pixels, cut where the projection is undefined, simplified to a
// quarter pixel: a country outline costs a few hundred vertices a frame.
std::vector<std::vector<ImVec2>> onScreen(const std::vector<XY>& path, const MapView& view, double ratio) {
  std::vector<std::vector<ImVec2>> out;
  std::vector<XY> run;
  auto flush = [&] {
    if (run.size() >= 2) {
      std::vector<ImVec2> pts;
      for (const XY& p : render::simplifyLine(run, 0.25))
        pts.emplace_back(static_cast<float>(p.x), static_cast<float>(p.y));
      out.push_back(std::move(pts));
    }
    run.clear();
  };
  for (const XY& m : path) {
    if (!std::isfinite(m.x) || !std::isfinite(m.y)) {
      flush();
      continue;
    }
    const XY s = view.mapToPixel(m);
    run.push_back({s.x / ratio, s.y / ratio});
  }
  flush();
  return out;
}

}  // namespace

void drawFeatureHighlight(ImDrawList* dl, const FeatureShape& shape, const MapView& view, double ratio,
                          const HighlightStyle& style) {
  const ImU32 halo = IM_COL32(255, 255, 255, 230);
  auto stroke = [&](const std::vector<XY>& path) {
    for (const auto& pts : onScreen(path, view, ratio)) {
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), halo, 0, style.width + 4.0f);
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), style.ink, 0, style.width);
    }
  };
  for (const auto& a : shape.areas) {
    stroke(a.outer);
    for (const auto& h : a.holes) stroke(h);
  }
  for (const auto& l : shape.lines) stroke(l);
  const float r = static_cast<float>(shape.symbolRadiusPx + 3.0);
  for (const XY& p : shape.points) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    const XY s = view.mapToPixel(p);
    const ImVec2 c(static_cast<float>(s.x / ratio), static_cast<float>(s.y / ratio));
    dl->AddCircle(c, r, halo, 0, style.width + 4.0f);
    dl->AddCircle(c, r, style.ink, 0, style.width);
  }
}

}  // namespace pamir::app
