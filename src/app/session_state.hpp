#pragma once
// The whole window as one versioned file: the view and its CRS, the sources
// the analyst added, each layer's visibility, order and style, the filters,
// the measurements, the selected feature and the panels. What `pamir view`
// restores at start and `pamir render --session` draws.
//
// The file is a GeoJSON FeatureCollection of the measurements (exactly as
// measurementsGeoJson writes them) with the rest in a foreign member
// "pamir_session" ({"version": 2, ...}). Version 1 is the measurements-only
// file of earlier releases: the same collection without that member.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/measurements.hpp"
#include "core/feature_filter.hpp"
#include "core/geometry.hpp"
#include "core/style.hpp"

namespace pamir::app {

/// The newest session version this build reads and the one it writes.
inline constexpr int kSessionVersion = 2;

/// The view as the window had it: its CRS, centre and resolution on a pixel grid.
struct SessionView {
  std::string crs;        ///< the view CRS's definition (what --crs takes)
  XY centre;              ///< view CRS units
  double resX = 1;        ///< view CRS units per device pixel, across
  double resY = 1;        ///< ... and down
  int width = 1;          ///< the map area in device pixels
  int height = 1;         ///<
  double pixelRatio = 1;  ///< device pixels per screen point (line widths and symbols scale by it)
  bool operator==(const SessionView&) const = default;
};

/// One row of the Layers panel: a raster, a vector layer, or a layer's
/// location-uncertainty circles (`id` ending ":uncertainty").
struct LayerSetting {
  std::string id;      ///< Layer::id / RasterLayer::id
  std::string source;  ///< the file or GDAL source it came from (empty for the built-in dataset)
  bool raster = false;
  bool visible = true;
  float opacity = 1.0f;       ///< multiplies every alpha of the layer, [0, 1]
  std::optional<Color> fill;  ///< vectors: the layer's own colours and outline width, px
  std::optional<Color> stroke;
  std::optional<float> strokeWidth;
  bool operator==(const LayerSetting&) const = default;
};

/// The feature the inspector shows.
struct SelectedFeature {
  std::string layer;  ///< Layer::id
  int64_t fid = 0;
  bool operator==(const SelectedFeature&) const = default;
};

/// Which panels are open, and ImGui's own record of where each panel sits
/// and whether it is collapsed (its .ini text).
struct PanelState {
  bool help = false;
  bool search = false;
  bool graticule = false;
  bool mgrs = false;
  bool legend = true;
  bool militarySymbols = true;  ///< sites drawn with their APP-6 symbol
  std::string layout;
  bool operator==(const PanelState&) const = default;
};

struct SessionState {
  int version = kSessionVersion;     ///< as read; 1 = measurements only (nothing else below is set)
  std::optional<SessionView> view;   ///< absent in version 1
  bool builtin = true;               ///< the built-in dataset under the sources
  std::vector<std::string> sources;  ///< the analyst's own, in the order they were added
  /// Every layer of the map in drawing order, bottom first (rasters, then
  /// vectors); a layer not listed is not on the map.
  std::vector<LayerSetting> layers;
  std::optional<YearSpan> years;
  std::vector<std::string> countries;  ///< ISO 3166-1 alpha-3
  std::vector<Measurement> measurements;
  std::optional<SelectedFeature> selected;
  PanelState panels;
};

/// The file's text: the measurements' GeoJSON with the session member.
std::string sessionJson(const SessionState& state);
/// The same in two parts, for a writer that keeps the measurements' text
/// between saves (it is most of the file, and most of the time to make):
/// the session member (everything but the measurements), and the file made
/// of it and measurementsGeoJson's text.
std::string sessionMemberJson(const SessionState& state);
std::string sessionJson(const std::string& member, std::string_view measurementsGeoJson);

/// What reading a session file came to.
struct SessionRead {
  enum class Status {
    Missing,     ///< no file (or an empty one): nothing to restore, saving goes ahead
    Loaded,      ///< `state` holds it
    Newer,       ///< a version this build does not know: refused, never to be overwritten
    Corrupt,     ///< not a session this build can read: reported, never to be overwritten
    Unreadable,  ///< not a regular file, or no permission: the same
  } status = Status::Missing;
  SessionState state;
  std::string problem;  ///< one line naming the file and what is wrong (Newer, Corrupt, Unreadable)
  bool ok() const { return status == Status::Missing || status == Status::Loaded; }
};

/// Parses a session's text; `path` names it in the problem. Measurements are
/// measured again in the session's CRS (else Pamir's default).
SessionRead parseSession(const std::string& text, const std::string& path);

/// Reads the file at `path` (a regular file only: see regular_file.hpp).
SessionRead readSessionFile(const std::string& path);

/// Writes `state` to `path` with writeFileAtomically, creating its folder:
/// the file is then the old or the new session, whole, whatever happens.
/// False with the reason in *error.
bool writeSessionFile(const SessionState& state, const std::string& path, std::string* error);
/// The same with the text sessionJson made.
bool writeSessionText(const std::string& text, const std::string& path, std::string* error);

}  // namespace pamir::app
