#pragma once
// A raster layer on the GPU: its pixels as textures no larger than the GL
// allows (uploaded once, in setLayers) and the mesh that places them in the
// view CRS (uploaded again for every projection). Internal to render; every
// call needs the GL context the renderer was made in.
#include <memory>
#include <vector>

#include "render/gl_object.hpp"
#include "render/map_renderer.hpp"
#include "render/raster_mesh.hpp"

namespace pamir::render::detail {

struct RasterTile {
  GlTexture texture;
  PixelBlock pixels;     ///< of the raster, held by the texture
  RasterMeshPart place;  ///< its triangles in RasterGpu::meshBuffer
};

struct RasterGpu {
  const RasterLayer* raster = nullptr;
  std::vector<std::unique_ptr<RasterTile>> tiles;
  GlBuffer meshBuffer;
  GlVertexArray meshVao;
  bool shown = true;
};

/// Cuts the raster into textures (with mipmaps) and uploads them; none when
/// its RGBA pixels are missing or short. Leaves the meshes to uploadRasterMesh.
void uploadRasterTextures(RasterGpu& gpu, UploadStats& uploads);
/// A raster mesh's vertices into `buffer`, with `vao` (made here) describing them.
void uploadRasterVertices(GlVertexArray& vao, GlBuffer& buffer, const std::vector<RasterVertex>& vertices,
                          UploadStats& uploads);
/// Builds every tile's mesh in `viewCrs` and uploads them as one buffer.
void uploadRasterMesh(RasterGpu& gpu, const std::string& viewCrs, UploadStats& uploads);

}  // namespace pamir::render::detail
