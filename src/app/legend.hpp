#pragma once
// What the legend lists: for each visible layer, top first, every style its
// features are drawn with on the map now (the layer's own, and each style
// rule, by what the rule means), counted over the features the filters let
// through; a style no shown feature has is left out.
#include <vector>

#include "app/map_session.hpp"
#include "ui/legend_panel.hpp"
#include "ui/overlay.hpp"

namespace pamir::app {

/// `rows` are the Layers panel's (rasters, then draw layers: their order and
/// visibility). With `militarySymbols`, a layer whose sites are drawn with
/// APP-6 symbols says first how to read them.
std::vector<ui::LegendEntry> legendEntries(const MapSession& session, const std::vector<ui::LayerItem>& rows,
                                           bool militarySymbols = false);

}  // namespace pamir::app
