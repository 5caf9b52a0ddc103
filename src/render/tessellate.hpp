#pragma once
// Polygon triangulation for the fill pass (GLU's tessellator). Internal to render.
#include <vector>

#include "core/geometry.hpp"

namespace pamir::render::detail {

/// Triangulates one polygon given as rings (outer and holes, any orientation,
/// closed or not) under the odd winding rule, so holes, self-touching and
/// self-intersecting rings come out the way gdal_rasterize fills them.
/// Appends 3 points per triangle to `triangles`; false when GLU gave up
/// (the triangles appended so far are removed).
bool tessellate(const std::vector<std::vector<XY>>& rings, std::vector<XY>& triangles);

}  // namespace pamir::render::detail
