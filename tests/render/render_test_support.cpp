#include "render/render_test_support.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <array>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "render/offscreen_context.hpp"

namespace pamir::render::test {

bool ensureContext(std::string* error) {
  static std::string why;
  static std::unique_ptr<OffscreenContext> context = OffscreenContext::create(&why);
  if (!context) {
    if (error) *error = why;
    return false;
  }
  // Another test may have made (and dropped) a context of its own since.
  if (!context->makeCurrent()) {
    if (error) *error = "cannot make the headless context current again";
    return false;
  }
  return true;
}

void GlTest::SetUp() {
  std::string error;
  ASSERT_TRUE(ensureContext(&error)) << error;
}

std::string dataPath(const std::string& name) { return std::string(PAMIR_TEST_DATA_DIR) + "/render/" + name; }

std::string outputDir(const std::string& name) {
  std::filesystem::path dir = std::filesystem::path(PAMIR_TEST_OUT_DIR) / "render" / name;
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  std::filesystem::create_directories(dir, ec);
  return dir.string();
}

namespace {

FieldValue fieldValue(OGRFeature& f, int i) {
  if (!f.IsFieldSetAndNotNull(i)) return std::monostate{};
  switch (f.GetFieldDefnRef(i)->GetType()) {
    case OFTInteger:
    case OFTInteger64:
      return static_cast<int64_t>(f.GetFieldAsInteger64(i));
    case OFTReal:
      return f.GetFieldAsDouble(i);
    default:
      return std::string(f.GetFieldAsString(i));
  }
}

Path toPath(const OGRSimpleCurve& curve) {
  Path p;
  for (int i = 0; i < curve.getNumPoints(); ++i) p.push_back({curve.getX(i), curve.getY(i)});
  return p;
}

void addGeometry(const OGRGeometry* g, Geometry& out) {
  if (!g || g->IsEmpty()) return;
  switch (wkbFlatten(g->getGeometryType())) {
    case wkbPoint: {
      auto* p = g->toPoint();
      out.points.push_back({p->getX(), p->getY()});
      break;
    }
    case wkbLineString:
      out.lines.push_back(toPath(*g->toLineString()));
      break;
    case wkbPolygon: {
      auto* poly = g->toPolygon();
      Polygon p;
      p.outer = toPath(*poly->getExteriorRing());
      for (int i = 0; i < poly->getNumInteriorRings(); ++i) p.holes.push_back(toPath(*poly->getInteriorRing(i)));
      out.polygons.push_back(std::move(p));
      break;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
      for (const OGRGeometry* part : *g->toGeometryCollection()) addGeometry(part, out);
      break;
    default: {
      std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
      if (linear && wkbFlatten(linear->getGeometryType()) != wkbFlatten(g->getGeometryType())) {
        addGeometry(linear.get(), out);
      }
    }
  }
}

}  // namespace

std::optional<Layer> readVectorLayer(const std::string& path, const std::string& layerName, std::string* error) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) {
    if (error) *error = path + ": cannot open";
    return std::nullopt;
  }
  OGRLayer* src = layerName.empty() ? ds->GetLayer(0) : ds->GetLayerByName(layerName.c_str());
  if (!src) {
    if (error) *error = path + ": no layer '" + layerName + "'";
    return std::nullopt;
  }
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> ct;
  if (const OGRSpatialReference* srs = src->GetSpatialRef(); srs && !srs->IsSame(&wgs84)) {
    ct.reset(OGRCreateCoordinateTransformation(srs, &wgs84));
  }
  Layer layer;
  layer.name = src->GetName();
  layer.id = path + ":" + layer.name;
  layer.source = path;
  layer.sourceLayer = layer.name;
  OGRFeatureDefn* defn = src->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    OGRFieldDefn* fd = defn->GetFieldDefn(i);
    FieldType t = fd->GetType() == OFTInteger || fd->GetType() == OFTInteger64 ? FieldType::Integer
                  : fd->GetType() == OFTReal                                   ? FieldType::Real
                                                                               : FieldType::String;
    layer.fields.push_back({fd->GetNameRef(), t});
  }
  for (auto& f : *src) {
    Feature feature;
    feature.fid = f->GetFID();
    if (OGRGeometry* g = f->GetGeometryRef()) {
      if (ct) g->transform(ct.get());
      addGeometry(g, feature.geometry);
    }
    for (int i = 0; i < defn->GetFieldCount(); ++i) feature.values.push_back(fieldValue(*f, i));
    layer.features.push_back(std::move(feature));
  }
  return layer;
}

std::optional<RasterLayer> readRaster(const std::string& path, std::string* error) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  if (!ds) {
    if (error) *error = path + ": cannot open";
    return std::nullopt;
  }
  RasterLayer r;
  r.name = std::filesystem::path(path).stem().string();
  r.id = path;
  r.source = path;
  r.width = ds->GetRasterXSize();
  r.height = ds->GetRasterYSize();
  ds->GetGeoTransform(r.geoTransform);
  if (const OGRSpatialReference* srs = ds->GetSpatialRef()) {
    char* wkt = nullptr;
    srs->exportToWkt(&wkt);
    r.crsWkt = wkt ? wkt : "";
    CPLFree(wkt);
  }
  int bands = ds->GetRasterCount();
  size_t n = static_cast<size_t>(r.width) * r.height;
  r.rgba.assign(n * 4, 255);
  std::vector<uint8_t> band(n);
  for (int c = 0; c < 4; ++c) {
    int source = bands >= 3 ? c + 1 : (c < 3 ? 1 : (bands == 2 ? 2 : 0));
    if (source == 0 || source > bands) continue;
    if (ds->GetRasterBand(source)->RasterIO(GF_Read, 0, 0, r.width, r.height, band.data(), r.width, r.height, GDT_Byte,
                                            0, 0) != CE_None) {
      if (error) *error = path + ": cannot read band " + std::to_string(source);
      return std::nullopt;
    }
    for (size_t i = 0; i < n; ++i) r.rgba[i * 4 + c] = band[i];
  }
  return r;
}

std::optional<Image> readBand(const std::string& path, std::string* error, int bandIndex) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  if (!ds || ds->GetRasterCount() < bandIndex || bandIndex < 1) {
    if (error) *error = path + ": cannot open";
    return std::nullopt;
  }
  Image img;
  img.width = ds->GetRasterXSize();
  img.height = ds->GetRasterYSize();
  std::vector<uint8_t> band(static_cast<size_t>(img.width) * img.height);
  if (ds->GetRasterBand(bandIndex)->RasterIO(GF_Read, 0, 0, img.width, img.height, band.data(), img.width, img.height,
                                             GDT_Byte, 0, 0) != CE_None) {
    if (error) *error = path + ": cannot read";
    return std::nullopt;
  }
  img.rgba.resize(band.size() * 4);
  for (size_t i = 0; i < band.size(); ++i) {
    img.rgba[i * 4] = img.rgba[i * 4 + 1] = img.rgba[i * 4 + 2] = band[i];
    img.rgba[i * 4 + 3] = 255;
  }
  return img;
}

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string number(double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

int run(const std::string& command, std::string* log) {
  std::string cmd = command + " 2>&1";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (!pipe) return -1;
  std::array<char, 4096> buf;
  std::string out;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  int status = ::pclose(pipe);
  if (log) *log = out;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

double iou(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b) {
  size_t inter = 0, uni = 0;
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    bool x = a[i] != 0, y = b[i] != 0;
    inter += x && y;
    uni += x || y;
  }
  return uni == 0 ? 1.0 : static_cast<double>(inter) / static_cast<double>(uni);
}

std::vector<uint8_t> redMask(const Image& image) {
  std::vector<uint8_t> m(static_cast<size_t>(image.width) * image.height);
  for (size_t i = 0; i < m.size(); ++i) m[i] = image.rgba[i * 4] > 127 ? 1 : 0;
  return m;
}

}  // namespace pamir::render::test
