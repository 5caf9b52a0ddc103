// Geodesic inverse through pamir::geo against PROJ's geod_inverse called
// directly (same binary, same inputs), and nearest distance between two real
// country outlines against a brute-force baseline.
//
//   build-dir/bench/geodesic_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>

#include <geodesic.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "../tests/geo/wkt_fixture.hpp"
#include "geo/geodesic.hpp"
#include "geo/nearest.hpp"

namespace {

using pamir::LonLat;

// Random pairs over Central Asia and beyond (up to a few thousand km apart).
const std::vector<std::pair<LonLat, LonLat>>& pairs() {
  static const std::vector<std::pair<LonLat, LonLat>> p = [] {
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> lon(45, 95), lat(25, 55);
    std::vector<std::pair<LonLat, LonLat>> v(4096);
    for (auto& [a, b] : v) {
      a = {lon(rng), lat(rng)};
      b = {lon(rng), lat(rng)};
    }
    return v;
  }();
  return p;
}

const geod_geodesic& raw() {
  static const geod_geodesic g = [] {
    geod_geodesic x;
    geod_init(&x, 6378137.0, 1 / 298.257223563);
    return x;
  }();
  return g;
}

void BM_RawGeodInverse_DistanceOnly(benchmark::State& state) {
  const auto& v = pairs();
  size_t i = 0;
  for (auto _ : state) {
    const auto& [a, b] = v[i++ & 4095];
    double s = 0;
    geod_inverse(&raw(), a.lat, a.lon, b.lat, b.lon, &s, nullptr, nullptr);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_RawGeodInverse_DistanceOnly);

void BM_PamirDistance(benchmark::State& state) {
  const auto& v = pairs();
  size_t i = 0;
  for (auto _ : state) {
    const auto& [a, b] = v[i++ & 4095];
    benchmark::DoNotOptimize(pamir::geo::distance(a, b));
  }
}
BENCHMARK(BM_PamirDistance);

void BM_RawGeodInverse_WithAzimuths(benchmark::State& state) {
  const auto& v = pairs();
  size_t i = 0;
  for (auto _ : state) {
    const auto& [a, b] = v[i++ & 4095];
    double s = 0, az1 = 0, az2 = 0;
    geod_inverse(&raw(), a.lat, a.lon, b.lat, b.lon, &s, &az1, &az2);
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(az1);
    benchmark::DoNotOptimize(az2);
  }
}
BENCHMARK(BM_RawGeodInverse_WithAzimuths);

void BM_PamirInverse(benchmark::State& state) {
  const auto& v = pairs();
  size_t i = 0;
  for (auto _ : state) {
    const auto& [a, b] = v[i++ & 4095];
    benchmark::DoNotOptimize(pamir::geo::inverse(a, b));
  }
}
BENCHMARK(BM_PamirInverse);

struct Countries {
  pamir::Geometry tjk, pak;
};
const Countries& countries() {
  static const Countries c{pamir::testing_support::readWktFile(PAMIR_SOURCE_DIR "/tests/data/geo/tajikistan.wkt"),
                           pamir::testing_support::readWktFile(PAMIR_SOURCE_DIR "/tests/data/geo/pakistan.wkt")};
  return c;
}

void BM_NearestTajikistanPakistan(benchmark::State& state) {
  const Countries& c = countries();
  pamir::geo::NearestResult r;
  for (auto _ : state) {
    r = pamir::geo::nearest(c.tjk, c.pak);
    benchmark::DoNotOptimize(r.distance_m);
  }
  state.counters["distance_m"] = r.distance_m;
  state.counters["exact_pairs"] = static_cast<double>(r.exactPairs);
  state.counters["vertices"] = static_cast<double>(c.tjk.vertexCount() + c.pak.vertexCount());
}
BENCHMARK(BM_NearestTajikistanPakistan)->Unit(benchmark::kMillisecond);

// Baseline: what a direct implementation does, geod_inverse between every
// vertex of one and every vertex of the other (1234 x 2133 calls). It is also
// less exact: it never looks between vertices.
void BM_BruteForceVertexPairs(benchmark::State& state) {
  const Countries& c = countries();
  std::vector<LonLat> a, b;
  for (const auto& p : c.tjk.polygons) a.insert(a.end(), p.outer.begin(), p.outer.end());
  for (const auto& p : c.pak.polygons) b.insert(b.end(), p.outer.begin(), p.outer.end());
  double best = 0;
  for (auto _ : state) {
    best = std::numeric_limits<double>::infinity();
    for (const LonLat& p : a)
      for (const LonLat& q : b) {
        double s = 0;
        geod_inverse(&raw(), p.lat, p.lon, q.lat, q.lon, &s, nullptr, nullptr);
        best = std::min(best, s);
      }
    benchmark::DoNotOptimize(best);
  }
  state.counters["distance_m"] = best;
}
BENCHMARK(BM_BruteForceVertexPairs)->Unit(benchmark::kMillisecond)->Iterations(2);

}  // namespace

BENCHMARK_MAIN();
