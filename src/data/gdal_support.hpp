#pragma once
// GDAL plumbing shared by the data module's .cpp files. Internal: includes GDAL.
#include <gdal_priv.h>

#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "core/feature.hpp"

namespace pamir::data {

/// Registers GDAL's drivers once, and keeps GDAL quiet on stderr: its errors
/// reach the user through Diagnostics instead.
void ensureGdalRegistered();

/// CPLGetLastErrorMsg() as a one-line string ("unknown error" if none).
std::string lastGdalError();

/// While alive, collects GDAL's error messages instead of printing them.
class GdalErrorCapture {
 public:
  GdalErrorCapture();
  ~GdalErrorCapture();
  GdalErrorCapture(const GdalErrorCapture&) = delete;
  GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;
  const std::string& first() const { return first_; }
  /// ": <first message>" or "" when GDAL said nothing.
  std::string suffix() const { return first_.empty() ? std::string() : ": " + first_; }

 private:
  static void CPL_STDCALL handler(CPLErr, CPLErrorNum, const char* msg);
  std::string first_;
};

/// Opens any vector or raster source read-only. CSV files get their geometry
/// from a WKT column or from lon/lat columns under their usual names.
GDALDataset* openDataset(const std::string& path);

/// Reads a raster dataset as 8-bit RGBA: RGB(A) bands as they are, a palette
/// through its colour table, one band of any other type stretched min..max to
/// grey. Nodata becomes transparent.
std::optional<RasterLayer> readRaster(GDALDataset& ds, const std::string& path, Diagnostics& diag);

}  // namespace pamir::data
