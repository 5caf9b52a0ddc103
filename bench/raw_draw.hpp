#pragma once
// The GL's own speed limit for map-like geometry, for benchmarks: the same
// primitives MapRenderer draws (instanced segment quads, triangles, symbol
// quads) with nothing else (no styles, projection, tiles or levels of detail),
// into an off-screen target of the given size. Needs a current context.
// Benchmark-only: built into render_bench, not into the renderer.
#include <cstddef>

namespace pamir::bench {

struct RawDrawCase {
  size_t count = 0;  ///< segments, triangles or symbols per frame
  int width = 1920, height = 1080;
  float lineWidthPx = 1.0f;  ///< segments
  float symbolPx = 8.0f;     ///< symbols
  bool msaa = false;         ///< 4x multisampled target
  int frames = 10;
};

/// Median milliseconds per frame (clear, draw, glFinish); negative when the GL cannot.
double rawSegmentsMs(const RawDrawCase& c);
double rawTrianglesMs(const RawDrawCase& c);
double rawSymbolsMs(const RawDrawCase& c);

/// Waits until the GL has finished every command so far (for timing frames).
void finishGpu();

}  // namespace pamir::bench
