#include "app/layer_list.hpp"

#include <algorithm>
#include <set>
#include <system_error>
#include <utility>

namespace pamir::app {

std::optional<std::filesystem::file_time_type> sourceWritten(const std::string& source) {
  std::error_code ec;
  const std::filesystem::path p(source);
  if (!std::filesystem::is_regular_file(p, ec)) return std::nullopt;
  auto t = std::filesystem::last_write_time(p, ec);
  if (ec) return std::nullopt;
  auto wal = std::filesystem::last_write_time(source + "-wal", ec);
  if (!ec && wal > t) t = wal;
  return t;
}

void LayerList::rebuild(const MapSession& session, std::vector<ui::LayerItem>& rows) {
  std::map<std::string, bool> shown;
  for (const auto& r : rows) shown[r.group + "\n" + r.title] = r.visible;
  std::map<std::string, std::string> groupTitle;
  for (const auto& g : session.catalog().groups) groupTitle[g.id] = g.title;
  auto title = [&](const std::string& id) {
    auto it = groupTitle.find(id);
    return it != groupTitle.end() ? it->second : id;
  };
  rows.clear();
  refs_.clear();
  for (const RasterLayer* r : session.drawRasters()) {
    ui::LayerItem item;
    item.title = r->name;
    item.group = title(r->group);
    item.visible = r->visible;
    item.swatch = Color{128, 128, 128, 255};
    item.raster = true;
    item.needsOverviews = r->tiles && r->overviewCount == 0;
    item.builtin = r->builtin;
    item.source = r->source;
    rows.push_back(std::move(item));
    refs_.push_back({nullptr, r});
  }
  for (const Layer* l : session.drawLayers()) {
    ui::LayerItem item;
    item.title = l->name;
    item.group = title(l->group);
    item.visible = l->visible;
    item.swatch = l->style.filled ? l->style.fill : l->style.stroke;
    item.featureCount = l->features.size();
    item.derived = session.isDerived(*l);
    item.builtin = l->builtin;
    item.source = l->source;
    for (const auto& f : l->fields) item.fields.push_back(f.name);
    item.yearFields = l->yearFields;
    item.countryFields = l->countryFields;
    rows.push_back(std::move(item));
    refs_.push_back({l, nullptr});
  }
  std::set<std::string> present;
  for (auto& item : rows) {
    auto it = shown.find(item.group + "\n" + item.title);
    if (it != shown.end()) item.visible = it->second;
    const std::string k = key(item);
    present.insert(k);
    if (!readAt_.count(k)) readAt_[k] = sourceWritten(item.source);
  }
  std::erase_if(readAt_, [&](const auto& kv) { return !present.count(kv.first); });
  // Marked now, said by the next check.
  std::vector<std::string> changed = checkSources(rows);
  unsaid_.insert(unsaid_.end(), changed.begin(), changed.end());
}

std::vector<std::string> LayerList::checkSources(std::vector<ui::LayerItem>& rows) {
  std::vector<std::string> changed = std::exchange(unsaid_, {});
  std::map<std::string, std::optional<std::filesystem::file_time_type>> now;  // one stat per source
  for (auto& item : rows) {
    if (item.derived || item.source.empty()) continue;
    auto it = readAt_.find(key(item));
    if (it == readAt_.end() || !it->second) continue;
    if (!now.count(item.source)) now[item.source] = sourceWritten(item.source);
    const auto& written = now[item.source];
    const bool differs = written && *written != *it->second;
    if (differs && !item.changedOnDisk && std::find(changed.begin(), changed.end(), item.source) == changed.end())
      changed.push_back(item.source);
    item.changedOnDisk = differs;
  }
  return changed;
}

void LayerList::forget(const ui::LayerItem& row) { readAt_.erase(key(row)); }

std::string filterFieldsText(const std::vector<ui::LayerItem>& rows, const std::string& title) {
  for (const auto& l : rows) {
    if (l.title != title || l.derived) continue;
    std::string year = l.yearFields.empty() ? "none" : l.yearFields.front();
    if (l.yearFields.size() > 1 && l.yearFields[1] != l.yearFields[0]) year += " to " + l.yearFields[1];
    std::string country;
    for (const auto& f : l.countryFields) country += (country.empty() ? "" : ", ") + f;
    return "year: " + year + "; country: " + (country.empty() ? "none" : country);
  }
  return "";
}

}  // namespace pamir::app
