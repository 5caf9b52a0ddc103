#include "app/headless_render.hpp"

#include <algorithm>
#include <ostream>

#include "app/commands.hpp"
#include "data/symbol_library.hpp"
#include "render/image.hpp"
#include "render/offscreen_context.hpp"

namespace pamir::app {

std::optional<render::Image> renderSessionImage(const MapSession& session, const MapView& view,
                                                const render::RenderOptions& options, const FigureSpec& figure,
                                                const std::string& command, std::ostream& err) {
  std::string why;
  auto ctx = render::OffscreenContext::create(&why);
  if (!ctx) {
    err << "pamir " << command << ": no off-screen OpenGL 3.3 context: " << why << "\n";
    return std::nullopt;
  }
  render::MapRenderer renderer;
  if (!renderer.ok()) {
    err << "pamir " << command << ": " << renderer.error() << "\n";
    return std::nullopt;
  }
  // One frame only: build just the level of detail this view needs.
  renderer.setPreparation(render::Preparation::OnDemand);
  renderer.setProjection(session.projection());
  renderer.setLayers(session.drawLayers(), options.plain ? std::vector<const RasterLayer*>{} : session.drawRasters());
  {
    Diagnostics diag;
    renderer.setSymbols(data::builtinSymbols(diag));
    diag.print(err);
  }
  if (session.filter.active())
    renderer.setFeatureFilter([&](const Layer& l, const Feature& f) { return passes(session.filter, l, f); });
  render::Image image = renderMapImage(renderer, view, options);
  if (image.empty()) {
    err << "pamir " << command << ": " << view.width() << "x" << view.height()
        << " is beyond what this OpenGL can draw\n";
    return std::nullopt;
  }
  if (!figure.any()) return image;
  const figure::MapFacts facts =
      mapFacts(session, sessionRows(session), view, figure.measurements, figure.grids, options.militarySymbols);
  // The decorations at the map's own scale: its lines and labels grow with --scale, and so do they.
  const double scale = options.pixelRatio;
  return figure::decorate(image, figure.decorations, facts, scale);
}

int renderSessionToPng(const MapSession& session, const MapView& view, const render::RenderOptions& options,
                       const std::string& output, const std::string& command, std::ostream& out, std::ostream& err,
                       const FigureSpec& figure) {
  const std::optional<render::Image> image = renderSessionImage(session, view, options, figure, command, err);
  if (!image) return kExitData;
  std::string why;
  if (!render::writePng(*image, output, &why)) {
    err << "pamir " << command << ": " << why << "\n";
    return kExitData;
  }
  out << output << "\n";
  return kExitOk;
}

}  // namespace pamir::app
