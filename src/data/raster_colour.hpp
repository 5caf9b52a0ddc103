#pragma once
// How a raster's band values become 8-bit RGBA. Fixed once per raster (from
// its preview) so that the preview and every tile read later agree: the same
// bands, palette, grey stretch and nodata. Internal to the data module:
// includes GDAL.
#include <gdal_priv.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace pamir::data {

struct RasterColouring {
  /// RGB(A) bands as they are; a palette through its colour table; one band
  /// of any other type stretched lo..hi to grey.
  enum class Mode { Rgb, Palette, Grey };
  Mode mode = Mode::Grey;
  int bands = 1;  ///< bands read, from band 1: 3 or 4 for Rgb, else 1
  bool hasNoData = false;
  double noData = 0;  ///< band 1's nodata: transparent (for Rgb, where band 1 equals it)
  std::vector<std::array<uint8_t, 4>> palette;
  double lo = 0, hi = 255;  ///< the grey stretch, in band values
};

/// The mode, bands, nodata and palette of `ds`; the grey stretch is left at
/// 0..255 (see stretchTo).
RasterColouring describeColouring(GDALDataset& ds);

/// Sets a Grey colouring's stretch to the range of `values` (a band's
/// finite, non-nodata samples); byte bands keep 0..255.
void stretchTo(RasterColouring& colouring, GDALDataType type, const std::vector<float>& values);

/// Reads the window (x, y, w, h) of `bands` (colouring.bands of them, one
/// level) resampled to outW x outH, as float samples band after band.
/// False when GDAL fails.
bool readWindow(const std::vector<GDALRasterBand*>& bands, int x, int y, int w, int h, int outW, int outH,
                std::vector<std::vector<float>>& values);

/// The common case of imagery, read without going through floats: RGB(A)
/// bands of bytes straight into interleaved RGBA (GDAL's pixel spacing),
/// nodata made transparent. False (nothing read) when the bands are not
/// that; then readWindow and colourPixels do it.
bool readRgbBytes(const std::vector<GDALRasterBand*>& bands, const RasterColouring& colouring, int x, int y, int w,
                  int h, int outW, int outH, std::vector<uint8_t>& rgba);

/// `n` pixels of `values` (one vector per band read) as RGBA.
std::vector<uint8_t> colourPixels(const RasterColouring& colouring, const std::vector<std::vector<float>>& values,
                                  size_t n);

}  // namespace pamir::data
