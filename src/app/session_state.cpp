#include "app/session_state.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <system_error>

#include "app/regular_file.hpp"
#include "core/atomic_file.hpp"
#include "geo/projection.hpp"

namespace pamir::app {

namespace {

using nlohmann::json;

// What is wrong with a session member, by where it is ("layers[2].fill: ...").
struct BadSession : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A float as the shortest decimal that reads back as it: 0.6, not 0.6000000238418579.
json shortest(float v) {
  char buf[32];
  const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  double d = v;
  std::from_chars(buf, end, d);  // locale-free, unlike strtod
  return json(d);
}

json colour(const std::optional<Color>& c) { return c ? json(formatColor(*c)) : json(nullptr); }

json stateJson(const SessionState& s) {
  json j = json::object();
  j["version"] = kSessionVersion;
  if (s.view) {
    const SessionView& v = *s.view;
    j["view"] = {{"crs", v.crs},
                 {"centre", {v.centre.x, v.centre.y}},
                 {"resolution", {v.resX, v.resY}},
                 {"size", {v.width, v.height}},
                 {"pixel_ratio", v.pixelRatio}};
  }
  j["builtin"] = s.builtin;
  j["sources"] = s.sources;
  json layers = json::array();
  for (const LayerSetting& l : s.layers) {
    json o = {{"id", l.id},
              {"source", l.source},
              {"raster", l.raster},
              {"visible", l.visible},
              {"opacity", shortest(l.opacity)}};
    if (l.fill) o["fill"] = colour(l.fill);
    if (l.stroke) o["stroke"] = colour(l.stroke);
    if (l.strokeWidth) o["stroke_width"] = shortest(*l.strokeWidth);
    layers.push_back(std::move(o));
  }
  j["layers"] = std::move(layers);
  j["filter"] = {{"years", s.years ? json{s.years->from, s.years->to} : json(nullptr)}, {"countries", s.countries}};
  j["selected"] = s.selected ? json{{"layer", s.selected->layer}, {"fid", s.selected->fid}} : json(nullptr);
  j["panels"] = {{"help", s.panels.help},           {"search", s.panels.search},
                 {"graticule", s.panels.graticule}, {"mgrs", s.panels.mgrs},
                 {"legend", s.panels.legend},       {"military_symbols", s.panels.militarySymbols},
                 {"layout", s.panels.layout}};
  return j;
}

// Typed reads that say where a value is wrong.
const json& member(const json& o, const char* key, const std::string& where) {
  if (!o.is_object()) throw BadSession(where + ": not an object");
  auto it = o.find(key);
  if (it == o.end()) throw BadSession(where + "." + key + ": missing");
  return *it;
}
bool boolean(const json& v, const std::string& where) {
  if (!v.is_boolean()) throw BadSession(where + ": not true or false");
  return v.get<bool>();
}
double number(const json& v, const std::string& where) {
  if (!v.is_number() || !std::isfinite(v.get<double>())) throw BadSession(where + ": not a number");
  return v.get<double>();
}
int64_t integer(const json& v, const std::string& where) {
  if (!v.is_number_integer()) throw BadSession(where + ": not an integer");
  return v.get<int64_t>();
}
std::string text(const json& v, const std::string& where) {
  if (!v.is_string()) throw BadSession(where + ": not text");
  return v.get<std::string>();
}
std::vector<std::string> texts(const json& v, const std::string& where) {
  if (!v.is_array()) throw BadSession(where + ": not a list");
  std::vector<std::string> out;
  for (size_t i = 0; i < v.size(); ++i) out.push_back(text(v[i], where + "[" + std::to_string(i) + "]"));
  return out;
}
std::pair<double, double> pair(const json& v, const std::string& where) {
  if (!v.is_array() || v.size() != 2) throw BadSession(where + ": not a pair of numbers");
  return {number(v[0], where), number(v[1], where)};
}
std::optional<Color> optionalColour(const json& o, const char* key, const std::string& where) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return std::nullopt;
  auto c = parseColor(text(*it, where + "." + key));
  if (!c) throw BadSession(where + "." + key + ": not a colour #rrggbb or #rrggbbaa");
  return c;
}

SessionView viewFrom(const json& v) {
  SessionView out;
  out.crs = text(member(v, "crs", "view"), "view.crs");
  std::tie(out.centre.x, out.centre.y) = pair(member(v, "centre", "view"), "view.centre");
  std::tie(out.resX, out.resY) = pair(member(v, "resolution", "view"), "view.resolution");
  if (!(out.resX > 0) || !(out.resY > 0)) throw BadSession("view.resolution: not above 0");
  const json& size = member(v, "size", "view");
  if (!size.is_array() || size.size() != 2) throw BadSession("view.size: not [width, height]");
  const int64_t w = integer(size[0], "view.size"), h = integer(size[1], "view.size");
  if (w < 1 || h < 1 || w > 32768 || h > 32768) throw BadSession("view.size: not within 1..32768 pixels");
  out.width = static_cast<int>(w);
  out.height = static_cast<int>(h);
  out.pixelRatio = number(member(v, "pixel_ratio", "view"), "view.pixel_ratio");
  if (!(out.pixelRatio > 0) || out.pixelRatio > 16) throw BadSession("view.pixel_ratio: not within (0, 16]");
  return out;
}

LayerSetting layerFrom(const json& o, const std::string& where) {
  LayerSetting l;
  l.id = text(member(o, "id", where), where + ".id");
  l.source = text(member(o, "source", where), where + ".source");
  l.raster = boolean(member(o, "raster", where), where + ".raster");
  l.visible = boolean(member(o, "visible", where), where + ".visible");
  const double opacity = number(member(o, "opacity", where), where + ".opacity");
  if (opacity < 0 || opacity > 1) throw BadSession(where + ".opacity: not within 0..1");
  l.opacity = static_cast<float>(opacity);
  l.fill = optionalColour(o, "fill", where);
  l.stroke = optionalColour(o, "stroke", where);
  if (auto it = o.find("stroke_width"); it != o.end() && !it->is_null()) {
    const double w = number(*it, where + ".stroke_width");
    if (w < 0 || w > 100) throw BadSession(where + ".stroke_width: not within 0..100 px");
    l.strokeWidth = static_cast<float>(w);
  }
  return l;
}

// Every member of version 2 but the measurements.
void readState(const json& j, SessionState& s) {
  if (j.contains("view")) s.view = viewFrom(j["view"]);
  s.builtin = boolean(member(j, "builtin", "pamir_session"), "builtin");
  s.sources = texts(member(j, "sources", "pamir_session"), "sources");
  const json& layers = member(j, "layers", "pamir_session");
  if (!layers.is_array()) throw BadSession("layers: not a list");
  for (size_t i = 0; i < layers.size(); ++i)
    s.layers.push_back(layerFrom(layers[i], "layers[" + std::to_string(i) + "]"));
  const json& filter = member(j, "filter", "pamir_session");
  if (const json& y = member(filter, "years", "filter"); !y.is_null()) {
    if (!y.is_array() || y.size() != 2) throw BadSession("filter.years: not [from, to] or null");
    const int64_t from = integer(y[0], "filter.years"), to = integer(y[1], "filter.years");
    if (from > to || from < -100000 || to > 100000) throw BadSession("filter.years: not a span of years");
    s.years = YearSpan{static_cast<int>(from), static_cast<int>(to)};
  }
  s.countries = texts(member(filter, "countries", "filter"), "filter.countries");
  if (const json& sel = member(j, "selected", "pamir_session"); !sel.is_null())
    s.selected = SelectedFeature{text(member(sel, "layer", "selected"), "selected.layer"),
                                 integer(member(sel, "fid", "selected"), "selected.fid")};
  const json& p = member(j, "panels", "pamir_session");
  s.panels.help = boolean(member(p, "help", "panels"), "panels.help");
  s.panels.search = boolean(member(p, "search", "panels"), "panels.search");
  s.panels.graticule = boolean(member(p, "graticule", "panels"), "panels.graticule");
  s.panels.mgrs = boolean(member(p, "mgrs", "panels"), "panels.mgrs");
  s.panels.legend = boolean(member(p, "legend", "panels"), "panels.legend");
  // Sessions saved before the symbols were drawn have no switch: drawn, as a new window draws them.
  if (p.contains("military_symbols"))
    s.panels.militarySymbols = boolean(member(p, "military_symbols", "panels"), "panels.military_symbols");
  s.panels.layout = text(member(p, "layout", "panels"), "panels.layout");
}

// The session member, when it opens the file as this build writes it: read
// alone, without going through the measurements' text after it (most of a
// big file). nullopt otherwise, and for anything but a whole JSON value
// there: the caller then reads the file whole and says what is wrong.
std::optional<json> leadingMember(const std::string& text) {
  constexpr std::string_view kKey = "\"pamir_session\"";
  size_t i = text.find_first_not_of(" \t\r\n");
  if (i == std::string::npos || text[i] != '{') return std::nullopt;
  i = text.find_first_not_of(" \t\r\n", i + 1);
  if (i == std::string::npos || text.compare(i, kKey.size(), kKey) != 0) return std::nullopt;
  i = text.find_first_not_of(" \t\r\n", i + kKey.size());
  if (i == std::string::npos || text[i] != ':') return std::nullopt;
  json member;
  nlohmann::detail::json_sax_dom_parser<json> dom(member, false);
  // Not strict: the value ends where it ends, whatever follows it.
  if (!json::sax_parse(text.begin() + static_cast<std::ptrdiff_t>(i) + 1, text.end(), &dom, json::input_format_t::json,
                       false))
    return std::nullopt;
  return member;
}

}  // namespace

std::string sessionMemberJson(const SessionState& state) {
  std::string member = stateJson(state).dump(1, ' ', false, json::error_handler_t::replace);
  for (size_t i = member.find('\n'); i != std::string::npos; i = member.find('\n', i + 1)) member.insert(i + 1, " ");
  return member;
}

std::string sessionJson(const std::string& member, std::string_view measurements) {
  // First in the file, so that a reader sees the version before anything else.
  const size_t open = measurements.find('{') + 1;
  std::string text;
  text.reserve(measurements.size() + member.size() + 32);
  text.append(measurements.substr(0, open)).append("\n \"pamir_session\": ").append(member).append(",");
  text.append(measurements.substr(open));
  return text;
}

std::string sessionJson(const SessionState& state) {
  return sessionJson(sessionMemberJson(state), measurementsGeoJson(state.measurements));
}

SessionRead parseSession(const std::string& text, const std::string& path) {
  SessionRead r;
  // Left empty by `: > file` (or by a writer of old that died): nothing saved yet, not a broken file.
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return r;
  auto fail = [&](SessionRead::Status status, const std::string& problem) {
    r.status = status;
    r.problem = problem;
    return r;
  };
  auto corrupt = [&](const std::string& why) {
    return fail(SessionRead::Status::Corrupt, path + ": not a Pamir session (" + why + ")");
  };
  // The measurements' coordinates, a million of them in a big file, are
  // not built into a tree here: their own reader streams through them.
  json top;
  json::const_iterator member;
  if (std::optional<json> first = leadingMember(text)) {
    top = json::object({{"pamir_session", std::move(*first)}});
    member = top.find("pamir_session");
  } else {
    try {
      top = json::parse(text, [](int depth, json::parse_event_t event, json& parsed) {
        return !(depth == 1 && event == json::parse_event_t::key && parsed == "features");
      });
    } catch (const json::exception& e) {
      return corrupt(e.what());
    }
    if (!top.is_object()) return corrupt("not a JSON object");
    member = top.find("pamir_session");
  }
  if (member == top.end()) {
    // An earlier release's file: the measurements alone.
    if (top.value("type", json()) != "FeatureCollection") return corrupt("neither a session nor a measurements file");
    r.state.version = 1;
  } else {
    const json* version = member->is_object() && member->contains("version") ? &member->at("version") : nullptr;
    if (!version) return corrupt("pamir_session.version: missing");
    if (!version->is_number_integer() || version->get<int64_t>() < 2)
      return fail(SessionRead::Status::Newer, path + ": unknown session version " + version->dump());
    if (version->get<int64_t>() > kSessionVersion)
      return fail(SessionRead::Status::Newer, path + ": session version " + version->dump() +
                                                  " is newer than this Pamir reads (up to " +
                                                  std::to_string(kSessionVersion) + ")");
    r.state.version = static_cast<int>(version->get<int64_t>());
    try {
      readState(*member, r.state);
    } catch (const BadSession& e) {
      return corrupt(e.what());
    }
  }
  auto projection = geo::Projection::create(r.state.view ? r.state.view->crs : "");
  if (!projection) return corrupt("view.crs: " + projection.error());
  std::string why;
  auto measurements = parseMeasurementsGeoJson(text, *projection, &why);
  if (!measurements) return corrupt("measurements: " + why);
  r.state.measurements = std::move(*measurements);
  r.status = SessionRead::Status::Loaded;
  return r;
}

SessionRead readSessionFile(const std::string& path) {
  std::string text, why;
  switch (readRegularFile(path, &text, &why)) {
    case FileRead::Missing:
      return {};
    case FileRead::Failed: {
      SessionRead r;
      r.status = SessionRead::Status::Unreadable;
      r.problem = path + ": " + why;
      return r;
    }
    case FileRead::Ok:
      break;
  }
  return parseSession(text, path);
}

bool writeSessionFile(const SessionState& state, const std::string& path, std::string* error) {
  return writeSessionText(sessionJson(state), path, error);
}

bool writeSessionText(const std::string& text, const std::string& path, std::string* error) {
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!folder.empty() && !std::filesystem::exists(folder, ec) && !std::filesystem::create_directories(folder, ec)) {
    if (error) *error = "cannot create " + folder.string() + ": " + ec.message();
    return false;
  }
  return writeFileAtomically(path, text, error);
}

}  // namespace pamir::app
