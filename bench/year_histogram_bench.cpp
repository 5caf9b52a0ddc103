// Counting dated features per year for the Time bar's histogram, as the
// window does once per filter change: 1,000,000 dated sites over 70 years,
// with the country filter's share. Against the loop over each feature's
// years that a difference array replaces.
#include <benchmark/benchmark.h>

#include <random>

#include "core/year_histogram.hpp"

using namespace pamir;

namespace {

struct Scene {
  Layer sites;
  std::vector<const Layer*> layers;
  FeatureFilter countries;
  Scene() {
    sites.fields = {{"year_start", FieldType::Integer}, {"year_end", FieldType::Integer}, {"host", FieldType::String}};
    sites.yearFields = {"year_start", "year_end"};
    sites.countryFields = {"host"};
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> start(1957, 2026), life(0, 30), country(0, 3);
    const char* codes[] = {"KGZ", "TJK", "UZB", "KAZ"};
    for (int i = 0; i < 1000000; ++i) {
      Feature f;
      f.fid = i;
      const int s = start(rng), l = life(rng);
      // One in five still open.
      f.values = {int64_t{s}, i % 5 == 0 ? FieldValue{} : FieldValue{int64_t{s + l}}, std::string(codes[country(rng)])};
      sites.features.push_back(std::move(f));
    }
    layers = {&sites};
    countries.countries = {"KGZ"};
  }
};

const Scene& scene() {
  static const Scene s;
  return s;
}

void Histogram(benchmark::State& state) {
  const Scene& s = scene();
  for (auto _ : state) {
    YearHistogram h = yearHistogram(s.layers, {1957, 2026}, {},
                                    [&](const Layer& l, const Feature& f) { return passes(s.countries, l, f); });
    benchmark::DoNotOptimize(h.peak);
  }
}
BENCHMARK(Histogram)->Unit(benchmark::kMillisecond);

// The naive count: every feature tested against every year with the filter itself.
void PerYearFilter(benchmark::State& state) {
  const Scene& s = scene();
  for (auto _ : state) {
    std::vector<int> total(70, 0);
    for (int y = 1957; y <= 2026; ++y) {
      FeatureFilter f;
      f.asOfYear = y;
      for (const auto& feat : s.sites.features) total[static_cast<size_t>(y - 1957)] += passes(f, s.sites, feat);
    }
    benchmark::DoNotOptimize(total.data());
  }
}
BENCHMARK(PerYearFilter)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
