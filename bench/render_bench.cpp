// Frame time of the map renderer, headless at 1920x1080: a 100-frame pan over
// the built-in dataset (exactly the layers `pamir view` draws), median and
// 95th percentile per frame, next to the GL's raw limit for the same numbers
// of segments, triangles and symbols (bench/raw_draw.hpp), in the same run.
//
//   render_bench                       # all cases
//   render_bench --benchmark_filter=Pan
//   PAMIR_BENCH_SOURCES=a.gpkg,b.shp render_bench   # other data instead
//
// The pan goes back and forth around its start (a quarter of the screen width
// either way): the window's first view for the built-in dataset; for other
// sources a view about their centre small enough that the whole pan stays
// inside their extent, so the strips a pan uncovers hold data. Each case reports what its frames drew
// (segments and symbols: the median frame's, the fewest of any frame, and how
// many frames drew nothing at all), so a case that draws nothing shows.
//
// Cases: Pan/window (no MSAA, smoothed lines and symbols: what the window
// draws, reusing the previous frame on whole-pixel pans),
// Pan/window_whole_frames (the same drawing every frame whole), Pan/nolabels,
// Pan/msaa (4x MSAA: what `pamir render` draws), Zoom/window (every frame
// whole), Layer/<id> (one layer alone, whole frames), and Setup (projecting,
// simplifying, triangulating and uploading everything).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "app/map_session.hpp"
#include "core/diagnostics.hpp"
#include "data/symbol_library.hpp"
#include "raw_draw.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_context.hpp"

namespace {

using namespace pamir;

constexpr int kWidth = 1920, kHeight = 1080, kFrames = 100;
constexpr XY kPanStepPx{19, 2};
// How far the pan goes from its start, either way.
constexpr XY kPanReachPx{kPanStepPx.x * kFrames / 4, kPanStepPx.y* kFrames / 4};

struct Fixture {
  std::unique_ptr<render::OffscreenContext> context;
  std::optional<app::MapSession> session;
  std::unique_ptr<render::MapRenderer> renderer;
  MapView start;
  std::string what;
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

std::vector<std::string> sourcesFromEnv() {
  std::vector<std::string> out;
  if (const char* env = std::getenv("PAMIR_BENCH_SOURCES")) {
    std::stringstream s(env);
    std::string item;
    while (std::getline(s, item, ',')) {
      if (!item.empty()) out.push_back(item);
    }
  }
  return out;
}

// CPU time of the whole process (every llvmpipe thread included): on a
// shared machine it says more about the work than the wall clock does.
double processCpuMs() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

struct PanResult {
  std::vector<double> frameMs;
  double cpuPerFrameMs = 0;
  render::FrameStats median;               // stats of the median frame
  std::vector<render::FrameStats> frames;  // what each frame drew, in order
};

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = std::min(v.size() - 1, static_cast<size_t>(std::lround(p * static_cast<double>(v.size() - 1))));
  return v[i];
}

enum class Motion { Pan, Zoom };

// One frame = draw + wait for the GL to finish it (no readback: a window swaps
// instead). A pan moves whole pixels, as a mouse drag does: (-19, 2) px a frame
// for a quarter of the frames, (19, -2) back through the start for half, and
// (-19, 2) back to the start, so it never goes further than kPanReachPx
// (475 px, a quarter of the screen width) from where it started. A zoom steps 3 % in and then out
// about the centre, as a wheel does, so every frame is drawn whole.
PanResult pan(const render::RenderOptions& options, Motion motion = Motion::Pan) {
  Fixture& f = fixture();
  PanResult r;
  MapView view = f.start;
  std::vector<render::FrameStats> stats;
  f.renderer->drawOffscreen(view, options);  // the frame before the motion starts
  bench::finishGpu();
  double cpu0 = processCpuMs();
  for (int i = 0; i < kFrames; ++i) {
    // The view moves before each frame: a frame of an unchanged view is the
    // previous one again and would draw nothing.
    if (motion == Motion::Pan) {
      const bool out = i < kFrames / 4 || i >= kFrames * 3 / 4;
      view.panPixels(out ? -kPanStepPx.x : kPanStepPx.x, out ? kPanStepPx.y : -kPanStepPx.y);
    } else {
      view.zoomAbout(kWidth / 2.0, kHeight / 2.0, i < kFrames / 2 ? 1.03 : 1 / 1.03);
    }
    auto t0 = std::chrono::steady_clock::now();
    f.renderer->drawOffscreen(view, options);
    bench::finishGpu();
    r.frameMs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    stats.push_back(f.renderer->lastFrame());
  }
  r.cpuPerFrameMs = (processCpuMs() - cpu0) / kFrames;
  std::vector<size_t> order(r.frameMs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return r.frameMs[a] < r.frameMs[b]; });
  r.median = stats[order[order.size() / 2]];
  r.frames = std::move(stats);
  return r;
}

// Median and minimum over the frames of one count.
template <class Get>
void countersOver(benchmark::State& state, const std::vector<render::FrameStats>& frames, const char* name, Get get) {
  std::vector<double> v;
  v.reserve(frames.size());
  for (const auto& s : frames) v.push_back(static_cast<double>(get(s)));
  state.counters[std::string(name) + "_med"] = percentile(v, 0.5);
  state.counters[std::string(name) + "_min"] = percentile(v, 0.0);
}

void report(benchmark::State& state, const PanResult& r) {
  state.counters["median_ms"] = percentile(r.frameMs, 0.5);
  state.counters["p95_ms"] = percentile(r.frameMs, 0.95);
  state.counters["max_ms"] = percentile(r.frameMs, 1.0);
  state.counters["draw_ms"] = r.median.cpuMs;
  state.counters["proc_cpu_ms"] = r.cpuPerFrameMs;
  state.counters["draws"] = static_cast<double>(r.median.drawCalls);
  state.counters["segments"] = static_cast<double>(r.median.segmentsDrawn);
  state.counters["triangles"] = static_cast<double>(r.median.trianglesDrawn);
  state.counters["symbols"] = static_cast<double>(r.median.pointsDrawn);
  state.counters["labels"] = static_cast<double>(r.median.labelsDrawn);
  state.counters["military_symbols"] = static_cast<double>(r.median.militarySymbolsDrawn);
  {
    std::vector<double> labelMs, symbolMs;
    for (const auto& s : r.frames) labelMs.push_back(s.labelMs), symbolMs.push_back(s.militarySymbolMs);
    state.counters["label_ms_med"] = percentile(labelMs, 0.5);
    state.counters["label_ms_max"] = percentile(labelMs, 1.0);
    state.counters["milsym_ms_med"] = percentile(symbolMs, 0.5);
    size_t moved = 0;
    for (const auto& s : r.frames) moved += s.labelsMoved;
    state.counters["labels_moved"] = static_cast<double>(moved);
  }
  // Over all frames: a frame that drew no segment, symbol or triangle drew
  // nothing (off the data, or a scrolled frame whose new strips hold none).
  countersOver(state, r.frames, "segments", [](const render::FrameStats& s) { return s.segmentsDrawn; });
  countersOver(state, r.frames, "symbols", [](const render::FrameStats& s) { return s.pointsDrawn; });
  size_t empty = 0, scrolled = 0, provisional = 0;
  for (const auto& s : r.frames) {
    if (s.segmentsDrawn + s.pointsDrawn + s.trianglesDrawn == 0) ++empty;
    scrolled += s.scrolledFrames;
    if (s.provisional()) ++provisional;
  }
  state.counters["empty_frames"] = static_cast<double>(empty);
  state.counters["scrolled_frames"] = static_cast<double>(scrolled);
  state.counters["provisional_frames"] = static_cast<double>(provisional);
}

void BM_Pan(benchmark::State& state, render::RenderOptions options, Motion motion) {
  PanResult last;
  for (auto _ : state) {
    last = pan(options, motion);
    double total = 0;
    for (double ms : last.frameMs) total += ms;
    state.SetIterationTime(total / 1000.0 / kFrames);  // reported time: mean per frame
  }
  report(state, last);
}

// One layer alone (labels off, whole frames): where the frame time goes.
void BM_Layer(benchmark::State& state, size_t drawIndex, render::RenderOptions options) {
  Fixture& f = fixture();
  const size_t n = f.renderer->order().size();
  for (size_t i = 0; i < n; ++i) f.renderer->setLayerVisible(i, i == drawIndex);
  PanResult last;
  for (auto _ : state) {
    last = pan(options);
    double total = 0;
    for (double ms : last.frameMs) total += ms;
    state.SetIterationTime(total / 1000.0 / kFrames);
  }
  for (size_t i = 0; i < n; ++i) f.renderer->setLayerVisible(i, true);
  report(state, last);
}

void BM_Setup(benchmark::State& state) {
  Fixture& f = fixture();
  for (auto _ : state) {
    render::MapRenderer renderer;
    renderer.setProjection(f.session->projection());
    renderer.setLayers(f.session->drawLayers(), f.session->drawRasters());
    bench::finishGpu();
  }
}

// One of the raw limits (bench/raw_draw.hpp); `what` names the primitives counted.
void BM_Raw(benchmark::State& state, double (*drawMs)(const bench::RawDrawCase&), const char* what,
            bench::RawDrawCase c) {
  double ms = 0;
  for (auto _ : state) {
    ms = drawMs(c);
    state.SetIterationTime(ms / 1000.0);
  }
  state.counters["median_ms"] = ms;
  state.counters[what] = static_cast<double>(c.count);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  Fixture& f = fixture();
  std::string error;
  f.context = render::OffscreenContext::create(&error);
  if (!f.context) {
    std::fprintf(stderr, "render_bench: %s\n", error.c_str());
    return 1;
  }
  Diagnostics diag;
  auto sources = sourcesFromEnv();
  f.session =
      app::MapSession::open(sources, sources.empty() ? data::BuiltinData::Include : data::BuiltinData::LeaveOut, diag);
  if (f.session->empty()) {
    diag.print();
    std::fprintf(stderr, "render_bench: nothing to draw\n");
    return 1;
  }
  f.renderer = std::make_unique<render::MapRenderer>();
  if (!f.renderer->ok()) {
    std::fprintf(stderr, "render_bench: %s\n", f.renderer->error().c_str());
    return 1;
  }
  auto t0 = std::chrono::steady_clock::now();
  f.renderer->setProjection(f.session->projection());
  f.renderer->setLayers(f.session->drawLayers(), f.session->drawRasters());
  {
    Diagnostics symbolsDiag;
    f.renderer->setSymbols(data::builtinSymbols(symbolsDiag));  // as the window draws the sites
  }
  bench::finishGpu();
  double setupMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (sources.empty()) {
    // The built-in dataset: the view the window opens with (the manifest's),
    // inside the countries around it.
    f.start =
        MapView::fitting(f.session->projection().forwardBounds(f.session->initialLonLat()), kWidth, kHeight, 0.02);
  } else {
    // Other data: the largest view about the data's centre that keeps the
    // whole pan (kPanReachPx either way) inside the data's extent. Fitted to
    // the data instead, every frame panning outward uncovers only strips off
    // the data and draws nothing.
    const Bounds e = f.session->dataExtent();
    const double res = std::min(e.width() / (kWidth + 2 * kPanReachPx.x), e.height() / (kHeight + 2 * kPanReachPx.y));
    const XY c{(e.minx + e.maxx) / 2, (e.miny + e.maxy) / 2};
    f.start = MapView::fitting(
        {c.x - res * kWidth / 2, c.y - res * kHeight / 2, c.x + res * kWidth / 2, c.y + res * kHeight / 2}, kWidth,
        kHeight, 0);
  }
  size_t layers = f.session->drawLayers().size(), features = 0, vertices = 0;
  for (const Layer* l : f.session->drawLayers()) {
    features += l->features.size();
    for (const Feature& ft : l->features) vertices += ft.geometry.vertexCount();
  }
  std::printf("renderer: %s (EGL %s)\n", f.context->rendererName().c_str(), f.context->platform().c_str());
  std::printf("data: %s: %zu vector layers, %zu features, %zu vertices, %zu rasters; first upload %.0f ms\n",
              sources.empty() ? "built-in dataset" : "PAMIR_BENCH_SOURCES", layers, features, vertices,
              f.session->drawRasters().size(), setupMs);

  render::RenderOptions window;
  window.msaaSamples = 0;
  window.keepLabelPlaces = true;  // the window keeps label places while the view moves
  if (const char* d = std::getenv("PAMIR_BENCH_DETAIL")) window.detailPx = std::strtof(d, nullptr);
  render::RenderOptions msaa;
  render::RenderOptions noLabels = window;
  noLabels.labels = false;
  render::RenderOptions whole = window;
  whole.reuseFrames = false;
  auto add = [](const char* name, render::RenderOptions o, Motion m) {
    benchmark::RegisterBenchmark(name, BM_Pan, o, m)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
  };
  add("Pan/window", window, Motion::Pan);
  add("Pan/window_whole_frames", whole, Motion::Pan);
  add("Pan/nolabels", noLabels, Motion::Pan);
  add("Pan/msaa", msaa, Motion::Pan);
  add("Zoom/window", window, Motion::Zoom);
  noLabels.reuseFrames = false;
  for (size_t i = 0; i < f.renderer->order().size(); ++i) {
    const render::LayerRef& ref = f.renderer->order()[i];
    std::string name = ref.kind == render::LayerRef::Kind::Raster ? "raster:" + f.session->drawRasters()[ref.index]->id
                                                                  : f.session->drawLayers()[ref.index]->id;
    benchmark::RegisterBenchmark(("Layer/" + name).c_str(), BM_Layer, i, noLabels)
        ->UseManualTime()
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::RegisterBenchmark("Setup", BM_Setup)->Iterations(2)->Unit(benchmark::kMillisecond);

  // The raw limit for what the median window frame drew.
  PanResult probe = pan(whole);
  bench::RawDrawCase c;
  c.frames = 10;
  c.count = std::max<size_t>(probe.median.segmentsDrawn, 1);
  c.lineWidthPx = 1.2f;
  auto raw = [](const char* name, double (*drawMs)(const bench::RawDrawCase&), const char* what, bench::RawDrawCase c) {
    benchmark::RegisterBenchmark(name, BM_Raw, drawMs, what, c)
        ->UseManualTime()
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
  };
  raw("Raw/segments", bench::rawSegmentsMs, "segments", c);
  c.msaa = true;
  raw("Raw/segments_msaa", bench::rawSegmentsMs, "segments", c);
  c.msaa = false;
  size_t fillTriangles = probe.median.trianglesDrawn - 2 * probe.median.segmentsDrawn - 2 * probe.median.pointsDrawn;
  c.count = std::max<size_t>(fillTriangles, 1);
  raw("Raw/triangles", bench::rawTrianglesMs, "triangles", c);
  c.count = std::max<size_t>(probe.median.pointsDrawn, 1);
  c.symbolPx = 8;
  raw("Raw/symbols", bench::rawSymbolsMs, "symbols", c);

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
