#include "render/raster_upload.hpp"

#include <algorithm>

#include "render/vector_upload.hpp"

namespace pamir::render::detail {

void uploadRasterTextures(RasterGpu& gpu, UploadStats& uploads) {
  const RasterLayer& r = *gpu.raster;
  gpu.tiles.clear();
  if (r.width <= 0 || r.height <= 0 || r.rgba.size() < static_cast<size_t>(r.width) * r.height * 4) return;
  GLint maxTexture = 4096;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxTexture);
  const int tileSize = std::clamp(static_cast<int>(maxTexture), 256, 4096);
  for (const PixelBlock& block : splitIntoBlocks(r.width, r.height, tileSize)) {
    auto tile = std::make_unique<RasterTile>();
    tile->pixels = block;
    tile->texture.create();
    glBindTexture(GL_TEXTURE_2D, tile->texture.id());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, r.width);
    glPixelStorei(GL_UNPACK_SKIP_PIXELS, block.x);
    glPixelStorei(GL_UNPACK_SKIP_ROWS, block.y);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, block.width, block.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, r.rgba.data());
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_SKIP_PIXELS, 0);
    glPixelStorei(GL_UNPACK_SKIP_ROWS, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    // Mipmaps: a hillshade seen whole is minified many times over.
    glGenerateMipmap(GL_TEXTURE_2D);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    ++uploads.textureUploads;
    gpu.tiles.push_back(std::move(tile));
  }
}

void uploadRasterMesh(RasterGpu& gpu, const std::string& viewCrs, UploadStats& uploads) {
  std::vector<PixelBlock> blocks;
  for (const auto& tile : gpu.tiles) blocks.push_back(tile->pixels);
  RasterMesh mesh = buildRasterMesh(*gpu.raster, blocks, viewCrs);
  for (size_t i = 0; i < gpu.tiles.size(); ++i) gpu.tiles[i]->place = mesh.parts[i];
  uploadRasterVertices(gpu.meshVao, gpu.meshBuffer, mesh.vertices, uploads);
}

void uploadRasterVertices(GlVertexArray& vao, GlBuffer& buffer, const std::vector<RasterVertex>& vertices,
                          UploadStats& uploads) {
  vao.create();
  glBindVertexArray(vao.id());
  uploadVertices(buffer, vertices.data(), vertices.size() * sizeof(RasterVertex), uploads);
  floatAttribute(0, 2, sizeof(RasterVertex), 0);
  floatAttribute(1, 2, sizeof(RasterVertex), offsetof(RasterVertex, u));
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
}

}  // namespace pamir::render::detail
