#include "data/gdal_support.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <mutex>

namespace pamir::data {

void ensureGdalRegistered() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

std::string lastGdalError() {
  std::string m = CPLGetLastErrorMsg();
  std::replace(m.begin(), m.end(), '\n', ' ');
  return m.empty() ? "unknown error" : m;
}

GdalErrorCapture::GdalErrorCapture() { CPLPushErrorHandlerEx(&GdalErrorCapture::handler, this); }

GdalErrorCapture::~GdalErrorCapture() { CPLPopErrorHandler(); }

void CPL_STDCALL GdalErrorCapture::handler(CPLErr level, CPLErrorNum, const char* msg) {
  auto* self = static_cast<GdalErrorCapture*>(CPLGetErrorHandlerUserData());
  // CE_Debug is CPLDebug() output, which GDAL prints only with CPL_DEBUG set; not the user's business.
  if (!self || !msg || level < CE_Warning) return;
  std::string text = msg;
  std::replace(text.begin(), text.end(), '\n', ' ');
  if (level >= CE_Failure) {
    if (self->first_.empty()) self->first_ = text;
    self->lastFailure_ = text;
    ++self->failures_;
  }
  // A broken file can repeat one complaint per feature; one line says it.
  for (const Message& m : self->messages_)
    if (m.text == text && m.layer == self->layer_) return;
  self->messages_.push_back({level, self->layer_, std::move(text)});
}

void GdalErrorCapture::markReported() {
  for (Message& m : messages_) m.reported = true;
}

void GdalErrorCapture::report(Diagnostics& diag, const std::string& file) {
  for (Message& m : messages_) {
    if (m.reported) continue;
    m.reported = true;
    // Whatever made the operation fail is already an error line and marked reported;
    // what is left did not stop it, so it is a warning whatever GDAL's level.
    diag.warn(file, m.layer, -1, (m.level >= CE_Failure ? "GDAL error: " : "GDAL: ") + m.text);
  }
}

GDALDatasetUniquePtr openDataset(const std::string& path) {
  ensureGdalRegistered();
  std::string ext = CPLGetExtension(path.c_str());
  for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  const char* csvOptions[] = {"X_POSSIBLE_NAMES=lon,longitude,lng,long,x",
                              "Y_POSSIBLE_NAMES=lat,latitude,y",
                              "GEOM_POSSIBLE_NAMES=wkt,geometry,geom,the_geom",
                              "KEEP_GEOM_COLUMNS=NO",
                              "AUTODETECT_TYPE=YES",
                              nullptr};
  // GDAL's GML reader otherwise writes a .gfs schema file beside the input:
  // opening a file must not write into the user's folder.
  const char* gmlOptions[] = {"WRITE_GFS=NO", nullptr};
  const bool csv = ext == "csv" || ext == "tsv";
  const bool gml = ext == "gml";
  return GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_RASTER | GDAL_OF_READONLY,
                                                nullptr,
                                                csv   ? csvOptions
                                                : gml ? gmlOptions
                                                      : nullptr));
}

FieldType fieldTypeOf(OGRFieldType type) {
  switch (type) {
    case OFTInteger:
    case OFTInteger64:
      return FieldType::Integer;
    case OFTReal:
      return FieldType::Real;
    case OFTString:
      return FieldType::String;
    case OFTDate:
    case OFTDateTime:
      return FieldType::Date;
    default:
      return FieldType::Other;  // OFTTime, lists, binary: kept as GDAL's text
  }
}

std::string crsShortName(const OGRSpatialReference* srs, bool withName) {
  if (!srs) return {};
  const char* auth = srs->GetAuthorityName(nullptr);
  const char* code = srs->GetAuthorityCode(nullptr);
  const std::string name = srs->GetName() ? srs->GetName() : "";
  if (auth && code) return std::string(auth) + ":" + code + (withName && !name.empty() ? " (" + name + ")" : "");
  return name.empty() ? "custom CRS" : name;
}

}  // namespace pamir::data
