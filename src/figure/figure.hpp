#pragma once
// A map made into a figure to keep or hand on: the rendered map with what a
// reader needs on it — a title, the legend, a scale bar, a north arrow,
// grid lines with their labels, the measurements drawn and tabled, and the
// data's attribution — as a PNG the size of the map, or as a PDF report
// (figure/report_pdf.hpp). Everything here is in pixels of the map image:
// the app works out where things are (app/map_figure.hpp); this module only
// draws them, with cairo.
#include <cmath>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/legend_entry.hpp"
#include "render/image.hpp"

namespace pamir::figure {

/// What to draw over the map, besides the grid lines and measurements
/// MapFacts holds (drawn whenever it has them).
struct Decorations {
  std::string title;  ///< empty: no title
  bool legend = false;
  bool scaleBar = false;
  bool northArrow = false;
  bool attribution = false;
  bool measurementTable = false;
  bool any() const { return !title.empty() || legend || scaleBar || northArrow || attribution || measurementTable; }
};

/// A grid line in image pixels; graticule lines carry their label
/// ("70°E", "37°N"), written where the line leaves the map.
struct GridLine {
  std::vector<std::vector<XY>> parts;
  std::string label;
  bool parallel = false;  ///< a line of latitude (labelled at the left edge), else at the bottom edge
};

/// A label inside the grid: an MGRS zone or square designator, centred at `at`.
struct GridText {
  XY at;
  std::string text;
};

/// A measurement as drawn: its track in image pixels (parts where it is cut), colour and label.
struct Track {
  std::vector<std::vector<XY>> parts;
  uint8_t r = 0, g = 0, b = 0;
  std::string label;  ///< "Murghab – Kulma: 142.3 km"
  bool closed = false;
};

/// Rows of text under a header; `note` is printed under the table (method, ellipsoid).
struct Table {
  std::string title;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::string note;
};

/// What the map shows, for the decorations to say it.
struct MapFacts {
  std::vector<LegendEntry> legend;  ///< top layer first
  double metresPerPixel = 0;        ///< on the ground per image pixel across the centre; 0: no scale
  double northDegrees = NAN;        ///< clockwise from straight up at the centre; NaN: unknown
  std::vector<GridLine> grid;
  std::vector<GridText> gridLabels;
  std::vector<Track> tracks;
  std::vector<std::string> attributions;  ///< one per source of data shown, e.g. "GeoNames (geonames.org), CC BY 4.0"
  Table measurements;
};

/// `map` with `decorations` drawn over it, same size. `scale` multiplies
/// every size (text, margins, line widths).
render::Image decorate(const render::Image& map, const Decorations& decorations, const MapFacts& facts, double scale);

}  // namespace pamir::figure
