#include "data/raster_reader.hpp"

#include <cpl_conv.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/number.hpp"
#include "data/gdal_support.hpp"
#include "data/raster_colour.hpp"
#include "data/raster_tile_reader.hpp"

namespace pamir::data {

namespace {

// GDAL's RasterIO would pick an overview by itself, but its choice is not
// visible before the read, and the read's cost below depends on it: the
// smallest level still at least wantW x wantH, else the full raster.
DatasetLevel chooseLevel(const std::vector<DatasetLevel>& levels, int wantW, int wantH) {
  DatasetLevel best = levels.front();
  for (const DatasetLevel& l : levels)
    if (l.width >= wantW && l.height >= wantH && l.width < best.width) best = l;
  return best;
}

// Bytes of source blocks a decimated read of `bands` (one level, levelW x
// levelH) into tw x th decodes: each image column falls in one block column,
// so at most min(blocks, tw) block columns are touched (likewise rows).
// Pixel-interleaved bands share their blocks: a block of one band decodes
// every band's samples (`interleave` times the band's own bytes).
double readCost(const std::vector<GDALRasterBand*>& bands, int levelW, int levelH, int tw, int th,
                double interleave = 1.0) {
  double bytes = 0;
  for (GDALRasterBand* band : bands) {
    int bx = 0, by = 0;
    band->GetBlockSize(&bx, &by);
    bx = std::max(bx, 1);
    by = std::max(by, 1);
    const double blocksX = std::ceil(levelW / static_cast<double>(bx));
    const double blocksY = std::ceil(levelH / static_cast<double>(by));
    bytes += std::min(blocksX, static_cast<double>(tw)) * std::min(blocksY, static_cast<double>(th)) * bx * by *
             GDALGetDataTypeSizeBytes(band->GetRasterDataType());
  }
  return bytes * interleave;
}

}  // namespace

std::optional<RasterLayer> readRaster(GDALDataset& ds, const std::string& path, Diagnostics& diag,
                                      const RasterBudget& budget, const std::string& tilePath) {
  const int w = ds.GetRasterXSize(), h = ds.GetRasterYSize();
  const int bands = ds.GetRasterCount();
  if (w <= 0 || h <= 0 || bands <= 0) {
    diag.error(path, "", -1, "raster has no pixels");
    return std::nullopt;
  }
  RasterColouring colouring = describeColouring(ds);
  const int bandsRead = colouring.bands;
  const std::vector<DatasetLevel> levels = datasetLevels(ds, bandsRead);
  // With overviews the preview is only what shows before the tiles of the
  // view arrive: a smaller one opens a large raster sooner.
  const int maxSide = std::max(1, levels.size() > 1 ? std::min(budget.maxSide, budget.previewSide) : budget.maxSide);
  const double shrink = std::max(1.0, std::max(w, h) / static_cast<double>(maxSide));
  int tw = std::max(1, static_cast<int>(w / shrink)), th = std::max(1, static_cast<int>(h / shrink));
  const DatasetLevel level = chooseLevel(levels, tw, th);
  const std::vector<GDALRasterBand*> levelBandList = levelBands(ds, level, bandsRead);
  const char* interleaving = ds.GetMetadataItem("INTERLEAVE", "IMAGE_STRUCTURE");
  const double interleave =
      interleaving && EQUAL(interleaving, "PIXEL") && bands > bandsRead ? static_cast<double>(bands) / bandsRead : 1.0;
  const int wantW = tw;
  double cost = readCost(levelBandList, level.width, level.height, tw, th, interleave);
  for (; cost > static_cast<double>(budget.maxSourceBytes) && (tw > 1 || th > 1);
       cost = readCost(levelBandList, level.width, level.height, tw, th, interleave)) {
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
                  std::to_string(th) + " to bound the work (build overviews from the Layers panel, or with gdaladdo)");

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
  if (!readRgbBytes(levelBandList, colouring, 0, 0, level.width, level.height, tw, th, r.rgba)) {
    std::vector<std::vector<float>> values;
    if (!readWindow(levelBandList, 0, 0, level.width, level.height, tw, th, values)) {
      diag.error(path, "", -1, "raster pixels unreadable: " + lastGdalError());
      return std::nullopt;
    }
    stretchTo(colouring, ds.GetRasterBand(1)->GetRasterDataType(), values.front());
    r.rgba = colourPixels(colouring, values, n);
  }
  r.overviewCount = static_cast<int>(levels.size()) - 1;
  // Finer than the preview: the rest is read tile by tile as views need it.
  if (tw < w || th < h) r.tiles = openRasterTiles(tilePath.empty() ? path : tilePath, colouring, levels);
  return r;
}

}  // namespace pamir::data
