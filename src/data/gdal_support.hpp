#pragma once
// GDAL plumbing shared by the data module's .cpp files. Internal: includes GDAL.
#include <gdal_priv.h>

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/feature.hpp"

namespace pamir::data {

/// Registers GDAL's drivers once. GDAL's messages are not silenced
/// process-wide: each operation collects its own with a GdalErrorCapture.
void ensureGdalRegistered();

/// CPLGetLastErrorMsg() as a one-line string ("unknown error" if none).
std::string lastGdalError();

/// While alive, GDAL's messages on this thread are collected for one operation
/// on one source instead of being printed (GDAL's handler stack is per
/// thread, so captures on other threads and nested captures stay apart).
/// report() hands those not already folded into another diagnostic to
/// Diagnostics, naming the file and the layer being read when GDAL spoke.
class GdalErrorCapture {
 public:
  GdalErrorCapture();
  ~GdalErrorCapture();
  GdalErrorCapture(const GdalErrorCapture&) = delete;
  GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;

  /// The layer later messages are about ("" for the source as a whole).
  void setLayer(std::string layer) { layer_ = std::move(layer); }
  /// The first failure GDAL reported, one line; "" when none.
  const std::string& first() const { return first_; }
  /// How many failures (CE_Failure or worse) GDAL has reported, repeats included.
  size_t failureCount() const { return failures_; }
  /// The text of the latest failure; "" when none.
  const std::string& lastFailure() const { return lastFailure_; }
  /// ": <first failure>" or "" when GDAL reported none.
  std::string suffix() const { return first_.empty() ? std::string() : ": " + first_; }
  /// Every message so far has been told to the user some other way (e.g. in an error line).
  void markReported();
  /// Passes the messages not yet reported to `diag` as warnings ("GDAL: ...",
  /// "GDAL error: ..."), naming `file` and the layer; then they count as reported.
  void report(Diagnostics& diag, const std::string& file);

 private:
  struct Message {
    CPLErr level;
    std::string layer;
    std::string text;
    bool reported = false;
  };
  static void CPL_STDCALL handler(CPLErr, CPLErrorNum, const char* msg);
  std::string layer_;
  std::string first_;
  std::string lastFailure_;
  size_t failures_ = 0;
  std::vector<Message> messages_;
};

/// Opens any vector or raster source read-only (null when GDAL cannot; the
/// reason is in the caller's GdalErrorCapture). CSV files get their geometry
/// from a WKT column or from lon/lat columns under their usual names.
GDALDatasetUniquePtr openDataset(const std::string& path);

/// Pamir's field type for an OGR field type. Dates and date-times are Date
/// (kept as ISO text); a time of day (OFTTime) carries no date, so it is
/// Other: a year filter must never read "12:30:00" as a date.
FieldType fieldTypeOf(OGRFieldType type);

/// A CRS as one short line: "AUTH:CODE" when it has one (with its name in
/// parentheses when `withName`: "EPSG:32643 (WGS 84 / UTM zone 43N)"), else its
/// name, else "custom CRS"; "" for no CRS.
std::string crsShortName(const OGRSpatialReference* srs, bool withName = false);

}  // namespace pamir::data
