#include "render/label_painter.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <unordered_map>

#include "render/font_locator.hpp"
#include "render/text_raster.hpp"

namespace pamir::render::detail {

namespace {

constexpr float kFontSizePx = 13.0f;  // ascender to descender, before the pixel ratio
constexpr float kHalo = 1.0f;         // px of light outline around the text, so it reads over any map
constexpr int kAtlasSize = 2048;
constexpr Rgba kInk{20, 20, 20, 255};
constexpr Rgba kPaper{255, 255, 255, 220};

struct Box {
  float x0, y0, x1, y1;
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

// Placed label boxes bucketed into a coarse grid, so each test looks at
// neighbours only. Each box has an owner: a label is not kept off its own
// symbol.
class Occupancy {
 public:
  static constexpr size_t kNobody = static_cast<size_t>(-1);
  explicit Occupancy(float cell) : cell_(cell) {}
  bool free(const Box& b, size_t self = kNobody) const {
    for (long long key : keys(b)) {
      auto it = cells_.find(key);
      if (it == cells_.end()) continue;
      for (size_t i : it->second) {
        if (owners_[i] != self && boxes_[i].overlaps(b)) return false;
      }
    }
    return true;
  }
  void add(const Box& b, size_t owner = kNobody) {
    boxes_.push_back(b);
    owners_.push_back(owner);
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
  std::vector<size_t> owners_;
  std::unordered_map<long long, std::vector<size_t>> cells_;
};

}  // namespace

const char* LabelPainter::fontPath() {
  static const std::string path = findFont();
  return path.empty() ? nullptr : path.c_str();
}

LabelPainter::LabelPainter() = default;
LabelPainter::~LabelPainter() = default;

bool LabelPainter::ensureFont(float pixelRatio) {
  if (raster_ && ratio_ == pixelRatio) return raster_->ok();
  // The font and the sprites are for one size: a new ratio starts both afresh.
  const char* path = fontPath();
  raster_ = std::make_unique<TextRaster>(path ? path : "", std::round(kFontSizePx * pixelRatio));
  ratio_ = pixelRatio;
  ++generation_;
  atlas_.reset();
  return raster_->ok();
}

// Rasterises the text's sprite into the next free place in the atlas; false
// when the atlas has no room left for it.
bool LabelPainter::addSprite(LabelText& t, int pad, int halo) {
  const int w = static_cast<int>(std::ceil(t.width)) + 2 * pad, h = static_cast<int>(std::ceil(t.height)) + 2 * pad;
  const auto at = atlas_.place(w, h);
  if (!at) return false;
  Bitmap sprite = raster_->label(t.text, halo, pad, kInk, kPaper);
  // The sprite's size follows from the same measurement; clip rather than
  // overrun a neighbour should they ever disagree.
  atlas_.upload(at->first, at->second, std::min(w, sprite.width), std::min(h, sprite.height), sprite.pixels.data(),
                sprite.width);
  t.atlasX = at->first;
  t.atlasY = at->second;
  t.atlasGeneration = atlas_.generation();
  return true;
}

size_t LabelPainter::draw(int width, int height, float pixelRatio, const std::vector<LabelCandidate>& candidates,
                          bool keepPlaces) {
  if (candidates.empty() || width <= 0 || height <= 0) return 0;
  pixelRatio = std::clamp(pixelRatio, 0.25f, 8.0f);
  if (!ensureFont(pixelRatio)) return 0;
  const int halo = std::max(1, static_cast<int>(std::lround(kHalo * pixelRatio)));
  const float gap = 2.0f * pixelRatio;  // keeps neighbouring labels apart
  const int pad = halo + 1;

  // 1. Placement, first come first served.
  size_t moved = 0;
  struct Placed {
    LabelText* text;
    float x, y;  // where the text's box starts
  };
  std::vector<Placed> placed;
  struct Leader {
    float x0, y0, x1, y1;  // from beside the symbol to the label's nearest edge
  };
  std::vector<Leader> leaders;
  std::vector<size_t> unplacedSites;  // curated sites' labels that found no place beside their symbol
  Occupancy occupied(64.0f * pixelRatio);
  std::vector<size_t> order(candidates.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return candidates[a].priority < candidates[b].priority; });
  // The symbols of the first priority (curated sites) are kept clear of
  // every other label: no event's name is written over an air base.
  for (size_t i = 0; i < candidates.size(); ++i) {
    const LabelCandidate& c = candidates[i];
    if (c.centred || c.priority > 0) continue;
    const float r = std::max(0.0f, c.offset - 3.0f * pixelRatio);
    occupied.add({c.x - r, c.y - r, c.x + r, c.y + r}, i);
  }
  for (size_t i : order) {
    const LabelCandidate& c = candidates[i];
    if (!c.text || c.text->text.empty()) continue;
    LabelText& t = *c.text;
    if (t.generation != generation_) {
      TextBox box = raster_->measure(t.text);
      t.width = box.width;
      t.height = box.height;
      t.generation = generation_;
    }
    // Where the text may go: centred on an area or line; right of a point's
    // symbol, else left of it, above, below; then at its four corners; then
    // right, left, above and below again a line further out (a capital
    // beside a base keeps its name).
    const float rise = c.offset - 3.0f * pixelRatio + t.height / 2 + 1.0f * pixelRatio;
    const float corner = c.offset * 0.7f, far = t.height + 2.0f * pixelRatio;
    constexpr size_t kSpots = 12;
    const std::array<std::pair<float, float>, kSpots> spots = {{
        {c.x + c.offset, c.y - t.height / 2},
        {c.x - c.offset - t.width, c.y - t.height / 2},
        {c.x - t.width / 2, c.y - rise - t.height / 2},
        {c.x - t.width / 2, c.y + rise - t.height / 2},
        {c.x + corner, c.y - corner - t.height},
        {c.x + corner, c.y + corner},
        {c.x - corner - t.width, c.y - corner - t.height},
        {c.x - corner - t.width, c.y + corner},
        {c.x + c.offset + far, c.y - t.height / 2},
        {c.x - c.offset - far - t.width, c.y - t.height / 2},
        {c.x - t.width / 2, c.y - rise - far - t.height / 2},
        {c.x - t.width / 2, c.y + rise + far - t.height / 2},
    }};
    const size_t tries = c.centred ? 1 : spots.size();
    // With kept places, where it went last time first; then the places in their order.
    std::array<size_t, kSpots> tryOrder;
    for (size_t k = 0; k < tryOrder.size(); ++k) tryOrder[k] = k;
    if (keepPlaces && !c.centred && t.spot > 0 && static_cast<size_t>(t.spot) < tries)
      std::rotate(tryOrder.begin(), tryOrder.begin() + t.spot, tryOrder.begin() + t.spot + 1);
    bool found = false;
    for (size_t n = 0; n < tries && !found; ++n) {
      const size_t k = tryOrder[n];
      const float x = std::round(c.centred ? c.x - t.width / 2 : spots[k].first);
      const float y = std::round(c.centred ? c.y - t.height / 2 : spots[k].second);
      Box box{x - halo - gap, y - halo - gap, x + t.width + halo + gap, y + t.height + halo + gap};
      if (box.x0 < 0 || box.y0 < 0 || box.x1 > width || box.y1 > height) continue;
      if (!occupied.free(box, i)) continue;
      occupied.add(box);
      placed.push_back({&t, x, y});
      found = true;
      if (!c.centred) {
        if (t.spot >= 0 && t.spot != static_cast<int>(k)) ++moved;
        t.spot = static_cast<int>(k);
      }
    }
    if (!found && !c.centred && c.priority == 0) unplacedSites.push_back(i);
  }
  // A curated site's label that found no place beside its symbol goes
  // further out, two to five lines away in one of eight directions, with a
  // dotted leader back to the site: it is never simply dropped.
  for (size_t i : unplacedSites) {
    const LabelCandidate& c = candidates[i];
    LabelText& t = *c.text;
    bool done = false;
    for (int ring = 2; ring <= 5 && !done; ++ring) {
      const float reach = c.offset + ring * (t.height + 2.0f * pixelRatio);
      for (int d = 0; d < 8 && !done; ++d) {
        const float dx = std::cos(static_cast<float>(d) * 0.7853982f),
                    dy = -std::sin(static_cast<float>(d) * 0.7853982f);
        const float ex = c.x + dx * reach, ey = c.y + dy * reach;  // the leader's far end
        // The label's box beside that end, on the side away from the site.
        const float x = std::round(dx > 0.3f ? ex : dx < -0.3f ? ex - t.width : ex - t.width / 2);
        const float y = std::round(dy > 0.3f ? ey : dy < -0.3f ? ey - t.height : ey - t.height / 2);
        Box box{x - halo - gap, y - halo - gap, x + t.width + halo + gap, y + t.height + halo + gap};
        if (box.x0 < 0 || box.y0 < 0 || box.x1 > width || box.y1 > height || !occupied.free(box, i)) continue;
        occupied.add(box);
        placed.push_back({&t, x, y});
        const float start = std::max(0.0f, c.offset - 3.0f * pixelRatio);
        leaders.push_back({c.x + dx * start, c.y + dy * start, ex, ey});
        done = true;
      }
    }
  }
  moved_ = moved;
  leaders_ = 0;
  if (placed.empty()) return 0;

  SavedSpriteState saved;
  if (!atlas_.ready(kAtlasSize)) return 0;

  // 2. Sprites for the labels not in the atlas yet; when it is full, it is
  // emptied and this frame's labels go in again.
  atlas_.bindForUpload();
  for (int attempt = 0; attempt < 2; ++attempt) {
    bool full = false;
    for (const Placed& p : placed) {
      if (p.text->atlasGeneration == atlas_.generation()) continue;
      if (!addSprite(*p.text, pad, halo)) {
        full = true;
        break;
      }
    }
    if (!full) break;
    atlas_.reset();
  }

  // 3. One quad per label onto the caller's framebuffer.
  std::vector<Sprite> sprites;
  sprites.reserve(placed.size());
  for (const Placed& p : placed) {
    const LabelText& t = *p.text;
    if (t.atlasGeneration != atlas_.generation()) continue;  // did not fit even in an empty atlas
    float w = std::ceil(t.width) + 2 * pad, h = std::ceil(t.height) + 2 * pad;
    sprites.push_back({p.x - pad, p.y - pad, w, h, static_cast<float>(t.atlasX), static_cast<float>(t.atlasY)});
  }
  // Leaders as dots a few pixels apart, from one small dark sprite.
  const size_t labelsDrawn = sprites.size();
  if (!leaders.empty()) {
    const int dot = std::max(2, static_cast<int>(std::lround(1.5f * pixelRatio)));
    if (dotGeneration_ != atlas_.generation()) {
      if (auto at = atlas_.place(dot, dot)) {
        std::vector<uint8_t> pixels(static_cast<size_t>(dot) * dot * 4, 0);
        for (size_t p = 0; p < pixels.size(); p += 4)
          pixels[p] = pixels[p + 1] = pixels[p + 2] = 40, pixels[p + 3] = 230;
        atlas_.bindForUpload();
        atlas_.upload(at->first, at->second, dot, dot, pixels.data(), dot);
        dotX_ = at->first, dotY_ = at->second, dotGeneration_ = atlas_.generation();
      }
    }
    if (dotGeneration_ == atlas_.generation()) {
      const float step = 3.0f * pixelRatio + static_cast<float>(dot);
      for (const Leader& l : leaders) {
        const float length = std::hypot(l.x1 - l.x0, l.y1 - l.y0);
        for (float along = 0; along <= length; along += step) {
          const float f = length > 0 ? along / length : 0;
          sprites.push_back({std::round(l.x0 + (l.x1 - l.x0) * f - dot / 2.0f),
                             std::round(l.y0 + (l.y1 - l.y0) * f - dot / 2.0f), static_cast<float>(dot),
                             static_cast<float>(dot), static_cast<float>(dotX_), static_cast<float>(dotY_)});
        }
      }
    }
  }
  leaders_ = leaders.size();
  atlas_.draw(width, height, sprites);
  return labelsDrawn;
}

}  // namespace pamir::render::detail
