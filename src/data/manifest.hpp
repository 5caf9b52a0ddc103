#pragma once
// The dataset manifest (geodata/manifest.json): which layers the built-in
// dataset has, their groups, drawing order, styles and the default view.
// No layer name or style of the built-in dataset lives in C++; it is all here.
//
// {
//   "title": "Central Asia military footprint",
//   "default_view": {"crs": "<PROJ definition or empty for Pamir's default>",
//                    "bbox": [minlon, minlat, maxlon, maxlat]},
//   "groups": [{"id": "base", "title": "Base map"}, ...],
//   "layers": [                       // drawing order: first is drawn first (bottom)
//     {"id": "countries", "title": "Countries", "group": "base",
//      "type": "vector" | "raster",
//      "source": "base.gpkg",          // relative to the manifest's folder
//      "layer": "countries",           // layer inside the source (vector)
//      "visible": true,
//      "style": {"fill": "#rrggbb[aa]", "stroke": "#rrggbb[aa]", "width": 1.0,
//                "filled": true, "symbol": "circle|square|triangle|diamond|star|cross",
//                "size": 8, "opacity": 1.0, "dashed": false, "label": "name",
//                "label_max_m_per_px": 600},  // labels only when zoomed in this far
//      "style_by": [{"field": "operator_country", "value": "CHN",
//                    "style": {<any subset of the style keys>}}, ...],
//      "attribution": "GeoNames (geonames.org), CC BY 4.0",  // optional: credited on exported maps
//      "uncertainty_field": "uncertainty_km",  // optional: draw geodesic circles of this radius (km)
//      "uncertainty_shown": false,            // optional: the circles start switched off
//      "year_fields": ["year_start", "year_end"],  // optional: enables the year filter
//      "country_fields": ["host_country", "operator_country"]  // optional: enables the country filter
//     }, ...]
// }
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/feature.hpp"

namespace pamir::data {

struct LayerEntry {
  std::string id, title, group, type, source, layer;
  std::string attribution;  ///< who to credit for the data on exported maps; empty: nobody named
  bool visible = true;
  Style style;
  std::vector<StyleRule> rules;
  std::string uncertaintyField;
  bool uncertaintyShown = true;
  std::vector<std::string> yearFields;
  std::vector<std::string> countryFields;
};

struct Group {
  std::string id, title;
};

struct Manifest {
  std::string path;  ///< the manifest file
  std::string title;
  std::string defaultCrs;             ///< empty: Pamir's default view CRS
  std::optional<Bounds> defaultBbox;  ///< lon/lat
  std::vector<Group> groups;
  std::vector<LayerEntry> layers;
};

/// Reads a manifest; nullopt with a diagnostic naming the file when it is unreadable.
std::optional<Manifest> readManifest(const std::string& path, Diagnostics& diag);

/// The folder holding Pamir's run-time data (geodata/ with the built-in
/// dataset): $PAMIR_DATA_DIR, else share/pamir beside the folder of the
/// running binary (PREFIX/bin/pamir -> PREFIX/share/pamir); nullopt when
/// neither exists. No path is compiled in.
std::optional<std::string> dataDirectory();

/// Path of the built-in dataset's manifest: $PAMIR_GEODATA (a geodata folder
/// or a manifest file), else dataDirectory()/geodata/manifest.json; when there
/// is no data directory, the path an installed Pamir would use, so a failure
/// to open it names where Pamir looked.
std::string defaultManifestPath();

}  // namespace pamir::data
