#pragma once
// The Layers panel: layers by group with their toggles, each with a menu
// (zoom to, reload from its source, remove, the fields its filters read),
// and the Add field for more sources.
namespace pamir::ui {

struct OverlayModel;
struct OverlayActions;

void drawLayersPanel(OverlayModel& model, OverlayActions& actions);

}  // namespace pamir::ui
