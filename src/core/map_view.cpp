#include "core/map_view.hpp"

#include <algorithm>

namespace pamir {

MapView MapView::fromExtent(const Bounds& e, int w, int h) {
  MapView v;
  v.width_ = std::max(1, w);
  v.height_ = std::max(1, h);
  v.resX_ = e.width() / v.width_;
  v.resY_ = e.height() / v.height_;
  v.center_ = {(e.minx + e.maxx) / 2, (e.miny + e.maxy) / 2};
  return v;
}

MapView MapView::fitting(const Bounds& b, int w, int h, double margin) {
  MapView v;
  v.width_ = std::max(1, w);
  v.height_ = std::max(1, h);
  double bw = std::max(b.width(), 1e-9), bh = std::max(b.height(), 1e-9);
  double res = std::max(bw / v.width_, bh / v.height_) * (1.0 + 2.0 * margin);
  v.resX_ = v.resY_ = res;
  v.center_ = {(b.minx + b.maxx) / 2, (b.miny + b.maxy) / 2};
  return v;
}

Bounds MapView::extent() const {
  Bounds e;
  e.minx = center_.x - resX_ * width_ / 2.0;
  e.maxx = center_.x + resX_ * width_ / 2.0;
  e.miny = center_.y - resY_ * height_ / 2.0;
  e.maxy = center_.y + resY_ * height_ / 2.0;
  return e;
}

XY MapView::pixelToMap(double px, double py) const {
  Bounds e = extent();
  return {e.minx + px * resX_, e.maxy - py * resY_};
}

XY MapView::mapToPixel(const XY& p) const {
  Bounds e = extent();
  return {(p.x - e.minx) / resX_, (e.maxy - p.y) / resY_};
}

void MapView::resize(int w, int h) {
  width_ = std::max(1, w);
  height_ = std::max(1, h);
}

void MapView::panPixels(double dx, double dy) {
  center_.x -= dx * resX_;
  center_.y += dy * resY_;
}

void MapView::zoomAbout(double px, double py, double factor) {
  if (!(factor > 0)) return;
  XY anchor = pixelToMap(px, py);
  resX_ /= factor;
  resY_ /= factor;
  XY moved = pixelToMap(px, py);
  center_.x += anchor.x - moved.x;
  center_.y += anchor.y - moved.y;
}

}  // namespace pamir
