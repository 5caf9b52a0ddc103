#pragma once
// The Layers panel's rows and what each stands for: the session's rasters,
// then its draw layers bottom first (the renderer's order), each with the
// fields its filters read and whether its file was written since it was read.
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/map_session.hpp"
#include "ui/overlay.hpp"

namespace pamir::app {

struct LayerRef {
  const Layer* layer = nullptr;  ///< one of these two
  const RasterLayer* raster = nullptr;
};

/// When a source file was last written: its own time, or its write-ahead
/// log's when that is later (a GeoPackage or SQLite file being edited).
/// nullopt for what is not a file here (PG:..., /vsicurl/...).
std::optional<std::filesystem::file_time_type> sourceWritten(const std::string& source);

/// "year: start to end; country: a, b" of the row titled `title` (empty when there is none).
std::string filterFieldsText(const std::vector<ui::LayerItem>& rows, const std::string& title);

class LayerList {
 public:
  /// Rows for the session as it is now. A row whose layer was there before
  /// (same title and group) keeps its visibility.
  void rebuild(const MapSession& session, std::vector<ui::LayerItem>& rows);
  /// What row `row` stands for; both null past the end.
  LayerRef at(size_t row) const { return row < refs_.size() ? refs_[row] : LayerRef{}; }
  /// Marks the rows whose source file was written since the layer was read;
  /// the sources newly found changed come back, once each.
  std::vector<std::string> checkSources(std::vector<ui::LayerItem>& rows);
  /// The layer of `row` was read again: what its file is now is what it shows.
  void forget(const ui::LayerItem& row);

 private:
  static std::string key(const ui::LayerItem& row) { return row.source + "\n" + row.group + "\n" + row.title; }
  std::vector<LayerRef> refs_;
  std::vector<std::string> unsaid_;  ///< found changed by a rebuild, not yet returned
  std::map<std::string, std::optional<std::filesystem::file_time_type>> readAt_;
};

}  // namespace pamir::app
