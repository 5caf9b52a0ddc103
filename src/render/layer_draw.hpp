#pragma once
// Draws one uploaded layer into the bound framebuffer: its tiles that meet
// the cull box, at the level of detail the view needs. Internal to render;
// needs the GL context the layer was uploaded in.
#include <functional>

#include "core/map_view.hpp"
#include "render/gl_object.hpp"
#include "render/map_renderer.hpp"
#include "render/raster_upload.hpp"
#include "render/shader_program.hpp"
#include "render/vector_upload.hpp"

namespace pamir::render::detail {

/// A part of a frame's primitives, in the order the layers draw them, for a
/// frame painted over several (RenderOptions::frameBudget): a tile is drawn
/// when its first primitive's position lies in [from, until). Every tile
/// that meets the cull box advances the position, drawn or not, so that
/// after the pass it is the frame's total.
struct PaintWindow {
  size_t from = 0, until = 0;
  size_t position = 0;
  /// Advances past `count` primitives; true when they are to be drawn.
  bool take(size_t count) {
    const size_t at = position;
    position += count;
    return at >= from && at < until;
  }
};

/// What every layer of one pass is drawn with.
struct LayerPass {
  const Programs& programs;
  const MapView& view;
  const RenderOptions& options;
  Bounds cull;           ///< view CRS: tiles outside it (and their stroke margins) are skipped
  FrameStats& frame;     ///< draw calls and primitives are added to it
  UploadStats& uploads;  ///< levels first needed now are uploaded (Preparation::OnDemand)
  /// Set with Preparation::Background: asks a worker for a level not uploaded
  /// yet (the layer, the level); the pass draws the nearest level it has meanwhile.
  std::function<void(VectorGpu&, size_t)> requestLevel = {};
  /// Draw only this part of the frame (null: all of it).
  PaintWindow* window = nullptr;
};

/// Magnified rasters sample bilinearly without mipmaps (a software GL does
/// half the work); minified ones need the mipmaps against shimmer.
struct RasterSamplers {
  GlSampler magnify, minify;
};

void drawVector(VectorGpu& gpu, const LayerPass& pass);
/// Draws a raster's preview. Makes the samplers on first use.
void drawRaster(const RasterGpu& gpu, RasterSamplers& samplers, const LayerPass& pass);

/// The pieces of drawRaster, for tiles with their own vertex arrays:
/// beginRaster sets up the raster program (making the samplers on first
/// use); drawRasterPart draws one width x height texture over its mesh part
/// (its vertex array bound) unless outside the cull box, with mipmaps when
/// minified if the texture has them; endRaster unbinds.
void beginRaster(RasterSamplers& samplers, const LayerPass& pass, float opacity);
void drawRasterPart(GLuint texture, int width, int height, const RasterMeshPart& place, const RasterSamplers& samplers,
                    const LayerPass& pass, bool mipmapped = true);
void endRaster();

}  // namespace pamir::render::detail
