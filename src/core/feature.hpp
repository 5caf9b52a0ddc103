#pragma once
// Features and layers as the rest of the program sees them, whatever source
// they came from.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/geometry.hpp"
#include "core/raster_tiles.hpp"
#include "core/style.hpp"

namespace pamir {

enum class FieldType { Integer, Real, String, Date, Other };

struct FieldDef {
  std::string name;
  FieldType type = FieldType::String;
};

/// An attribute value: null, integer, real or text (dates are kept as ISO text).
using FieldValue = std::variant<std::monostate, int64_t, double, std::string>;

std::string toString(const FieldValue& v);

struct Feature {
  int64_t fid = -1;                ///< the source's feature id
  Geometry geometry;               ///< WGS84 lon/lat
  std::vector<FieldValue> values;  ///< parallel to Layer::fields
};

/// One vector layer, held in memory in WGS84 lon/lat.
struct Layer {
  std::string name;          ///< display name (manifest title or source layer name)
  std::string id;            ///< stable id: manifest id, or "source:layer"
  std::string source;        ///< file or GDAL connection string it came from
  std::string sourceLayer;   ///< layer name inside the source
  std::string sourceCrs;     ///< the CRS it was read in, as a short name (e.g. "EPSG:4326")
  std::string geometryType;  ///< the source's declared geometry type (e.g. "MultiPolygon")
  std::string group;         ///< manifest group (e.g. "Borders"); empty for ad-hoc sources
  std::string attribution;   ///< who to credit for the data on exported maps (manifest); empty: nobody named
  std::vector<FieldDef> fields;
  std::vector<Feature> features;
  Style style;
  std::vector<StyleRule> styleRules;  ///< first matching rule wins
  bool visible = true;
  /// Field holding a location uncertainty radius in km (drawn as a geodesic circle); empty = none.
  std::string uncertaintyField;
  bool uncertaintyShown = true;            ///< the circles start switched on
  std::vector<std::string> yearFields;     ///< {start, end} year fields, when the layer is dated
  std::vector<std::string> countryFields;  ///< country fields the country filter looks at
  /// Values of the country fields that are not ISO alpha-3 codes ("TJ",
  /// "Tajikistan") mapped to the code they name, so the filter, which speaks
  /// alpha-3, also matches them.
  std::map<std::string, std::string> countryAliases;
  bool builtin = false;  ///< from the built-in dataset, not one of the analyst's own sources

  /// Index of the field with this name, or -1.
  int fieldIndex(const std::string& fieldName) const;
  /// Index of the field holding military symbol codes (SIDCs): one named
  /// "sidc", in any case; -1 when the layer has none.
  int sidcFieldIndex() const;
  /// The value of a field by name, or null when absent.
  const FieldValue& value(const Feature& f, const std::string& fieldName) const;
  Bounds bounds() const;
  /// The style this feature is drawn with (the first matching rule, else the layer's).
  const Style& styleFor(const Feature& f) const;
};

/// A layer with `layer`'s description (ids, source, fields, group, year and
/// country fields, visibility) and none of its features, style or
/// uncertainty field: the start of a layer made from another.
Layer layerDescribedLike(const Layer& layer);

/// A georeferenced raster: a preview held in memory as 8-bit RGBA, top row
/// first, and, when the raster is larger than the preview, the source of its
/// tiles at full resolution and at each overview.
struct RasterLayer {
  std::string name;
  std::string id;
  std::string source;
  std::string attribution;  ///< as Layer::attribution
  std::string crsWkt;       ///< the raster's own CRS (WKT), empty means WGS84
  int width = 0;
  int height = 0;
  double geoTransform[6] = {0, 1, 0, 0, 0, -1};  ///< GDAL affine transform, in crsWkt units
  std::vector<uint8_t> rgba;
  int sourceWidth = 0;  ///< the raster's full size in pixels; width/height is what was read
  int sourceHeight = 0;
  /// Tiles finer than the preview, read as a view needs them; null when the
  /// preview is the whole raster. Shared by copies of the layer.
  std::shared_ptr<RasterTileSource> tiles;
  /// Overviews the file has (0: a zoomed-out view of a large raster has only
  /// the preview until they are built).
  int overviewCount = 0;
  float opacity = 1.0f;
  bool visible = true;
  std::string group;
  bool builtin = false;  ///< from the built-in dataset, not one of the analyst's own sources
};

}  // namespace pamir
