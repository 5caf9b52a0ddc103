#pragma once
// Reference grids drawn over the map in any view CRS: the graticule (lines
// of longitude and latitude at an interval that suits the zoom) and the
// MGRS grid (grid-zone boundaries, and 100 km squares when zoomed in).
// Lines come back in the view CRS, sampled densely enough to curve
// smoothly and cut where the CRS cannot place them or at its seam.
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "geo/projection.hpp"

namespace pamir::geo {

struct GridLine {
  enum class Kind { Meridian, Parallel, ZoneEdge, SquareEdge } kind;
  double value = 0;                    ///< the longitude or latitude a graticule line keeps
  std::string label;                   ///< "70°E", "37°30′N"; empty for MGRS lines
  std::vector<std::vector<XY>> parts;  ///< in the view CRS
};

/// A label placed inside the grid: an MGRS zone or square designator at its centre.
struct GridLabel {
  XY at;  ///< view CRS
  std::string text;
};

struct MapGrid {
  std::vector<GridLine> lines;
  std::vector<GridLabel> labels;
};

/// The lon/lat box a view extent shows (its edges sampled and inverted; the
/// whole globe's width when the view holds a pole; across the antimeridian,
/// a box whose minx is above 180 - its width, maxx above 180).
Bounds visibleLonLat(const Projection& projection, const Bounds& viewExtent);

/// A round graticule interval in degrees (30°, 10°, 5°, 2°, 1°, 30′, 15′,
/// 10′, 5′, 2′, 1′) giving about four to eight lines over `degreesAcross`.
double graticuleStep(double degreesAcross);

/// "70°E", "37°30′N", "0°", "180°".
std::string graticuleLabel(double value, bool latitude, double step);

/// Meridians and parallels every graticuleStep(...) degrees over what
/// `viewExtent` shows.
MapGrid graticule(const Projection& projection, const Bounds& viewExtent);

/// The MGRS grid over what `viewExtent` shows: grid-zone boundaries (6°
/// zones, 8° bands, Norway's 32V and Svalbard's X zones) with designators;
/// and, when the view is at most `squaresBelowMetres` across, the 100 km
/// square boundaries of each zone with the squares' letters.
MapGrid mgrsGrid(const Projection& projection, const Bounds& viewExtent, double viewWidthMetres,
                 double squaresBelowMetres = 1.5e6);
/// The same with the view's width taken on the ground along its middle row
/// (10,000 km where the CRS cannot place the row's ends).
MapGrid mgrsGrid(const Projection& projection, const Bounds& viewExtent);

}  // namespace pamir::geo
