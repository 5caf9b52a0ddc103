#include "render/vector_upload.hpp"

#include <algorithm>
#include <unordered_map>

#include "render/shader_program.hpp"

namespace pamir::render::detail {

namespace {

void putColour(float* out, const Color& c, float opacity) {
  out[0] = channel(c.r);
  out[1] = channel(c.g);
  out[2] = channel(c.b);
  out[3] = channel(c.a) * std::clamp(opacity, 0.0f, 1.0f);
}

// A texture buffer over `buffer`, so shaders read the table by feature index.
void uploadTable(GlBuffer& buffer, GlTexture& texture, GLenum format, const void* data, size_t bytes, GLenum usage) {
  buffer.create();
  glBindBuffer(GL_TEXTURE_BUFFER, buffer.id());
  glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(bytes), data, usage);
  texture.create();
  glBindTexture(GL_TEXTURE_BUFFER, texture.id());
  glTexBuffer(GL_TEXTURE_BUFFER, format, buffer.id());
  glBindTexture(GL_TEXTURE_BUFFER, 0);
  glBindBuffer(GL_TEXTURE_BUFFER, 0);
}

}  // namespace

void uploadVertices(GlBuffer& buffer, const void* data, size_t bytes, UploadStats& uploads) {
  buffer.create();
  glBindBuffer(GL_ARRAY_BUFFER, buffer.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes), data, GL_STATIC_DRAW);
  ++uploads.geometryUploads;
  uploads.geometryBytes += bytes;
}

void floatAttribute(GLuint index, GLint components, size_t stride, size_t offset) {
  glEnableVertexAttribArray(index);
  glVertexAttribPointer(index, components, GL_FLOAT, GL_FALSE, static_cast<GLsizei>(stride),
                        reinterpret_cast<void*>(offset));
}

void uintAttribute(GLuint index, size_t stride, size_t offset) {
  glEnableVertexAttribArray(index);
  glVertexAttribIPointer(index, 1, GL_UNSIGNED_INT, static_cast<GLsizei>(stride), reinterpret_cast<void*>(offset));
}

PreparedVector prepareVector(const Layer& layer, const geo::Projection& projection) {
  PreparedVector out;
  out.geometry = prepareLayerGeometry(layer, projection);
  out.outlined.assign(layer.features.size(), 0);
  for (size_t i = 0; i < layer.features.size(); ++i) {
    out.outlined[i] = layer.styleFor(layer.features[i]).strokeWidth > 0;
  }
  return out;
}

void installVector(VectorGpu& gpu, PreparedVector prepared, Preparation preparation, UploadStats& uploads) {
  const Layer& layer = *gpu.layer;
  gpu.geometry = std::move(prepared.geometry);
  LayerGeometry& geometry = gpu.geometry;
  gpu.bounds = geometry.bounds;
  gpu.hasFills = geometry.hasFills;
  gpu.droppedFeatures = geometry.droppedFeatures;
  gpu.outlined = std::move(prepared.outlined);
  gpu.levels.clear();
  for (const auto& level : geometry.levels) {
    gpu.levels.push_back(std::make_unique<LevelGpu>());
    gpu.levels.back()->tolerance = level.tolerance;
  }
  gpu.requested.assign(gpu.levels.size(), 0);
  if (preparation == Preparation::AllLevels) {
    std::vector<size_t> all(gpu.levels.size());
    for (size_t l = 0; l < all.size(); ++l) all[l] = l;
    uploadLevels(gpu, all, uploads);
  }
  gpu.pointTiles = std::move(geometry.pointTiles);
  gpu.anchors = std::move(geometry.labels);
  resolveLabels(gpu);

  // Instanced: the attribute pointers are set per tile at draw time (GL 3.3 has no base instance).
  gpu.pointVao.create();
  glBindVertexArray(gpu.pointVao.id());
  uploadVertices(gpu.pointBuffer, geometry.points.data(), geometry.points.size() * sizeof(PointInstance), uploads);
  geometry.points = {};
  for (GLuint a = 0; a < 2; ++a) {
    glEnableVertexAttribArray(a);
    glVertexAttribDivisor(a, 1);
  }
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);

  if (gpu.visible.size() != layer.features.size()) gpu.visible.assign(layer.features.size(), 1);
  uploadStyles(gpu, uploads);
  uploadVisibility(gpu, uploads);
  gpu.ready = true;
}

void buildVector(VectorGpu& gpu, const geo::Projection& projection, Preparation preparation, UploadStats& uploads) {
  installVector(gpu, prepareVector(*gpu.layer, projection), preparation, uploads);
}

LayerGeometry levelSource(const LayerGeometry& geometry) {
  LayerGeometry source;
  source.bounds = geometry.bounds;
  source.prepared = geometry.prepared;
  for (const DetailLevel& level : geometry.levels) {
    source.levels.emplace_back();
    source.levels.back().tolerance = level.tolerance;
    source.levels.back().built = level.built;
  }
  return source;
}

void uploadBuiltLevel(VectorGpu& gpu, size_t l, DetailLevel& level, UploadStats& uploads) {
  LevelGpu& g = *gpu.levels[l];
  g.fillTiles = std::move(level.fillTiles);
  g.segmentTiles = std::move(level.segmentTiles);
  g.hasLines = std::any_of(level.segments.begin(), level.segments.end(),
                           [](const SegmentInstance& s) { return (s.feature & kOutlineFlag) == 0; });

  g.fillVao.create();
  glBindVertexArray(g.fillVao.id());
  uploadVertices(g.fillBuffer, level.fills.data(), level.fills.size() * sizeof(FillVertex), uploads);
  floatAttribute(0, 2, sizeof(FillVertex), 0);
  uintAttribute(1, sizeof(FillVertex), offsetof(FillVertex, feature));

  // Instanced like the points: pointers per tile at draw time.
  g.segmentVao.create();
  glBindVertexArray(g.segmentVao.id());
  uploadVertices(g.segmentBuffer, level.segments.data(), level.segments.size() * sizeof(SegmentInstance), uploads);
  for (GLuint a = 0; a < 3; ++a) {
    glEnableVertexAttribArray(a);
    glVertexAttribDivisor(a, 1);
  }
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  level.fills = {};
  level.segments = {};
  gpu.geometry.levels[l].built = true;
  g.uploaded = true;
}

void uploadLevels(VectorGpu& gpu, const std::vector<size_t>& which, UploadStats& uploads) {
  std::vector<size_t> missing;
  for (size_t l : which) {
    if (l < gpu.levels.size() && !gpu.levels[l]->uploaded) missing.push_back(l);
  }
  if (missing.empty()) return;
  buildDetailLevels(gpu.geometry, missing);
  for (size_t l : missing) uploadBuiltLevel(gpu, l, gpu.geometry.levels[l], uploads);
}

void uploadStyles(VectorGpu& gpu, UploadStats& uploads) {
  const Layer& layer = *gpu.layer;
  // styleFor answers the layer's style or one of its rules': a style is
  // known by its address.
  std::vector<uint32_t> index(std::max<size_t>(layer.features.size(), 1), 0);
  std::vector<const Style*> distinct;
  std::unordered_map<const Style*, uint32_t> indexOf;
  for (size_t i = 0; i < layer.features.size(); ++i) {
    const Style* s = &layer.styleFor(layer.features[i]);
    auto [it, added] = indexOf.emplace(s, static_cast<uint32_t>(distinct.size()));
    if (added) distinct.push_back(s);
    index[i] = it->second;
  }
  if (distinct.empty()) distinct.push_back(&layer.style);
  std::vector<float> table(distinct.size() * kStyleTexels * 4, 0.0f);
  gpu.maxStrokePx = 0;
  gpu.maxSymbolPx = 0;
  gpu.anyFilled = false;
  for (size_t i = 0; i < distinct.size(); ++i) {
    const Style& s = *distinct[i];
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
  uploadTable(gpu.styleBuffer, gpu.styleTexture, GL_RGBA32F, table.data(), table.size() * sizeof(float),
              GL_STATIC_DRAW);
  uploadTable(gpu.styleIndexBuffer, gpu.styleIndexTexture, GL_R32UI, index.data(), index.size() * sizeof(uint32_t),
              GL_STATIC_DRAW);
  ++uploads.styleUploads;
}

void resolveLabels(VectorGpu& gpu) {
  const Layer& layer = *gpu.layer;
  gpu.labels.clear();
  gpu.symbolsStale = true;
  for (const LabelAnchor& a : gpu.anchors) {
    if (a.feature >= layer.features.size()) continue;
    const Feature& f = layer.features[a.feature];
    const Style& s = layer.styleFor(f);
    if (s.labelField.empty()) continue;
    std::string text = toString(layer.value(f, s.labelField));
    if (text.empty()) continue;
    LabelEntry e{a.position,      a.feature, a.kind, s.symbolSize / 2 + s.strokeWidth / 2 + 3, s.labelMaxMetresPerPixel,
                 s.labelPriority, {}};
    e.text.text = std::move(text);
    gpu.labels.push_back(std::move(e));
  }
}

void resolveSymbols(VectorGpu& gpu, const SymbolLibrary* library, float symbolScale) {
  gpu.symbols.clear();
  gpu.symbolsFrom = library;
  gpu.symbolsStale = false;
  const Layer& layer = *gpu.layer;
  const int field = layer.sidcFieldIndex();
  if (!library || library->empty() || field < 0) return;
  std::vector<float> offsets(layer.features.size(), 0.0f);
  for (const LabelAnchor& a : gpu.anchors) {
    if (a.kind != LabelAnchor::Kind::Point || a.feature >= layer.features.size()) continue;
    const Feature& f = layer.features[a.feature];
    if (static_cast<size_t>(field) >= f.values.size()) continue;
    const auto* text = std::get_if<std::string>(&f.values[static_cast<size_t>(field)]);
    if (!text) continue;
    const MilitarySymbol* symbol = library->find(*text);
    if (!symbol) continue;
    // A style rule's colour means something (the operator); the layer's own fill does not.
    const Style& s = layer.styleFor(f);
    Color fill = s.fill;
    if (&s == &layer.style) fill = parseColor(symbol->standardFill).value_or(Color{255, 255, 128, 255});
    gpu.symbols.push_back({a.position, a.feature, symbol, fill});
    offsets[a.feature] = static_cast<float>(symbol->width * symbolScale / 2 + 3);
  }
  for (LabelEntry& e : gpu.labels) e.symbolOffsetPx = e.feature < offsets.size() ? offsets[e.feature] : 0.0f;
}

void uploadVisibility(VectorGpu& gpu, UploadStats& uploads) {
  std::vector<uint8_t> table(std::max<size_t>(gpu.visible.size(), 1), 0);
  for (size_t i = 0; i < gpu.visible.size(); ++i) table[i] = gpu.visible[i] ? 255 : 0;
  uploadTable(gpu.visibleBuffer, gpu.visibleTexture, GL_R8, table.data(), table.size(), GL_DYNAMIC_DRAW);
  ++uploads.visibilityUploads;
}

void uploadFeatureVisibility(VectorGpu& gpu, size_t feature, UploadStats& uploads) {
  uint8_t texel = gpu.visible[feature] ? 255 : 0;
  glBindBuffer(GL_TEXTURE_BUFFER, gpu.visibleBuffer.id());
  glBufferSubData(GL_TEXTURE_BUFFER, static_cast<GLintptr>(feature), 1, &texel);
  glBindBuffer(GL_TEXTURE_BUFFER, 0);
  ++uploads.visibilityUploads;
}

}  // namespace pamir::render::detail
