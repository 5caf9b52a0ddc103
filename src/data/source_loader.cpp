#include "data/source_loader.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <memory>

#include "data/gdal_support.hpp"

namespace pamir::data {

namespace {

FieldValue valueOf(const OGRFeature& f, int i, FieldType type) {
  if (!f.IsFieldSetAndNotNull(i)) return std::monostate{};
  switch (type) {
    case FieldType::Integer: return static_cast<int64_t>(f.GetFieldAsInteger64(i));
    case FieldType::Real: return f.GetFieldAsDouble(i);
    default: return std::string(f.GetFieldAsString(i));
  }
}

// Converts one OGR geometry (already in WGS84 lon/lat) to core types.
// Returns an empty string on success, or why the geometry was rejected.
class GeometryConverter {
 public:
  explicit GeometryConverter(Geometry& out) : out_(out) {}

  std::string add(const OGRGeometry* g) {
    if (!g || g->IsEmpty()) return "empty geometry";
    const OGRwkbGeometryType flat = wkbFlatten(g->getGeometryType());
    if (OGR_GT_IsNonLinear(flat)) {
      std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
      return linear ? add(linear.get()) : "curve could not be linearised";
    }
    switch (flat) {
      case wkbPoint: {
        auto* p = g->toPoint();
        LonLat ll{p->getX(), p->getY()};
        if (!ll.finite()) return "non-finite coordinate (NaN or infinity)";
        out_.points.push_back(ll);
        return {};
      }
      case wkbLineString: {
        Path path;
        if (auto err = readCurve(g->toLineString(), path); !err.empty()) return err;
        if (path.size() < 2) return "line with fewer than 2 points";
        out_.lines.push_back(std::move(path));
        return {};
      }
      case wkbPolygon: {
        const OGRPolygon* poly = g->toPolygon();
        Polygon result;
        if (auto err = readRing(poly->getExteriorRing(), result.outer); !err.empty()) return err;
        for (int i = 0; i < poly->getNumInteriorRings(); ++i) {
          Path hole;
          if (auto err = readRing(poly->getInteriorRing(i), hole); !err.empty()) return "hole " + std::to_string(i + 1) + ": " + err;
          result.holes.push_back(std::move(hole));
        }
        out_.polygons.push_back(std::move(result));
        return {};
      }
      case wkbMultiPoint:
      case wkbMultiLineString:
      case wkbMultiPolygon:
      case wkbGeometryCollection: {
        const OGRGeometryCollection* c = g->toGeometryCollection();
        std::string firstError;
        int added = 0;
        for (int i = 0; i < c->getNumGeometries(); ++i) {
          std::string err = add(c->getGeometryRef(i));
          if (err.empty()) ++added;
          else if (firstError.empty()) firstError = "part " + std::to_string(i + 1) + ": " + err;
        }
        if (added == 0) return firstError.empty() ? "empty geometry" : firstError;
        if (!firstError.empty()) partWarning_ = firstError;
        return {};
      }
      default: return std::string("unsupported geometry type ") + OGRGeometryTypeToName(flat);
    }
  }

  /// A problem with one part of a multi-part geometry whose other parts loaded.
  const std::string& partWarning() const { return partWarning_; }

 private:
  static std::string readCurve(const OGRSimpleCurve* c, Path& path) {
    if (!c) return "missing ring";
    const int n = c->getNumPoints();
    path.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      LonLat ll{c->getX(i), c->getY(i)};
      if (!ll.finite()) return "non-finite coordinate (NaN or infinity) at vertex " + std::to_string(i);
      path.push_back(ll);
    }
    return {};
  }

  std::string readRing(const OGRLinearRing* ring, Path& path) {
    if (auto err = readCurve(ring, path); !err.empty()) return err;
    if (path.size() < 3) return "ring with fewer than 3 points";
    if (path.front() != path.back()) {
      // Unclosed rings are common in hand-written files; close them and say so.
      partWarning_ = "unclosed ring closed";
      path.push_back(path.front());
    }
    if (path.size() < 4) return "degenerate ring (fewer than 3 distinct points)";
    return {};
  }

  Geometry& out_;
  std::string partWarning_;
};

void loadVectorLayer(OGRLayer& ogrLayer, const std::string& path, GdalErrorCapture& capture, Diagnostics& diag,
                     LoadedSource& out) {
  const std::string layerName = ogrLayer.GetName();
  Layer layer;
  layer.name = layerName;
  layer.source = path;
  layer.sourceLayer = layerName;
  layer.id = path + ":" + layerName;
  layer.geometryType = OGRGeometryTypeToName(wkbFlatten(ogrLayer.GetGeomType()));

  OGRFeatureDefn* defn = ogrLayer.GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    const OGRFieldDefn* fd = defn->GetFieldDefn(i);
    layer.fields.push_back({fd->GetNameRef(), fieldTypeOf(fd->GetType())});
  }

  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

  std::unique_ptr<OGRCoordinateTransformation> toWgs84;
  const OGRSpatialReference* srs = ogrLayer.GetSpatialRef();
  // GDAL's first failure so far, opening the source or reading this CRS (some
  // drivers read it only now): told with the layer's CRS below, where it matters.
  const std::string openProblem = capture.first();
  capture.markReported();
  if (!srs) {
    if (defn->GetGeomFieldCount() > 0 && !openProblem.empty())
      diag.warn(path, layerName, -1, "its CRS could not be read (" + openProblem + "); assuming WGS84 longitude/latitude");
    else if (defn->GetGeomFieldCount() > 0)
      diag.warn(path, layerName, -1, "no CRS declared; assuming WGS84 longitude/latitude");
    layer.sourceCrs = "EPSG:4326 (assumed)";
  } else {
    layer.sourceCrs = crsShortName(srs);
    // Some drivers (GeoJSON) fall back to WGS84 when the declared CRS is unknown; say so.
    if (!openProblem.empty())
      diag.warn(path, layerName, -1,
                "its CRS could not be read (" + openProblem + "); assuming " +
                    (layer.sourceCrs == "EPSG:4326" ? std::string("WGS84 longitude/latitude") : layer.sourceCrs));
    OGRSpatialReference source(*srs);
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!source.IsSame(&wgs84)) {
      CPLErrorReset();
      toWgs84.reset(OGRCreateCoordinateTransformation(&source, &wgs84));
      if (!toWgs84) {
        diag.error(path, layerName, -1, "cannot transform its CRS " + layer.sourceCrs + " to WGS84: " + lastGdalError());
        capture.markReported();
        return;
      }
    }
  }

  ogrLayer.ResetReading();
  CPLErrorReset();
  for (auto& feature : ogrLayer) {
    const int64_t fid = feature->GetFID();
    Feature f;
    f.fid = fid;
    f.values.reserve(layer.fields.size());
    for (size_t i = 0; i < layer.fields.size(); ++i)
      f.values.push_back(valueOf(*feature, static_cast<int>(i), layer.fields[i].type));

    OGRGeometry* g = feature->GetGeometryRef();
    if (!g || g->IsEmpty()) {
      // Attribute-only rows (e.g. an event with no published place) stay in the table.
      if (defn->GetGeomFieldCount() > 0) diag.warn(path, layerName, fid, "empty geometry; kept without a location");
      layer.features.push_back(std::move(f));
      continue;
    }
    if (toWgs84) {
      if (g->transform(toWgs84.get()) != OGRERR_NONE) {
        diag.error(path, layerName, fid, "coordinates cannot be transformed to WGS84; feature skipped");
        continue;
      }
    }
    GeometryConverter conv(f.geometry);
    if (std::string err = conv.add(g); !err.empty()) {
      diag.error(path, layerName, fid, err + "; feature skipped");
      continue;
    }
    if (!conv.partWarning().empty()) diag.warn(path, layerName, fid, conv.partWarning());
    layer.features.push_back(std::move(f));
  }
  if (CPLGetLastErrorType() >= CE_Failure && layer.features.empty()) {
    diag.error(path, layerName, -1, "reading failed: " + lastGdalError());
    capture.markReported();
    return;
  }
  out.layers.push_back(std::move(layer));
}

}  // namespace

LoadedSource loadSource(const std::string& path, Diagnostics& diag, const LoadOptions& options) {
  ensureGdalRegistered();
  LoadedSource out;
  GdalErrorCapture capture;
  GDALDatasetUniquePtr ds = openDataset(path);
  if (!ds) {
    VSIStatBufL st;
    if (VSIStatL(path.c_str(), &st) != 0)
      diag.error(path, "", -1, "no such file");
    else
      diag.error(path, "", -1, "not a geodata source GDAL can open" + capture.suffix());
    capture.markReported();
    capture.report(diag, path);
    return out;
  }
  std::vector<bool> found(options.layers.size(), false);
  for (int i = 0; i < ds->GetLayerCount(); ++i) {
    OGRLayer* l = ds->GetLayer(i);
    if (!l) {
      diag.error(path, "#" + std::to_string(i), -1, "unreadable layer" + capture.suffix());
      capture.markReported();
      continue;
    }
    if (!options.layers.empty()) {
      bool wanted = false;
      for (size_t k = 0; k < options.layers.size(); ++k)
        if (options.layers[k] == l->GetName()) wanted = found[k] = true;
      if (!wanted) continue;
    }
    capture.setLayer(l->GetName());
    loadVectorLayer(*l, path, capture, diag, out);
  }
  capture.setLayer("");
  for (size_t k = 0; k < options.layers.size(); ++k)
    if (!found[k] && ds->GetRasterCount() == 0) diag.error(path, options.layers[k], -1, "no such layer in this source");

  if (ds->GetRasterCount() > 0 && options.layers.empty()) {
    if (auto raster = readRaster(*ds, path, diag))
      out.rasters.push_back(std::move(*raster));
    else
      capture.markReported();  // readRaster's error line carries GDAL's reason
  }
  if (out.layers.empty() && out.rasters.empty() && ds->GetLayerCount() == 0 && ds->GetRasterCount() == 0)
    diag.error(path, "", -1, "source holds no layers");
  capture.report(diag, path);
  return out;
}

}  // namespace pamir::data
