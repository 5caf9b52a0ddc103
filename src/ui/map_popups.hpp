#pragma once
// What opens over the map itself: the hover tooltip, the right-click menu
// and the "what is here" list.
#include <optional>
#include <string>
#include <vector>

namespace pamir::ui {

struct HoverTip {
  bool show = false;
  std::string name, kind, years, layer;
};

struct ContextMenuModel {
  bool openRequested = false;  ///< open the menu at the pointer this frame
  bool open = false;           ///< drawn last frame
  std::string dd, dms, mgrs;   ///< the coordinate where it was opened
  std::string feature;         ///< the topmost feature there; empty = none
};

struct HereRow {
  std::string name, layer, kind;
};

struct WhatIsHereModel {
  bool open = false;
  std::string at;  ///< the coordinate asked about
  std::vector<HereRow> rows;
};

struct MapPopupActions {
  std::optional<std::string> copy;  ///< text for the clipboard
  bool whatIsHere = false;
  bool zoomToFeature = false;        ///< the context menu's feature
  bool selectFeature = false;        ///< ... selected
  std::optional<size_t> selectHere;  ///< a row of "what is here"
  std::optional<size_t> zoomToHere;
  bool measureFromHere = false;  ///< start a path at the menu's point
  bool ringHere = false;         ///< range rings round the menu's point (its site, if it is on one)
};

MapPopupActions drawMapPopups(HoverTip& hover, ContextMenuModel& menu, WhatIsHereModel& here);

}  // namespace pamir::ui
