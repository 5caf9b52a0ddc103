// The raster mesh without a GL context: blocks cover the raster, and the
// mesh puts the raster's corners where the view CRS puts them, covers the
// footprint exactly once, and leaves out what the view CRS cannot show.
#include "render/raster_mesh.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace pamir::render::detail {
namespace {

constexpr double kEarthRadius = 6378137.0;  // WGS84 semi-major axis, m (Web Mercator's sphere)

// Web Mercator by its formula, independent of PROJ.
XY mercator(double lon, double lat) {
  const double d = std::numbers::pi / 180;
  return {kEarthRadius * lon * d, kEarthRadius * std::log(std::tan(std::numbers::pi / 4 + lat * d / 2))};
}

// width x height pixels of `degrees` each, top-left corner at (west, north), WGS84.
RasterLayer lonLatRaster(double west, double north, double degrees, int width, int height) {
  RasterLayer r;
  r.width = width;
  r.height = height;
  const double g[6] = {west, degrees, 0, north, 0, -degrees};
  std::copy(std::begin(g), std::end(g), r.geoTransform);
  return r;
}

// The view CRS position of the mesh vertex of `part` with texture coordinates (u, v).
std::optional<XY> vertexAt(const RasterMesh& mesh, const RasterMeshPart& part, float u, float v) {
  for (size_t k = part.first; k < part.first + part.count; ++k) {
    const RasterVertex& p = mesh.vertices[k];
    if (p.u == u && p.v == v) return XY{part.origin.x + p.x, part.origin.y + p.y};
  }
  return std::nullopt;
}

double trianglesArea(const RasterMesh& mesh, const RasterMeshPart& part) {
  double area = 0;
  for (size_t k = part.first; k + 3 <= part.first + part.count; k += 3) {
    const RasterVertex &a = mesh.vertices[k], &b = mesh.vertices[k + 1], &c = mesh.vertices[k + 2];
    area += std::abs((double(b.x) - a.x) * (double(c.y) - a.y) - (double(c.x) - a.x) * (double(b.y) - a.y)) / 2;
  }
  return area;
}

TEST(RasterBlocks, CoverTheRasterWithoutOverlap) {
  auto blocks = splitIntoBlocks(5000, 3000, 4096);
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].x, 0);
  EXPECT_EQ(blocks[0].width, 4096);
  EXPECT_EQ(blocks[0].height, 3000);
  EXPECT_EQ(blocks[1].x, 4096);
  EXPECT_EQ(blocks[1].width, 904);
  EXPECT_EQ(blocks[1].y, 0);

  blocks = splitIntoBlocks(600, 520, 256);  // 3 x 3, the last row and column short
  ASSERT_EQ(blocks.size(), 9u);
  long pixels = 0;
  for (const PixelBlock& b : blocks) pixels += static_cast<long>(b.width) * b.height;
  EXPECT_EQ(pixels, 600L * 520);
  EXPECT_EQ(blocks[8].x, 512);
  EXPECT_EQ(blocks[8].y, 512);
  EXPECT_EQ(blocks[8].width, 88);
  EXPECT_EQ(blocks[8].height, 8);

  EXPECT_TRUE(splitIntoBlocks(0, 10, 256).empty());
  EXPECT_TRUE(splitIntoBlocks(10, -1, 256).empty());
}

TEST(RasterMesh, CornersLandWhereMercatorPutsThem) {
  // 64..79 E, 34..44 N at 0.1 degree: the extent of the fixture grid.tif.
  RasterLayer raster = lonLatRaster(64, 44, 0.1, 150, 100);
  std::string error;
  RasterMesh mesh = buildRasterMesh(raster, {{0, 0, 150, 100}}, "EPSG:3857", &error);
  ASSERT_EQ(mesh.parts.size(), 1u) << error;
  const RasterMeshPart& part = mesh.parts[0];
  // 19 x 13 cells of at most 8 pixels, two triangles each.
  EXPECT_EQ(part.first, 0u);
  EXPECT_EQ(part.count, 19u * 13u * 6u);
  EXPECT_EQ(mesh.vertices.size(), part.count);

  // Floats relative to the origin: ~0.1 m at a few hundred km.
  const double tolerance = 0.5;  // m
  XY nw = mercator(64, 44), se = mercator(79, 34);
  auto topLeft = vertexAt(mesh, part, 0, 0), bottomRight = vertexAt(mesh, part, 1, 1);
  ASSERT_TRUE(topLeft && bottomRight);
  EXPECT_NEAR(topLeft->x, nw.x, tolerance);
  EXPECT_NEAR(topLeft->y, nw.y, tolerance);
  EXPECT_NEAR(bottomRight->x, se.x, tolerance);
  EXPECT_NEAR(bottomRight->y, se.y, tolerance);

  EXPECT_NEAR(part.bounds.minx, nw.x, 1e-6);
  EXPECT_NEAR(part.bounds.maxx, se.x, 1e-6);
  EXPECT_NEAR(part.bounds.miny, se.y, 1e-6);
  EXPECT_NEAR(part.bounds.maxy, nw.y, 1e-6);
  EXPECT_NEAR(part.origin.x, (nw.x + se.x) / 2, 1e-6);
  EXPECT_NEAR(part.origin.y, (nw.y + se.y) / 2, 1e-6);

  // Mercator keeps a lon/lat rectangle a rectangle: the triangles cover it once, no gap, no overlap.
  double footprint = (se.x - nw.x) * (nw.y - se.y);
  EXPECT_NEAR(trianglesArea(mesh, part) / footprint, 1.0, 1e-5);
}

TEST(RasterMesh, BlocksShareTheirEdgesAndTextureCoordinatesSpanEachBlock) {
  RasterLayer raster = lonLatRaster(64, 44, 0.1, 150, 100);
  auto blocks = splitIntoBlocks(150, 100, 64);  // 3 x 2 blocks
  RasterMesh mesh = buildRasterMesh(raster, blocks, "EPSG:3857");
  ASSERT_EQ(mesh.parts.size(), 6u);
  double total = 0;
  for (size_t b = 0; b < blocks.size(); ++b) {
    const RasterMeshPart& part = mesh.parts[b];
    ASSERT_GT(part.count, 0u);
    EXPECT_EQ(part.count % 6, 0u);
    if (b > 0) {
      EXPECT_EQ(part.first, mesh.parts[b - 1].first + mesh.parts[b - 1].count);
    }
    float minU = 1, maxU = 0, minV = 1, maxV = 0;
    for (size_t k = part.first; k < part.first + part.count; ++k) {
      minU = std::min(minU, mesh.vertices[k].u), maxU = std::max(maxU, mesh.vertices[k].u);
      minV = std::min(minV, mesh.vertices[k].v), maxV = std::max(maxV, mesh.vertices[k].v);
    }
    EXPECT_EQ(minU, 0.0f);
    EXPECT_EQ(maxU, 1.0f);
    EXPECT_EQ(minV, 0.0f);
    EXPECT_EQ(maxV, 1.0f);
    // The block's west edge is at its first pixel column.
    XY corner = mercator(64 + 0.1 * blocks[b].x, 44 - 0.1 * blocks[b].y);
    auto topLeft = vertexAt(mesh, part, 0, 0);
    ASSERT_TRUE(topLeft);
    EXPECT_NEAR(topLeft->x, corner.x, 0.5);
    EXPECT_NEAR(topLeft->y, corner.y, 0.5);
    total += trianglesArea(mesh, part);
  }
  XY nw = mercator(64, 44), se = mercator(79, 34);
  EXPECT_NEAR(total / ((se.x - nw.x) * (nw.y - se.y)), 1.0, 1e-5);
}

TEST(RasterMesh, FollowsTheViewCrsInsteadOfStretchingARectangle) {
  RasterLayer raster = lonLatRaster(64, 44, 0.1, 150, 100);
  std::string error;
  auto projection = geo::Projection::create(geo::kDefaultViewCrs);
  ASSERT_TRUE(projection) << projection.error();
  RasterMesh mesh = buildRasterMesh(raster, {{0, 0, 150, 100}}, projection->definition(), &error);
  ASSERT_EQ(mesh.parts.size(), 1u);
  const RasterMeshPart& part = mesh.parts[0];
  ASSERT_GT(part.count, 0u) << error;
  // Each corner where the view CRS puts it (a conic CRS bends the parallels:
  // the top corners are not level with the top middle).
  for (auto [u, v, lon, lat] : {std::tuple{0.f, 0.f, 64.0, 44.0}, std::tuple{1.f, 0.f, 79.0, 44.0},
                                std::tuple{0.f, 1.f, 64.0, 34.0}, std::tuple{1.f, 1.f, 79.0, 34.0}}) {
    XY expected = projection->forward({lon, lat});
    auto got = vertexAt(mesh, part, u, v);
    ASSERT_TRUE(got) << u << "," << v;
    EXPECT_NEAR(got->x, expected.x, 0.5) << lon << "," << lat;
    EXPECT_NEAR(got->y, expected.y, 0.5) << lon << "," << lat;
  }
}

TEST(RasterMesh, LeavesOutCellsBeyondTheViewCrsValidArea) {
  // The whole world at 1 degree, seen from above Central Asia: half the globe is beyond the horizon.
  RasterLayer world = lonLatRaster(-180, 90, 1, 360, 180);
  std::string error;
  RasterMesh mesh =
      buildRasterMesh(world, {{0, 0, 360, 180}}, "+proj=ortho +lat_0=40 +lon_0=67 +R=6378137 +type=crs", &error);
  ASSERT_EQ(mesh.parts.size(), 1u);
  const RasterMeshPart& part = mesh.parts[0];
  const size_t full = 32u * 23u * 6u;  // 32 x 23 cells (at most 32 a side)
  ASSERT_GT(part.count, 0u) << error;
  EXPECT_LT(part.count, full);
  EXPECT_GT(part.count, full / 4);
  for (size_t k = part.first; k < part.first + part.count; ++k) {
    const double x = part.origin.x + mesh.vertices[k].x, y = part.origin.y + mesh.vertices[k].y;
    ASSERT_TRUE(std::isfinite(x) && std::isfinite(y));
    EXPECT_LE(std::hypot(x, y), kEarthRadius * (1 + 1e-6)) << "a vertex off the visible disc";
  }
  EXPECT_LE(part.bounds.maxx, kEarthRadius * (1 + 1e-6));
  EXPECT_GE(part.bounds.minx, -kEarthRadius * (1 + 1e-6));
  // The cell at the centre of the view (67 E, 40 N) is drawn; the one at its antipode is not.
  auto hasVertexNear = [&](double lon, double lat) {
    const float u = static_cast<float>((lon + 180) / 360), v = static_cast<float>((90 - lat) / 180);
    for (size_t k = part.first; k < part.first + part.count; ++k) {
      if (std::abs(mesh.vertices[k].u - u) <= 1.0f / 32 && std::abs(mesh.vertices[k].v - v) <= 1.0f / 23) return true;
    }
    return false;
  };
  EXPECT_TRUE(hasVertexNear(67, 40));
  EXPECT_FALSE(hasVertexNear(-113, -40));
}

TEST(RasterMesh, AnUnusableCrsGivesEmptyPartsAndSaysWhy) {
  RasterLayer raster = lonLatRaster(64, 44, 0.1, 150, 100);
  raster.crsWkt = "not a coordinate reference system";
  std::string error;
  RasterMesh mesh = buildRasterMesh(raster, splitIntoBlocks(150, 100, 64), "EPSG:3857", &error);
  ASSERT_EQ(mesh.parts.size(), 6u);
  EXPECT_TRUE(mesh.vertices.empty());
  for (const RasterMeshPart& part : mesh.parts) {
    EXPECT_EQ(part.count, 0u);
    EXPECT_TRUE(part.bounds.empty());
  }
  EXPECT_FALSE(error.empty());
  EXPECT_TRUE(buildRasterMesh(raster, {}, "EPSG:3857").parts.empty());
}

}  // namespace
}  // namespace pamir::render::detail
