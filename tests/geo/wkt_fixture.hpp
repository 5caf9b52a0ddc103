#pragma once
// Minimal WKT reader for test fixtures (POINT, LINESTRING, POLYGON,
// MULTIPOLYGON; lon/lat order), independent of GDAL so the geo tests and the
// benchmark can load real country outlines. Locale-independent.
#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/geometry.hpp"

namespace pamir::testing_support {

class WktReader {
 public:
  explicit WktReader(std::string text) : s_(std::move(text)) {}

  Geometry read() {
    Geometry g;
    std::string kind = word();
    if (kind == "POINT") {
      expect('(');
      g.points.push_back(position());
      expect(')');
    } else if (kind == "LINESTRING") {
      g.lines.push_back(path());
    } else if (kind == "POLYGON") {
      g.polygons.push_back(polygon());
    } else if (kind == "MULTIPOLYGON") {
      expect('(');
      do g.polygons.push_back(polygon());
      while (accept(','));
      expect(')');
    } else {
      throw std::runtime_error("unsupported WKT type " + kind);
    }
    return g;
  }

 private:
  void skip() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  std::string word() {
    skip();
    size_t b = i_;
    while (i_ < s_.size() && std::isalpha(static_cast<unsigned char>(s_[i_]))) ++i_;
    return s_.substr(b, i_ - b);
  }
  bool accept(char c) {
    skip();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!accept(c)) throw std::runtime_error(std::string("WKT: expected '") + c + "' at " + std::to_string(i_));
  }
  double number() {
    skip();
    double v = 0;
    auto [p, ec] = std::from_chars(s_.data() + i_, s_.data() + s_.size(), v);
    if (ec != std::errc()) throw std::runtime_error("WKT: bad number at " + std::to_string(i_));
    i_ = static_cast<size_t>(p - s_.data());
    return v;
  }
  LonLat position() {
    LonLat p;
    p.lon = number();
    p.lat = number();
    return p;
  }
  Path path() {
    Path p;
    expect('(');
    do p.push_back(position());
    while (accept(','));
    expect(')');
    return p;
  }
  Polygon polygon() {
    Polygon poly;
    expect('(');
    poly.outer = path();
    while (accept(',')) poly.holes.push_back(path());
    expect(')');
    return poly;
  }

  std::string s_;
  size_t i_ = 0;
};

inline Geometry readWktFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::stringstream buf;
  buf << in.rdbuf();
  return WktReader(buf.str()).read();
}

}  // namespace pamir::testing_support
