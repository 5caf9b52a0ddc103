#include "ui/file_dialog.hpp"

#include <imgui.h>

#include <cstdio>
#include <cstring>

#include "ui/modal_dialog.hpp"

namespace pamir::ui {

namespace {

std::string sizeText(uintmax_t bytes) {
  char buf[32];
  if (bytes >= (uintmax_t{1} << 30))
    std::snprintf(buf, sizeof buf, "%.1f GB", static_cast<double>(bytes) / (1 << 30));
  else if (bytes >= (uintmax_t{1} << 20))
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
  else if (bytes >= 1024)
    std::snprintf(buf, sizeof buf, "%.0f kB", static_cast<double>(bytes) / 1024.0);
  else
    std::snprintf(buf, sizeof buf, "%ju B", bytes);
  return buf;
}

std::string joinPath(const std::string& dir, const std::string& name) {
  if (dir.empty()) return name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

// Tab: the typed path grows to what every completion starts with; with one
// completion, to all of it.
struct Completion {
  const FileDialogModel* model;
  bool used = false;
};

int onTab(ImGuiInputTextCallbackData* data) {
  auto* c = static_cast<Completion*>(data->UserData);
  if (data->EventFlag != ImGuiInputTextFlags_CallbackCompletion || c->model->completions.empty()) return 0;
  const std::string grown = commonStart(c->model->completions);
  if (grown.size() <= static_cast<size_t>(data->BufTextLen)) return 0;
  data->DeleteChars(0, data->BufTextLen);
  data->InsertChars(0, grown.c_str());
  c->used = true;
  return 0;
}

}  // namespace

std::string commonStart(const std::vector<std::string>& paths) {
  if (paths.empty()) return "";
  std::string start = paths.front();
  for (const auto& p : paths) {
    size_t n = 0;
    while (n < start.size() && n < p.size() && start[n] == p[n]) ++n;
    start.resize(n);
  }
  return start;
}

FileDialogActions drawFileDialog(FileDialogModel& m) {
  FileDialogActions a;
  // Closed by the window too when the desktop's chooser answers.
  bool keepOpen = true;
  if (!beginModalDialog("##file dialog", m.open, ImVec2(640, 460), 0.5f, 0, &keepOpen)) return a;
  ImGui::TextUnformatted(m.title.c_str());
  ImGui::Separator();
  // The path: typed, pasted (a GDAL connection string too), completed with Tab.
  char buf[2048];
  std::snprintf(buf, sizeof buf, "%s", m.path.c_str());
  Completion completion{&m};
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-90);
  const bool enter = ImGui::InputTextWithHint(
      "##path", m.save ? "file to write" : "file, folder or GDAL source (PG:..., /vsizip/...); Tab completes", buf,
      sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackCompletion, onTab, &completion);
  if (completion.used || m.path != buf) {
    m.path = buf;
    a.edited = true;
  }
  if (completion.used) ImGui::SetKeyboardFocusHere(-1);  // keep typing after Tab
  ImGui::SameLine();
  if ((ImGui::Button(m.confirm.c_str(), ImVec2(-1, 0)) || enter) && !m.path.empty()) a.chosen = m.path;
  // What the typed path can become, when there is a choice.
  if (m.completions.size() > 1) {
    ImGui::TextDisabled("%zu matches:", m.completions.size());
    size_t shown = 0;
    for (const auto& c : m.completions) {
      if (shown++ == 6) {
        ImGui::SameLine();
        ImGui::TextDisabled("...");
        break;
      }
      ImGui::SameLine();
      const size_t slash = c.find_last_of('/', c.size() > 1 ? c.size() - 2 : 0);
      if (ImGui::SmallButton(slash == std::string::npos ? c.c_str() : c.c_str() + slash + 1)) {
        m.path = c;
        a.edited = true;
      }
    }
  }
  // The folder's contents: folders open, files fill the path (a double
  // click, or a click on an Open dialog's file, chooses it).
  ImGui::TextDisabled("%s", m.directory.c_str());
  ImGui::SameLine();
  if (ImGui::SmallButton("up")) {
    const size_t slash = m.directory.find_last_of('/', m.directory.size() > 1 ? m.directory.size() - 2 : 0);
    a.browse = slash == 0 || slash == std::string::npos ? "/" : m.directory.substr(0, slash);
  }
  const float recentWidth = m.recent.empty() ? 0.0f : 220.0f;
  ImGui::BeginChild("##entries", ImVec2(-recentWidth - (recentWidth > 0 ? 8 : 0), -ImGui::GetFrameHeightWithSpacing()),
                    true);
  if (!m.problem.empty()) ImGui::TextColored(ImVec4(0.6f, 0.1f, 0.1f, 1), "%s", m.problem.c_str());
  for (const auto& e : m.entries) {
    const std::string full = joinPath(m.directory, e.name);
    char label[600];
    std::snprintf(label, sizeof label, "%s%s", e.name.c_str(), e.directory ? "/" : "");
    if (ImGui::Selectable(label, m.path == full, ImGuiSelectableFlags_AllowDoubleClick)) {
      if (e.directory) {
        a.browse = full;
      } else {
        m.path = full;
        a.edited = true;
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) a.chosen = full;
      }
    }
    if (!e.directory) {
      ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 70);
      ImGui::TextDisabled("%s", sizeText(e.bytes).c_str());
    }
  }
  ImGui::EndChild();
  if (!m.recent.empty()) {
    ImGui::SameLine();
    ImGui::BeginChild("##recent", ImVec2(recentWidth, -ImGui::GetFrameHeightWithSpacing()), true);
    ImGui::TextDisabled("Recent");
    for (size_t i = 0; i < m.recent.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      const std::string& r = m.recent[i];
      const size_t slash = r.find_last_of('/');
      if (ImGui::Selectable(slash == std::string::npos ? r.c_str() : r.c_str() + slash + 1, false,
                            ImGuiSelectableFlags_AllowDoubleClick)) {
        m.path = r;
        a.edited = true;
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) a.chosen = r;
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.c_str());
      ImGui::PopID();
    }
    ImGui::EndChild();
  }
  if (!m.nativeChooser.empty()) {
    ImGui::BeginDisabled(m.nativeRunning);
    if (ImGui::Button(m.nativeRunning ? "waiting for the desktop's chooser..." : "Desktop chooser...")) a.native = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
  }
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) a.cancelled = true;
  if (!keepOpen) a.cancelled = true;
  if (a.chosen || a.cancelled) {
    ImGui::CloseCurrentPopup();
    m.open = false;
  }
  ImGui::EndPopup();
  return a;
}

}  // namespace pamir::ui
