#pragma once
// 8-bit RGBA images and PNG files (libpng).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pamir::render {

/// Non-premultiplied 8-bit RGBA, rows top first, no padding.
struct Image {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> rgba;

  bool empty() const { return width <= 0 || height <= 0; }
  const uint8_t* pixel(int x, int y) const { return &rgba[(static_cast<size_t>(y) * width + x) * 4]; }
  uint8_t* pixel(int x, int y) { return &rgba[(static_cast<size_t>(y) * width + x) * 4]; }
};

/// Writes an RGBA PNG. The file appears whole or not at all (written to a
/// temporary name in the same folder, then renamed).
bool writePng(const Image& image, const std::string& path, std::string* error);

/// Reads any PNG (palette, grey, 16-bit, with or without alpha) as 8-bit RGBA.
std::optional<Image> readPng(const std::string& path, std::string* error);

}  // namespace pamir::render
