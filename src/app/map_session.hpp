#pragma once
// What the analyst has open: the layers (built-in dataset and given sources),
// derived layers (location-uncertainty circles), the view CRS and the
// filters. Shared by the window and the headless renderer so both show the
// same map.
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/feature_filter.hpp"
#include "data/catalog.hpp"
#include "geo/projection.hpp"

namespace pamir::app {

class MapSession {
 public:
  /// Loads the built-in dataset (unless left out) and `sources` (every layer
  /// of each) on top of it. Problems go to `diag`; the session holds
  /// whatever did load. With `onlyLayers`, built-in layers not named there
  /// are not even read (names are checked later by keepOnlyLayers).
  static MapSession open(const std::vector<std::string>& sources, data::BuiltinData builtin, Diagnostics& diag,
                         const std::vector<std::string>& onlyLayers = {});

  // drawLayers() points into the session's own layers: a copy would point
  // into the original. A move keeps them valid (moving a std::vector keeps
  // its elements where they are).
  MapSession(const MapSession&) = delete;
  MapSession& operator=(const MapSession&) = delete;
  MapSession(MapSession&&) = default;
  MapSession& operator=(MapSession&&) = default;

  bool empty() const { return catalog_.empty(); }
  const data::Catalog& catalog() const { return catalog_; }
  data::Catalog& catalog() { return catalog_; }

  /// Vector layers in drawing order (bottom first): each curated layer's
  /// uncertainty circles sit right under it.
  const std::vector<const Layer*>& drawLayers() const { return drawLayers_; }
  std::vector<const RasterLayer*> drawRasters() const;
  /// True for layers the session made (uncertainty circles), not loaded from a source.
  bool isDerived(const Layer& layer) const;

  const geo::Projection& projection() const { return projection_; }
  /// Switches the view CRS; false with a reason when PROJ rejects it.
  bool setCrs(const std::string& definition, std::string* error);

  FeatureFilter filter;

  /// What addSources added.
  struct Added {
    size_t layers = 0;  ///< vector and raster layers
    Bounds lonlat;      ///< their features' lon/lat bounds
  };
  /// Loads more sources on top of what is open (drag and drop, Add layer).
  /// Every layer pointer the session handed out before is invalid after it
  /// (layers move); problems go to `diag` and nothing already open changes.
  Added addSources(const std::vector<std::string>& sources, Diagnostics& diag);
  /// The same with sources already read (on a worker: source_loading.hpp).
  Added addCatalog(data::Catalog more);
  /// How many of the layers are the analyst's own: where the palette goes on.
  size_t ownLayerCount() const;

  /// Takes a layer (with its uncertainty circles) off the map. False for a
  /// layer that is not the session's own or a derived one (remove the layer
  /// it comes from). Every layer pointer handed out before is invalid after it.
  bool removeLayer(const Layer* layer);
  bool removeRaster(const RasterLayer* raster);
  /// Reads a layer again from its source, in its place (data::reloadLayer).
  /// False, with the reason in `diag`, when it cannot: the old layer stays.
  /// Every layer pointer handed out before is invalid after a reload.
  bool reloadLayer(const Layer* layer, Diagnostics& diag);
  bool reloadRaster(const RasterLayer* raster, Diagnostics& diag);
  /// The fields the year and country filters read on `layer` ({start, end}
  /// or one field; empty = the filter leaves the layer alone). Fields the
  /// layer does not have are refused: false, nothing changes.
  bool setFilterFields(const Layer* layer, const std::vector<std::string>& yearFields,
                       const std::vector<std::string>& countryFields);

  /// The layers were reordered or restyled through catalog(): the
  /// uncertainty circles and the drawing order follow. Every layer pointer
  /// handed out before is invalid after it.
  void layersRearranged() { rebuildDerived(); }

  /// Whether any layer is the analyst's own (not from the built-in dataset).
  bool hasOwnData() const;
  /// The area to show first, lon/lat: the manifest's default view, else the
  /// bounds of the analyst's own data when there is some, else of all data.
  Bounds initialLonLat() const;
  /// The view CRS extent of the analyst's own data when there is some, else
  /// of all data (what the first view and Fit show), from its geometry cut at the view's
  /// seam (geo/seam_cut.hpp), as the renderer draws it: a polygon across the
  /// antimeridian is as wide as it is, not as wide as the world.
  Bounds dataExtent() const;
  /// Keeps only the named layers (ids or titles or source layer names);
  /// false with the unknown name in *error.
  bool keepOnlyLayers(const std::vector<std::string>& names, std::string* error);

 private:
  explicit MapSession(geo::Projection projection) : projection_(std::move(projection)) {}
  void rebuildDerived();
  Layer* own(const Layer* layer);
  RasterLayer* own(const RasterLayer* raster);
  data::Catalog catalog_;
  std::vector<Layer> derived_;
  std::vector<const Layer*> drawLayers_;
  geo::Projection projection_;
};

}  // namespace pamir::app
