// A raster in EPSG:4326 drawn in another CRS must land where gdalwarp puts
// it: the same footprint (warped, not stretched into a rectangle) and the
// same position of a landmark block inside it.
#include <gtest/gtest.h>

#include <cmath>

#include "geo/projection.hpp"
#include "render/map_renderer.hpp"
#include "render/render_test_support.hpp"

namespace pamir::render {
namespace {

struct Centroid {
  double x = 0, y = 0;
  size_t count = 0;
};

template <class Pred>
Centroid centroidOf(const Image& img, Pred inside) {
  Centroid c;
  for (int y = 0; y < img.height; ++y) {
    for (int x = 0; x < img.width; ++x) {
      if (!inside(img.pixel(x, y))) continue;
      c.x += x + 0.5;
      c.y += y + 0.5;
      ++c.count;
    }
  }
  if (c.count) {
    c.x /= c.count;
    c.y /= c.count;
  }
  return c;
}

class RasterPlacementTest : public test::GlTest {};

void landsWhereGdalwarpPutsIt(const char* name, const char* crs) {
  std::string error;
  auto projection = geo::Projection::create(crs);
  ASSERT_TRUE(projection) << projection.error();
  std::string tif = test::dataPath("grid.tif");
  auto raster = test::readRaster(tif, &error);
  ASSERT_TRUE(raster) << error;

  // The raster covers 64..79 E, 34..44 N; show a little more than that.
  Bounds extent = projection->forwardBounds({62.5, 32.5, 80.5, 45.5});
  const int w = 640, h = 480;
  std::string out = test::outputDir(std::string("raster_placement_") + name);
  std::string warped = out + "/gdalwarp.tif";
  std::string log;
  int rc = test::run("gdalwarp -q -overwrite -r near -t_srs " + test::quote(crs) + " -te " + test::number(extent.minx) +
                         " " + test::number(extent.miny) + " " + test::number(extent.maxx) + " " +
                         test::number(extent.maxy) + " -ts " + std::to_string(w) + " " + std::to_string(h) + " " +
                         test::quote(tif) + " " + test::quote(warped),
                     &log);
  ASSERT_EQ(rc, 0) << log;
  auto red = test::readBand(warped, &error, 1);
  auto alpha = test::readBand(warped, &error, 4);
  ASSERT_TRUE(red && alpha) << error;

  MapRenderer renderer;
  ASSERT_TRUE(renderer.ok()) << renderer.error();
  renderer.setProjection(*projection);
  renderer.setLayers({}, {&*raster});
  RenderOptions options;
  options.background = {0, 0, 0, 0};
  options.antialias = false;
  options.labels = false;
  Image rendered = renderer.renderToImage(MapView::fromExtent(extent, w, h), options);
  ASSERT_EQ(rendered.width, w);
  writePng(rendered, out + "/pamir.png", nullptr);

  // Footprint: where each put any of the raster.
  std::vector<uint8_t> ours(static_cast<size_t>(w) * h), theirs(ours.size());
  for (size_t i = 0; i < ours.size(); ++i) {
    ours[i] = rendered.rgba[i * 4 + 3] > 127;
    theirs[i] = alpha->rgba[i * 4] > 127;
  }
  double footprint = test::iou(ours, theirs);
  // Landmark: the white block at 70..73 E, 37..39 N. Texture filtering
  // softens its edges evenly on every side, so its centre is what must agree.
  Centroid a = centroidOf(rendered, [](const uint8_t* p) { return p[0] > 240 && p[1] > 240 && p[2] > 240; });
  Centroid b = centroidOf(*red, [](const uint8_t* p) { return p[0] > 240; });
  std::printf("[ raster ] %-8s footprint IoU %s, block centre pamir (%.2f, %.2f) gdalwarp (%.2f, %.2f)\n", name,
              test::number(footprint).c_str(), a.x, a.y, b.x, b.y);
  EXPECT_GE(footprint, 0.98) << out;
  ASSERT_GT(b.count, 500u) << "the block is missing from gdalwarp's output: " << out;
  ASSERT_GT(a.count, 300u) << "the block is missing from the render: " << out;
  EXPECT_NEAR(a.x, b.x, 1.0) << out;
  EXPECT_NEAR(a.y, b.y, 1.0) << out;
}

// One test per view CRS, with a fixed name (ctest -R, --rerun-failed).
TEST_F(RasterPlacementTest, LandsWhereGdalwarpPutsItInMercator) { landsWhereGdalwarpPutsIt("mercator", "EPSG:3857"); }
TEST_F(RasterPlacementTest, LandsWhereGdalwarpPutsItInDefaultCrs) {
  landsWhereGdalwarpPutsIt("default", geo::kDefaultViewCrs);
}

}  // namespace
}  // namespace pamir::render
