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
  if (level >= CE_Failure && self->first_.empty()) self->first_ = text;
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
                                                nullptr, csv ? csvOptions : gml ? gmlOptions : nullptr));
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

namespace {
// A pixel value as a colour channel. NaN and values beyond a byte's range are
// clamped here rather than by std::clamp, which passes NaN through to a
// conversion whose result is undefined.
uint8_t channel(double v) { return v >= 255.0 ? uint8_t{255} : v > 0.0 ? static_cast<uint8_t>(v) : uint8_t{0}; }
}  // namespace

std::optional<RasterLayer> readRaster(GDALDataset& ds, const std::string& path, Diagnostics& diag) {
  const int w = ds.GetRasterXSize(), h = ds.GetRasterYSize();
  const int bands = ds.GetRasterCount();
  if (w <= 0 || h <= 0 || bands <= 0) {
    diag.error(path, "", -1, "raster has no pixels");
    return std::nullopt;
  }
  // Textures beyond this are downsampled on read: GL 3.3 guarantees 1024, llvmpipe and GPUs give 8192+.
  constexpr int kMaxSide = 4096;
  const double shrink = std::max(1.0, std::max(w, h) / static_cast<double>(kMaxSide));
  const int tw = std::max(1, static_cast<int>(w / shrink)), th = std::max(1, static_cast<int>(h / shrink));

  RasterLayer r;
  r.source = path;
  r.id = path;
  r.name = CPLGetBasename(path.c_str());
  r.width = tw;
  r.height = th;
  if (ds.GetGeoTransform(r.geoTransform) != CE_None) {
    diag.warn(path, "", -1, "raster has no georeferencing; placed as a 1-degree-per-pixel grid");
  } else {
    r.geoTransform[1] *= static_cast<double>(w) / tw;
    r.geoTransform[2] *= static_cast<double>(w) / tw;
    r.geoTransform[4] *= static_cast<double>(h) / th;
    r.geoTransform[5] *= static_cast<double>(h) / th;
  }
  if (const OGRSpatialReference* srs = ds.GetSpatialRef()) {
    char* wkt = nullptr;
    const char* opts[] = {"FORMAT=WKT2_2019", nullptr};
    srs->exportToWkt(&wkt, opts);
    if (wkt) r.crsWkt = wkt;
    CPLFree(wkt);
  } else {
    diag.warn(path, "", -1, "raster has no CRS; assuming WGS84 longitude/latitude");
  }

  const size_t n = static_cast<size_t>(tw) * th;
  r.rgba.assign(n * 4, 255);
  GDALRasterBand* b1 = ds.GetRasterBand(1);
  int hasNoData = 0;
  const double noData = b1->GetNoDataValue(&hasNoData);
  std::vector<float> values(n);
  auto readBand = [&](int band, std::vector<float>& buf) {
    return ds.GetRasterBand(band)->RasterIO(GF_Read, 0, 0, w, h, buf.data(), tw, th, GDT_Float32, 0, 0) == CE_None;
  };

  bool ok = true;
  if (bands >= 3) {
    for (int c = 0; c < std::min(bands, 4) && ok; ++c) {
      ok = readBand(c + 1, values);
      for (size_t i = 0; ok && i < n; ++i)
        r.rgba[i * 4 + static_cast<size_t>(c)] = channel(values[i]);
    }
  } else if (GDALColorTable* ct = b1->GetColorTable()) {
    ok = readBand(1, values);
    for (size_t i = 0; ok && i < n; ++i) {
      // Colour tables have at most 65536 entries; NaN is no index at all.
      if (!(values[i] >= 0.0f && values[i] < 65536.0f)) continue;
      const GDALColorEntry* e = ct->GetColorEntry(static_cast<int>(values[i]));
      if (!e) continue;
      r.rgba[i * 4 + 0] = static_cast<uint8_t>(e->c1);
      r.rgba[i * 4 + 1] = static_cast<uint8_t>(e->c2);
      r.rgba[i * 4 + 2] = static_cast<uint8_t>(e->c3);
      r.rgba[i * 4 + 3] = static_cast<uint8_t>(e->c4);
    }
  } else {
    ok = readBand(1, values);
    float lo = std::numeric_limits<float>::infinity(), hi = -lo;
    const bool byteBand = b1->GetRasterDataType() == GDT_Byte;
    for (size_t i = 0; ok && i < n; ++i) {
      float v = values[i];
      if (!std::isfinite(v) || (hasNoData && v == static_cast<float>(noData))) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    if (byteBand) lo = 0, hi = 255;
    // In double: the span of float extremes (-3e38 to 3e38) overflows a float.
    const double span = hi > lo ? static_cast<double>(hi) - lo : 1.0;
    for (size_t i = 0; ok && i < n; ++i) {
      float v = values[i];
      if (!std::isfinite(v) || (hasNoData && v == static_cast<float>(noData))) {
        r.rgba[i * 4 + 3] = 0;
        continue;
      }
      const uint8_t g = channel((static_cast<double>(v) - lo) / span * 255.0);
      r.rgba[i * 4 + 0] = r.rgba[i * 4 + 1] = r.rgba[i * 4 + 2] = g;
    }
  }
  if (!ok) {
    diag.error(path, "", -1, "raster pixels unreadable: " + lastGdalError());
    return std::nullopt;
  }
  if (hasNoData && bands >= 3) {
    // Nodata on RGB rasters: transparent where band 1 equals it.
    std::vector<float> first(n);
    if (readBand(1, first))
      for (size_t i = 0; i < n; ++i)
        if (first[i] == static_cast<float>(noData)) r.rgba[i * 4 + 3] = 0;
  }
  return r;
}

}  // namespace pamir::data
