#pragma once
// Hover, selection, the right-click menu and "what is here" for the map
// window: which features they concern, what the overlay shows of them, and
// the highlight drawn on the map. The window hands it pointer positions
// and the overlay's actions; it answers with the clipboard text and the
// area to zoom to that the analyst asked for.
#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "app/map_session.hpp"
#include "app/picking.hpp"
#include "ui/overlay.hpp"

namespace pamir::app {

class MapInspection {
 public:
  explicit MapInspection(MapSession& session) : session_(session) {}

  /// The feature under device pixel (px, py), if any (the index is brought up to date first).
  std::optional<Pick> pickAt(const MapView& view, double px, double py, double tolerancePx);

  /// The pointer is at (px, py) over the map; returns true when the hovered feature changed.
  /// While a large index is being built (a slice a call), nothing changes.
  bool hoverAt(const MapView& view, double px, double py, double tolerancePx);
  /// The pick index of large layers is being built, a slice at a time:
  /// advanceIndex() builds the next slice (the window calls it every frame).
  bool indexBuilding() const { return index_.building(); }
  void advanceIndex();
  /// The pointer is over a panel or out of the window.
  bool clearHover();

  /// A click at (px, py): selects what is there (or clears the selection).
  void selectAt(const MapView& view, double px, double py, double tolerancePx);
  void select(const Pick& p, std::optional<LonLat> near);
  void clearSelection();
  /// The session's layers moved (a layer was added): forget every pick and the index.
  void forgetLayers();
  /// Selects `p` and answers the area to show it in (view CRS): the search's "go there".
  std::optional<Bounds> selectAndFrame(const Pick& p);

  /// A right click at (px, py): the menu for that point and its topmost feature.
  void openMenuAt(const MapView& view, double px, double py, double tolerancePx);
  void closeAll();  ///< Escape: the menu and "what is here"

  /// What the overlay shows this frame: the tooltip, the inspector, the menu.
  void fill(ui::OverlayModel& model) const;
  /// Draws the hovered and the selected feature over the map.
  void drawHighlights(ImDrawList* dl, const MapView& view, double pixelRatio) const;

  struct Outcome {
    std::optional<std::string> clipboard;  ///< put this on the clipboard
    std::optional<Bounds> zoomTo;          ///< show this area (view CRS)
    std::string status;                    ///< a line for the status bar; empty = none
  };
  Outcome apply(const ui::OverlayActions& a, const ui::OverlayModel& model);

  /// The selected feature, if any.
  const std::optional<Pick>& selection() const { return selected_; }
  /// Where the right-click menu was opened (lon/lat) and the feature there, if any.
  LonLat menuPosition() const { return menuAt_; }
  const std::optional<Pick>& menuFeature() const { return menuFeature_; }

  /// For scripted tests: "hovered", "selected", "tooltip", "here".
  std::string state(const std::string& key) const;

 private:
  /// Brings the index up to date: all of it, or about `vertexBudget` vertices
  /// of it; true once it is whole.
  bool updateIndex(size_t vertexBudget = 0);
  static constexpr size_t kIndexSliceVertices = 150'000;  // some 30 ms on the UI thread
  PickVisible visible() const;
  std::string nameOf(const Pick& p) const;
  std::optional<Bounds> zoomBounds(const Pick& p) const;

  MapSession& session_;
  PickIndex index_;
  std::optional<Pick> hovered_;
  std::optional<Pick> selected_;
  std::optional<LonLat> selectedNear_;  ///< where it was clicked: the nearest vertex of a line
  std::optional<Pick> menuFeature_;
  ui::ContextMenuModel menu_;
  bool menuRequested_ = false;
  LonLat menuAt_{NAN, NAN};
  std::vector<Pick> here_;   ///< under the point the menu was opened at
  std::vector<Pick> shown_;  ///< listed in "what is here"
  ui::WhatIsHereModel hereModel_;
  bool canOpenLinks_ = false;
  bool openerChecked_ = false;
};

}  // namespace pamir::app
