#include "render/label_painter.hpp"

#include <glad/gl.h>
#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <unordered_map>

namespace pamir::render::detail {

namespace {

constexpr float kFontSizePx = 13.0f;
constexpr float kHalo = 1.0f;  // px of light outline around the text, so it reads over any map
constexpr int kAtlasSize = 2048;

// Puts the caller's ImGui context back whatever happens in between.
class ContextSwitch {
 public:
  explicit ContextSwitch(ImGuiContext* mine) : previous_(ImGui::GetCurrentContext()) {
    ImGui::SetCurrentContext(mine);
  }
  ~ContextSwitch() { ImGui::SetCurrentContext(previous_); }
  ContextSwitch(const ContextSwitch&) = delete;
  ContextSwitch& operator=(const ContextSwitch&) = delete;

 private:
  ImGuiContext* previous_;
};

struct Box {
  float x0, y0, x1, y1;
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

// Placed label boxes bucketed into a coarse grid, so each test looks at neighbours only.
class Occupancy {
 public:
  explicit Occupancy(float cell) : cell_(cell) {}
  bool free(const Box& b) const {
    for (long long key : keys(b)) {
      auto it = cells_.find(key);
      if (it == cells_.end()) continue;
      for (size_t i : it->second) {
        if (boxes_[i].overlaps(b)) return false;
      }
    }
    return true;
  }
  void add(const Box& b) {
    boxes_.push_back(b);
    for (long long key : keys(b)) cells_[key].push_back(boxes_.size() - 1);
  }

 private:
  std::vector<long long> keys(const Box& b) const {
    std::vector<long long> out;
    int cx0 = static_cast<int>(std::floor(b.x0 / cell_)), cx1 = static_cast<int>(std::floor(b.x1 / cell_));
    int cy0 = static_cast<int>(std::floor(b.y0 / cell_)), cy1 = static_cast<int>(std::floor(b.y1 / cell_));
    for (int y = cy0; y <= cy1; ++y) {
      for (int x = cx0; x <= cx1; ++x) out.push_back((static_cast<long long>(y) << 32) ^ static_cast<unsigned>(x));
    }
    return out;
  }
  float cell_;
  std::vector<Box> boxes_;
  std::unordered_map<long long, std::vector<size_t>> cells_;
};

// Sprites hold premultiplied colour (text drawn over transparent black), so
// they go onto the map with "one, one minus source alpha".
void premultipliedBlend(const ImDrawList*, const ImDrawCmd*) {
  glBlendFuncSeparate(GL_ONE, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

}  // namespace

const char* LabelPainter::fontPath() {
  static const char* const kCandidates[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                            "/usr/share/fonts/dejavu/DejaVuSans.ttf"};
  for (const char* p : kCandidates) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) return p;
  }
  return nullptr;
}

LabelPainter::~LabelPainter() { shutdown(); }

void LabelPainter::shutdown() {
  if (atlasFbo_) glDeleteFramebuffers(1, &atlasFbo_);
  if (atlasTexture_) glDeleteTextures(1, &atlasTexture_);
  atlasFbo_ = atlasTexture_ = 0;
  atlasSize_ = 0;
  ++atlasGeneration_;
  if (!context_) return;
  {
    ContextSwitch use(context_);
    ImGui_ImplOpenGL3_Shutdown();
  }
  ImGui::DestroyContext(context_);
  context_ = nullptr;
}

bool LabelPainter::ensureContext(float pixelRatio) {
  if (context_ && ratio_ != pixelRatio) shutdown();  // the font and the sprites are for one size
  if (context_) return true;
  ImGuiContext* previous = ImGui::GetCurrentContext();
  context_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  ImFontConfig config;
  config.OversampleH = 2;
  config.PixelSnapH = true;
  float size = std::round(kFontSizePx * pixelRatio);
  const char* path = fontPath();
  // Place names need more than ASCII: transliterated Central Asian and Arabic
  // names (ā, ş, ʻ), Cyrillic ones, dashes and primes in event titles.
  static const ImWchar kRanges[] = {0x0020, 0x024F,  // Latin-1, Latin Extended-A and -B
                                    0x02B0, 0x02FF,  // spacing modifier letters (ʻ ʼ)
                                    0x0300, 0x036F,  // combining diacritics
                                    0x0400, 0x04FF,  // Cyrillic
                                    0x1E00, 0x1EFF,  // Latin Extended Additional (ḥ ṣ)
                                    0x2010, 0x205E,  // dashes, quotes, primes
                                    0x2190, 0x2195,  // arrows
                                    0};
  ImFont* font = path ? io.Fonts->AddFontFromFileTTF(path, size, &config, kRanges) : nullptr;
  if (!font) {
    config.SizePixels = size;
    io.Fonts->AddFontDefault(&config);
  }
  bool ready = ImGui_ImplOpenGL3_Init("#version 330 core");
  ImGui::SetCurrentContext(previous);
  ratio_ = pixelRatio;
  ++generation_;
  if (!ready) {
    ImGui::DestroyContext(context_);
    context_ = nullptr;
  }
  return ready;
}

bool LabelPainter::ensureAtlas() {
  if (atlasFbo_) return true;
  GLint maxSize = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxSize);
  atlasSize_ = std::min(kAtlasSize, static_cast<int>(maxSize));
  GLint previousTexture = 0, previousFbo = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &previousTexture);
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previousFbo);
  glGenTextures(1, &atlasTexture_);
  glBindTexture(GL_TEXTURE_2D, atlasTexture_);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, atlasSize_, atlasSize_, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  // Sprites are drawn at whole-pixel positions at their own size: no filtering wanted.
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previousTexture));
  glGenFramebuffers(1, &atlasFbo_);
  glBindFramebuffer(GL_FRAMEBUFFER, atlasFbo_);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, atlasTexture_, 0);
  bool ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previousFbo));
  if (!ok) {
    glDeleteFramebuffers(1, &atlasFbo_);
    glDeleteTextures(1, &atlasTexture_);
    atlasFbo_ = atlasTexture_ = 0;
    return false;
  }
  resetAtlas();
  return true;
}

void LabelPainter::resetAtlas() {
  ++atlasGeneration_;
  shelfX_ = shelfY_ = shelfHeight_ = 0;
  atlasNeedsClear_ = true;
}

size_t LabelPainter::draw(int width, int height, float pixelRatio, const std::vector<LabelCandidate>& candidates) {
  if (candidates.empty() || width <= 0 || height <= 0) return 0;
  pixelRatio = std::clamp(pixelRatio, 0.25f, 8.0f);
  if (!ensureContext(pixelRatio) || !ensureAtlas()) return 0;

  ContextSwitch use(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = 1.0f / 60.0f;
  const float halo = kHalo * pixelRatio;
  const float gap = 2.0f * pixelRatio;  // keeps neighbouring labels apart
  const int pad = static_cast<int>(std::ceil(halo)) + 1;

  // 1. Placement, first come first served.
  struct Placed {
    LabelText* text;
    float x, y;  // where the text itself starts
  };
  std::vector<Placed> placed;
  {
    ImFont* font = io.Fonts->Fonts.empty() ? nullptr : io.Fonts->Fonts[0];
    if (!font || !io.Fonts->IsBuilt()) {
      // The first frame: the backend builds the font texture in NewFrame.
      io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
      ImGui_ImplOpenGL3_NewFrame();
      ImGui::NewFrame();
      ImGui::EndFrame();
      font = io.Fonts->Fonts[0];
    }
    const float size = font->FontSize;
    Occupancy occupied(64.0f * pixelRatio);
    for (const LabelCandidate& c : candidates) {
      if (!c.text || c.text->text.empty()) continue;
      LabelText& t = *c.text;
      if (t.generation != generation_) {
        ImVec2 extent = font->CalcTextSizeA(size, 1e9f, 0.0f, t.text.data(), t.text.data() + t.text.size());
        t.width = extent.x;
        t.height = extent.y;
        t.generation = generation_;
      }
      float x = std::round(c.centred ? c.x - t.width / 2 : c.x + c.offset);
      float y = std::round(c.y - t.height / 2);
      Box box{x - halo - gap, y - halo - gap, x + t.width + halo + gap, y + t.height + halo + gap};
      if (box.x0 < 0 || box.y0 < 0 || box.x1 > width || box.y1 > height) continue;
      if (!occupied.free(box)) continue;
      occupied.add(box);
      placed.push_back({&t, x, y});
    }
  }
  if (placed.empty()) return 0;

  // 2. Sprites for the labels not in the atlas yet; when it is full, it is
  // emptied and this frame's labels go in again.
  GLint previousFbo = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &previousFbo);
  for (int attempt = 0; attempt < 2; ++attempt) {
    bool full = false;
    io.DisplaySize = ImVec2(static_cast<float>(atlasSize_), static_cast<float>(atlasSize_));
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ImDrawList* list = ImGui::GetBackgroundDrawList();
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const ImU32 ink = IM_COL32(20, 20, 20, 255);
    const ImU32 paper = IM_COL32(255, 255, 255, 220);
    size_t added = 0;
    for (const Placed& p : placed) {
      LabelText& t = *p.text;
      if (t.atlasGeneration == atlasGeneration_) continue;
      int w = static_cast<int>(std::ceil(t.width)) + 2 * pad, h = static_cast<int>(std::ceil(t.height)) + 2 * pad;
      if (shelfX_ + w > atlasSize_) {
        shelfY_ += shelfHeight_;
        shelfX_ = shelfHeight_ = 0;
      }
      if (w > atlasSize_ || shelfY_ + h > atlasSize_) {
        full = true;
        break;
      }
      t.atlasX = shelfX_;
      t.atlasY = shelfY_;
      t.atlasGeneration = atlasGeneration_;
      shelfX_ += w;
      shelfHeight_ = std::max(shelfHeight_, h);
      const char* begin = t.text.data();
      const char* end = begin + t.text.size();
      float x = static_cast<float>(t.atlasX + pad), y = static_cast<float>(t.atlasY + pad);
      // The halo: the text four times around, then the text itself.
      const ImVec2 around[] = {{-halo, 0}, {halo, 0}, {0, -halo}, {0, halo}};
      for (const ImVec2& d : around) list->AddText(font, size, ImVec2(x + d.x, y + d.y), paper, begin, end);
      list->AddText(font, size, ImVec2(x, y), ink, begin, end);
      ++added;
    }
    ImGui::Render();
    if (added > 0 || atlasNeedsClear_) {
      glBindFramebuffer(GL_FRAMEBUFFER, atlasFbo_);
      if (atlasNeedsClear_) {
        glDisable(GL_SCISSOR_TEST);
        glClearColor(0, 0, 0, 0);
        glClear(GL_COLOR_BUFFER_BIT);
        atlasNeedsClear_ = false;
      }
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previousFbo));
    }
    if (!full) break;
    resetAtlas();
  }

  // 3. One quad per label onto the caller's framebuffer.
  io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  ImDrawList* list = ImGui::GetBackgroundDrawList();
  list->AddCallback(premultipliedBlend, nullptr);
  const float inv = 1.0f / static_cast<float>(atlasSize_);
  const ImTextureID atlas = reinterpret_cast<ImTextureID>(static_cast<intptr_t>(atlasTexture_));
  size_t drawn = 0;
  for (const Placed& p : placed) {
    const LabelText& t = *p.text;
    if (t.atlasGeneration != atlasGeneration_) continue;  // did not fit even in an empty atlas
    float w = std::ceil(t.width) + 2 * pad, h = std::ceil(t.height) + 2 * pad;
    ImVec2 a(p.x - pad, p.y - pad), b(a.x + w, a.y + h);
    // ImGui drew the sprite with its y down from the top of the atlas, which is GL's last row.
    ImVec2 uv0(t.atlasX * inv, 1.0f - t.atlasY * inv), uv1((t.atlasX + w) * inv, 1.0f - (t.atlasY + h) * inv);
    list->AddImage(atlas, a, b, uv0, uv1);
    ++drawn;
  }
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  return drawn;
}

}  // namespace pamir::render::detail
