#pragma once
// Small geometry fixtures shared by the geo and render tests.
#include <gtest/gtest.h>

#include <string>

#include "core/geometry.hpp"
#include "geo/projection.hpp"

namespace pamir::test {

/// The projection for `crs`; a test failure (and an exception from the
/// Result) when PROJ rejects it.
inline geo::Projection projectionFor(const std::string& crs) {
  auto p = geo::Projection::create(crs);
  EXPECT_TRUE(p) << p.error();
  return *p;
}

/// A closed lon/lat box ring, counter-clockwise from (lon0, lat0), degrees.
inline Path lonLatBox(double lon0, double lat0, double lon1, double lat1) {
  return {{lon0, lat0}, {lon1, lat0}, {lon1, lat1}, {lon0, lat1}, {lon0, lat0}};
}

}  // namespace pamir::test
