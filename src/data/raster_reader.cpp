#include "data/raster_reader.hpp"

#include <cpl_conv.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "core/number.hpp"
#include "data/gdal_support.hpp"

namespace pamir::data {

namespace {
// A pixel value as a colour channel. NaN and values beyond a byte's range are
// clamped here rather than by std::clamp, which passes NaN through to a
// conversion whose result is undefined.
uint8_t channel(double v) { return v >= 255.0 ? uint8_t{255} : v > 0.0 ? static_cast<uint8_t>(v) : uint8_t{0}; }

/// One resolution of the raster: the full one or an overview, its bands in order.
struct Level {
  std::vector<GDALRasterBand*> bands;
  int width = 0, height = 0;
};

// GDAL's RasterIO would pick an overview by itself, but its choice is not
// visible before the read, and the read's cost below depends on it.
Level chooseLevel(GDALDataset& ds, int bandCount, int wantW, int wantH) {
  Level best;
  best.width = ds.GetRasterXSize();
  best.height = ds.GetRasterYSize();
  for (int b = 1; b <= bandCount; ++b) best.bands.push_back(ds.GetRasterBand(b));
  GDALRasterBand* first = ds.GetRasterBand(1);
  for (int o = 0; o < first->GetOverviewCount(); ++o) {
    GDALRasterBand* ov = first->GetOverview(o);
    if (!ov || ov->GetXSize() < wantW || ov->GetYSize() < wantH) continue;
    if (ov->GetXSize() >= best.width) continue;
    Level level;
    level.width = ov->GetXSize();
    level.height = ov->GetYSize();
    for (int b = 1; b <= bandCount; ++b) {
      GDALRasterBand* band = ds.GetRasterBand(b)->GetOverview(o);
      if (!band || band->GetXSize() != level.width || band->GetYSize() != level.height) break;
      level.bands.push_back(band);
    }
    if (static_cast<int>(level.bands.size()) == bandCount) best = std::move(level);
  }
  return best;
}

// Bytes of source blocks a decimated read of `level` into tw x th decodes:
// each image column falls in one block column, so at most min(blocks, tw)
// block columns are touched (likewise rows).
// Pixel-interleaved bands share their blocks: a block of one band decodes
// every band's samples (`interleave` times the band's own bytes).
double readCost(const Level& level, int tw, int th, double interleave = 1.0) {
  double bytes = 0;
  for (GDALRasterBand* band : level.bands) {
    int bx = 0, by = 0;
    band->GetBlockSize(&bx, &by);
    bx = std::max(bx, 1);
    by = std::max(by, 1);
    const double blocksX = std::ceil(level.width / static_cast<double>(bx));
    const double blocksY = std::ceil(level.height / static_cast<double>(by));
    bytes += std::min(blocksX, static_cast<double>(tw)) * std::min(blocksY, static_cast<double>(th)) * bx * by *
             GDALGetDataTypeSizeBytes(band->GetRasterDataType());
  }
  return bytes * interleave;
}

}  // namespace

std::optional<RasterLayer> readRaster(GDALDataset& ds, const std::string& path, Diagnostics& diag,
                                      const RasterBudget& budget) {
  const int w = ds.GetRasterXSize(), h = ds.GetRasterYSize();
  const int bands = ds.GetRasterCount();
  if (w <= 0 || h <= 0 || bands <= 0) {
    diag.error(path, "", -1, "raster has no pixels");
    return std::nullopt;
  }
  const int maxSide = std::max(1, budget.maxSide);
  const double shrink = std::max(1.0, std::max(w, h) / static_cast<double>(maxSide));
  int tw = std::max(1, static_cast<int>(w / shrink)), th = std::max(1, static_cast<int>(h / shrink));
  const int bandsRead = bands >= 3 ? std::min(bands, 4) : 1;
  const Level level = chooseLevel(ds, bandsRead, tw, th);
  const char* interleaving = ds.GetMetadataItem("INTERLEAVE", "IMAGE_STRUCTURE");
  const double interleave =
      interleaving && EQUAL(interleaving, "PIXEL") && bands > bandsRead ? static_cast<double>(bands) / bandsRead : 1.0;
  const int wantW = tw;
  double cost = readCost(level, tw, th, interleave);
  for (; cost > static_cast<double>(budget.maxSourceBytes) && (tw > 1 || th > 1);
       cost = readCost(level, tw, th, interleave)) {
    const double f = std::max(1.05, std::sqrt(cost / static_cast<double>(budget.maxSourceBytes)));
    tw = std::max(1, static_cast<int>(tw / f));
    th = std::max(1, static_cast<int>(th / f));
  }
  // Even one pixel decodes more than the budget (e.g. thousands of bands
  // interleaved in rows a million pixels wide): reading it would exhaust memory.
  if (cost > static_cast<double>(budget.maxSourceBytes)) {
    diag.error(path, "", -1,
               "raster is " + std::to_string(w) + "x" + std::to_string(h) + " pixels in " + std::to_string(bands) +
                   " bands; reading even one pixel of it decodes " +
                   std::to_string(static_cast<long long>(cost / 1048576)) + " MiB, more than the " +
                   std::to_string(budget.maxSourceBytes / 1048576) + " MiB allowed; raster not shown");
    return std::nullopt;
  }
  if (tw < wantW)
    diag.warn(path, "", -1,
              "raster is " + std::to_string(w) + "x" + std::to_string(h) +
                  " pixels with no overview near the size shown; read at " + std::to_string(tw) + "x" +
                  std::to_string(th) + " to bound the work (gdaladdo builds overviews)");

  RasterLayer r;
  r.source = path;
  r.id = path;
  r.name = CPLGetBasename(path.c_str());
  r.width = tw;
  r.height = th;
  r.sourceWidth = w;
  r.sourceHeight = h;
  if (ds.GetGeoTransform(r.geoTransform) != CE_None) {
    diag.warn(path, "", -1, "raster has no georeferencing; placed as a 1-degree-per-pixel grid");
  }
  // A transform with NaN or infinity, or one that maps the grid onto a line,
  // places no pixel anywhere: drawing it would poison the view's fit.
  const double* gt = r.geoTransform;
  const bool finite = std::all_of(gt, gt + 6, [](double v) { return std::isfinite(v); });
  if (!finite || gt[1] * gt[5] - gt[2] * gt[4] == 0.0) {
    std::string values;
    for (int i = 0; i < 6; ++i) values += (i ? ", " : "") + formatShortest(gt[i]);
    diag.error(path, "", -1,
               std::string("raster georeferencing is unusable (geotransform ") + values + "): " +
                   (finite ? "its pixels have no area" : "not every term is a finite number") + "; raster not shown");
    return std::nullopt;
  }
  // The image covers the whole raster, so each of its pixels spans w/tw source pixels.
  r.geoTransform[1] *= static_cast<double>(w) / tw;
  r.geoTransform[2] *= static_cast<double>(h) / th;
  r.geoTransform[4] *= static_cast<double>(w) / tw;
  r.geoTransform[5] *= static_cast<double>(h) / th;
  if (const OGRSpatialReference* srs = ds.GetSpatialRef()) {
    char* wkt = nullptr;
    const char* opts[] = {"FORMAT=WKT2_2019", nullptr};
    srs->exportToWkt(&wkt, opts);
    if (wkt) r.crsWkt = wkt;
    CPLFree(wkt);
  } else {
    diag.warn(path, "", -1, "raster has no CRS; assuming WGS84 longitude/latitude");
  }

  const size_t n = static_cast<size_t>(tw) * static_cast<size_t>(th);
  r.rgba.assign(n * 4, 255);
  GDALRasterBand* b1 = ds.GetRasterBand(1);
  int hasNoData = 0;
  const double noData = b1->GetNoDataValue(&hasNoData);
  std::vector<float> values(n);
  auto readBand = [&](int band, std::vector<float>& buf) {
    return level.bands[static_cast<size_t>(band - 1)]->RasterIO(GF_Read, 0, 0, level.width, level.height, buf.data(),
                                                                tw, th, GDT_Float32, 0, 0) == CE_None;
  };
  bool ok = true;
  if (bands >= 3) {
    for (int c = 0; c < std::min(bands, 4) && ok; ++c) {
      ok = readBand(c + 1, values);
      for (size_t i = 0; ok && i < n; ++i) r.rgba[i * 4 + static_cast<size_t>(c)] = channel(values[i]);
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
