#pragma once
// A set of layers ready to show: the built-in dataset (through its manifest)
// and/or sources named on the command line, in drawing order.
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/feature.hpp"
#include "data/manifest.hpp"
#include "data/source_loader.hpp"

namespace pamir::data {

struct Catalog {
  std::string title;
  std::vector<Group> groups;
  std::vector<Layer> layers;          ///< drawing order, bottom first
  std::vector<RasterLayer> rasters;   ///< drawn below every vector layer, in order
  std::string defaultCrs;             ///< empty: Pamir's default
  std::optional<Bounds> defaultBbox;  ///< lon/lat; empty: fit the data

  bool empty() const { return layers.empty() && rasters.empty(); }
  /// The lon/lat bounds of every loaded feature (rasters excluded).
  Bounds bounds() const;
};

/// What of a manifest to read: everything, or the vector layers alone (for
/// looking features up, where an image is no use).
enum class CatalogContent { All, VectorsOnly };

/// Loads every layer a manifest lists, with its styles. A layer that fails to
/// load is reported and left out; the others load. With `only`, entries whose
/// id, title and source layer are all absent from it are skipped unread.
Catalog loadCatalog(const Manifest& manifest, Diagnostics& diag, const std::vector<std::string>& only = {},
                    CatalogContent content = CatalogContent::All);

/// Loads each source (every layer of each), styled with a default palette
/// (from its `firstColour`th colour: sources added later look different).
/// `options` (progress, cancelling) apply to every source.
Catalog loadSources(const std::vector<std::string>& sources, Diagnostics& diag, size_t firstColour = 0,
                    const LoadOptions& options = {});

/// `old` read again from its source (the file changed on disk): the features
/// and fields as they are now; the name, id, group, style, visibility and
/// uncertainty field as they were. Filter fields that still exist stay (the
/// analyst may have chosen them); the others are detected again. nullopt,
/// with the reason in `diag`, when the source or the layer cannot be read:
/// the caller keeps the old layer.
std::optional<Layer> reloadLayer(const Layer& old, Diagnostics& diag);
std::optional<RasterLayer> reloadRaster(const RasterLayer& old, Diagnostics& diag);

/// The built-in dataset (its layers marked `builtin`).
Catalog loadBuiltinCatalog(Diagnostics& diag, const std::vector<std::string>& only = {},
                           CatalogContent content = CatalogContent::All);

/// Whether the built-in dataset is shown under the analyst's sources.
enum class BuiltinData { Include, LeaveOut };

/// What `pamir view` and `pamir render` show: the built-in dataset (unless
/// left out; with `only`, just the entries named there), and each source's
/// layers on top of it. With sources, the manifest's default area is
/// dropped: the first view fits the analyst's data.
Catalog loadForView(const std::vector<std::string>& sources, BuiltinData builtin, Diagnostics& diag,
                    const std::vector<std::string>& only = {});

}  // namespace pamir::data
