#pragma once
// The window's search: the search box (ui/search_box.hpp) over the
// FeatureSearch of every layer the session holds, built on first use and
// again when the layers change. It turns the chosen result into where to go.
#include <memory>
#include <optional>

#include "core/feature.hpp"
#include "data/feature_search.hpp"
#include "ui/search_box.hpp"

namespace pamir::app {

class MapSession;

/// Where a chosen result takes the view.
struct SearchTarget {
  LonLat position;
  Bounds lonlat;                 ///< the feature's bounds (empty for a coordinate)
  const Layer* layer = nullptr;  ///< null for a coordinate
  size_t featureIndex = 0;
  std::string label;  ///< "Murghob (Places)" or the coordinate in decimal degrees
};

class WindowSearch {
 public:
  explicit WindowSearch(const MapSession& session) : session_(session) {}

  void open();
  bool isOpen() const { return box_.open; }
  /// The session's layers changed: the next query rebuilds the index.
  void invalidate() { index_.reset(); }
  /// Draws the box (ImGui frame) and answers the chosen result, if one was chosen this frame.
  std::optional<SearchTarget> draw(float viewportWidth);

 private:
  void runQuery();

  const MapSession& session_;
  std::unique_ptr<data::FeatureSearch> index_;
  std::vector<data::SearchResult> results_;
  ui::SearchBoxModel box_;
};

}  // namespace pamir::app
