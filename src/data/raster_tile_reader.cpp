#include "data/raster_tile_reader.hpp"

#include <algorithm>
#include <mutex>

#include "data/gdal_support.hpp"

namespace pamir::data {

std::vector<DatasetLevel> datasetLevels(GDALDataset& ds, int bandCount) {
  std::vector<DatasetLevel> levels{{ds.GetRasterXSize(), ds.GetRasterYSize(), -1}};
  GDALRasterBand* first = ds.GetRasterBand(1);
  if (!first) return levels;
  for (int o = 0; o < first->GetOverviewCount(); ++o) {
    GDALRasterBand* ov = first->GetOverview(o);
    if (!ov || ov->GetXSize() <= 0 || ov->GetYSize() <= 0) continue;
    DatasetLevel level{ov->GetXSize(), ov->GetYSize(), o};
    bool complete = true;
    for (int b = 1; b <= bandCount && complete; ++b) {
      GDALRasterBand* band = ds.GetRasterBand(b)->GetOverview(o);
      complete = band && band->GetXSize() == level.width && band->GetYSize() == level.height;
    }
    // An overview as large as the raster (or larger) adds nothing.
    if (complete && level.width < levels.front().width) levels.push_back(level);
  }
  std::sort(levels.begin() + 1, levels.end(),
            [](const DatasetLevel& a, const DatasetLevel& b) { return a.width > b.width; });
  levels.erase(std::unique(levels.begin(), levels.end(),
                           [](const DatasetLevel& a, const DatasetLevel& b) { return a.width == b.width; }),
               levels.end());
  return levels;
}

std::vector<GDALRasterBand*> levelBands(GDALDataset& ds, const DatasetLevel& level, int bandCount) {
  std::vector<GDALRasterBand*> bands;
  for (int b = 1; b <= bandCount; ++b) {
    GDALRasterBand* band = ds.GetRasterBand(b);
    if (band && level.overview >= 0) band = band->GetOverview(level.overview);
    if (!band) return {};
    bands.push_back(band);
  }
  return bands;
}

namespace {

class GdalRasterTiles final : public RasterTileSource {
 public:
  GdalRasterTiles(std::string path, RasterColouring colouring, std::vector<DatasetLevel> levels, int tileSize)
      : path_(std::move(path)),
        colouring_(std::move(colouring)),
        datasetLevels_(std::move(levels)),
        tileSize_(tileSize) {
    for (const DatasetLevel& l : datasetLevels_) levels_.push_back({l.width, l.height});
  }

  const std::vector<RasterLevel>& levels() const override { return levels_; }
  int tileSize() const override { return tileSize_; }

  std::optional<RasterTilePixels> read(const RasterTileKey& key, std::string* error) override {
    auto fail = [&](const std::string& why) -> std::optional<RasterTilePixels> {
      if (error)
        *error = path_ + ": tile " + std::to_string(key.col) + "," + std::to_string(key.row) + " of level " +
                 std::to_string(key.level) + ": " + why;
      return std::nullopt;
    };
    if (key.level < 0 || key.level >= static_cast<int>(levels_.size())) return fail("no such level");
    const RasterLevel& level = levels_[static_cast<size_t>(key.level)];
    const int x = key.col * tileSize_, y = key.row * tileSize_;
    if (key.col < 0 || key.row < 0 || x >= level.width || y >= level.height) return fail("outside the raster");
    const int w = std::min(tileSize_, level.width - x), h = std::min(tileSize_, level.height - y);

    std::lock_guard<std::mutex> lock(mutex_);
    // GDAL's messages become the one-line reason, not lines on stderr.
    GdalErrorCapture capture;
    auto why = [&] { return capture.first().empty() ? lastGdalError() : capture.first(); };
    if (!openError_.empty()) return fail(openError_);
    if (!dataset_) {
      dataset_.reset(GDALDataset::Open(path_.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR));
      // Not tried again: a file gone or replaced stays so until the layer is reloaded.
      if (!dataset_) return fail(openError_ = "cannot open it again: " + why());
    }
    const auto bands = levelBands(*dataset_, datasetLevels_[static_cast<size_t>(key.level)], colouring_.bands);
    // The file changed under the reader (overviews rebuilt): its levels are no longer these.
    if (bands.empty() || bands.front()->GetXSize() != level.width || bands.front()->GetYSize() != level.height)
      return fail("the file's levels changed since it was opened");
    RasterTilePixels tile;
    tile.width = w;
    tile.height = h;
    if (readRgbBytes(bands, colouring_, x, y, w, h, w, h, tile.rgba)) return tile;
    std::vector<std::vector<float>> values;
    if (!readWindow(bands, x, y, w, h, w, h, values)) return fail(why());
    tile.rgba = colourPixels(colouring_, values, static_cast<size_t>(w) * static_cast<size_t>(h));
    return tile;
  }

 private:
  const std::string path_;
  const RasterColouring colouring_;
  const std::vector<DatasetLevel> datasetLevels_;
  std::vector<RasterLevel> levels_;
  const int tileSize_;
  std::mutex mutex_;
  GDALDatasetUniquePtr dataset_;
  std::string openError_;
};

}  // namespace

std::shared_ptr<RasterTileSource> openRasterTiles(const std::string& path, const RasterColouring& colouring,
                                                  std::vector<DatasetLevel> levels, int tileSize) {
  return std::make_shared<GdalRasterTiles>(path, colouring, std::move(levels), std::max(tileSize, 16));
}

}  // namespace pamir::data
