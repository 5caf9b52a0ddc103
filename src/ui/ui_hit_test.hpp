#pragma once
// What the UI covers, as of the last frame drawn: for deciding per event
// whether the mouse is over a panel (ImGui 1.86 answers only for the frame
// before, through io.WantCaptureMouse, which lags one event behind).
namespace pamir::ui {

/// A panel, menu or popup drawn last frame covers (x, y), in ImGui (logical)
/// pixels, including the border that resizes it. Tooltips do not count: they
/// follow the pointer and take no input.
bool uiWindowAt(float x, float y);

/// A popup or menu is open.
bool uiPopupOpen();

/// A text field or other widget holds the keyboard now (not as of the frame
/// before), or a widget that takes keys while focused has the focus.
bool uiKeyboardTaken();

/// Called right after drawing a widget that reads keys while it has the
/// focus (the Time bar's slider: Left/Right step the year), with its ImGui
/// id: while focused, its keys are not the map's shortcuts.
void holdKeyboardWhileFocused(unsigned int imguiId);

}  // namespace pamir::ui
