// Shader programs from a folder (MapRenderer(shaderDir)): the same programs
// as the built-in ones, and a broken or missing file says which.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "render/map_renderer.hpp"
#include "render/render_test_support.hpp"

namespace pamir::render {
namespace {

namespace fs = std::filesystem;

class ShaderProgramTest : public test::GlTest {
 protected:
  // A copy of the source tree's shaders to break.
  std::string copyShaders(const std::string& name) {
    fs::path dir = test::outputDir(name);
    for (const auto& e : fs::directory_iterator(PAMIR_SOURCE_DIR "/shaders")) {
      if (e.path().extension() == ".glsl") fs::copy_file(e.path(), dir / e.path().filename());
    }
    return dir.string();
  }
};

TEST_F(ShaderProgramTest, AFolderOfShadersDrawsLikeTheBuiltInOnes) {
  Layer layer;
  layer.style.fill = {0, 0, 255, 255};
  layer.style.strokeWidth = 0;
  Feature f;
  f.geometry.polygons.push_back({{{66, 37}, {72, 37}, {72, 41}, {66, 41}, {66, 37}}, {}});
  layer.features.push_back(f);
  MapRenderer builtIn, fromFolder(copyShaders("shaders_copy"));
  ASSERT_TRUE(builtIn.ok()) << builtIn.error();
  ASSERT_TRUE(fromFolder.ok()) << fromFolder.error();
  RenderOptions options;
  options.labels = false;
  MapView view = MapView::fitting(builtIn.projection().forwardBounds({65, 36, 73, 42}), 120, 90);
  builtIn.setLayers({&layer}, {});
  fromFolder.setLayers({&layer}, {});
  Image a = builtIn.renderToImage(view, options), b = fromFolder.renderToImage(view, options);
  ASSERT_EQ(a.width, 120);
  EXPECT_EQ(a.rgba, b.rgba);
  const uint8_t* centre = a.pixel(60, 45);
  EXPECT_EQ(centre[2], 255) << "the polygon is drawn";
  EXPECT_LT(centre[0], 10);
}

TEST_F(ShaderProgramTest, ABrokenShaderNamesItselfAndDrawsNothing) {
  std::string dir = copyShaders("shaders_broken");
  std::ofstream(dir + "/segment.frag.glsl", std::ios::app) << "\nthis is not GLSL\n";
  MapRenderer renderer(dir);
  EXPECT_FALSE(renderer.ok());
  EXPECT_NE(renderer.error().find("shader segment.frag does not compile"), std::string::npos) << renderer.error();

  RenderOptions options;
  options.background = {10, 20, 30, 255};
  Image image = renderer.renderToImage(MapView::fitting({0, 0, 10, 10}, 8, 8), options);
  ASSERT_EQ(image.width, 8);
  EXPECT_EQ(image.pixel(4, 4)[0], 10) << "the background only";
  EXPECT_EQ(image.pixel(4, 4)[2], 30);
}

TEST_F(ShaderProgramTest, AMissingFolderSaysWhichFile) {
  MapRenderer renderer("/nonexistent/shaders");
  EXPECT_FALSE(renderer.ok());
  EXPECT_EQ(renderer.error(), "cannot read shader /nonexistent/shaders/feature_style.glsl");
}

}  // namespace
}  // namespace pamir::render
