#pragma once
// What part of the map a frame shows: a pixel grid laid over the view CRS.
// Pixel-is-area with the origin at the top-left corner, exactly as GDAL's
// geotransform (and gdal_rasterize -te/-ts) define it: pixel (col,row) covers
// x in [minx + col*resX, minx + (col+1)*resX], y in [maxy - (row+1)*resY, maxy - row*resY].
#include "core/geometry.hpp"

namespace pamir {

class MapView {
 public:
  MapView() = default;
  /// A view showing exactly `extent` (view CRS units) on a width x height pixel grid.
  /// Non-square pixels are allowed (as with gdal_rasterize -te -ts).
  static MapView fromExtent(const Bounds& extent, int widthPx, int heightPx);
  /// A view of `bounds` fitted inside width x height with square pixels and a margin (fraction).
  static MapView fitting(const Bounds& bounds, int widthPx, int heightPx, double margin = 0.05);

  int width() const { return width_; }
  int height() const { return height_; }
  double resolutionX() const { return resX_; }  ///< view units per pixel, x
  double resolutionY() const { return resY_; }  ///< view units per pixel, y
  XY center() const { return center_; }
  Bounds extent() const;

  /// Pixel position (x right, y down, origin at the top-left corner of the grid) to view CRS.
  XY pixelToMap(double px, double py) const;
  XY mapToPixel(const XY& p) const;

  void resize(int widthPx, int heightPx);  ///< keeps centre and resolution
  void panPixels(double dx, double dy);    ///< moves the content by dx,dy pixels
  /// Zooms by `factor` (>1 zooms in) keeping the map point under pixel (px,py) fixed.
  void zoomAbout(double px, double py, double factor);
  void setCenter(const XY& c) { center_ = c; }

 private:
  XY center_{0, 0};
  double resX_ = 1.0, resY_ = 1.0;
  int width_ = 1, height_ = 1;
};

}  // namespace pamir
