#pragma once
// The Feature panel: the selected feature's attributes, where it is (decimal
// degrees, DMS, MGRS), how sure that position is, its source as a link, and
// copy actions. It shows what the window worked out (app/feature_info.hpp)
// and reports what the analyst asked for.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pamir::ui {

struct AttributeRow {
  std::string name, value;
};

struct InspectorModel {
  std::string name;
  std::string layer;
  int64_t fid = -1;
  std::string kind, years;
  std::string anchorKind;  ///< "point", "centroid", "nearest vertex"
  std::string dd, dms, mgrs;
  std::string confidence, uncertainty, uncertaintyNote;
  std::string sourceUrl, sourceTitle;
  bool canOpenLinks = false;  ///< a browser opener is installed and the URL is a web address
  std::vector<AttributeRow> attributes;
};

struct InspectorActions {
  bool close = false;
  std::optional<std::string> copy;  ///< text for the clipboard
  bool copyGeoJson = false;
  bool openSource = false;
  bool zoomTo = false;
};

/// Draws the panel; `viewportWidth` in ImGui (logical) pixels.
InspectorActions drawInspector(const InspectorModel& model, float viewportWidth);

}  // namespace pamir::ui
