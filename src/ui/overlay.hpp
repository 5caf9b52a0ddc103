#pragma once
// The Dear ImGui overlay over the map: layers with toggles by group, the
// "as of year" and country filters, the cursor position, the scale bar,
// measurements, the selected feature, the map's tooltip and menus, the help. Panels read the model and report
// what the analyst asked for in OverlayActions; they own no map data.
#include <optional>
#include <string>
#include <vector>

#include "core/feature.hpp"
#include "core/geometry.hpp"
#include "core/style.hpp"
#include "ui/help_overlay.hpp"
#include "ui/inspector.hpp"
#include "ui/legend_panel.hpp"
#include "ui/map_popups.hpp"
#include "ui/measure_panel.hpp"
#include "ui/year_control.hpp"

namespace pamir::ui {

struct LayerItem {
  std::string title;
  std::string group;  ///< group title; empty = ungrouped
  bool visible = true;
  Color swatch;
  size_t featureCount = 0;
  bool raster = false;
  bool derived = false;  ///< made from another layer (uncertainty circles): follows it
  bool builtin = false;  ///< part of the built-in dataset
  std::string source;    ///< the file or GDAL source it was read from
  bool changedOnDisk = false;
  /// A raster larger than its preview with no overviews: zoomed out it
  /// shows only the preview until they are built.
  bool needsOverviews = false;
  std::optional<double> overviewProgress;  ///< 0..1 while they are being built
  std::vector<std::string> fields;         ///< attribute names, to choose filter fields from
  std::vector<std::string> yearFields;     ///< {start, end} or {year}; empty: not dated
  std::vector<std::string> countryFields;  ///< what the country filter reads
};

/// New filter fields for one layer, chosen in its menu.
struct FilterFieldsChoice {
  size_t layer = 0;  ///< index into OverlayModel::layers
  std::vector<std::string> yearFields;
  std::vector<std::string> countryFields;
};

struct CountryItem {
  std::string code;  ///< ISO 3166-1 alpha-3
  bool selected = false;
};

struct OverlayModel {
  std::string title;
  std::vector<LayerItem> layers;  ///< drawing order, bottom first (shown top first)
  std::string crsName;
  std::string crsDefinition;
  std::optional<LonLat> cursor;
  std::string cursorDms;  ///< pre-formatted by the caller
  std::string cursorMgrs;
  double metresPerPixel = 0;  ///< at the cursor or view centre, geodesic; 0 = unknown
  double frameMs = 0;
  /// Work still under way behind the map ("drawing 3 layers in full detail…"); empty when none.
  std::string progress;

  YearBarModel time;  ///< the Time bar: the year or range, play, the histogram
  std::vector<CountryItem> countries;
  ChangesModel changes;  ///< what appeared and closed between two years, in the Filter panel

  MeasurePanelModel measure;
  std::optional<InspectorModel> inspected;  ///< the selected feature
  HoverTip hover;
  ContextMenuModel menu;
  WhatIsHereModel here;
  HelpModel help;
  std::vector<std::string> messages;  ///< load problems, one line each
  std::string status;                 ///< last action's result
  std::string addLayerPath;           ///< what is typed in the Layers panel's Add field
  bool showGraticule = false;         ///< lines of latitude and longitude
  bool showMgrs = false;              ///< MGRS grid zones and 100 km squares
  bool militarySymbols = true;        ///< sites with a SIDC drawn with their APP-6 / MIL-STD-2525 symbol
  LegendModel legend;
};

struct OverlayActions {
  bool layersChanged = false;  ///< a LayerItem::visible changed
  bool filterChanged = false;  ///< countries changed
  YearBarActions time;
  ChangesActions changes;
  bool fitToData = false;
  std::optional<std::string> addSource;  ///< a file, folder or GDAL source to add on top
  bool openAddDialog = false;            ///< the Add layer dialog (browse, recent, desktop chooser)
  bool saveSession = false;              ///< choose a file to save the whole window's session in
  bool exportView = false;               ///< open the Export view dialog
  bool openSession = false;              ///< ... to open a session from, in place of what is shown
  std::optional<size_t> removeLayer;     ///< indices into OverlayModel::layers
  std::optional<size_t> reloadLayer;
  std::optional<size_t> buildOverviews;   ///< of the raster at this row, into the cache
  std::optional<size_t> cancelOverviews;  ///< the build running for it
  std::optional<size_t> zoomToLayer;
  std::optional<FilterFieldsChoice> setFilterFields;
  MeasurePanelActions measure;
  std::optional<std::string> setCrs;
  InspectorActions inspector;
  MapPopupActions popups;
};

/// Draws the whole overlay for this frame (between ImGui::NewFrame and ImGui::Render).
/// `viewportWidth/Height` in ImGui (logical) pixels.
OverlayActions drawOverlay(OverlayModel& model, float viewportWidth, float viewportHeight);

}  // namespace pamir::ui
