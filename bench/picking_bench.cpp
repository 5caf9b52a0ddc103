// Picking the feature under the cursor, as hovering does on every pointer
// move: 100,000 point sites (PAMIR_BENCH_SITES sets another count) and 2,000
// polygons in the default view CRS.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <random>

#include "app/picking.hpp"

using namespace pamir;

namespace {

struct Scene {
  Layer sites, areas;
  std::vector<const Layer*> layers;
  geo::Projection proj = *geo::Projection::create("");
  MapView view;
  Scene() {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> lon(60, 80), lat(33, 44);
    const char* count = std::getenv("PAMIR_BENCH_SITES");
    const long sitesWanted = count ? std::strtol(count, nullptr, 10) : 100000;
    for (long i = 0; i < sitesWanted; ++i) {
      Feature f;
      f.fid = i;
      f.geometry.points = {{lon(rng), lat(rng)}};
      sites.features.push_back(std::move(f));
    }
    for (int i = 0; i < 2000; ++i) {
      Feature f;
      const double x = lon(rng), y = lat(rng);
      Polygon p;
      for (int k = 0; k <= 64; ++k) {
        const double a = 2 * M_PI * (k % 64) / 64;
        p.outer.push_back({x + 0.3 * std::cos(a), y + 0.2 * std::sin(a)});
      }
      f.geometry.polygons.push_back(std::move(p));
      areas.features.push_back(std::move(f));
    }
    sites.style.symbolSize = 8;
    layers = {&areas, &sites};
    Bounds b;
    b.add(60, 33);
    b.add(80, 44);
    view = MapView::fitting(proj.forwardBounds(b), 1920, 1080);
  }
};

Scene& scene() {
  static Scene s;
  return s;
}

void BM_PickHover(benchmark::State& state) {
  Scene& s = scene();
  app::PickIndex index;
  index.update(s.layers, s.proj);
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> x(0, 1920), y(0, 1080);
  auto all = [](const Layer&, size_t) { return true; };
  size_t hits = 0;
  for (auto _ : state) {
    auto p = index.pick(s.view, x(rng), y(rng), 5.0, all);
    hits += p ? 1 : 0;
    benchmark::DoNotOptimize(p);
  }
  state.counters["hit_rate"] = static_cast<double>(hits) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_PickHover)->Unit(benchmark::kMicrosecond);

void BM_PickWhatIsHere(benchmark::State& state) {
  Scene& s = scene();
  app::PickIndex index;
  index.update(s.layers, s.proj);
  auto all = [](const Layer&, size_t) { return true; };
  for (auto _ : state) benchmark::DoNotOptimize(index.pickAll(s.view, 960, 540, 5.0, all));
}
BENCHMARK(BM_PickWhatIsHere)->Unit(benchmark::kMicrosecond);

// Projecting and cutting every feature once (a new CRS or new layers).
void BM_PickIndexBuild(benchmark::State& state) {
  Scene& s = scene();
  for (auto _ : state) {
    app::PickIndex index;
    index.update(s.layers, s.proj);
    benchmark::DoNotOptimize(index);
  }
}
BENCHMARK(BM_PickIndexBuild)->Unit(benchmark::kMillisecond)->Iterations(3);

// The same pick without an index (the window's path before): every feature
// projected again on every pick.
void BM_PickOneOff(benchmark::State& state) {
  Scene& s = scene();
  auto all = [](const Layer&, size_t) { return true; };
  for (auto _ : state) benchmark::DoNotOptimize(app::pickFeature(s.layers, s.proj, s.view, 960, 540, 5.0, all));
}
BENCHMARK(BM_PickOneOff)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
