#pragma once
// The hovered and the selected feature drawn over the map: its outline (or
// its line, or a ring round its symbol) with a white halo, on ImGui's
// background draw list, so it sits over the map and under the panels.
#include <imgui.h>

#include "app/picking.hpp"

namespace pamir::app {

struct HighlightStyle {
  ImU32 ink;
  float width;  ///< of the ink, logical pixels; the halo is 4 px wider
};

inline constexpr HighlightStyle kHoverHighlight{IM_COL32(255, 190, 0, 255), 2.0f};
inline constexpr HighlightStyle kSelectedHighlight{IM_COL32(0, 190, 255, 255), 3.0f};

void drawFeatureHighlight(ImDrawList* dl, const FeatureShape& shape, const MapView& view, double pixelRatio,
                          const HighlightStyle& style);

}  // namespace pamir::app
