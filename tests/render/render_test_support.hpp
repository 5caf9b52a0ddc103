#pragma once
// Shared pieces of the render tests: one headless GL context per process,
// fixtures read straight through GDAL (independent of the data module), and
// the oracle tools (ogr2ogr, gdal_rasterize, gdalwarp) run as processes.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/feature.hpp"
#include "render/image.hpp"

namespace pamir::render::test {

/// Makes the shared headless context current (creating it on first use);
/// false (with the reason) when EGL is unavailable.
bool ensureContext(std::string* error);

/// A test that draws: fails at set-up when there is no headless context.
class GlTest : public ::testing::Test {
 protected:
  void SetUp() override;
};

std::string dataPath(const std::string& name);  ///< tests/data/render/<name>
/// A fresh, empty folder for one test's output files under the test output dir.
std::string outputDir(const std::string& name);

/// Reads one vector layer in WGS84 lon/lat (GDAL, traditional axis order).
std::optional<Layer> readVectorLayer(const std::string& path, const std::string& layerName, std::string* error);
/// Reads a raster as RGBA (1 band: grey; 3: RGB; 4: RGBA).
std::optional<RasterLayer> readRaster(const std::string& path, std::string* error);
/// Reads one band of a raster as bytes into a grey image.
std::optional<Image> readBand(const std::string& path, std::string* error, int band = 1);

/// Runs a shell command; its exit status (output goes to `log` when given).
int run(const std::string& command, std::string* log = nullptr);
std::string quote(const std::string& s);
/// A double as shortest round-trip text with a decimal point, whatever the locale.
std::string number(double v);

/// Intersection over union of two coverage masks (non-zero = covered).
double iou(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b);
/// Pixels whose red channel is above 127.
std::vector<uint8_t> redMask(const Image& image);

}  // namespace pamir::render::test
