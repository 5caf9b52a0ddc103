#pragma once
// The view options `pamir view` and `pamir render` share: CRS, extent or
// lon/lat box, layers, year and country filters, the built-in dataset or not.
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "app/cli.hpp"
#include "app/headless_render.hpp"
#include "app/map_session.hpp"
#include "core/map_view.hpp"

namespace pamir::app {

struct ViewRequest {
  std::optional<std::string> crs;
  std::optional<Bounds> extent;  ///< view CRS units
  std::optional<Bounds> bbox;    ///< lon/lat
  std::vector<std::string> layers;
  std::optional<YearSpan> years;       ///< one year, or a range (what existed at any time in it)
  std::vector<std::string> countries;  ///< ISO alpha-3
  bool builtin = true;                 ///< show the built-in dataset under the sources
};

/// Consumes one view option if the next argument is one; false otherwise.
bool readViewOption(ArgReader& r, ViewRequest& request);

/// Consumes one figure option (--title T, --legend, --scalebar,
/// --north-arrow, --graticule, --mgrs, --attribution, --measurement-table)
/// if the next argument is one; false otherwise.
bool readFigureOption(ArgReader& r, FigureSpec& spec);

/// Loads the built-in dataset (unless --no-builtin) and `sources` as `pamir COMMAND` shows them,
/// writing load problems to `diag` and `err`. An unknown --layers name fails
/// through `r` (exit status 2); nothing loadable throws std::runtime_error.
MapSession openSession(const std::vector<std::string>& sources, const ViewRequest& request, ArgReader& r,
                       Diagnostics& diag, std::ostream& err);

/// The built-in dataset alone (none with --no-builtin), for a window that
/// reads the sources itself once it is open.
MapSession openDataset(const ViewRequest& request, Diagnostics& diag, std::ostream& err);

/// Applies CRS, layers and filters to the session and returns the first view.
/// With `sourcesPending` (the window reads them later), --country codes are
/// not checked against the data: the window says which are missing.
/// Bad values (unknown CRS or layer) fail through `r` (exit status 2).
/// Without --crs, the analyst's own data far from Central Asia (the whole
/// world, another region) is drawn in a CRS chosen for it
/// (geo::chooseViewCrs); *crsNote (when given) says which and why.
MapView applyViewRequest(const ViewRequest& request, MapSession& session, int width, int height, ArgReader& r,
                         bool sourcesPending = false, std::string* crsNote = nullptr);

/// Switches the session's view CRS keeping the same place in view (the
/// corners' lon/lat, else the centre's): the view in the new CRS, or nullopt
/// with *error (PROJ's reason) and nothing changed.
std::optional<MapView> switchCrs(MapSession& session, const MapView& view, const std::string& crs, std::string* error);

/// The lon/lat box fitted into a width x height view in the session's CRS.
MapView fitLonLat(const MapSession& session, const Bounds& lonlat, int width, int height, double margin);

}  // namespace pamir::app
