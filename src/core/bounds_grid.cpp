#include "core/bounds_grid.hpp"

#include <algorithm>
#include <cmath>

namespace pamir {

namespace {

constexpr double kBoxesPerCell = 4;
constexpr int kMaxCellsAcross = 2048;
constexpr long kWideCells = 64;  // a box over more cells than this is listed apart

int clampCell(double v, int n) {
  if (!(v > 0)) return 0;  // NaN too
  return v >= n - 1 ? n - 1 : static_cast<int>(v);
}

}  // namespace

BoundsGrid::BoundsGrid(const std::vector<Bounds>& boxes) {
  size_t n = 0;
  for (const Bounds& b : boxes) {
    if (b.empty()) continue;
    extent_.add(b);
    ++n;
  }
  if (n == 0) return;
  const int across =
      std::clamp(static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n) / kBoxesPerCell))), 1, kMaxCellsAcross);
  nx_ = ny_ = across;
  cw_ = std::max(extent_.width(), 1e-12) / nx_;
  ch_ = std::max(extent_.height(), 1e-12) / ny_;
  std::vector<uint32_t> counts(cellCount() + 1, 0);
  auto each = [&](auto&& visit) {
    for (size_t i = 0; i < boxes.size(); ++i) {
      if (boxes[i].empty()) continue;
      const CellRange r = cellsOf(boxes[i]);
      if (static_cast<long>(r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1) > kWideCells) {
        visit(static_cast<uint32_t>(i), -1);
        continue;
      }
      for (int y = r.y0; y <= r.y1; ++y)
        for (int x = r.x0; x <= r.x1; ++x) visit(static_cast<uint32_t>(i), y * nx_ + x);
    }
  };
  each([&](uint32_t, int cell) {
    if (cell >= 0) ++counts[static_cast<size_t>(cell) + 1];
  });
  for (size_t c = 1; c < counts.size(); ++c) counts[c] += counts[c - 1];
  entries_.resize(counts.back());
  std::vector<uint32_t> next(counts.begin(), counts.end() - 1);
  each([&](uint32_t i, int cell) {
    if (cell < 0)
      wide_.push_back(i);
    else
      entries_[next[static_cast<size_t>(cell)]++] = i;
  });
  start_ = std::move(counts);
}

BoundsGrid::CellRange BoundsGrid::cellsOf(const Bounds& b) const {
  return {clampCell((b.minx - extent_.minx) / cw_, nx_), clampCell((b.miny - extent_.miny) / ch_, ny_),
          clampCell((b.maxx - extent_.minx) / cw_, nx_), clampCell((b.maxy - extent_.miny) / ch_, ny_)};
}

void BoundsGrid::candidates(const Bounds& query, std::vector<uint32_t>& out) const {
  out.clear();
  if (nx_ == 0 || query.empty() || !query.intersects(extent_)) return;
  out.insert(out.end(), wide_.begin(), wide_.end());
  const CellRange r = cellsOf(query);
  for (int y = r.y0; y <= r.y1; ++y)
    for (int x = r.x0; x <= r.x1; ++x) {
      const size_t c = static_cast<size_t>(y) * nx_ + x;
      out.insert(out.end(), entries_.begin() + start_[c], entries_.begin() + start_[c + 1]);
    }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

}  // namespace pamir
