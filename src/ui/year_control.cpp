#include "ui/year_control.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/ui_hit_test.hpp"

namespace pamir::ui {

namespace {

constexpr float kLeftPanels = 380;  // the Layers and Filter panels' column
constexpr float kBarsHeight = 52;   // the histogram's tallest bar
constexpr float kTicksHeight = 22;  // ticks and year labels under the bars

// On the same line when an item `width` wide still fits there, else on the
// next: a narrow window wraps the Time bar's controls instead of cutting them.
void sameLineIfFits(float width, float spacing) {
  const float gap = spacing >= 0 ? spacing : ImGui::GetStyle().ItemSpacing.x;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + gap + width <= right) ImGui::SameLine(0, spacing);
}

// The year field: shows the years while not being edited, and hands over
// what was typed on Enter or when the analyst leaves it.
void yearField(const YearBarModel& m, YearBarActions& a) {
  static char text[48] = "";
  static bool editing = false, submitted = false;
  if (!editing) std::snprintf(text, sizeof text, "%s", formatYearSpan(m.shown).c_str());
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000..0000").x + 16);
  const bool enter = ImGui::InputTextWithHint("##yeartext", "2016 or 2001..2014", text, sizeof text,
                                              ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
  if (ImGui::IsItemActivated()) submitted = false;
  if (enter) {
    a.typed = text;
    submitted = true;
  } else if (ImGui::IsItemDeactivatedAfterEdit() && !submitted) {
    a.typed = text;
  }
  editing = ImGui::IsItemActive();
  if (ImGui::IsItemHovered() && !editing)
    ImGui::SetTooltip("Type a year (2014) or a range (2001..2014 or 2001-2014), then Enter");
}

void controlsRow(const YearBarModel& m, YearBarActions& a) {
  bool on = m.on;
  if (ImGui::Checkbox("Filter by time", &on)) a.on = on;
  ImGui::SameLine();
  if (ImGui::RadioButton("Year", !m.range)) a.range = false;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("What existed in one year");
  ImGui::SameLine();
  if (ImGui::RadioButton("Range", m.range)) a.range = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("What existed at any time between two years");
  sameLineIfFits(ImGui::CalcTextSize("|\u25C0\u25C0\u25AE\u25AE Pause\u25B6\u25B6|").x + 60, 18);
  if (ImGui::Button("|\u25C0")) a.toStart = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The first year");
  ImGui::SameLine(0, 2);
  if (ImGui::Button("\u25C0")) a.step -= 1;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A year back ([, or Left on the slider)");
  ImGui::SameLine(0, 2);
  if (ImGui::Button(m.playing ? "\u25AE\u25AE Pause###play" : "\u25B6 Play###play")) a.playPause = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play through the years (Space)");
  ImGui::SameLine(0, 2);
  if (ImGui::Button("\u25B6")) a.step += 1;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A year on (], or Right on the slider)");
  ImGui::SameLine(0, 2);
  if (ImGui::Button("\u25B6|")) a.toEnd = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The last year");
  sameLineIfFits(ImGui::CalcTextSize("0.5 yr/s").x + 34, -1);
  char speed[32];
  std::snprintf(speed, sizeof speed, "%g yr/s", m.yearsPerSecond);
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("0.5 yr/s").x + 34);
  if (ImGui::BeginCombo("##speed", speed)) {
    for (double s : {0.5, 1.0, 2.0, 5.0}) {
      std::snprintf(speed, sizeof speed, "%g year%s a second", s, s == 1.0 ? "" : "s");
      if (ImGui::Selectable(speed, s == m.yearsPerSecond)) a.yearsPerSecond = s;
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Playing speed");
  ImGui::SameLine();
  bool loop = m.loop;
  if (ImGui::Checkbox("Loop", &loop)) a.loop = loop;
  sameLineIfFits(ImGui::CalcTextSize("0000..0000").x + 16, 18);
  yearField(m, a);
}

// The second row: the changes between two years, and what the slider shows.
void changesRow(const YearBarModel& m, const ChangesModel& c, ChangesActions& a) {
  bool on = c.on;
  if (ImGui::Checkbox(c.fromRange ? "Changes across the range" : "Changes since", &on)) a.on = on;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("What appeared and what closed between two years: on the map and in a list");
  if (!c.fromRange) {
    ImGui::SameLine();
    int since = c.since;
    ImGui::SetNextItemWidth(110);
    if (ImGui::InputInt("##since", &since, 1, 5, ImGuiInputTextFlags_EnterReturnsTrue) && since != c.since)
      a.since = since;
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Compared with the year on the Time bar (%d..%d)", m.bounds.from, m.bounds.to);
  }
  if (c.on) {
    ImGui::SameLine();
    ImGui::TextDisabled("%d \u2192 %d: %zu change(s)", c.compared.from, c.compared.to, c.rows.size());
  }
  sameLineIfFits(ImGui::CalcTextSize("00 dated in 0000, 00 shown").x, 24);
  const int last = m.shown.to;
  if (m.on && !m.range)
    ImGui::TextDisabled("%d dated in %d, %d %s", m.histogram.totalIn(last), last, m.histogram.selectedIn(last),
                        m.shareLabel.c_str());
  else if (!m.on)
    ImGui::TextDisabled("off: every year shown");
  else
    ImGui::TextDisabled("what existed at any time in %d..%d", m.shown.from, m.shown.to);
}

// The slider over the histogram: a slot of `slot` pixels per year, the bars
// (every dated feature, the filter's share darker), the years shown as a
// band with handles, ticks and labels under them.
void slider(YearBarModel& m, YearBarActions& a) {
  const YearSpan b = m.bounds;
  const int n = std::max(1, b.length());
  const float slot = yearSlotWidth(ImGui::GetContentRegionAvail().x, n);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float width = slot * static_cast<float>(n);
  const ImGuiID id = ImGui::GetID("##track");
  ImGui::InvisibleButton("##track", ImVec2(width, kBarsHeight + kTicksHeight));
  holdKeyboardWhileFocused(id);
  const bool focused = ImGui::IsItemFocused(), active = ImGui::IsItemActive(), hovered = ImGui::IsItemHovered();
  auto yearAt = [&](float x) {
    return std::clamp(b.from + static_cast<int>(std::floor((x - p0.x) / slot)), b.from, b.to);
  };
  auto slotX = [&](int year) { return p0.x + static_cast<float>(year - b.from) * slot; };

  // Mouse: one year follows the pointer; in a range the end nearer the press does.
  static int draggedEnd = 0;  // 1: the range's start, 2: its end
  const float mx = ImGui::GetIO().MousePos.x;
  if (ImGui::IsItemActivated() && m.range) {
    const int y = yearAt(mx);
    draggedEnd = y <= m.shown.from ? 1 : y >= m.shown.to ? 2 : (y - m.shown.from < m.shown.to - y ? 1 : 2);
  }
  if (active && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    const int y = yearAt(mx);
    YearSpan s = YearSpan::single(y);
    if (m.range && b.length() > 1) {
      s = m.shown;
      if (draggedEnd == 1)
        s.from = std::min(y, s.to - 1);
      else
        s.to = std::max(y, s.from + 1);
    }
    if (s != m.shown || !m.on) a.show = s;
  }
  if (focused) {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) a.step -= 1;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) a.step += 1;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home), false)) a.toStart = true;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_End), false)) a.toEnd = true;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) a.playPause = true;
  }

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float base = p0.y + kBarsHeight;
  dl->AddRectFilled(p0, ImVec2(p0.x + width, base), IM_COL32(250, 250, 250, 255));
  if (m.on)
    dl->AddRectFilled(ImVec2(slotX(m.shown.from), p0.y), ImVec2(slotX(m.shown.to + 1), base),
                      IM_COL32(255, 226, 160, 255));
  const YearHistogram& h = m.histogram;
  const float scale = h.peak > 0 ? (kBarsHeight - 4) / static_cast<float>(h.peak) : 0;
  const float gap = slot >= 4 ? 1.0f : 0.0f;
  for (int y = b.from; y <= b.to; ++y) {
    const float x = slotX(y);
    const float t = static_cast<float>(h.totalIn(y)) * scale, s = static_cast<float>(h.selectedIn(y)) * scale;
    if (t > 0) dl->AddRectFilled(ImVec2(x + gap, base - t), ImVec2(x + slot - gap, base), IM_COL32(190, 190, 190, 255));
    if (s > 0) dl->AddRectFilled(ImVec2(x + gap, base - s), ImVec2(x + slot - gap, base), IM_COL32(52, 101, 164, 255));
  }
  dl->AddLine(ImVec2(p0.x, base), ImVec2(p0.x + width, base), IM_COL32(90, 90, 90, 255));
  // Ticks every year, longer every five; labels as often as they fit.
  const int labelEvery = slot * 5 >= 38 ? 5 : slot * 10 >= 38 ? 10 : 20;
  for (int y = b.from; y <= b.to; ++y) {
    const float cx = slotX(y) + slot / 2;
    const bool major = y % 5 == 0;
    dl->AddLine(ImVec2(cx, base), ImVec2(cx, base + (major ? 5.0f : 2.5f)), IM_COL32(90, 90, 90, 255));
    if (y % labelEvery == 0) {
      char label[8];
      std::snprintf(label, sizeof label, "%d", y);
      const float tw = ImGui::CalcTextSize(label).x;
      dl->AddText(ImVec2(std::clamp(cx - tw / 2, p0.x, p0.x + width - tw), base + 5), IM_COL32(60, 60, 60, 255), label);
    }
  }
  // The handles: where the year (or each end of the range) is.
  const ImU32 handle = m.on ? IM_COL32(190, 30, 45, 255) : IM_COL32(150, 150, 150, 255);
  auto drawHandle = [&](int year) {
    const float cx = slotX(year) + slot / 2;
    dl->AddLine(ImVec2(cx, p0.y), ImVec2(cx, base), handle, 2.0f);
    dl->AddTriangleFilled(ImVec2(cx, base - 1), ImVec2(cx - 6, base + 9), ImVec2(cx + 6, base + 9), handle);
  };
  drawHandle(m.shown.from);
  if (m.shown.isRange()) drawHandle(m.shown.to);
  if (focused) dl->AddRect(p0, ImVec2(p0.x + width, base + kTicksHeight), IM_COL32(52, 101, 164, 255), 2.0f, 0, 1.5f);
  if (hovered && !active) {
    const int y = yearAt(mx);
    ImGui::SetTooltip("%d: %d dated feature(s), %d %s\nclick or drag to choose; Left/Right when focused", y,
                      h.totalIn(y), h.selectedIn(y), m.shareLabel.c_str());
  }
  // A year moved by the player or the keys stays in view.
  if (m.scrolledTo != m.shown.to && width > ImGui::GetWindowWidth()) {
    const float visible = ImGui::GetWindowWidth();
    const float hx = slotX(m.shown.to) + slot / 2 - p0.x;  // in the slider's own coordinates
    const float sx = ImGui::GetScrollX();
    if (hx < sx + 4 * slot || hx > sx + visible - 4 * slot) ImGui::SetScrollX(std::max(0.0f, hx - visible / 2));
  }
  m.scrolledTo = m.shown.to;
}

}  // namespace

float yearSlotWidth(float available, int years, float minimum) {
  if (years <= 0) return minimum;
  return std::max(minimum, std::floor(available / static_cast<float>(years)));
}

float yearBarHeight() {
  const ImGuiStyle& st = ImGui::GetStyle();
  return ImGui::GetFrameHeight() + 2 * st.WindowPadding.y + 2 * ImGui::GetFrameHeightWithSpacing() + kBarsHeight +
         kTicksHeight + st.ScrollbarSize + 4 + st.ItemSpacing.y;
}

void drawYearBar(YearBarModel& m, ChangesModel& c, YearBarActions& a, ChangesActions& ca, float width, float bottom) {
  const ImGuiStyle& st = ImGui::GetStyle();
  const float childH = kBarsHeight + kTicksHeight + st.ScrollbarSize + 4;
  ImGui::SetNextWindowPos(ImVec2(kLeftPanels, bottom - 4), ImGuiCond_Always, ImVec2(0, 1));
  // As tall as its rows: two, or more where a narrow window wraps them.
  ImGui::SetNextWindowSize(ImVec2(std::max(320.0f, width - kLeftPanels - 10), 0), ImGuiCond_Always);
  const bool open = ImGui::Begin("Time###timebar", nullptr,
                                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoFocusOnAppearing);
  m.top = ImGui::GetWindowPos().y;
  if (open) {
    controlsRow(m, a);
    changesRow(m, c, ca);
    ImGui::BeginChild("##slider", ImVec2(0, childH), false, ImGuiWindowFlags_HorizontalScrollbar);
    slider(m, a);
    ImGui::EndChild();
  }
  ImGui::End();
}

void drawChangesList(ChangesModel& m, ChangesActions& a) {
  if (!m.on) {
    ImGui::TextWrapped(
        "Switch on \"Changes since\" on the Time bar to list what appeared and closed between two years.");
    return;
  }
  ImGui::TextDisabled("%d \u2192 %d: %zu change(s); click one to show and select it", m.compared.from, m.compared.to,
                      m.rows.size());
  if (m.rows.empty())
    ImGui::TextDisabled("nothing appeared or closed between %d and %d", m.compared.from, m.compared.to);
  for (size_t i = 0; i < m.rows.size(); ++i) {
    const ChangeRow& r = m.rows[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushStyleColor(ImGuiCol_Text, r.appeared ? ImVec4(0, 0.45f, 0.3f, 1) : ImVec4(0.7f, 0.3f, 0, 1));
    char label[600];
    std::snprintf(label, sizeof label, "%s %s", r.appeared ? "+" : "\u2212", r.text.c_str());
    if (ImGui::Selectable(label, m.selected == i)) a.clicked = i;
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
}

}  // namespace pamir::ui
