#include "core/geometry.hpp"

namespace pamir {

Bounds Geometry::bounds() const {
  Bounds b;
  for (const auto& p : points) b.add(p);
  for (const auto& l : lines)
    for (const auto& p : l) b.add(p);
  for (const auto& poly : polygons)
    for (const auto& p : poly.outer) b.add(p);
  return b;
}

size_t Geometry::vertexCount() const {
  size_t n = points.size();
  for (const auto& l : lines) n += l.size();
  for (const auto& poly : polygons) {
    n += poly.outer.size();
    for (const auto& h : poly.holes) n += h.size();
  }
  return n;
}

}  // namespace pamir
