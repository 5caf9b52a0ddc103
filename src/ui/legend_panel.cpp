#include "ui/legend_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace pamir::ui {

namespace {

ImU32 ink(const Color& c, float opacity, int minAlpha = 0) {
  const int a = std::max(minAlpha, static_cast<int>(std::lround(c.a * std::clamp(opacity, 0.0f, 1.0f))));
  return IM_COL32(c.r, c.g, c.b, std::min(a, 255));
}

// The symbol as the map draws it, centred at c with radius r.
void symbol(ImDrawList* dl, ImVec2 c, float r, const Style& s) {
  const ImU32 fill = ink(s.fill, s.opacity, 60), edge = ink(s.stroke, s.opacity, 60);
  const float w = std::max(1.0f, s.strokeWidth);
  switch (s.symbol) {
    case Symbol::Circle:
      dl->AddCircleFilled(c, r, fill);
      dl->AddCircle(c, r, edge, 0, w);
      break;
    case Symbol::Square:
      dl->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), fill);
      dl->AddRect(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), edge, 0, 0, w);
      break;
    case Symbol::Triangle: {
      const ImVec2 a(c.x, c.y - r), b(c.x + r * 0.87f, c.y + r * 0.5f), d(c.x - r * 0.87f, c.y + r * 0.5f);
      dl->AddTriangleFilled(a, b, d, fill);
      dl->AddTriangle(a, b, d, edge, w);
      break;
    }
    case Symbol::Diamond: {
      const ImVec2 q[4] = {{c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}};
      dl->AddConvexPolyFilled(q, 4, fill);
      dl->AddPolyline(q, 4, edge, ImDrawFlags_Closed, w);
      break;
    }
    case Symbol::Star: {
      ImVec2 q[10];
      for (int i = 0; i < 10; ++i) {
        const float a = static_cast<float>(-std::numbers::pi / 2 + i * std::numbers::pi / 5);
        const float rr = i % 2 == 0 ? r : r * 0.45f;
        q[i] = ImVec2(c.x + rr * std::cos(a), c.y + rr * std::sin(a));
      }
      for (int i = 0; i < 10; i += 2)
        dl->AddTriangleFilled(c, q[i], q[(i + 9) % 10], fill), dl->AddTriangleFilled(c, q[i], q[i + 1], fill);
      dl->AddPolyline(q, 10, edge, ImDrawFlags_Closed, 1.0f);
      break;
    }
    case Symbol::Cross:
      dl->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), edge, w + 1);
      dl->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), edge, w + 1);
      break;
  }
}

void swatch(const LegendEntry& e) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight(), wd = 30;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Style& s = e.style;
  const ImVec2 mid(p.x + wd / 2, p.y + h / 2);
  switch (e.shape) {
    case LegendEntry::Shape::Point:
      symbol(dl, mid, std::clamp(s.symbolSize / 2, 3.0f, h / 2), s);
      break;
    case LegendEntry::Shape::Line: {
      const ImU32 c = ink(s.stroke, s.opacity, 80);
      const float w = std::clamp(s.strokeWidth, 1.0f, 5.0f);
      if (s.dashed)
        for (float x = p.x + 1; x < p.x + wd - 1; x += 8)
          dl->AddLine(ImVec2(x, mid.y), ImVec2(std::min(x + 5, p.x + wd - 1), mid.y), c, w);
      else
        dl->AddLine(ImVec2(p.x + 1, mid.y), ImVec2(p.x + wd - 1, mid.y), c, w);
      break;
    }
    case LegendEntry::Shape::Area: {
      const ImVec2 a(p.x + 2, p.y + 2), b(p.x + wd - 2, p.y + h - 1);
      if (s.filled) dl->AddRectFilled(a, b, ink(s.fill, s.opacity, 30));
      if (s.strokeWidth > 0) {
        const ImU32 c = ink(s.stroke, s.opacity, 80);
        if (s.dashed) {
          for (float x = a.x; x < b.x; x += 6) {
            dl->AddLine(ImVec2(x, a.y), ImVec2(std::min(x + 3, b.x), a.y), c);
            dl->AddLine(ImVec2(x, b.y), ImVec2(std::min(x + 3, b.x), b.y), c);
          }
        } else {
          dl->AddRect(a, b, c, 0, 0, std::clamp(s.strokeWidth, 1.0f, 3.0f));
        }
      }
      break;
    }
    case LegendEntry::Shape::Image:
      for (int i = 0; i < 4; ++i) {
        const int v = 90 + 40 * i;
        dl->AddRectFilled(ImVec2(p.x + 2 + i * 6.5f, p.y + 2), ImVec2(p.x + 8.5f + i * 6.5f, p.y + h - 1),
                          IM_COL32(v, v, v, 255));
      }
      break;
  }
  ImGui::Dummy(ImVec2(wd, h));
}

}  // namespace

bool drawLegendPanel(LegendModel& m, bool& militarySymbols, float w, float top) {
  ImGui::SetNextWindowPos(ImVec2(w - 330, top), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(320, 260), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowCollapsed(false, ImGuiCond_FirstUseEver);
  ImGui::Begin("Legend");
  const bool flipped = ImGui::Checkbox("APP-6 symbols for sites", &militarySymbols);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "APP-6 / MIL-STD-2525C: neutral frames (no friend or hostile call), filled with the operator's "
        "colour; off: the plain symbols");
  if (m.entries.empty()) ImGui::TextDisabled("nothing drawn: every layer is off or filtered out");
  std::string group;
  for (size_t i = 0; i < m.entries.size(); ++i) {
    const LegendEntry& e = m.entries[i];
    if (e.group != group) {
      group = e.group;
      ImGui::TextDisabled("%s", group.c_str());
    }
    ImGui::PushID(static_cast<int>(i));
    swatch(e);
    ImGui::SameLine();
    const std::string text = e.text();
    if (e.shape == LegendEntry::Shape::Image)
      ImGui::TextUnformatted(text.c_str());
    else
      ImGui::Text("%s (%zu)", text.c_str(), e.count);
    ImGui::PopID();
  }
  ImGui::End();
  return flipped;
}

}  // namespace pamir::ui
