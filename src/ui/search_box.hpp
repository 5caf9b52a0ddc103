#pragma once
// The search box over the map (Ctrl+K or /): a query field and the results
// as the caller found them, chosen with the mouse or Up/Down and Enter. It
// searches nothing itself: the caller runs the query when it changes.
#include <optional>
#include <string>
#include <vector>

namespace pamir::ui {

struct SearchRow {
  std::string title;   ///< "Murghob"
  std::string detail;  ///< "Places · point · TJK · 38.1702, 73.9667"
};

struct SearchBoxModel {
  bool open = false;
  bool focusField = false;  ///< put the keyboard in the field on the next frame
  std::string query;
  std::vector<SearchRow> rows;
  int highlighted = 0;
  std::string note;  ///< under the results: "no match", a hint
};

struct SearchBoxActions {
  bool queryChanged = false;
  std::optional<size_t> chosen;  ///< index into rows
  bool closed = false;
};

/// Draws the box, when open, centred at the top of a viewport `width` wide
/// (ImGui logical pixels), between ImGui::NewFrame and ImGui::Render.
SearchBoxActions drawSearchBox(SearchBoxModel& model, float width);

}  // namespace pamir::ui
