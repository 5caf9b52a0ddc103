// The window's session file with 500 long measurements (about 26 MB of
// densified GeoJSON): how long reading it at start and writing it after a
// change take.
//
//   build-dir/bench/session_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "app/measurements.hpp"
#include "app/session_state.hpp"

namespace {

using pamir::LonLat;

const pamir::geo::Projection& view() {
  static const auto p = pamir::geo::Projection::create("", nullptr);
  return *p;
}

// Thousands of kilometres each, so each is densified to the most vertices.
std::vector<pamir::app::Measurement> measurements(size_t n) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> lon(-10, 140), lat(-50, 70);
  std::vector<pamir::app::Measurement> list;
  while (list.size() < n) {
    const LonLat a{lon(rng), lat(rng)}, b{lon(rng), lat(rng)};
    auto m = pamir::app::measure(a, b, view(), "measurement " + std::to_string(list.size()));
    if (m.geodesic_m > 4.2e6) list.push_back(m);
  }
  return list;
}

std::string sessionPath() {
  const auto dir = std::filesystem::temp_directory_path() / "pamir-session-bench";
  std::filesystem::create_directories(dir);
  return (dir / "measurements.geojson").string();
}

void BM_SaveSession500(benchmark::State& state) {
  pamir::app::SessionState session;
  session.measurements = measurements(500);
  const std::string path = sessionPath();
  std::string err;
  for (auto _ : state)
    if (!pamir::app::writeSessionFile(session, path, &err)) state.SkipWithError(err.c_str());
  state.counters["MB"] = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
}
BENCHMARK(BM_SaveSession500)->Unit(benchmark::kMillisecond);

void BM_LoadSession500(benchmark::State& state) {
  const std::string path = sessionPath();
  std::string err;
  pamir::app::SessionState session;
  session.measurements = measurements(500);
  if (!pamir::app::writeSessionFile(session, path, &err)) state.SkipWithError(err.c_str());
  for (auto _ : state) {
    const auto back = pamir::app::readSessionFile(path);
    if (back.status != pamir::app::SessionRead::Status::Loaded || back.state.measurements.size() != 500)
      state.SkipWithError("not read back");
  }
}
BENCHMARK(BM_LoadSession500)->Unit(benchmark::kMillisecond);

// The measurements alone from the same file, as earlier releases read it:
// what the rest of the session costs on top.
void BM_LoadMeasurementsOnly500(benchmark::State& state) {
  const std::string path = sessionPath();
  std::string err;
  pamir::app::SessionState session;
  session.measurements = measurements(500);
  if (!pamir::app::writeSessionFile(session, path, &err)) state.SkipWithError(err.c_str());
  for (auto _ : state) {
    auto back = pamir::app::importMeasurementsGeoJson(path, view(), &err);
    if (!back || back->size() != 500) state.SkipWithError("not read back");
  }
}
BENCHMARK(BM_LoadMeasurementsOnly500)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
