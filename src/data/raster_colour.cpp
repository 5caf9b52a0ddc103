#include "data/raster_colour.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pamir::data {

namespace {
// A pixel value as a colour channel. NaN and values beyond a byte's range are
// clamped here rather than by std::clamp, which passes NaN through to a
// conversion whose result is undefined.
uint8_t channel(double v) { return v >= 255.0 ? uint8_t{255} : v > 0.0 ? static_cast<uint8_t>(v) : uint8_t{0}; }
}  // namespace

RasterColouring describeColouring(GDALDataset& ds) {
  RasterColouring c;
  const int bands = ds.GetRasterCount();
  GDALRasterBand* b1 = ds.GetRasterBand(1);
  int hasNoData = 0;
  c.noData = b1->GetNoDataValue(&hasNoData);
  c.hasNoData = hasNoData != 0;
  if (bands >= 3) {
    c.mode = RasterColouring::Mode::Rgb;
    c.bands = std::min(bands, 4);
  } else if (GDALColorTable* ct = b1->GetColorTable()) {
    c.mode = RasterColouring::Mode::Palette;
    // Colour tables have at most 65536 entries.
    const int count = std::min(ct->GetColorEntryCount(), 65536);
    for (int i = 0; i < count; ++i) {
      const GDALColorEntry* e = ct->GetColorEntry(i);
      c.palette.push_back({static_cast<uint8_t>(e->c1), static_cast<uint8_t>(e->c2), static_cast<uint8_t>(e->c3),
                           static_cast<uint8_t>(e->c4)});
    }
  }
  return c;
}

void stretchTo(RasterColouring& c, GDALDataType type, const std::vector<float>& values) {
  if (c.mode != RasterColouring::Mode::Grey || type == GDT_Byte) return;
  float lo = std::numeric_limits<float>::infinity(), hi = -lo;
  for (float v : values) {
    if (!std::isfinite(v) || (c.hasNoData && v == static_cast<float>(c.noData))) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  if (!(hi >= lo)) return;  // no valid sample: the stretch stays as it is
  c.lo = lo;
  c.hi = hi;
}

bool readWindow(const std::vector<GDALRasterBand*>& bands, int x, int y, int w, int h, int outW, int outH,
                std::vector<std::vector<float>>& values) {
  const size_t n = static_cast<size_t>(outW) * static_cast<size_t>(outH);
  values.assign(bands.size(), {});
  for (size_t b = 0; b < bands.size(); ++b) {
    values[b].resize(n);
    if (bands[b]->RasterIO(GF_Read, x, y, w, h, values[b].data(), outW, outH, GDT_Float32, 0, 0) != CE_None)
      return false;
  }
  return true;
}

bool readRgbBytes(const std::vector<GDALRasterBand*>& bands, const RasterColouring& c, int x, int y, int w, int h,
                  int outW, int outH, std::vector<uint8_t>& rgba) {
  if (c.mode != RasterColouring::Mode::Rgb || bands.size() < 3 || bands.size() > 4) return false;
  for (GDALRasterBand* b : bands)
    if (b->GetRasterDataType() != GDT_Byte) return false;
  const size_t n = static_cast<size_t>(outW) * static_cast<size_t>(outH);
  rgba.assign(n * 4, 255);
  for (size_t b = 0; b < bands.size(); ++b)
    if (bands[b]->RasterIO(GF_Read, x, y, w, h, rgba.data() + b, outW, outH, GDT_Byte, 4,
                           static_cast<GSpacing>(outW) * 4) != CE_None)
      return false;
  // Nodata: transparent where band 1 equals it (a byte value; others match nothing).
  if (c.hasNoData && c.noData >= 0 && c.noData <= 255 && c.noData == std::floor(c.noData)) {
    const auto nd = static_cast<uint8_t>(c.noData);
    for (size_t i = 0; i < n; ++i)
      if (rgba[i * 4] == nd) rgba[i * 4 + 3] = 0;
  }
  return true;
}

std::vector<uint8_t> colourPixels(const RasterColouring& c, const std::vector<std::vector<float>>& values, size_t n) {
  std::vector<uint8_t> rgba(n * 4, 255);
  const float noData = static_cast<float>(c.noData);
  switch (c.mode) {
    case RasterColouring::Mode::Rgb:
      for (size_t b = 0; b < values.size() && b < 4; ++b)
        for (size_t i = 0; i < n; ++i) rgba[i * 4 + b] = channel(values[b][i]);
      if (c.hasNoData && !values.empty())
        for (size_t i = 0; i < n; ++i)
          if (values[0][i] == noData) rgba[i * 4 + 3] = 0;
      break;
    case RasterColouring::Mode::Palette:
      for (size_t i = 0; i < n; ++i) {
        const float v = values[0][i];
        // NaN is no index at all.
        if (!(v >= 0.0f && v < static_cast<float>(c.palette.size()))) continue;
        const auto& e = c.palette[static_cast<size_t>(v)];
        std::copy(e.begin(), e.end(), rgba.begin() + static_cast<std::ptrdiff_t>(i * 4));
      }
      break;
    case RasterColouring::Mode::Grey: {
      // In double: the span of float extremes (-3e38 to 3e38) overflows a float.
      const double span = c.hi > c.lo ? c.hi - c.lo : 1.0;
      for (size_t i = 0; i < n; ++i) {
        const float v = values[0][i];
        if (!std::isfinite(v) || (c.hasNoData && v == noData)) {
          rgba[i * 4 + 3] = 0;
          continue;
        }
        const uint8_t g = channel((static_cast<double>(v) - c.lo) / span * 255.0);
        rgba[i * 4 + 0] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = g;
      }
      break;
    }
  }
  return rgba;
}

}  // namespace pamir::data
