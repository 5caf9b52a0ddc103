#include "render/map_renderer.hpp"

#include <glad/gl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "render/embedded_shaders.hpp"
#include "render/label_painter.hpp"
#include "render/layer_geometry.hpp"

namespace pamir::render {

namespace {

using detail::FillVertex;
using detail::LayerGeometry;
using detail::PointInstance;
using detail::SegmentInstance;
using detail::Tile;

constexpr int kStyleTexels = 3;

// Texture units, fixed for every program.
constexpr GLint kUnitStyles = 0;
constexpr GLint kUnitVisible = 1;
constexpr GLint kUnitImage = 2;

// ---------------------------------------------------------------- GL names with owners
struct Buffer {
  GLuint id = 0;
  Buffer() = default;
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  ~Buffer() { reset(); }
  void create() {
    if (!id) glGenBuffers(1, &id);
  }
  void reset() {
    if (id) glDeleteBuffers(1, &id);
    id = 0;
  }
};
struct VertexArray {
  GLuint id = 0;
  VertexArray() = default;
  VertexArray(const VertexArray&) = delete;
  VertexArray& operator=(const VertexArray&) = delete;
  ~VertexArray() { reset(); }
  void create() {
    if (!id) glGenVertexArrays(1, &id);
  }
  void reset() {
    if (id) glDeleteVertexArrays(1, &id);
    id = 0;
  }
};
struct Texture {
  GLuint id = 0;
  Texture() = default;
  Texture(const Texture&) = delete;
  Texture& operator=(const Texture&) = delete;
  ~Texture() { reset(); }
  void create() {
    if (!id) glGenTextures(1, &id);
  }
  void reset() {
    if (id) glDeleteTextures(1, &id);
    id = 0;
  }
};
struct Framebuffer {
  GLuint id = 0;
  Framebuffer() = default;
  Framebuffer(const Framebuffer&) = delete;
  Framebuffer& operator=(const Framebuffer&) = delete;
  ~Framebuffer() { reset(); }
  void create() {
    if (!id) glGenFramebuffers(1, &id);
  }
  void reset() {
    if (id) glDeleteFramebuffers(1, &id);
    id = 0;
  }
};
struct Renderbuffer {
  GLuint id = 0;
  Renderbuffer() = default;
  Renderbuffer(const Renderbuffer&) = delete;
  Renderbuffer& operator=(const Renderbuffer&) = delete;
  ~Renderbuffer() { reset(); }
  void create() {
    if (!id) glGenRenderbuffers(1, &id);
  }
  void reset() {
    if (id) glDeleteRenderbuffers(1, &id);
    id = 0;
  }
};

// ---------------------------------------------------------------- shaders
struct Program {
  GLuint id = 0;
  GLint offset = -1, scale = -1, viewport = -1, pixelRatio = -1, layerOpacity = -1;
  GLint plain = -1, plainOwn = -1, plainColour = -1, smooth = -1;
  GLint styles = -1, visible = -1, image = -1;

  Program() = default;
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;
  ~Program() {
    if (id) glDeleteProgram(id);
  }
};

std::string shaderLog(GLuint shader) {
  GLint length = 0;
  glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
  std::string log(static_cast<size_t>(std::max(length, 1)), '\0');
  glGetShaderInfoLog(shader, length, nullptr, log.data());
  while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
  return log;
}

GLuint compileShader(GLenum type, const std::string& source, const std::string& name, std::string* error) {
  GLuint shader = glCreateShader(type);
  const char* text = source.c_str();
  glShaderSource(shader, 1, &text, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    *error = "shader " + name + " does not compile: " + shaderLog(shader);
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}

bool linkProgram(Program& program, const std::string& vertex, const std::string& fragment, const std::string& name,
                 std::string* error) {
  GLuint vs = compileShader(GL_VERTEX_SHADER, vertex, name + ".vert", error);
  if (!vs) return false;
  GLuint fs = compileShader(GL_FRAGMENT_SHADER, fragment, name + ".frag", error);
  if (!fs) {
    glDeleteShader(vs);
    return false;
  }
  program.id = glCreateProgram();
  glAttachShader(program.id, vs);
  glAttachShader(program.id, fs);
  glBindFragDataLocation(program.id, 0, "oColour");
  glLinkProgram(program.id);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(program.id, GL_LINK_STATUS, &ok);
  if (!ok) {
    GLint length = 0;
    glGetProgramiv(program.id, GL_INFO_LOG_LENGTH, &length);
    std::string log(static_cast<size_t>(std::max(length, 1)), '\0');
    glGetProgramInfoLog(program.id, length, nullptr, log.data());
    *error = "shader program " + name + " does not link: " + log;
    return false;
  }
  auto at = [&](const char* u) { return glGetUniformLocation(program.id, u); };
  program.offset = at("uOffset");
  program.scale = at("uScale");
  program.viewport = at("uViewportPx");
  program.pixelRatio = at("uPixelRatio");
  program.layerOpacity = at("uLayerOpacity");
  program.plain = at("uPlain");
  program.plainOwn = at("uPlainOwnColour");
  program.plainColour = at("uPlainColour");
  program.smooth = at("uSmooth");
  program.styles = at("uStyles");
  program.visible = at("uVisible");
  program.image = at("uImage");
  glUseProgram(program.id);
  if (program.styles >= 0) glUniform1i(program.styles, kUnitStyles);
  if (program.visible >= 0) glUniform1i(program.visible, kUnitVisible);
  if (program.image >= 0) glUniform1i(program.image, kUnitImage);
  glUseProgram(0);
  return true;
}

// ---------------------------------------------------------------- GPU-side layers
// One level of detail on the GPU: its own buffers, so levels built on demand
// arrive without touching the others.
struct LevelGpu {
  double tolerance = 0;
  bool uploaded = false;
  bool hasLines = false;  // any segment of a line (not a polygon outline): the plain mode draws those
  std::vector<Tile> fillTiles;
  std::vector<Tile> segmentTiles;
  Buffer fillBuffer, segmentBuffer;
  VertexArray fillVao, segmentVao;
};

// A feature's label, its text resolved from the style's label field (and
// measured once by the painter), re-read by refreshStyles.
struct LabelEntry {
  XY position;
  uint32_t feature;
  detail::LabelAnchor::Kind kind;
  float offsetPx;  // style px right of a point's anchor
  float maxMetresPerPixel;  // 0 = at every scale
  detail::LabelText text;
};

struct VectorGpu {
  const Layer* layer = nullptr;
  Bounds bounds;
  std::vector<std::unique_ptr<LevelGpu>> levels;
  detail::LayerGeometry geometry;  // levels not built yet are built from it on demand
  std::vector<Tile> pointTiles;
  std::vector<detail::LabelAnchor> anchors;
  std::vector<LabelEntry> labels;  // only features whose style names a label field
  bool hasFills = false;
  bool anyFilled = false;      // some feature's style fills (else fills are drawn only in the plain mode)
  size_t droppedFeatures = 0;
  std::vector<char> outlined;  // per feature: outline segments were built (style had a stroke)
  float maxStrokePx = 0;       // style px, for culling margins
  float maxSymbolPx = 0;

  Buffer pointBuffer;
  VertexArray pointVao;
  Buffer styleBuffer, visibleBuffer;
  Texture styleTexture, visibleTexture;
  std::vector<uint8_t> visible;  // per feature
  bool shown = true;
};

struct RasterTile {
  Texture texture;
  int x = 0, y = 0, width = 0, height = 0;  // raster pixels this texture holds
  XY origin;
  Bounds bounds;
  GLint first = 0;
  GLsizei count = 0;  // vertices
};

struct RasterGpu {
  const RasterLayer* raster = nullptr;
  std::vector<std::unique_ptr<RasterTile>> tiles;
  Buffer meshBuffer;
  VertexArray meshVao;
  bool shown = true;
};

struct RasterVertex {
  float x, y, u, v;
};

float unit(uint8_t c) { return c / 255.0f; }

void putColour(float* out, const Color& c, float opacity) {
  out[0] = unit(c.r);
  out[1] = unit(c.g);
  out[2] = unit(c.b);
  out[3] = unit(c.a) * std::clamp(opacity, 0.0f, 1.0f);
}

void setColourUniform(GLint location, const Color& c) {
  if (location >= 0) glUniform4f(location, unit(c.r), unit(c.g), unit(c.b), unit(c.a));
}

}  // namespace

// ================================================================ Impl
struct MapRenderer::Impl {
  ~Impl() {
    if (magnifySampler) glDeleteSamplers(1, &magnifySampler);
    if (minifySampler) glDeleteSamplers(1, &minifySampler);
  }
  std::string error;
  Program fill, segment, symbol, raster;
  bool ready = false;

  std::optional<geo::Projection> projection;
  std::vector<const Layer*> vectorLayers;
  std::vector<const RasterLayer*> rasterLayers;
  std::vector<LayerRef> order;
  std::vector<std::unique_ptr<VectorGpu>> vectors;
  std::vector<std::unique_ptr<RasterGpu>> rasters;

  FrameStats frame;
  UploadStats uploads;
  detail::LabelPainter labels;

  // Magnified rasters sample bilinearly without mipmaps (a software GL does
  // half the work); minified ones need the mipmaps against shimmer.
  GLuint magnifySampler = 0, minifySampler = 0;

  // Off-screen target for renderToImage, kept while the size stays.
  Framebuffer msaaFbo, resolveFbo;
  Renderbuffer msaaColour, resolveColour;
  int targetWidth = 0, targetHeight = 0, targetSamples = -1;

  void loadShaders(const std::string& directory);
  const geo::Projection& currentProjection();
  void buildVector(VectorGpu& gpu);
  void uploadStyles(VectorGpu& gpu);
  void uploadGeometry(Buffer& buffer, const void* data, size_t bytes);
  void uploadLevels(VectorGpu& gpu, const std::vector<size_t>& which);
  Preparation preparation = Preparation::AllLevels;
  void resolveLabels(VectorGpu& gpu);
  void uploadVisibility(VectorGpu& gpu);
  void uploadRasterTextures(RasterGpu& gpu);
  void buildRasterMesh(RasterGpu& gpu);
  void draw(const MapView& view, const RenderOptions& options);
  void drawVector(VectorGpu& gpu, const MapView& view, const RenderOptions& options, const Bounds& extent);
  void drawRaster(RasterGpu& gpu, const MapView& view, const Bounds& extent);
  void drawLabels(const MapView& view, const RenderOptions& options);
  void setViewUniforms(const Program& p, const MapView& view, const RenderOptions& options, float opacity);
  bool prepareTarget(int width, int height, int samples);
  bool drawToTarget(const MapView& view, const RenderOptions& options);
  void renderLayers(const MapView& view, const RenderOptions& options, const Bounds& cull);
  void clearTo(const Color& c);
  std::vector<float> frameKey(const RenderOptions& options) const;
  bool drawThroughCache(const MapView& view, const RenderOptions& options);

  // The last frame without its labels, for redrawing only what a pan uncovers.
  struct FrameCache {
    Framebuffer fbo[2];
    Texture texture[2];
    int current = 0;
    int width = 0, height = 0;
    bool valid = false;
    MapView view;
    std::vector<float> key;
    uint64_t version = 0;
  } cache;
  uint64_t stateVersion = 0;  // bumped by every change to layers, styles, visibility or order
  uint64_t framesDrawn = 0;
};

void MapRenderer::Impl::loadShaders(const std::string& directory) {
  auto source = [&](const std::string& name) -> std::string {
    if (!directory.empty()) {
      std::ifstream in(directory + "/" + name);
      if (in) {
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
      }
      error = "cannot read shader " + directory + "/" + name;
      return {};
    }
    for (const auto& s : embedded::kShaders) {
      if (name == s.name) return s.text;
    }
    error = "shader " + name + " is not built in";
    return {};
  };
  const std::string version = "#version 330 core\n";
  const std::string common = source("feature_style.glsl");
  struct Spec {
    Program* program;
    const char* name;
  } specs[] = {{&fill, "fill"}, {&segment, "segment"}, {&symbol, "symbol"}, {&raster, "raster"}};
  for (const Spec& s : specs) {
    std::string vs = source(std::string(s.name) + ".vert.glsl");
    std::string fs = source(std::string(s.name) + ".frag.glsl");
    if (!error.empty()) return;
    // #line resets keep compiler messages pointing at lines of the right file.
    if (!linkProgram(*s.program, version + common + "\n#line 1\n" + vs, version + fs, s.name, &error)) return;
  }
  ready = true;
}

const geo::Projection& MapRenderer::Impl::currentProjection() {
  if (!projection) {
    auto p = geo::Projection::create(geo::kDefaultViewCrs);
    // Pamir's own CRS failing means PROJ itself is unusable (no proj.db): nothing can be drawn.
    if (!p) throw std::runtime_error("cannot build the default view CRS: " + p.error());
    projection = std::move(*p);
  }
  return *projection;
}

// Projects the layer and uploads its points, style and visibility tables, and
// its levels of detail: all of them, or (on demand) none until a view needs one.
void MapRenderer::Impl::buildVector(VectorGpu& gpu) {
  const Layer& layer = *gpu.layer;
  gpu.geometry = detail::prepareLayerGeometry(layer, currentProjection());
  detail::LayerGeometry& geometry = gpu.geometry;
  gpu.bounds = geometry.bounds;
  gpu.hasFills = geometry.hasFills;
  gpu.droppedFeatures = geometry.droppedFeatures;
  gpu.outlined.assign(layer.features.size(), 0);
  for (size_t i = 0; i < layer.features.size(); ++i) {
    gpu.outlined[i] = layer.styleFor(layer.features[i]).strokeWidth > 0;
  }
  gpu.levels.clear();
  for (const auto& level : geometry.levels) {
    gpu.levels.push_back(std::make_unique<LevelGpu>());
    gpu.levels.back()->tolerance = level.tolerance;
  }
  if (preparation == Preparation::AllLevels) {
    std::vector<size_t> all(gpu.levels.size());
    for (size_t l = 0; l < all.size(); ++l) all[l] = l;
    uploadLevels(gpu, all);
  }
  gpu.pointTiles = std::move(geometry.pointTiles);
  gpu.anchors = std::move(geometry.labels);
  resolveLabels(gpu);

  gpu.pointVao.create();
  glBindVertexArray(gpu.pointVao.id);
  uploadGeometry(gpu.pointBuffer, geometry.points.data(), geometry.points.size() * sizeof(PointInstance));
  geometry.points = {};
  for (GLuint a = 0; a < 2; ++a) {
    glEnableVertexAttribArray(a);
    glVertexAttribDivisor(a, 1);
  }
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);

  if (gpu.visible.size() != layer.features.size()) gpu.visible.assign(layer.features.size(), 1);
  uploadStyles(gpu);
  uploadVisibility(gpu);
}

void MapRenderer::Impl::uploadGeometry(Buffer& buffer, const void* data, size_t bytes) {
  buffer.create();
  glBindBuffer(GL_ARRAY_BUFFER, buffer.id);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes), data, GL_STATIC_DRAW);
  ++uploads.geometryUploads;
  uploads.geometryBytes += bytes;
}

// Builds (on every core) and uploads the given levels that are not on the GPU yet.
void MapRenderer::Impl::uploadLevels(VectorGpu& gpu, const std::vector<size_t>& which) {
  std::vector<size_t> missing;
  for (size_t l : which) {
    if (l < gpu.levels.size() && !gpu.levels[l]->uploaded) missing.push_back(l);
  }
  if (missing.empty()) return;
  detail::buildDetailLevels(gpu.geometry, missing);
  for (size_t l : missing) {
    detail::DetailLevel& level = gpu.geometry.levels[l];
    LevelGpu& g = *gpu.levels[l];
    g.fillTiles = std::move(level.fillTiles);
    g.segmentTiles = std::move(level.segmentTiles);
    g.hasLines = std::any_of(level.segments.begin(), level.segments.end(),
                             [](const SegmentInstance& s) { return (s.feature & detail::kOutlineFlag) == 0; });

    g.fillVao.create();
    glBindVertexArray(g.fillVao.id);
    uploadGeometry(g.fillBuffer, level.fills.data(), level.fills.size() * sizeof(FillVertex));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(FillVertex), reinterpret_cast<void*>(0));
    glEnableVertexAttribArray(1);
    glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, sizeof(FillVertex),
                           reinterpret_cast<void*>(offsetof(FillVertex, feature)));

    // Instanced: the attribute pointers are set per tile at draw time (GL 3.3 has no base instance).
    g.segmentVao.create();
    glBindVertexArray(g.segmentVao.id);
    uploadGeometry(g.segmentBuffer, level.segments.data(), level.segments.size() * sizeof(SegmentInstance));
    for (GLuint a = 0; a < 3; ++a) {
      glEnableVertexAttribArray(a);
      glVertexAttribDivisor(a, 1);
    }
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    level.fills = {};
    level.segments = {};
    g.uploaded = true;
  }
}

void MapRenderer::Impl::uploadStyles(VectorGpu& gpu) {
  const Layer& layer = *gpu.layer;
  size_t n = std::max<size_t>(layer.features.size(), 1);
  std::vector<float> table(n * kStyleTexels * 4, 0.0f);
  gpu.maxStrokePx = 0;
  gpu.maxSymbolPx = 0;
  gpu.anyFilled = false;
  for (size_t i = 0; i < layer.features.size(); ++i) {
    const Style& s = layer.styleFor(layer.features[i]);
    float* t = &table[i * kStyleTexels * 4];
    putColour(t, s.fill, s.opacity);
    putColour(t + 4, s.stroke, s.opacity);
    t[8] = std::max(s.strokeWidth, 0.0f);
    t[9] = std::max(s.symbolSize, 0.0f);
    t[10] = static_cast<float>(static_cast<int>(s.symbol));
    t[11] = static_cast<float>((s.dashed ? 1 : 0) | (s.filled ? 2 : 0));
    gpu.anyFilled = gpu.anyFilled || (s.filled && t[3] > 0);
    gpu.maxStrokePx = std::max(gpu.maxStrokePx, t[8]);
    gpu.maxSymbolPx = std::max(gpu.maxSymbolPx, t[9]);
  }
  gpu.styleBuffer.create();
  glBindBuffer(GL_TEXTURE_BUFFER, gpu.styleBuffer.id);
  glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(table.size() * sizeof(float)), table.data(),
               GL_STATIC_DRAW);
  gpu.styleTexture.create();
  glBindTexture(GL_TEXTURE_BUFFER, gpu.styleTexture.id);
  glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA32F, gpu.styleBuffer.id);
  glBindTexture(GL_TEXTURE_BUFFER, 0);
  glBindBuffer(GL_TEXTURE_BUFFER, 0);
  ++uploads.styleUploads;
}

void MapRenderer::Impl::resolveLabels(VectorGpu& gpu) {
  const Layer& layer = *gpu.layer;
  gpu.labels.clear();
  for (const detail::LabelAnchor& a : gpu.anchors) {
    if (a.feature >= layer.features.size()) continue;
    const Feature& f = layer.features[a.feature];
    const Style& s = layer.styleFor(f);
    if (s.labelField.empty()) continue;
    std::string text = toString(layer.value(f, s.labelField));
    if (text.empty()) continue;
    LabelEntry e{a.position, a.feature, a.kind, s.symbolSize / 2 + s.strokeWidth / 2 + 3, s.labelMaxMetresPerPixel, {}};
    e.text.text = std::move(text);
    gpu.labels.push_back(std::move(e));
  }
}

void MapRenderer::Impl::uploadVisibility(VectorGpu& gpu) {
  std::vector<uint8_t> table(std::max<size_t>(gpu.visible.size(), 1), 0);
  for (size_t i = 0; i < gpu.visible.size(); ++i) table[i] = gpu.visible[i] ? 255 : 0;
  gpu.visibleBuffer.create();
  glBindBuffer(GL_TEXTURE_BUFFER, gpu.visibleBuffer.id);
  glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(table.size()), table.data(), GL_DYNAMIC_DRAW);
  gpu.visibleTexture.create();
  glBindTexture(GL_TEXTURE_BUFFER, gpu.visibleTexture.id);
  glTexBuffer(GL_TEXTURE_BUFFER, GL_R8, gpu.visibleBuffer.id);
  glBindTexture(GL_TEXTURE_BUFFER, 0);
  glBindBuffer(GL_TEXTURE_BUFFER, 0);
  ++uploads.visibilityUploads;
}

// A raster is cut into textures no larger than the GL allows, uploaded once;
// each gets a mesh of its pixel grid transformed from the raster's CRS into
// the view CRS, rebuilt when the projection changes.
void MapRenderer::Impl::uploadRasterTextures(RasterGpu& gpu) {
  const RasterLayer& r = *gpu.raster;
  gpu.tiles.clear();
  if (r.width <= 0 || r.height <= 0 || r.rgba.size() < static_cast<size_t>(r.width) * r.height * 4) return;
  GLint maxTexture = 4096;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxTexture);
  const int tileSize = std::clamp(static_cast<int>(maxTexture), 256, 4096);
  for (int ty = 0; ty < r.height; ty += tileSize) {
    for (int tx = 0; tx < r.width; tx += tileSize) {
      auto tile = std::make_unique<RasterTile>();
      tile->x = tx;
      tile->y = ty;
      tile->width = std::min(tileSize, r.width - tx);
      tile->height = std::min(tileSize, r.height - ty);
      tile->texture.create();
      glBindTexture(GL_TEXTURE_2D, tile->texture.id);
      glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
      glPixelStorei(GL_UNPACK_ROW_LENGTH, r.width);
      glPixelStorei(GL_UNPACK_SKIP_PIXELS, tx);
      glPixelStorei(GL_UNPACK_SKIP_ROWS, ty);
      glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, tile->width, tile->height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                   r.rgba.data());
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
}

void MapRenderer::Impl::buildRasterMesh(RasterGpu& gpu) {
  const RasterLayer& r = *gpu.raster;
  std::vector<RasterVertex> mesh;
  std::optional<geo::Transform> transform;
  // A raster whose CRS PROJ rejects is left out rather than drawn in the wrong place.
  if (!gpu.tiles.empty())
    if (auto t = geo::Transform::create(r.crsWkt.empty() ? std::string("EPSG:4326") : r.crsWkt,
                                        currentProjection().definition()))
      transform = std::move(*t);
  const double* g = r.geoTransform;
  for (auto& tile : gpu.tiles) {
    tile->bounds = {};
    tile->first = static_cast<GLint>(mesh.size());
    tile->count = 0;
    if (!transform) continue;
    // Grid cells of at most 8 raster pixels, at most 32 a side: the warp
    // between grid points is linear, under a pixel for a region's raster.
    const int w = tile->width, h = tile->height;
    int cellsX = std::clamp((w + 7) / 8, 1, 32), cellsY = std::clamp((h + 7) / 8, 1, 32);
    std::vector<XY> grid(static_cast<size_t>(cellsX + 1) * (cellsY + 1));
    std::vector<XY> uv(grid.size());
    for (int j = 0; j <= cellsY; ++j) {
      for (int i = 0; i <= cellsX; ++i) {
        double px = tile->x + static_cast<double>(w) * i / cellsX, py = tile->y + static_cast<double>(h) * j / cellsY;
        size_t k = static_cast<size_t>(j) * (cellsX + 1) + i;
        grid[k] = {g[0] + px * g[1] + py * g[2], g[3] + px * g[4] + py * g[5]};
        uv[k] = {static_cast<double>(i) / cellsX, static_cast<double>(j) / cellsY};
      }
    }
    transform->apply(grid.data(), grid.size());
    auto ok = [&](size_t k) { return std::isfinite(grid[k].x) && std::isfinite(grid[k].y); };
    for (size_t k = 0; k < grid.size(); ++k) {
      if (ok(k)) tile->bounds.add(grid[k].x, grid[k].y);
    }
    if (tile->bounds.empty()) continue;
    tile->origin = {(tile->bounds.minx + tile->bounds.maxx) / 2, (tile->bounds.miny + tile->bounds.maxy) / 2};
    auto vertex = [&](size_t k) {
      return RasterVertex{static_cast<float>(grid[k].x - tile->origin.x),
                          static_cast<float>(grid[k].y - tile->origin.y), static_cast<float>(uv[k].x),
                          static_cast<float>(uv[k].y)};
    };
    for (int j = 0; j < cellsY; ++j) {
      for (int i = 0; i < cellsX; ++i) {
        size_t a = static_cast<size_t>(j) * (cellsX + 1) + i, b = a + 1, c = a + (cellsX + 1), d = c + 1;
        // A cell with a corner outside the view CRS's domain is left out.
        if (!ok(a) || !ok(b) || !ok(c) || !ok(d)) continue;
        for (size_t k : {a, b, c, b, d, c}) mesh.push_back(vertex(k));
      }
    }
    tile->count = static_cast<GLsizei>(mesh.size()) - tile->first;
  }
  gpu.meshVao.create();
  glBindVertexArray(gpu.meshVao.id);
  gpu.meshBuffer.create();
  glBindBuffer(GL_ARRAY_BUFFER, gpu.meshBuffer.id);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.size() * sizeof(RasterVertex)), mesh.data(),
               GL_STATIC_DRAW);
  ++uploads.geometryUploads;
  uploads.geometryBytes += mesh.size() * sizeof(RasterVertex);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(RasterVertex), reinterpret_cast<void*>(0));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(RasterVertex),
                        reinterpret_cast<void*>(offsetof(RasterVertex, u)));
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void MapRenderer::Impl::setViewUniforms(const Program& p, const MapView& view, const RenderOptions& options,
                                        float opacity) {
  if (p.scale >= 0) {
    glUniform2f(p.scale, static_cast<float>(2.0 / (view.resolutionX() * view.width())),
                static_cast<float>(2.0 / (view.resolutionY() * view.height())));
  }
  if (p.viewport >= 0) glUniform2f(p.viewport, static_cast<float>(view.width()), static_cast<float>(view.height()));
  if (p.pixelRatio >= 0) glUniform1f(p.pixelRatio, options.pixelRatio);
  if (p.layerOpacity >= 0) glUniform1f(p.layerOpacity, std::clamp(opacity, 0.0f, 1.0f));
  if (p.plain >= 0) glUniform1i(p.plain, options.plain ? 1 : 0);
  if (p.plainOwn >= 0) glUniform1i(p.plainOwn, options.plainFill ? 0 : 1);
  setColourUniform(p.plainColour, options.plainFill.value_or(Color{}));
  if (p.smooth >= 0) glUniform1i(p.smooth, options.antialias && !options.plain ? 1 : 0);
}

namespace {

void setOffset(GLint location, const XY& origin, const XY& centre) {
  // The subtraction happens in double: this is what keeps deep zooms steady.
  glUniform2f(location, static_cast<float>(origin.x - centre.x), static_cast<float>(origin.y - centre.y));
}

Bounds grown(const Bounds& b, double dx, double dy) {
  return {b.minx - dx, b.miny - dy, b.maxx + dx, b.maxy + dy};
}

}  // namespace

void MapRenderer::Impl::drawVector(VectorGpu& gpu, const MapView& view, const RenderOptions& options,
                                   const Bounds& extent) {
  if (gpu.levels.empty() && gpu.pointTiles.empty()) return;
  const XY centre = view.center();
  const double pixel = std::min(view.resolutionX(), view.resolutionY());
  const double allowed = std::max(0.0f, options.detailPx) * pixel;
  LevelGpu* level = nullptr;
  for (size_t l = 0; l < gpu.levels.size(); ++l) {
    if (gpu.levels[l]->tolerance <= allowed) {
      if (!gpu.levels[l]->uploaded) uploadLevels(gpu, {l});  // Preparation::OnDemand
      level = gpu.levels[l].get();
      break;
    }
  }
  const float opacity = 1.0f;  // per-feature opacity is already in the style table

  glActiveTexture(GL_TEXTURE0 + kUnitStyles);
  glBindTexture(GL_TEXTURE_BUFFER, gpu.styleTexture.id);
  glActiveTexture(GL_TEXTURE0 + kUnitVisible);
  glBindTexture(GL_TEXTURE_BUFFER, gpu.visibleTexture.id);

  if (level && gpu.hasFills && (gpu.anyFilled || options.plain) && !level->fillTiles.empty()) {
    glUseProgram(fill.id);
    setViewUniforms(fill, view, options, opacity);
    glBindVertexArray(level->fillVao.id);
    for (const Tile& t : level->fillTiles) {
      if (!t.bounds.intersects(extent)) continue;
      setOffset(fill.offset, t.origin, centre);
      glDrawArrays(GL_TRIANGLES, static_cast<GLint>(t.first * 3), static_cast<GLsizei>(t.count * 3));
      ++frame.drawCalls;
      frame.trianglesDrawn += t.count;
    }
  }

  if (level && !level->segmentTiles.empty() && (!options.plain || level->hasLines)) {
    glUseProgram(segment.id);
    setViewUniforms(segment, view, options, opacity);
    glBindVertexArray(level->segmentVao.id);
    glBindBuffer(GL_ARRAY_BUFFER, level->segmentBuffer.id);
    double margin = (gpu.maxStrokePx * options.pixelRatio / 2 + 2);
    Bounds near = grown(extent, margin * view.resolutionX(), margin * view.resolutionY());
    for (const Tile& t : level->segmentTiles) {
      if (!t.bounds.intersects(near)) continue;
      setOffset(segment.offset, t.origin, centre);
      auto base = static_cast<uintptr_t>(t.first * sizeof(SegmentInstance));
      glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, sizeof(SegmentInstance), reinterpret_cast<void*>(base));
      glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, sizeof(SegmentInstance),
                            reinterpret_cast<void*>(base + offsetof(SegmentInstance, distance)));
      glVertexAttribIPointer(2, 1, GL_UNSIGNED_INT, sizeof(SegmentInstance),
                             reinterpret_cast<void*>(base + offsetof(SegmentInstance, feature)));
      glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(t.count));
      ++frame.drawCalls;
      frame.trianglesDrawn += 2 * t.count;
      frame.segmentsDrawn += t.count;
    }
  }

  if (!gpu.pointTiles.empty()) {
    glUseProgram(symbol.id);
    setViewUniforms(symbol, view, options, opacity);
    glBindVertexArray(gpu.pointVao.id);
    glBindBuffer(GL_ARRAY_BUFFER, gpu.pointBuffer.id);
    double margin = (gpu.maxSymbolPx + gpu.maxStrokePx) * options.pixelRatio / 2 + 2;
    Bounds near = grown(extent, margin * view.resolutionX(), margin * view.resolutionY());
    for (const Tile& t : gpu.pointTiles) {
      if (!t.bounds.intersects(near)) continue;
      setOffset(symbol.offset, t.origin, centre);
      auto base = static_cast<uintptr_t>(t.first * sizeof(PointInstance));
      glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(PointInstance), reinterpret_cast<void*>(base));
      glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, sizeof(PointInstance),
                             reinterpret_cast<void*>(base + offsetof(PointInstance, feature)));
      glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(t.count));
      ++frame.drawCalls;
      frame.trianglesDrawn += 2 * t.count;
      frame.pointsDrawn += t.count;
    }
  }
}

void MapRenderer::Impl::drawRaster(RasterGpu& gpu, const MapView& view, const Bounds& extent) {
  if (!magnifySampler) {
    glGenSamplers(1, &magnifySampler);
    glGenSamplers(1, &minifySampler);
    for (GLuint s : {magnifySampler, minifySampler}) {
      glSamplerParameteri(s, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
      glSamplerParameteri(s, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
      glSamplerParameteri(s, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    glSamplerParameteri(magnifySampler, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glSamplerParameteri(minifySampler, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
  }
  if (gpu.tiles.empty()) return;
  glUseProgram(raster.id);
  RenderOptions none;
  setViewUniforms(raster, view, none, gpu.raster->opacity);
  glBindVertexArray(gpu.meshVao.id);
  glActiveTexture(GL_TEXTURE0 + kUnitImage);
  for (const auto& t : gpu.tiles) {
    if (!t->bounds.intersects(extent) || t->count == 0) continue;
    setOffset(raster.offset, t->origin, view.center());
    glBindTexture(GL_TEXTURE_2D, t->texture.id);
    // Magnified when the tile covers at least as many screen pixels as it has, both ways.
    bool magnified = t->bounds.width() / view.resolutionX() >= t->width &&
                     t->bounds.height() / view.resolutionY() >= t->height;
    glBindSampler(kUnitImage, magnified ? magnifySampler : minifySampler);
    glDrawArrays(GL_TRIANGLES, t->first, t->count);
    ++frame.drawCalls;
    frame.trianglesDrawn += static_cast<size_t>(t->count / 3);
  }
  glBindTexture(GL_TEXTURE_2D, 0);
  glBindSampler(kUnitImage, 0);
}

void MapRenderer::Impl::drawLabels(const MapView& view, const RenderOptions& options) {
  std::vector<detail::LabelCandidate> candidates;
  const Bounds extent = view.extent();
  // Scale for label gating; a degree is taken as 111.32 km in geographic CRSs,
  // which is precise enough to decide whether a map is zoomed in.
  const double metresPerPixel =
      view.resolutionX() / options.pixelRatio * (projection && projection->isGeographic() ? 111320.0 : 1.0);
  // Top layer first: its labels win collisions; within a layer, points before
  // lines before areas (a place name matters more than its province's).
  for (auto kind : {detail::LabelAnchor::Kind::Point, detail::LabelAnchor::Kind::Line,
                    detail::LabelAnchor::Kind::Polygon}) {
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      if (it->kind != LayerRef::Kind::Vector || it->index >= vectors.size()) continue;
      VectorGpu& gpu = *vectors[it->index];
      if (!gpu.shown || !gpu.layer->visible) continue;
      for (LabelEntry& e : gpu.labels) {
        if (e.kind != kind || !extent.contains(e.position.x, e.position.y) || !gpu.visible[e.feature]) continue;
        if (e.maxMetresPerPixel > 0 && metresPerPixel > e.maxMetresPerPixel) continue;
        XY p = view.mapToPixel(e.position);
        candidates.push_back({static_cast<float>(p.x), static_cast<float>(p.y), e.offsetPx * options.pixelRatio,
                              kind != detail::LabelAnchor::Kind::Point, &e.text});
      }
    }
  }
  if (candidates.empty()) return;
  frame.labelsDrawn = labels.draw(view.width(), view.height(), options.pixelRatio, candidates);
}

void MapRenderer::Impl::renderLayers(const MapView& view, const RenderOptions& options, const Bounds& cull) {
  if (options.plain) {
    glDisable(GL_BLEND);
  } else {
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  }
  for (const LayerRef& ref : order) {
    if (ref.kind == LayerRef::Kind::Raster) {
      if (options.plain || ref.index >= rasters.size()) continue;
      RasterGpu& gpu = *rasters[ref.index];
      if (gpu.shown && gpu.raster->visible) drawRaster(gpu, view, cull);
    } else {
      if (ref.index >= vectors.size()) continue;
      VectorGpu& gpu = *vectors[ref.index];
      if (gpu.shown && gpu.layer->visible) drawVector(gpu, view, options, cull);
    }
  }
  glBindVertexArray(0);
  glUseProgram(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  glActiveTexture(GL_TEXTURE0);
}

void MapRenderer::Impl::clearTo(const Color& c) {
  glClearColor(unit(c.r), unit(c.g), unit(c.b), unit(c.a));
  glClear(GL_COLOR_BUFFER_BIT);
}

// What a cached frame depends on besides the view: every setting that changes
// pixels, and the visibility and opacity flags the caller may flip directly.
std::vector<float> MapRenderer::Impl::frameKey(const RenderOptions& o) const {
  std::vector<float> key = {float(o.background.r), float(o.background.g), float(o.background.b),
                            float(o.background.a), float(o.plain),        float(o.plainFill.has_value()),
                            float(o.plainFill ? o.plainFill->r : 0),      float(o.plainFill ? o.plainFill->g : 0),
                            float(o.plainFill ? o.plainFill->b : 0),      float(o.plainFill ? o.plainFill->a : 0),
                            float(o.antialias), o.pixelRatio,             o.detailPx};
  for (const auto& v : vectors) key.push_back(float(v->layer->visible));
  for (const auto& r : rasters) {
    key.push_back(float(r->raster->visible));
    key.push_back(r->raster->opacity);
  }
  return key;
}

void MapRenderer::Impl::draw(const MapView& view, const RenderOptions& options) {
  auto start = std::chrono::steady_clock::now();
  frame = {};
  const int w = view.width(), h = view.height();
  const bool firstFrame = framesDrawn++ == 0;
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glDisable(GL_CULL_FACE);
  glDisable(GL_SCISSOR_TEST);
  GLint target = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
  GLint targetSampleBuffers = 0;
  glGetIntegerv(GL_SAMPLE_BUFFERS, &targetSampleBuffers);

  if (!ready) {
    glViewport(0, 0, w, h);
    clearTo(options.background);
  } else if (!options.reuseFrames || targetSampleBuffers > 0 || firstFrame || !drawThroughCache(view, options)) {
    // A renderer's first frame is drawn straight into the target: a one-shot
    // render (pamir render) then never pays for the cache's two textures.
    cache.valid = false;
    glViewport(0, 0, w, h);
    clearTo(options.background);
    renderLayers(view, options, view.extent());
  } else {
    // The cached frame onto the caller's framebuffer.
    glBindFramebuffer(GL_READ_FRAMEBUFFER, cache.fbo[cache.current].id);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(target));
    glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target));
    glViewport(0, 0, w, h);
  }
  if (ready && options.labels && !options.plain) {
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    drawLabels(view, options);
  }
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  frame.cpuMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Panning by whole pixels moves the picture and uncovers a strip or two at
// the edges: the previous frame (without labels) is shifted into the other
// cache texture and only the uncovered strips are drawn, with the same view
// and so the same pixels a full frame would have. Anything else (a zoom, a
// changed layer or setting, a fractional pan) draws the whole frame.
bool MapRenderer::Impl::drawThroughCache(const MapView& view, const RenderOptions& options) {
  const int w = view.width(), h = view.height();
  if (cache.width != w || cache.height != h) {
    for (int i = 0; i < 2; ++i) {
      cache.texture[i].reset();
      cache.fbo[i].reset();
      cache.texture[i].create();
      glBindTexture(GL_TEXTURE_2D, cache.texture[i].id);
      glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
      glBindTexture(GL_TEXTURE_2D, 0);
      cache.fbo[i].create();
      glBindFramebuffer(GL_FRAMEBUFFER, cache.fbo[i].id);
      glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, cache.texture[i].id, 0);
      if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        cache.width = cache.height = 0;
        return false;
      }
    }
    cache.width = w;
    cache.height = h;
    cache.valid = false;
  }
  std::vector<float> key = frameKey(options);
  // Whole pixels of pan since the cached frame, in GL's orientation (y up).
  double dx = 0, dy = 0;
  bool scroll = cache.valid && key == cache.key && stateVersion == cache.version &&
                view.resolutionX() == cache.view.resolutionX() &&
                view.resolutionY() == cache.view.resolutionY();
  if (scroll) {
    dx = (view.center().x - cache.view.center().x) / view.resolutionX();
    dy = (view.center().y - cache.view.center().y) / view.resolutionY();
    scroll = std::abs(dx - std::round(dx)) < 1e-3 && std::abs(dy - std::round(dy)) < 1e-3 &&
             std::abs(dx) < w / 2.0 && std::abs(dy) < h / 2.0;
  }
  const int sx = static_cast<int>(std::lround(dx)), sy = static_cast<int>(std::lround(dy));
  glViewport(0, 0, w, h);
  if (!scroll) {
    glBindFramebuffer(GL_FRAMEBUFFER, cache.fbo[cache.current].id);
    clearTo(options.background);
    renderLayers(view, options, view.extent());
  } else if (sx != 0 || sy != 0) {
    const int next = 1 - cache.current;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, cache.fbo[cache.current].id);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, cache.fbo[next].id);
    // New pixel (x, y) is old pixel (x + sx, y + sy).
    glBlitFramebuffer(std::max(0, sx), std::max(0, sy), std::min(w, w + sx), std::min(h, h + sy),
                      std::max(0, -sx), std::max(0, -sy), std::min(w, w - sx), std::min(h, h - sy),
                      GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, cache.fbo[next].id);
    cache.current = next;
    const Bounds e = view.extent();
    glEnable(GL_SCISSOR_TEST);
    auto strip = [&](int x0, int y0, int x1, int y1) {
      if (x1 <= x0 || y1 <= y0) return;
      glScissor(x0, y0, x1 - x0, y1 - y0);
      clearTo(options.background);
      Bounds cull{e.minx + x0 * view.resolutionX(), e.miny + y0 * view.resolutionY(),
                  e.minx + x1 * view.resolutionX(), e.miny + y1 * view.resolutionY()};
      renderLayers(view, options, cull);
    };
    // Columns uncovered at the left or right, then rows at the bottom or top (without the corner twice).
    int colX0 = sx > 0 ? w - sx : 0, colX1 = sx > 0 ? w : -sx;
    strip(colX0, 0, colX1, h);
    int rowY0 = sy > 0 ? h - sy : 0, rowY1 = sy > 0 ? h : -sy;
    strip(sx > 0 ? 0 : -sx, rowY0, sx > 0 ? w - sx : w, rowY1);
    glDisable(GL_SCISSOR_TEST);
    ++frame.scrolledFrames;
  }
  cache.valid = true;
  cache.view = view;
  cache.key = std::move(key);
  cache.version = stateVersion;
  return true;
}

bool MapRenderer::Impl::prepareTarget(int width, int height, int samples) {
  if (width == targetWidth && height == targetHeight && samples == targetSamples && resolveFbo.id) return true;
  GLint maxSize = 0, maxSamples = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxSize);
  glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
  if (width > maxSize || height > maxSize) return false;
  const int requested = samples;
  samples = std::min(samples, static_cast<int>(maxSamples));
  msaaFbo.reset();
  msaaColour.reset();
  resolveFbo.reset();
  resolveColour.reset();
  resolveColour.create();
  glBindRenderbuffer(GL_RENDERBUFFER, resolveColour.id);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  resolveFbo.create();
  glBindFramebuffer(GL_FRAMEBUFFER, resolveFbo.id);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, resolveColour.id);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) return false;
  if (samples > 1) {
    msaaColour.create();
    glBindRenderbuffer(GL_RENDERBUFFER, msaaColour.id);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, width, height);
    msaaFbo.create();
    glBindFramebuffer(GL_FRAMEBUFFER, msaaFbo.id);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, msaaColour.id);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
      msaaFbo.reset();
      msaaColour.reset();
    }
  }
  glBindRenderbuffer(GL_RENDERBUFFER, 0);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  targetWidth = width;
  targetHeight = height;
  targetSamples = requested;
  return true;
}

// ================================================================ MapRenderer
MapRenderer::MapRenderer() : MapRenderer(std::string()) {}

MapRenderer::MapRenderer(std::string shaderDir) : impl_(std::make_unique<Impl>()) { impl_->loadShaders(shaderDir); }

MapRenderer::~MapRenderer() = default;

bool MapRenderer::ok() const { return impl_->ready; }
const std::string& MapRenderer::error() const { return impl_->error; }

void MapRenderer::setProjection(const geo::Projection& projection) {
  ++impl_->stateVersion;
  impl_->projection = projection;
  for (auto& v : impl_->vectors) impl_->buildVector(*v);
  for (auto& r : impl_->rasters) impl_->buildRasterMesh(*r);
}

const geo::Projection& MapRenderer::projection() const { return impl_->currentProjection(); }

void MapRenderer::setLayers(std::vector<const Layer*> vectors, std::vector<const RasterLayer*> rasters,
                            std::vector<LayerRef> order) {
  Impl& m = *impl_;
  m.vectors.clear();
  m.rasters.clear();
  m.vectorLayers = std::move(vectors);
  m.rasterLayers = std::move(rasters);
  for (const Layer* layer : m.vectorLayers) {
    auto gpu = std::make_unique<VectorGpu>();
    gpu->layer = layer;
    m.vectors.push_back(std::move(gpu));
  }
  for (const RasterLayer* raster : m.rasterLayers) {
    auto gpu = std::make_unique<RasterGpu>();
    gpu->raster = raster;
    m.rasters.push_back(std::move(gpu));
  }
  setOrder(std::move(order));
  for (auto& v : m.vectors) {
    if (v->layer) m.buildVector(*v);
  }
  for (auto& r : m.rasters) {
    if (!r->raster) continue;
    m.uploadRasterTextures(*r);
    m.buildRasterMesh(*r);
  }
}

const std::vector<LayerRef>& MapRenderer::order() const { return impl_->order; }

void MapRenderer::setOrder(std::vector<LayerRef> order) {
  ++impl_->stateVersion;
  Impl& m = *impl_;
  if (order.empty()) {
    for (size_t i = 0; i < m.rasters.size(); ++i) order.push_back(LayerRef::raster(i));
    for (size_t i = 0; i < m.vectors.size(); ++i) order.push_back(LayerRef::vector(i));
  }
  std::erase_if(order, [&](const LayerRef& r) {
    return r.kind == LayerRef::Kind::Vector ? r.index >= m.vectors.size() : r.index >= m.rasters.size();
  });
  m.order = std::move(order);
}

void MapRenderer::setLayerVisible(size_t drawIndex, bool visible) {
  if (drawIndex < impl_->order.size()) setLayerVisible(impl_->order[drawIndex], visible);
}

void MapRenderer::setLayerVisible(LayerRef layer, bool visible) {
  ++impl_->stateVersion;
  if (layer.kind == LayerRef::Kind::Vector) {
    if (layer.index < impl_->vectors.size()) impl_->vectors[layer.index]->shown = visible;
  } else if (layer.index < impl_->rasters.size()) {
    impl_->rasters[layer.index]->shown = visible;
  }
}

void MapRenderer::setFeatureVisible(size_t vectorIndex, size_t featureIndex, bool visible) {
  if (vectorIndex >= impl_->vectors.size()) return;
  VectorGpu& gpu = *impl_->vectors[vectorIndex];
  if (featureIndex >= gpu.visible.size() || (gpu.visible[featureIndex] != 0) == visible) return;
  gpu.visible[featureIndex] = visible ? 1 : 0;
  ++impl_->stateVersion;
  uint8_t texel = visible ? 255 : 0;
  glBindBuffer(GL_TEXTURE_BUFFER, gpu.visibleBuffer.id);
  glBufferSubData(GL_TEXTURE_BUFFER, static_cast<GLintptr>(featureIndex), 1, &texel);
  glBindBuffer(GL_TEXTURE_BUFFER, 0);
  ++impl_->uploads.visibilityUploads;
}

void MapRenderer::setFeatureVisibility(size_t vectorIndex, const std::vector<uint8_t>& mask) {
  ++impl_->stateVersion;
  if (vectorIndex >= impl_->vectors.size()) return;
  VectorGpu& gpu = *impl_->vectors[vectorIndex];
  for (size_t i = 0; i < gpu.visible.size(); ++i) gpu.visible[i] = i < mask.size() ? (mask[i] != 0) : 1;
  impl_->uploadVisibility(gpu);
}

void MapRenderer::setFeatureFilter(const std::function<bool(const Layer&, const Feature&)>& keep) {
  ++impl_->stateVersion;
  for (auto& v : impl_->vectors) {
    const Layer& layer = *v->layer;
    for (size_t i = 0; i < layer.features.size() && i < v->visible.size(); ++i) {
      v->visible[i] = !keep || keep(layer, layer.features[i]) ? 1 : 0;
    }
    impl_->uploadVisibility(*v);
  }
}

bool MapRenderer::featureVisible(size_t vectorIndex, size_t featureIndex) const {
  if (vectorIndex >= impl_->vectors.size()) return false;
  const VectorGpu& gpu = *impl_->vectors[vectorIndex];
  return featureIndex < gpu.visible.size() && gpu.visible[featureIndex];
}

void MapRenderer::refreshStyles() {
  ++impl_->stateVersion;
  for (auto& v : impl_->vectors) {
    const Layer& layer = *v->layer;
    bool rebuild = v->outlined.size() != layer.features.size();
    for (size_t i = 0; !rebuild && i < layer.features.size(); ++i) {
      rebuild = (layer.styleFor(layer.features[i]).strokeWidth > 0) != (v->outlined[i] != 0);
    }
    if (rebuild) {
      impl_->buildVector(*v);
    } else {
      impl_->uploadStyles(*v);
      impl_->resolveLabels(*v);
    }
  }
}

void MapRenderer::draw(const MapView& view, const RenderOptions& options) { impl_->draw(view, options); }

bool MapRenderer::Impl::drawToTarget(const MapView& view, const RenderOptions& options) {
  int samples = options.antialias && !options.plain ? options.msaaSamples : 0;
  if (!prepareTarget(view.width(), view.height(), samples)) return false;
  GLint previous = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
  glBindFramebuffer(GL_FRAMEBUFFER, msaaFbo.id ? msaaFbo.id : resolveFbo.id);
  draw(view, options);
  if (msaaFbo.id) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, msaaFbo.id);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolveFbo.id);
    glBlitFramebuffer(0, 0, view.width(), view.height(), 0, 0, view.width(), view.height(), GL_COLOR_BUFFER_BIT,
                      GL_NEAREST);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
  return true;
}

bool MapRenderer::drawOffscreen(const MapView& view, const RenderOptions& options) {
  return impl_->drawToTarget(view, options);
}

Image MapRenderer::renderToImage(const MapView& view, const RenderOptions& options) {
  Impl& m = *impl_;
  Image image;
  if (!m.drawToTarget(view, options)) return image;
  const int w = view.width(), h = view.height();
  GLint previous = 0;
  glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &previous);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, m.resolveFbo.id);
  image.width = w;
  image.height = h;
  image.rgba.resize(static_cast<size_t>(w) * h * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  glPixelStorei(GL_PACK_ALIGNMENT, 4);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(previous));
  // GL's rows start at the bottom; images start at the top.
  const size_t row = static_cast<size_t>(w) * 4;
  std::vector<uint8_t> swap(row);
  for (int y = 0; y < h / 2; ++y) {
    uint8_t* a = image.rgba.data() + static_cast<size_t>(y) * row;
    uint8_t* b = image.rgba.data() + static_cast<size_t>(h - 1 - y) * row;
    std::memcpy(swap.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, swap.data(), row);
  }
  return image;
}

const FrameStats& MapRenderer::lastFrame() const { return impl_->frame; }
const UploadStats& MapRenderer::uploads() const { return impl_->uploads; }

void MapRenderer::setPreparation(Preparation preparation) { impl_->preparation = preparation; }

const char* MapRenderer::labelFontPath() { return detail::LabelPainter::fontPath(); }

}  // namespace pamir::render
