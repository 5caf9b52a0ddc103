#include "data/source_info.hpp"

#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "data/gdal_support.hpp"

namespace pamir::data {

const char* fieldTypeName(FieldType t) {
  switch (t) {
    case FieldType::Integer:
      return "integer";
    case FieldType::Real:
      return "real";
    case FieldType::String:
      return "string";
    case FieldType::Date:
      return "date";
    case FieldType::Other:
      return "other";
  }
  return "other";
}

std::string gdalVersion() { return GDALVersionInfo("RELEASE_NAME"); }

std::optional<SourceInfo> describeSource(const std::string& path, Diagnostics& diag) {
  ensureGdalRegistered();
  GdalErrorCapture capture;
  GDALDatasetUniquePtr ds = openDataset(path);
  if (!ds) {
    VSIStatBufL st;
    diag.error(
        path, "", -1,
        VSIStatL(path.c_str(), &st) != 0 ? "no such file" : "not a geodata source GDAL can open" + capture.suffix());
    capture.markReported();
    capture.report(diag, path);
    return std::nullopt;
  }
  if (ds->GetLayerCount() == 0 && ds->GetRasterCount() == 0 && !capture.first().empty()) {
    // A driver that rejects the file's header may still open it, with no layers: GDAL's reason is the news.
    diag.error(path, "", -1, "unreadable: " + capture.first());
    capture.markReported();
    capture.report(diag, path);
    return std::nullopt;
  }
  SourceInfo info;
  info.path = path;
  info.driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  for (int i = 0; i < ds->GetLayerCount(); ++i) {
    OGRLayer* l = ds->GetLayer(i);
    if (!l) {
      diag.error(path, "#" + std::to_string(i), -1, "unreadable layer");
      continue;
    }
    LayerInfo li;
    li.name = l->GetName();
    capture.setLayer(li.name);
    li.geometryType = OGRGeometryTypeToName(l->GetGeomType());
    li.featureCount = l->GetFeatureCount(TRUE);
    li.crs = crsShortName(l->GetSpatialRef(), true);
    OGREnvelope env;
    if (l->GetExtent(&env, TRUE) == OGRERR_NONE) {
      li.extent.add(env.MinX, env.MinY);
      li.extent.add(env.MaxX, env.MaxY);
      if (const OGRSpatialReference* srs = l->GetSpatialRef()) {
        OGRSpatialReference src(*srs);
        src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&src, &wgs84));
        double x[4] = {env.MinX, env.MaxX, env.MinX, env.MaxX}, y[4] = {env.MinY, env.MinY, env.MaxY, env.MaxY};
        if (ct && ct->Transform(4, x, y))
          for (int k = 0; k < 4; ++k) li.extentLonLat.add(x[k], y[k]);
      } else {
        li.extentLonLat = li.extent;
      }
    }
    OGRFeatureDefn* defn = l->GetLayerDefn();
    for (int f = 0; f < defn->GetFieldCount(); ++f) {
      const OGRFieldDefn* fd = defn->GetFieldDefn(f);
      li.fields.push_back({fd->GetNameRef(), fieldTypeOf(fd->GetType())});
    }
    info.layers.push_back(std::move(li));
  }
  capture.setLayer("");
  if (ds->GetRasterCount() > 0) {
    RasterInfo r;
    r.width = ds->GetRasterXSize();
    r.height = ds->GetRasterYSize();
    r.bands = ds->GetRasterCount();
    r.crs = crsShortName(ds->GetSpatialRef(), true);
    r.dataType = GDALGetDataTypeName(ds->GetRasterBand(1)->GetRasterDataType());
    double gt[6];
    if (ds->GetGeoTransform(gt) == CE_None) {
      r.extent.add(gt[0], gt[3]);
      r.extent.add(gt[0] + gt[1] * r.width + gt[2] * r.height, gt[3] + gt[4] * r.width + gt[5] * r.height);
    }
    info.rasters.push_back(r);
  }
  capture.report(diag, path);
  return info;
}

}  // namespace pamir::data
