#pragma once
// A description of a source as `pamir info` prints it: what GDAL reports of
// every layer without loading features into memory.
#include <cstdint>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/feature.hpp"

namespace pamir::data {

struct LayerInfo {
  std::string name;
  std::string geometryType;
  int64_t featureCount = -1;
  std::string crs;      ///< short name, e.g. "EPSG:4326"; empty when none declared
  Bounds extent;        ///< in the layer's own CRS
  Bounds extentLonLat;  ///< WGS84, when the CRS transforms
  std::vector<FieldDef> fields;
};

struct RasterInfo {
  int width = 0, height = 0, bands = 0;
  std::string crs;
  Bounds extent;
  std::string dataType;
};

struct SourceInfo {
  std::string path;
  std::string driver;
  std::vector<LayerInfo> layers;
  std::vector<RasterInfo> rasters;
};

/// nullopt (with a diagnostic) when the source cannot be opened.
std::optional<SourceInfo> describeSource(const std::string& path, Diagnostics& diag);

const char* fieldTypeName(FieldType t);

/// The GDAL release in use (the library loaded), e.g. "3.6.2".
std::string gdalVersion();

}  // namespace pamir::data
