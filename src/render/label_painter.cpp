#include "render/label_painter.hpp"

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
  if (!context_) return;
  {
    ContextSwitch use(context_);
    ImGui_ImplOpenGL3_Shutdown();
  }
  ImGui::DestroyContext(context_);
  context_ = nullptr;
}

size_t LabelPainter::draw(int width, int height, float pixelRatio, const std::vector<LabelCandidate>& candidates) {
  if (candidates.empty() || width <= 0 || height <= 0) return 0;
  pixelRatio = std::clamp(pixelRatio, 0.25f, 8.0f);
  if (context_ && ratio_ != pixelRatio) shutdown();  // the font atlas is built for one size
  if (!context_) {
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
    ImFont* font = path ? io.Fonts->AddFontFromFileTTF(path, size, &config) : nullptr;
    if (!font) {
      config.SizePixels = size;
      io.Fonts->AddFontDefault(&config);
    }
    bool ready = ImGui_ImplOpenGL3_Init("#version 330 core");
    ImGui::SetCurrentContext(previous);
    ratio_ = pixelRatio;
    if (!ready) {
      ImGui::DestroyContext(context_);
      context_ = nullptr;
      return 0;
    }
  }

  ContextSwitch use(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = 1.0f / 60.0f;
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  ImDrawList* list = ImGui::GetBackgroundDrawList();
  ImFont* font = ImGui::GetFont();
  float size = ImGui::GetFontSize();
  float halo = kHalo * pixelRatio;

  Occupancy placed(64.0f * pixelRatio);
  size_t drawn = 0;
  const ImU32 ink = IM_COL32(20, 20, 20, 255);
  const ImU32 paper = IM_COL32(255, 255, 255, 220);
  for (const LabelCandidate& c : candidates) {
    if (!c.text || c.text->empty()) continue;
    const char* begin = c.text->data();
    const char* end = begin + c.text->size();
    ImVec2 extent = font->CalcTextSizeA(size, 1e9f, 0.0f, begin, end);
    float x = std::round(c.x + c.offset);
    float y = std::round(c.y - extent.y / 2);
    Box box{x - halo, y - halo, x + extent.x + halo, y + extent.y + halo};
    if (box.x0 < 0 || box.y0 < 0 || box.x1 > width || box.y1 > height) continue;
    if (!placed.free(box)) continue;
    placed.add(box);
    for (int dy = -1; dy <= 1; ++dy) {
      for (int dx = -1; dx <= 1; ++dx) {
        if (dx == 0 && dy == 0) continue;
        list->AddText(font, size, ImVec2(x + dx * halo, y + dy * halo), paper, begin, end);
      }
    }
    list->AddText(font, size, ImVec2(x, y), ink, begin, end);
    ++drawn;
  }
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  return drawn;
}

}  // namespace pamir::render::detail
