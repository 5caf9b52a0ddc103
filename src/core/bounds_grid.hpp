#pragma once
// Which of many boxes may meet a query box: a uniform grid over their
// extent, each box listed in every cell it covers (a box covering more than
// a few cells is listed once, apart, and is a candidate for every query).
// Built once, queried often: picking the feature under the cursor among a
// million. A uniform grid rather than an R-tree: the boxes are features of
// one layer, spread over a region, and a query wants the few candidates in
// index order, which sorting a handful of indices gives.
#include <cstdint>
#include <vector>

#include "core/geometry.hpp"

namespace pamir {

class BoundsGrid {
 public:
  BoundsGrid() = default;
  /// Indexes `boxes` (empty boxes are never candidates).
  explicit BoundsGrid(const std::vector<Bounds>& boxes);

  /// The indices of the boxes that may meet `query`, ascending, each once:
  /// every box that meets it is among them.
  void candidates(const Bounds& query, std::vector<uint32_t>& out) const;

  size_t cellCount() const { return static_cast<size_t>(nx_) * ny_; }

 private:
  struct CellRange {
    int x0, y0, x1, y1;
  };
  CellRange cellsOf(const Bounds& b) const;

  Bounds extent_;
  int nx_ = 0, ny_ = 0;
  double cw_ = 1, ch_ = 1;
  std::vector<uint32_t> start_;  ///< per cell, where its entries begin in entries_ (one more at the end)
  std::vector<uint32_t> entries_;
  std::vector<uint32_t> wide_;  ///< boxes over too many cells to list in each
};

}  // namespace pamir
