// The automatic fit frames the data as it is drawn: cut at the view's seam.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/map_session.hpp"

using namespace pamir;

namespace {

std::string writeGeoJson(const std::string& name, const std::string& coordinates) {
  const std::string dir = std::string(PAMIR_TEST_OUT_DIR) + "/view_fit/";
  std::filesystem::create_directories(dir);
  const std::string path = dir + name + ".geojson";
  std::ofstream(path) << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
                      << R"("geometry":{"type":"Polygon","coordinates":[)" << coordinates << "]}}]}";
  return path;
}

}  // namespace

TEST(ViewFit, PolygonAcrossTheAntimeridianIsFramedTheShortWayRound) {
  Diagnostics diag;
  const std::string path = writeGeoJson("antimeridian", "[[170,-10],[-170,-10],[-170,10],[170,10],[170,-10]]");
  app::MapSession session = app::MapSession::open({path}, data::BuiltinData::LeaveOut, diag);
  ASSERT_TRUE(session.setCrs("+proj=eqc +lon_0=180 +datum=WGS84 +units=m +type=crs", nullptr));
  const Bounds extent = session.dataExtent();
  // 20° of longitude on the equator: some 2,230 km, not the 37,800 km of 170°W..170°E.
  EXPECT_NEAR(extent.width(), 20.0 * 111319.49, 1e3);
  EXPECT_NEAR(extent.height(), 20.0 * 111319.49, 1e3);
}
