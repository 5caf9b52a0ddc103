#include "load_pipeline.hpp"

#include "data/source_loader.hpp"
#include "geo/projection.hpp"
#include "render/layer_geometry.hpp"

namespace pamir::fuzz {

namespace {
// The default view CRS first (its seam and domain are where geometry breaks),
// then the two that users switch to most.
const char* const kViewCrss[] = {"", "EPSG:4326", "EPSG:3857"};
}  // namespace

PipelineResult loadAndPrepare(const std::string& path, Diagnostics& diag) {
  PipelineResult result;
  const data::LoadedSource source = data::loadSource(path, diag);
  result.layers = source.layers.size();
  result.rasters = source.rasters.size();
  for (const Layer& layer : source.layers) result.features += layer.features.size();
  for (const char* crs : kViewCrss) {
    auto projection = geo::Projection::create(crs);
    if (!projection) continue;
    const bool first = crs == kViewCrss[0];
    for (const Layer& layer : source.layers) {
      const render::detail::LayerGeometry geometry = render::detail::buildLayerGeometry(layer, *projection);
      if (!first) continue;
      result.drawable += layer.features.size() - geometry.droppedFeatures;
      if (!geometry.levels.empty()) result.triangles += geometry.levels.back().fills.size() / 3;
    }
  }
  return result;
}

}  // namespace pamir::fuzz
