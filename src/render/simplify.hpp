#pragma once
// Douglas–Peucker simplification for every level of detail at once: each
// vertex gets the squared tolerance (view CRS units squared) below which it
// survives, so a level is a filter over one pass instead of a pass of its
// own. The thresholds are internal to render; simplifyLine and simplifyRing
// are for anything that draws lines (the window's measurement lines too).
#include <vector>

#include "core/geometry.hpp"

namespace pamir::render::detail {

/// A squared tolerance kept per vertex: single precision, rounded up, so a
/// vertex that a tolerance keeps is always kept (10M vertices hold 40 MB
/// less than in double; the rounding can only keep a vertex more).
using Threshold = float;

/// Per vertex of an open line: the squared tolerance below which it stays
/// (infinite at both ends, which always stay).
std::vector<Threshold> lineThresholds(const std::vector<XY>& line);
/// The same for a closed ring (stored closed): the start and the vertex
/// farthest from it always stay. All zero for a ring of fewer than 4 points.
std::vector<Threshold> ringThresholds(const std::vector<XY>& ring);
/// The points whose threshold is above `tol2` (a squared tolerance), in order.
std::vector<XY> keepAbove(const std::vector<XY>& points, const std::vector<Threshold>& thresholds, double tol2);
/// A closed ring (with its thresholds and bounds) simplified to `tolerance`,
/// or empty when its bounds are smaller than the tolerance both ways (less
/// than a pixel where the level is drawn) or it collapses below 4 points.
std::vector<XY> ringAt(const std::vector<XY>& ring, const std::vector<Threshold>& thresholds, const Bounds& box,
                       double tolerance);

}  // namespace pamir::render::detail

namespace pamir::render {

/// Douglas–Peucker simplification of an open line (endpoints kept): every
/// vertex left out lies within `tolerance` of the result, in the line's own
/// units (pixels, for a line about to be drawn).
std::vector<XY> simplifyLine(const std::vector<XY>& line, double tolerance);
/// The same for a closed ring (stored closed); returns an empty ring when it
/// collapses below three distinct points.
std::vector<XY> simplifyRing(const std::vector<XY>& ring, double tolerance);

}  // namespace pamir::render
