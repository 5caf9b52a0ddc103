// A view CRS for data the Central Asian default does not suit.
#include "geo/view_crs_choice.hpp"

#include <gtest/gtest.h>

#include "geo/projection.hpp"

namespace pamir::geo {
namespace {

TEST(ViewCrsChoice, CentralAsiaKeepsTheDefault) {
  EXPECT_FALSE(chooseViewCrs({60, 33, 80, 44}));          // the dataset's own view
  EXPECT_FALSE(chooseViewCrs({67.3, 36.6, 75.2, 41.1}));  // Tajikistan
  EXPECT_FALSE(chooseViewCrs({44, 25, 63.5, 39.8}));      // Iran: mostly inside
}

TEST(ViewCrsChoice, WorldDataIsDrawnInEqualEarth) {
  auto c = chooseViewCrs({-180, -90, 180, 83.6});  // Natural Earth countries
  ASSERT_TRUE(c);
  EXPECT_NE(c->definition.find("+proj=eqearth +lon_0=0"), std::string::npos) << c->definition;
  EXPECT_NE(c->why.find("Equal Earth"), std::string::npos);
  auto p = Projection::create(c->definition);
  ASSERT_TRUE(p) << p.error();
  // Antarctica stays on the map, at most as far south as the equator is long.
  const Bounds world = p->forwardBounds({-180, -90, 180, 90});
  EXPECT_LT(world.height(), world.width());
  EXPECT_TRUE(std::isfinite(world.miny));
}

TEST(ViewCrsChoice, ARegionElsewhereGetsAnEqualAreaViewCentredOnIt) {
  auto c = chooseViewCrs({22, 44, 40, 53});  // Ukraine
  ASSERT_TRUE(c);
  EXPECT_NE(c->definition.find("+proj=laea +lat_0=48.5 +lon_0=31.0"), std::string::npos) << c->definition;
  EXPECT_TRUE(Projection::create(c->definition));
  auto pacific = chooseViewCrs({120, -10, 160, 30});
  ASSERT_TRUE(pacific);
  EXPECT_NE(pacific->definition.find("+lon_0=140.0"), std::string::npos);
}

}  // namespace
}  // namespace pamir::geo
