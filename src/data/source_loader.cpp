#include "data/source_loader.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/number.hpp"
#include "data/gdal_support.hpp"
#include "data/overview_cache.hpp"
#include "data/raster_reader.hpp"
#include "data/text_encoding.hpp"

namespace pamir::data {

namespace {

FieldValue valueOf(const OGRFeature& f, int i, FieldType type) {
  if (!f.IsFieldSetAndNotNull(i)) return std::monostate{};
  switch (type) {
    case FieldType::Integer:
      return static_cast<int64_t>(f.GetFieldAsInteger64(i));
    case FieldType::Real:
      return f.GetFieldAsDouble(i);
    default:
      return std::string(f.GetFieldAsString(i));
  }
}

// Why a lon/lat position cannot be placed on the globe, or "" when it can.
// Longitudes of files kept in 0..360 (or shifted by a turn) are placeable;
// beyond one and a half turns or past a pole nothing honest lies, and such
// values would stretch the view's fit over nothing.
// `where` is "" or " at vertex N".
std::string unplaceable(const LonLat& ll, const std::string& where = {}) {
  if (!ll.finite()) return "non-finite coordinate (NaN or infinity)" + where;
  constexpr double kPoleSlack = 1e-9;  // rounding in a transform to lon/lat
  if (std::abs(ll.lat) > 90.0 + kPoleSlack || std::abs(ll.lon) > 540.0)
    return "coordinate out of range" + where + " (longitude " + formatShortest(ll.lon) + ", latitude " +
           formatShortest(ll.lat) + "; latitude lies within ±90, longitude within ±540)";
  return {};
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
        if (std::string why = unplaceable(ll); !why.empty()) return why;
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
          // A broken hole cuts nothing out of a sound shell: the shell is kept, the hole dropped.
          Path hole;
          const OGRLinearRing* ring = poly->getInteriorRing(i);
          if (!ring || ring->IsEmpty()) {
            partWarning_ = "hole " + std::to_string(i + 1) + " is empty; dropped, the shell kept";
            continue;
          }
          if (auto err = readRing(ring, hole); !err.empty()) {
            partWarning_ = "hole " + std::to_string(i + 1) + ": " + err + "; dropped, the shell kept";
            continue;
          }
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
          if (err.empty())
            ++added;
          else if (firstError.empty())
            firstError = "part " + std::to_string(i + 1) + ": " + err;
        }
        if (added == 0) return firstError.empty() ? "empty geometry" : firstError;
        if (!firstError.empty()) partWarning_ = firstError;
        return {};
      }
      default:
        return std::string("unsupported geometry type ") + OGRGeometryTypeToName(flat);
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
      if (std::string why = unplaceable(ll, " at vertex " + std::to_string(i)); !why.empty()) return why;
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

// From here on every string of a Layer is UTF-8: JSON output, labels and
// search all rely on it. A source that declares no encoding (a shapefile
// without .cpg) is read in the code page its bytes suggest, and that is said.
void mendAttributeText(Layer& layer, bool sourceDeclaresUtf8, const std::string& path, Diagnostics& diag) {
  std::string sample;
  int64_t firstBad = -1;
  size_t bad = 0;
  auto inspect = [&](const std::string& text, int64_t fid) {
    if (isUtf8(text)) return;
    if (sample.size() < 4096) sample += text + ' ';
    if (bad++ == 0) firstBad = fid;
  };
  for (const auto& fd : layer.fields) inspect(fd.name, -1);
  for (const auto& f : layer.features)
    for (const auto& v : f.values)
      if (const auto* text = std::get_if<std::string>(&v)) inspect(*text, f.fid);
  if (bad == 0) return;
  const std::string encoding = sourceDeclaresUtf8 ? std::string() : guessLegacyEncoding(sample);
  auto mend = [&](std::string& text) {
    if (!isUtf8(text)) text = encoding.empty() ? replaceInvalidUtf8(text) : recodeToUtf8(text, encoding);
  };
  for (auto& fd : layer.fields) mend(fd.name);
  for (auto& f : layer.features)
    for (auto& v : f.values)
      if (auto* text = std::get_if<std::string>(&v)) mend(*text);
  if (encoding.empty())
    diag.warn(path, layer.sourceLayer, firstBad,
              std::to_string(bad) +
                  " attribute text(s) not valid UTF-8 (the first in this feature); bad bytes shown as U+FFFD");
  else
    diag.warn(path, layer.sourceLayer, -1,
              "attribute text is not UTF-8 and the source names no encoding (no .cpg file); read as " + encoding +
                  (encoding == "CP1251" ? " (Cyrillic)" : " (Western European)") +
                  "; a .cpg file naming the encoding overrides this");
}

void loadVectorLayer(OGRLayer& ogrLayer, const std::string& path, GdalErrorCapture& capture, Diagnostics& diag,
                     const LoadOptions& options, LoadedSource& out) {
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
      diag.warn(path, layerName, -1,
                "its CRS could not be read (" + openProblem + "); assuming WGS84 longitude/latitude");
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
        diag.error(path, layerName, -1,
                   "cannot transform its CRS " + layer.sourceCrs + " to WGS84: " + lastGdalError());
        capture.markReported();
        return;
      }
    }
  }

  ogrLayer.ResetReading();
  CPLErrorReset();
  // The header's count, when the driver knows it cheaply, sizes the feature
  // list once (a million points regrew it twenty times); a header that
  // claims more than this is not trusted that far.
  constexpr int64_t kReserveAtMost = int64_t{1} << 24;
  if (const int64_t cheap = ogrLayer.GetFeatureCount(FALSE); cheap > 0)
    layer.features.reserve(static_cast<size_t>(std::min(cheap, kReserveAtMost)));
  // A failure GDAL reports while fetching features: the file may end before its features do.
  std::string readError;
  int64_t readCount = 0;
  constexpr int64_t kCorruptNamed = 3;
  int64_t corrupt = 0;
  for (;;) {
    if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
      out.complete = false;
      return;
    }
    const size_t failuresBefore = capture.failureCount();
    OGRFeatureUniquePtr feature(ogrLayer.GetNextFeature());
    const bool fetchFailed = capture.failureCount() > failuresBefore;
    if (fetchFailed && readError.empty()) readError = capture.lastFailure();
    if (!feature) break;
    ++readCount;
    if (options.featuresRead) options.featuresRead->fetch_add(1, std::memory_order_relaxed);
    const int64_t fid = feature->GetFID();
    Feature f;
    f.fid = fid;
    f.values.reserve(layer.fields.size());
    for (size_t i = 0; i < layer.fields.size(); ++i)
      f.values.push_back(valueOf(*feature, static_cast<int>(i), layer.fields[i].type));

    OGRGeometry* g = feature->GetGeometryRef();
    if (!g || g->IsEmpty()) {
      // Attribute-only rows (e.g. an event with no published place) stay in the table.
      // A null geometry GDAL complained about is a blob it could not decode, not an empty one.
      if (!g && fetchFailed) {
        // A truncated .shp fails this way for every feature past the cut: the first few are named.
        if (++corrupt <= kCorruptNamed)
          diag.warn(path, layerName, fid, "corrupt geometry (" + capture.lastFailure() + "); kept without a location");
        capture.markReported();
      } else if (defn->GetGeomFieldCount() > 0) {
        diag.warn(path, layerName, fid, "empty geometry; kept without a location");
      }
      layer.features.push_back(std::move(f));
      continue;
    }
    if (toWgs84) {
      OGREnvelope env;
      g->getEnvelope(&env);
      // No CRS unit puts the Earth beyond this, and GDAL's transform can loop
      // for ever on values such as 1e308: such features never reach it.
      constexpr double kBeyondAnyCrs = 1e12;
      const auto within = [](double v) { return std::abs(v) <= kBeyondAnyCrs; };
      if (!within(env.MinX) || !within(env.MaxX) || !within(env.MinY) || !within(env.MaxY)) {
        diag.error(path, layerName, fid,
                   "coordinate out of range (x " + formatShortest(env.MinX) + ".." + formatShortest(env.MaxX) + ", y " +
                       formatShortest(env.MinY) + ".." + formatShortest(env.MaxY) + " in " + layer.sourceCrs +
                       "); feature skipped");
        continue;
      }
      const size_t failuresBefore = capture.failureCount();
      if (g->transform(toWgs84.get()) != OGRERR_NONE) {
        // The coordinates are at fault, not the CRS: say which, with PROJ's reason.
        std::string why = capture.failureCount() > failuresBefore ? " (" + capture.lastFailure() + ")" : "";
        diag.error(path, layerName, fid,
                   "coordinates x " + formatShortest(env.MinX) + ".." + formatShortest(env.MaxX) + ", y " +
                       formatShortest(env.MinY) + ".." + formatShortest(env.MaxY) + " lie outside what " +
                       layer.sourceCrs + " can place on the globe" + why + "; feature skipped");
        capture.markReported();
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
  if (corrupt > 0) out.complete = false;
  if (corrupt > kCorruptNamed)
    diag.warn(path, layerName, -1,
              std::to_string(corrupt) + " features in all have a corrupt geometry (the first " +
                  std::to_string(kCorruptNamed) + " named above); kept without a location");
  const int64_t declared = ogrLayer.GetFeatureCount(FALSE);  // the header's count, when cheap
  if (!readError.empty() && layer.features.empty()) {
    diag.error(path, layerName, -1, "reading failed: " + readError);
    capture.markReported();
    out.complete = false;
    return;
  }
  // Without a declared count, a fetch failure is taken to have ended the reading.
  if (declared >= 0 ? readCount < declared : !readError.empty()) {
    diag.warn(path, layerName, -1,
              "read only " + std::to_string(readCount) +
                  (declared > readCount ? " of " + std::to_string(declared) : "") + " features" +
                  (readError.empty() ? std::string(": the source ends early") : ": " + readError) +
                  "; the rest is missing");
    capture.markReported();
    out.complete = false;
  }
  mendAttributeText(layer, ogrLayer.TestCapability(OLCStringsAsUTF8) != 0, path, diag);
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
    if (options.cancel && options.cancel->load(std::memory_order_relaxed)) break;
    loadVectorLayer(*l, path, capture, diag, options, out);
  }
  capture.setLayer("");
  for (size_t k = 0; k < options.layers.size(); ++k)
    if (!found[k] && ds->GetRasterCount() == 0) diag.error(path, options.layers[k], -1, "no such layer in this source");

  if (ds->GetRasterCount() > 0 && options.layers.empty()) {
    // Overviews built earlier into the cache (the file has none of its own).
    GDALDatasetUniquePtr withOverviews;
    std::string readPath = path;
    GDALRasterBand* first = ds->GetRasterBand(1);
    if (first && first->GetOverviewCount() == 0)
      if (auto vrt = cachedOverviews(path)) {
        withOverviews.reset(GDALDataset::Open(vrt->c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
        if (withOverviews) readPath = *vrt;
      }
    if (auto raster = readRaster(withOverviews ? *withOverviews : *ds, path, diag, options.raster, readPath))
      out.rasters.push_back(std::move(*raster));
    else
      capture.markReported();  // readRaster's error line carries GDAL's reason
  }
  if (out.layers.empty() && out.rasters.empty() && ds->GetLayerCount() == 0 && ds->GetRasterCount() == 0) {
    // A driver that rejects the file's header may still open it, with no layers: GDAL's reason is the news.
    diag.error(path, "", -1, capture.first().empty() ? "source holds no layers" : "unreadable: " + capture.first());
    capture.markReported();
  }
  capture.report(diag, path);
  return out;
}

}  // namespace pamir::data
