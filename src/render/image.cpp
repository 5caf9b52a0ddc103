#include "render/image.hpp"

#include <png.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/atomic_file.hpp"

namespace pamir::render {

namespace {

struct FileCloser {
  void operator()(FILE* f) const {
    if (f) std::fclose(f);
  }
};
using FilePtr = std::unique_ptr<FILE, FileCloser>;

// libpng reports errors by longjmp; these turn them into a message the caller can print.
struct PngError {
  std::string message;
};
void onPngError(png_structp png, png_const_charp msg) {
  auto* err = static_cast<PngError*>(png_get_error_ptr(png));
  if (err) err->message = msg ? msg : "libpng error";
  png_longjmp(png, 1);
}
void onPngWarning(png_structp, png_const_charp) {}

}  // namespace

bool writePng(const Image& image, const std::string& path, std::string* error) {
  auto fail = [&](const std::string& why) {
    if (error) *error = path + ": " + why;
    return false;
  };
  if (image.empty() || image.rgba.size() != static_cast<size_t>(image.width) * image.height * 4) {
    return fail("cannot write an empty or inconsistent image");
  }
  // Encoded in memory, then written whole: a reader never sees half a PNG.
  std::string encoded;
  {
    PngError err;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &err, onPngError, onPngWarning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) {
      png_destroy_write_struct(&png, nullptr);
      return fail("out of memory");
    }
    // Opaque images (the usual map) are written as RGB: a quarter less to compress.
    bool opaque = true;
    for (size_t i = 3; opaque && i < image.rgba.size(); i += 4) opaque = image.rgba[i] == 255;
    std::vector<uint8_t> rgb;
    if (opaque) {
      rgb.resize(static_cast<size_t>(image.width) * image.height * 3);
      for (size_t i = 0, j = 0; i < image.rgba.size(); i += 4, j += 3) {
        rgb[j] = image.rgba[i], rgb[j + 1] = image.rgba[i + 1], rgb[j + 2] = image.rgba[i + 2];
      }
    }
    std::vector<png_bytep> rows(static_cast<size_t>(image.height));
    for (int y = 0; y < image.height; ++y) {
      rows[static_cast<size_t>(y)] =
          opaque ? rgb.data() + static_cast<size_t>(y) * image.width * 3 : const_cast<png_bytep>(image.pixel(0, y));
    }
    if (setjmp(png_jmpbuf(png))) {
      png_destroy_write_struct(&png, &info);
      return fail(err.message);
    }
    png_set_write_fn(
        png, &encoded,
        [](png_structp p, png_bytep data, png_size_t n) {
          static_cast<std::string*>(png_get_io_ptr(p))->append(reinterpret_cast<const char*>(data), n);
        },
        [](png_structp) {});
    // Fast settings: renders are written often and looked at, not archived.
    // The "up" filter suits maps (long runs of equal rows and flat areas).
    png_set_compression_level(png, 1);
    png_set_filter(png, 0, PNG_FILTER_UP);
    png_set_IHDR(png, info, static_cast<png_uint_32>(image.width), static_cast<png_uint_32>(image.height), 8,
                 opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    png_write_image(png, rows.data());
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
  }
  std::string why;
  if (!writeFileAtomically(path, encoded, &why)) {
    if (error) *error = why;
    return false;
  }
  return true;
}

std::optional<Image> readPng(const std::string& path, std::string* error) {
  auto fail = [&](const std::string& why) -> std::optional<Image> {
    if (error) *error = path + ": " + why;
    return std::nullopt;
  };
  FilePtr file(std::fopen(path.c_str(), "rb"));
  if (!file) return fail(std::strerror(errno));
  png_byte header[8];
  if (std::fread(header, 1, 8, file.get()) != 8 || png_sig_cmp(header, 0, 8) != 0) return fail("not a PNG file");
  PngError err;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &err, onPngError, onPngWarning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    return fail("out of memory");
  }
  Image image;
  std::vector<png_bytep> rows;
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    return fail(err.message);
  }
  png_init_io(png, file.get());
  png_set_sig_bytes(png, 8);
  png_read_info(png, info);
  png_uint_32 w = png_get_image_width(png, info), h = png_get_image_height(png, info);
  int colorType = png_get_color_type(png, info);
  int depth = png_get_bit_depth(png, info);
  if (depth == 16) png_set_strip_16(png);
  if (colorType == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (colorType == PNG_COLOR_TYPE_GRAY && depth < 8) png_set_expand_gray_1_2_4_to_8(png);
  if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
  if (colorType == PNG_COLOR_TYPE_GRAY || colorType == PNG_COLOR_TYPE_GRAY_ALPHA) png_set_gray_to_rgb(png);
  if (!(colorType & PNG_COLOR_MASK_ALPHA) && !png_get_valid(png, info, PNG_INFO_tRNS)) {
    png_set_filler(png, 0xff, PNG_FILLER_AFTER);
  }
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
  if (w == 0 || h == 0 || w > 65535 || h > 65535) {
    png_destroy_read_struct(&png, &info, nullptr);
    return fail("unsupported image size");
  }
  image.width = static_cast<int>(w);
  image.height = static_cast<int>(h);
  image.rgba.resize(static_cast<size_t>(w) * h * 4);
  rows.resize(h);
  for (png_uint_32 y = 0; y < h; ++y) rows[y] = image.pixel(0, static_cast<int>(y));
  png_read_image(png, rows.data());
  png_read_end(png, nullptr);
  png_destroy_read_struct(&png, &info, nullptr);
  return image;
}

}  // namespace pamir::render
