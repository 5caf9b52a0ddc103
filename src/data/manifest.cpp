#include "data/manifest.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace pamir::data {

namespace {

using nlohmann::json;

// Applies the style keys present in `j` on top of `style`; reports bad values.
void applyStyle(const json& j, Style& style, const std::string& where, Diagnostics& diag, const std::string& file) {
  if (!j.is_object()) {
    diag.error(file, where, -1, "style is not an object");
    return;
  }
  auto colour = [&](const char* key, Color& target) {
    if (!j.contains(key)) return;
    if (!j[key].is_string()) {
      diag.error(file, where, -1, std::string("style '") + key + "' must be a \"#rrggbb\" string");
      return;
    }
    if (auto c = parseColor(j[key].get<std::string>()))
      target = *c;
    else
      diag.error(file, where, -1, std::string("style '") + key + "': bad colour '" + j[key].get<std::string>() + "'");
  };
  auto number = [&](const char* key, float& target) {
    if (!j.contains(key)) return;
    if (j[key].is_number())
      target = j[key].get<float>();
    else
      diag.error(file, where, -1, std::string("style '") + key + "' must be a number");
  };
  colour("fill", style.fill);
  colour("stroke", style.stroke);
  number("width", style.strokeWidth);
  number("size", style.symbolSize);
  number("opacity", style.opacity);
  number("label_max_m_per_px", style.labelMaxMetresPerPixel);
  if (j.contains("label_priority")) {
    if (j["label_priority"].is_number_integer())
      style.labelPriority = j["label_priority"].get<int>();
    else
      diag.error(file, where, -1, "style 'label_priority' must be a whole number");
  }
  if (j.contains("filled") && j["filled"].is_boolean()) style.filled = j["filled"].get<bool>();
  if (j.contains("dashed") && j["dashed"].is_boolean()) style.dashed = j["dashed"].get<bool>();
  if (j.contains("label") && j["label"].is_string()) style.labelField = j["label"].get<std::string>();
  if (j.contains("symbol")) {
    auto s = j["symbol"].is_string() ? parseSymbol(j["symbol"].get<std::string>()) : std::nullopt;
    if (s)
      style.symbol = *s;
    else
      diag.error(file, where, -1, "style 'symbol': unknown symbol " + j["symbol"].dump());
  }
}

std::vector<std::string> stringList(const json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key) && j[key].is_array())
    for (const auto& v : j[key])
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

std::string stringOr(const json& j, const char* key, const std::string& fallback = {}) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : fallback;
}

}  // namespace

std::optional<Manifest> readManifest(const std::string& path, Diagnostics& diag) {
  std::ifstream in(path);
  if (!in) {
    diag.error(path, "", -1,
               path == defaultManifestPath()
                   ? "cannot open the built-in dataset's manifest (set PAMIR_DATA_DIR to the folder holding geodata/)"
                   : "cannot open the dataset manifest");
    return std::nullopt;
  }
  json j;
  try {
    j = json::parse(in);
  } catch (const json::exception& e) {
    // nlohmann's text starts with its own tag ("[json.exception.parse_error.101] "): not the user's business.
    std::string why = e.what();
    if (const size_t tag = why.find("] "); why.rfind("[json.exception.", 0) == 0 && tag != std::string::npos)
      why.erase(0, tag + 2);
    diag.error(path, "", -1, "manifest is not valid JSON: " + why);
    return std::nullopt;
  }
  if (!j.is_object() || !j.contains("layers") || !j["layers"].is_array()) {
    diag.error(path, "", -1, "manifest has no \"layers\" list");
    return std::nullopt;
  }
  Manifest m;
  m.path = path;
  m.title = stringOr(j, "title", "Pamir dataset");
  if (j.contains("default_view") && j["default_view"].is_object()) {
    const json& v = j["default_view"];
    m.defaultCrs = stringOr(v, "crs");
    if (v.contains("bbox") && v["bbox"].is_array() && v["bbox"].size() == 4) {
      Bounds b;
      b.add(v["bbox"][0].get<double>(), v["bbox"][1].get<double>());
      b.add(v["bbox"][2].get<double>(), v["bbox"][3].get<double>());
      m.defaultBbox = b;
    }
  }
  if (j.contains("groups") && j["groups"].is_array())
    for (const auto& g : j["groups"]) m.groups.push_back({stringOr(g, "id"), stringOr(g, "title", stringOr(g, "id"))});

  for (const auto& lj : j["layers"]) {
    LayerEntry e;
    e.id = stringOr(lj, "id");
    e.title = stringOr(lj, "title", e.id);
    e.group = stringOr(lj, "group");
    e.type = stringOr(lj, "type", "vector");
    e.source = stringOr(lj, "source");
    e.layer = stringOr(lj, "layer");
    if (e.id.empty() || e.source.empty()) {
      diag.error(path, e.id, -1, "layer entry needs \"id\" and \"source\"; skipped");
      continue;
    }
    if (lj.contains("visible") && lj["visible"].is_boolean()) e.visible = lj["visible"].get<bool>();
    if (lj.contains("style")) applyStyle(lj["style"], e.style, e.id, diag, path);
    if (lj.contains("style_by") && lj["style_by"].is_array()) {
      for (const auto& rj : lj["style_by"]) {
        StyleRule rule;
        rule.field = stringOr(rj, "field");
        rule.value =
            rj.contains("value") ? (rj["value"].is_string() ? rj["value"].get<std::string>() : rj["value"].dump()) : "";
        rule.style = e.style;
        if (rj.contains("style")) applyStyle(rj["style"], rule.style, e.id, diag, path);
        e.rules.push_back(std::move(rule));
      }
    }
    e.attribution = stringOr(lj, "attribution");
    e.uncertaintyField = stringOr(lj, "uncertainty_field");
    if (lj.contains("uncertainty_shown") && lj["uncertainty_shown"].is_boolean())
      e.uncertaintyShown = lj["uncertainty_shown"].get<bool>();
    e.yearFields = stringList(lj, "year_fields");
    e.countryFields = stringList(lj, "country_fields");
    m.layers.push_back(std::move(e));
  }
  return m;
}

namespace {

// Where the running program is installed: the binary's own folder, found
// through /proc/self/exe so it holds from any working directory and after
// the whole prefix is moved. Empty if the kernel will not say.
std::filesystem::path executableDirectory() {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

}  // namespace

std::optional<std::string> dataDirectory() {
  if (const char* env = std::getenv("PAMIR_DATA_DIR"); env && *env) return std::string(env);
  // PREFIX/bin/pamir reads PREFIX/share/pamir; the build tree mirrors that
  // layout (build/bin, build/share/pamir), so one rule serves both.
  const std::filesystem::path exeDir = executableDirectory();
  if (exeDir.empty()) return std::nullopt;
  std::error_code ec;
  const std::filesystem::path share = exeDir.parent_path() / "share" / "pamir";
  if (std::filesystem::is_directory(share, ec)) return share.lexically_normal().string();
  return std::nullopt;
}

std::string defaultManifestPath() {
  if (const char* env = std::getenv("PAMIR_GEODATA"); env && *env) {
    std::filesystem::path p(env);
    return (std::filesystem::is_directory(p) ? p / "manifest.json" : p).string();
  }
  if (auto dir = dataDirectory()) return (std::filesystem::path(*dir) / "geodata" / "manifest.json").string();
  // Nothing found: name where an installed Pamir keeps it, so the error says where it looked.
  const std::filesystem::path exeDir = executableDirectory();
  return ((exeDir.empty() ? std::filesystem::path("share") : exeDir.parent_path() / "share") / "pamir" / "geodata" /
          "manifest.json")
      .lexically_normal()
      .string();
}

}  // namespace pamir::data
