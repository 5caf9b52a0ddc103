#include "app/cmd_measure.hpp"

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "app/commands.hpp"
#include "core/diagnostics.hpp"
#include "core/feature.hpp"
#include "data/manifest.hpp"
#include "data/source_loader.hpp"
#include "geo/coordinates.hpp"
#include "geo/geodesic.hpp"
#include "geo/nearest.hpp"
#include "geo/projection.hpp"
#include "geo/range_ring.hpp"
#include "geo/units.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace pamir::app {
namespace {

constexpr const char* kMethod = "geodesic (Karney) on WGS84 via PROJ";

constexpr const char* kMeasureHelp =
    "usage: pamir measure A B [--data SOURCE...] [--units km|nm|mi|m] [--json]\n"
    "\n"
    "Shortest distance on the WGS84 ellipsoid between A and B, with the two\n"
    "closest points, the azimuths, and how they relate (disjoint, touching,\n"
    "overlapping, contains, within). Polygons, lines and points are measured\n"
    "edge to edge along geodesics; the distance is 0 when they touch or overlap.\n"
    "Rhumb-line and planar (view CRS) distances are shown beside it.\n"
    "\n"
    "A and B may each be:\n"
    "  37.4,74.9                    decimal degrees, LAT,LON\n"
    "  \"37°24'N 74°54'E\"            DMS (also 37 24 00N 074 54 00E, N37 24.5 E74 54.0)\n"
    "  43SDA1234567890              MGRS, or UTM as \"43S 512345 4141234\"\n"
    "  Gilgit-Baltistan             a feature name (case, accents and punctuation ignored)\n"
    "  site.geojson                 a file holding exactly one feature\n"
    "  SOURCE#FID, SOURCE:LAYER#FID a feature by id (FID, the value of its id field, or its name);\n"
    "                               SOURCE may be a layer of the loaded data: bases#cn_outpost_shaymak,\n"
    "                               places#Gilgit\n"
    "\n"
    "options:\n"
    "  --data SOURCE...   look names up in these sources instead of the built-in dataset\n"
    "  --units U          km (default), nm (1852 m), mi (1609.344 m) or m\n"
    "  --json             one JSON object: distance_m, azimuth1_deg, azimuth2_deg, from, to,\n"
    "                     relation, method, ellipsoid, rhumb_m, planar_m, planar_crs, ...\n"
    "\n"
    "exit status: 0 measured, 1 data error, 2 usage error (bad coordinate, unknown or\n"
    "ambiguous name: the candidates are listed).\n";

constexpr const char* kRingHelp =
    "usage: pamir ring CENTER --radius R [-o FILE.geojson] [--data SOURCE...] [--min-vertices N]\n"
    "\n"
    "The geodesic circle of radius R around CENTER on the WGS84 ellipsoid, as a\n"
    "GeoJSON polygon (stdout without -o). Every vertex is computed with geod_direct\n"
    "at exactly R; at least 360 vertices, more for large radii, so it stays round\n"
    "in any projection. A ring across the antimeridian is cut into two polygons;\n"
    "one round a pole is closed along the pole.\n"
    "\n"
    "  CENTER   any operand 'pamir measure' accepts that is a point\n"
    "  R        a distance with its unit: 200km, 150nm, 10mi, 500m\n";

// An error with the exit status it maps to.
struct Failure : std::runtime_error {
  Failure(int code, const std::string& message) : std::runtime_error(message), code(code) {}
  int code;
};

// --- name folding ---------------------------------------------------------------

// Lower-case ASCII letters for U+00C0..U+00FF (' ' for × and ÷).
const char kLatin1[] = "aaaaaaaceeeeiiiidnooooo ouuuuytsaaaaaaaceeeeiiiidnooooo ouuuuyty";
// U+0100..U+017F (Latin Extended-A).
const char kLatinA[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssss"
    "ttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(sizeof(kLatin1) == 0x40 + 1 && sizeof(kLatinA) == 0x80 + 1, "one letter per code point");

}  // namespace

std::string foldName(const std::string& utf8) {
  std::string out;
  bool space = true;  // suppresses leading and repeated spaces
  auto put = [&](const char* s) {
    out += s;
    space = false;
  };
  auto gap = [&] {
    if (!space) out += ' ';
    space = true;
  };
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    uint32_t cp = c;
    size_t len = 1;
    if (c >= 0xF0 && i + 3 < utf8.size()) {
      cp = ((c & 0x07u) << 18) | ((utf8[i + 1] & 0x3Fu) << 12) | ((utf8[i + 2] & 0x3Fu) << 6) | (utf8[i + 3] & 0x3Fu);
      len = 4;
    } else if (c >= 0xE0 && i + 2 < utf8.size()) {
      cp = ((c & 0x0Fu) << 12) | ((utf8[i + 1] & 0x3Fu) << 6) | (utf8[i + 2] & 0x3Fu);
      len = 3;
    } else if (c >= 0xC0 && i + 1 < utf8.size()) {
      cp = ((c & 0x1Fu) << 6) | (utf8[i + 1] & 0x3Fu);
      len = 2;
    }
    i += len;
    if (cp < 0x80) {
      char a = static_cast<char>(cp);
      if (std::isalnum(static_cast<unsigned char>(a))) {
        char s[2] = {static_cast<char>(std::tolower(static_cast<unsigned char>(a))), 0};
        put(s);
      } else if (a == '\'' || a == '`') {
        // O'zbekiston, Xo'jand: the apostrophe is part of the letter
      } else {
        gap();
      }
    } else if (cp == 0xC6 || cp == 0xE6) {
      put("ae");
    } else if (cp == 0xDF) {
      put("ss");
    } else if (cp == 0x152 || cp == 0x153) {
      put("oe");
    } else if (cp == 0x132 || cp == 0x133) {
      put("ij");
    } else if (cp >= 0xC0 && cp <= 0xFF) {
      char s[2] = {kLatin1[cp - 0xC0], 0};
      if (s[0] == ' ')
        gap();
      else
        put(s);
    } else if (cp >= 0x100 && cp <= 0x17F) {
      char s[2] = {kLatinA[cp - 0x100], 0};
      put(s);
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BB || cp == 0x02BC || cp == 0x02B9) {
      // typographic apostrophes and the Uzbek/Turkmen okina
    } else if (cp >= 0x2000 && cp <= 0x206F) {
      gap();  // general punctuation: dashes, quotes, spaces
    } else {
      out.append(utf8, i - len, len);  // other scripts: kept as they are
      space = false;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

namespace {

// --- data -------------------------------------------------------------------------

// The first error among the diagnostics, to end a one-line message with.
std::string firstError(const Diagnostics& diag) {
  for (const auto& d : diag.all())
    if (d.severity == Severity::Error) return ": " + d.message;
  return "";
}

// The layers names are looked up in: the built-in dataset, or --data sources.
class DataSet {
 public:
  explicit DataSet(std::vector<std::string> sources) : sources_(std::move(sources)) {}

  const std::vector<Layer>& layers() {
    if (!loaded_) load();
    return layers_;
  }
  std::string description() const {
    if (sources_.empty()) return "the built-in dataset";
    std::string s;
    for (const auto& src : sources_) s += (s.empty() ? "" : ", ") + src;
    return s;
  }

 private:
  void load() {
    loaded_ = true;
    Diagnostics diag;
    if (sources_.empty()) {
      std::string path = data::defaultManifestPath();
      std::optional<data::Manifest> manifest = data::readManifest(path, diag);
      if (!manifest) throw Failure(kExitData, "cannot read the built-in dataset (" + path + ")" + firstError(diag));
      fs::path dir = fs::path(manifest->path).parent_path();
      // One open per source file, asking only for the layers the manifest names.
      std::vector<std::string> order;
      std::map<std::string, std::vector<const data::LayerEntry*>> bySource;
      for (const auto& e : manifest->layers) {
        if (e.type != "vector") continue;
        if (!bySource.count(e.source)) order.push_back(e.source);
        bySource[e.source].push_back(&e);
      }
      for (const auto& source : order) {
        data::LoadOptions options;
        bool all = false;
        for (const auto* e : bySource[source]) {
          if (e->layer.empty()) all = true;
          options.layers.push_back(e->layer);
        }
        if (all) options.layers.clear();
        data::LoadedSource loaded = data::loadSource((dir / source).string(), diag, options);
        for (const auto* e : bySource[source]) {
          for (auto& layer : loaded.layers) {
            if (!e->layer.empty() && layer.sourceLayer != e->layer) continue;
            Layer copy = layer;
            copy.id = e->id;
            copy.name = e->title;
            copy.uncertaintyField = e->uncertaintyField;
            layers_.push_back(std::move(copy));
            break;
          }
        }
      }
    } else {
      for (const auto& source : sources_) {
        Diagnostics own;
        data::LoadedSource loaded = data::loadSource(source, own);
        if (loaded.layers.empty() && own.errorCount() > 0)
          throw Failure(kExitData, "cannot load " + source + firstError(own));
        diag.append(own);
        for (auto& layer : loaded.layers) layers_.push_back(std::move(layer));
      }
    }
    if (layers_.empty())
      throw Failure(kExitData, "no vector layers could be loaded from " + description() + firstError(diag));
    // Errors about single features or layers: say so, but measure what loaded.
    for (const auto& d : diag.all())
      if (d.severity == Severity::Error) std::fprintf(stderr, "%s\n", d.line().c_str());
  }

  std::vector<std::string> sources_;
  bool loaded_ = false;
  std::vector<Layer> layers_;
};

// --- operands ------------------------------------------------------------------------

struct Operand {
  std::string input;
  std::string kind;   // coordinate | feature
  std::string label;  // for people
  std::string layer;  // feature's layer id
  int64_t fid = -1;
  Geometry geometry;
  std::optional<double> uncertainty_km;
};

const char* const kNameFields[] = {"name", "name_en", "name_alt", "alt_name", "title", "label", "id"};

std::string featureName(const Layer& layer, const Feature& f) {
  for (const char* field : {"name", "name_en", "title", "label", "id"}) {
    std::string v = toString(layer.value(f, field));
    if (!v.empty()) return v;
  }
  return "";
}

Operand fromFeature(const std::string& input, const Layer& layer, const Feature& f) {
  Operand op;
  op.input = input;
  op.kind = "feature";
  op.layer = layer.id.empty() ? layer.name : layer.id;
  op.fid = f.fid;
  op.geometry = f.geometry;
  std::string name = featureName(layer, f);
  op.label = (name.empty() ? std::string("feature") : name) + " (" + op.layer + "#" + std::to_string(f.fid) + ")";
  if (!layer.uncertaintyField.empty()) {
    const FieldValue& v = layer.value(f, layer.uncertaintyField);
    if (auto d = std::get_if<double>(&v)) op.uncertainty_km = *d;
    if (auto i = std::get_if<int64_t>(&v)) op.uncertainty_km = static_cast<double>(*i);
  }
  if (op.geometry.empty())
    throw Failure(kExitData, "feature " + op.layer + "#" + std::to_string(f.fid) + " (" + name + ") has no geometry");
  return op;
}

std::string layerList(const std::vector<Layer>& layers) {
  std::string s;
  for (const auto& l : layers) s += (s.empty() ? "" : ", ") + (l.id.empty() ? l.name : l.id);
  return s;
}

bool keyMatches(const Layer& layer, const Feature& f, const std::string& key) {
  if (std::optional<double> n = geo::parseDecimal(key); n && *n == std::floor(*n) && key.find('.') == std::string::npos)
    if (static_cast<int64_t>(*n) == f.fid) return true;
  std::string id = toString(layer.value(f, "id"));
  return !id.empty() && id == key;
}

[[noreturn]] void ambiguous(const std::string& what, const std::string& where,
                            const std::vector<std::pair<const Layer*, const Feature*>>& hits) {
  std::string msg = "'" + what + "' is ambiguous in " + where + ": " + std::to_string(hits.size()) +
                    " features match; name one as LAYER#FID:";
  size_t shown = 0;
  for (const auto& [layer, f] : hits) {
    if (++shown > 25) {
      msg += "\n  ...";
      break;
    }
    std::string lid = layer->id.empty() ? layer->name : layer->id;
    msg += "\n  " + lid + "#" + std::to_string(f->fid) + "  " + featureName(*layer, *f);
  }
  throw Failure(kExitUsage, msg);
}

Operand byKey(const std::string& input, const std::vector<Layer>& layers, const std::string& key,
              const std::string& where) {
  std::vector<std::pair<const Layer*, const Feature*>> hits;
  for (const auto& layer : layers)
    for (const auto& f : layer.features)
      if (keyMatches(layer, f, key)) hits.push_back({&layer, &f});
  if (hits.empty()) {
    // LAYER#NAME: a name looked up within one layer.
    std::string want = foldName(key);
    for (const auto& layer : layers)
      for (const auto& f : layer.features)
        if (!want.empty() && foldName(featureName(layer, f)) == want) hits.push_back({&layer, &f});
  }
  if (hits.empty()) throw Failure(kExitUsage, "no feature with id or name '" + key + "' in " + where);
  if (hits.size() > 1) ambiguous(input, where, hits);
  return fromFeature(input, *hits[0].first, *hits[0].second);
}

std::vector<Layer> loadFile(const std::string& path) {
  Diagnostics diag;
  data::LoadedSource loaded = data::loadSource(path, diag);
  if (loaded.layers.empty()) throw Failure(kExitData, "cannot read features from " + path + firstError(diag));
  return std::move(loaded.layers);
}

Operand resolve(const std::string& input, DataSet& data) {
  if (input.empty()) throw Failure(kExitUsage, "an empty operand");

  // SOURCE#KEY, SOURCE:LAYER#KEY, LAYER#KEY
  if (size_t hash = input.rfind('#'); hash != std::string::npos && hash > 0) {
    std::string left = input.substr(0, hash), key = input.substr(hash + 1);
    if (key.empty()) throw Failure(kExitUsage, "'" + input + "': no feature id after '#'");
    std::error_code ec;
    if (fs::exists(left, ec)) return byKey(input, loadFile(left), key, left);
    if (size_t colon = left.rfind(':'); colon != std::string::npos && fs::exists(left.substr(0, colon), ec)) {
      std::string source = left.substr(0, colon), layerName = left.substr(colon + 1);
      std::vector<Layer> layers = loadFile(source);
      std::vector<Layer> chosen;
      for (auto& l : layers)
        if (l.sourceLayer == layerName || l.name == layerName) chosen.push_back(std::move(l));
      if (chosen.empty())
        throw Failure(kExitUsage, source + " has no layer '" + layerName + "' (layers: " + layerList(layers) + ")");
      return byKey(input, chosen, key, source + ":" + layerName);
    }
    std::vector<Layer> chosen;
    std::string want = foldName(left);
    for (const auto& l : data.layers())
      if (foldName(l.id) == want || foldName(l.name) == want || foldName(l.sourceLayer) == want) chosen.push_back(l);
    if (chosen.empty())
      throw Failure(kExitUsage, "no file or layer '" + left + "' (layers of " + data.description() + ": " +
                                    layerList(data.layers()) + ")");
    return byKey(input, chosen, key, "layer " + left);
  }

  // A file holding one feature.
  std::error_code ec;
  if (fs::is_regular_file(input, ec)) {
    std::vector<Layer> layers = loadFile(input);
    std::vector<std::pair<const Layer*, const Feature*>> all;
    for (const auto& l : layers)
      for (const auto& f : l.features) all.push_back({&l, &f});
    if (all.empty()) throw Failure(kExitData, input + " has no features");
    if (all.size() > 1)
      throw Failure(kExitUsage, input + " holds " + std::to_string(all.size()) +
                                    " features; name one as " + input + "#FID or " + input + ":LAYER#FID");
    Operand op = fromFeature(input, *all[0].first, *all[0].second);
    op.label = fs::path(input).filename().string() + ": " + op.label;
    return op;
  }

  // A coordinate.
  geo::ParsedCoordinate c = geo::parseCoordinate(input);
  if (c.ok()) {
    Operand op;
    op.input = input;
    op.kind = "coordinate";
    op.label = geo::formatDecimalDegrees(c.position);
    op.geometry.points.push_back(c.position);
    return op;
  }
  if (c.status == geo::ParsedCoordinate::Status::Invalid) throw Failure(kExitUsage, c.error);

  // A feature name.
  std::string want = foldName(input);
  if (want.empty()) throw Failure(kExitUsage, "'" + input + "' is neither a coordinate nor a name");
  std::vector<std::pair<const Layer*, const Feature*>> exact, partial;
  for (const auto& layer : data.layers()) {
    std::vector<int> fields;
    for (const char* name : kNameFields)
      if (int i = layer.fieldIndex(name); i >= 0) fields.push_back(i);
    if (fields.empty()) continue;
    for (const auto& f : layer.features) {
      bool isExact = false, isPartial = false;
      for (int i : fields) {
        if (i >= static_cast<int>(f.values.size())) continue;
        const auto* text = std::get_if<std::string>(&f.values[i]);
        if (!text || text->empty()) continue;
        // Alternative names come as "Wakhan; Vakhan".
        size_t start = 0;
        while (start <= text->size()) {
          size_t end = text->find_first_of(";|", start);
          if (end == std::string::npos) end = text->size();
          std::string folded = foldName(text->substr(start, end - start));
          if (folded == want) isExact = true;
          else if (!folded.empty() && (" " + folded + " ").find(" " + want + " ") != std::string::npos)
            isPartial = true;
          start = end + 1;
        }
      }
      if (isExact) exact.push_back({&layer, &f});
      else if (isPartial) partial.push_back({&layer, &f});
    }
  }
  const auto& hits = exact.empty() ? partial : exact;
  if (hits.empty())
    throw Failure(kExitUsage, "'" + input + "' is not a coordinate, a file, or the name of a feature in " +
                                  data.description());
  if (hits.size() > 1) ambiguous(input, data.description(), hits);
  return fromFeature(input, *hits[0].first, *hits[0].second);
}

// --- argument handling ------------------------------------------------------------------

struct Args {
  std::vector<std::string> operands;
  std::vector<std::string> data;
  std::map<std::string, std::string> options;
  std::set<std::string> flags;
};

// --data takes every following argument up to the next option; operands are
// the rest. As the number of operands is fixed, surplus --data values at the
// end are given back ("pamir measure --data x.gpkg A B").
Args parseArgs(const std::string& command, const std::vector<std::string>& args, size_t operandCount,
               const std::set<std::string>& valueOptions, const std::set<std::string>& flagOptions) {
  Args out;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") {
      out.operands.insert(out.operands.end(), args.begin() + static_cast<long>(i) + 1, args.end());
      break;
    }
    if (a == "--data" || a.rfind("--data=", 0) == 0) {
      if (a != "--data") out.data.push_back(a.substr(7));
      while (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0 &&
             !(args[i + 1].size() == 2 && args[i + 1][0] == '-' && std::isalpha(static_cast<unsigned char>(args[i + 1][1]))))
        out.data.push_back(args[++i]);
      if (out.data.empty()) throw Failure(kExitUsage, "--data needs at least one SOURCE");
      continue;
    }
    bool isOption = a.size() > 1 && a[0] == '-' && !std::isdigit(static_cast<unsigned char>(a[1])) && a[1] != '.';
    if (isOption) {
      std::string name = a, value;
      bool inlineValue = false;
      if (size_t eq = a.find('='); eq != std::string::npos) {
        name = a.substr(0, eq);
        value = a.substr(eq + 1);
        inlineValue = true;
      }
      if (flagOptions.count(name)) {
        if (inlineValue) throw Failure(kExitUsage, name + " takes no value");
        out.flags.insert(name);
        continue;
      }
      if (valueOptions.count(name)) {
        if (!inlineValue) {
          if (i + 1 >= args.size()) throw Failure(kExitUsage, name + " needs a value");
          value = args[++i];
        }
        out.options[name] = value;
        continue;
      }
      throw Failure(kExitUsage, "unknown option '" + a + "' (see 'pamir " + command + " --help')");
    }
    out.operands.push_back(a);
  }
  while (out.operands.size() < operandCount && out.data.size() > 1) {
    out.operands.insert(out.operands.begin(), out.data.back());
    out.data.pop_back();
  }
  return out;
}

geo::DistanceUnit unitOption(const Args& args) {
  auto it = args.options.find("--units");
  if (it == args.options.end()) return geo::DistanceUnit::Kilometre;
  std::optional<geo::DistanceUnit> u = geo::parseUnit(it->second);
  if (!u) throw Failure(kExitUsage, "--units wants km, nm, mi or m, not '" + it->second + "'");
  return *u;
}

double azimuth360(double az) { return az < 0 ? az + 360.0 : az; }

json position(const LonLat& p) { return json{{"lat", p.lat}, {"lon", p.lon}}; }

json operandJson(const Operand& op) {
  json j{{"input", op.input}, {"kind", op.kind}, {"label", op.label}};
  if (op.kind == "feature") {
    j["layer"] = op.layer;
    j["fid"] = op.fid;
  }
  if (op.uncertainty_km) j["uncertainty_km"] = *op.uncertainty_km;
  return j;
}

std::string pointLine(const LonLat& p) {
  std::string mgrs = geo::formatMgrs(p);
  return geo::formatDecimalDegrees(p) + "   " + geo::formatDms(p) + (mgrs.empty() ? "" : "   " + mgrs);
}

int measure(const std::vector<std::string>& argv) {
  Args args = parseArgs("measure", argv, 2, {"--units"}, {"--json", "--help", "-h"});
  if (args.flags.count("--help") || args.flags.count("-h")) {
    std::fputs(kMeasureHelp, stdout);
    return kExitOk;
  }
  if (args.operands.size() != 2)
    throw Failure(kExitUsage, "measure needs two operands, A and B (got " + std::to_string(args.operands.size()) +
                                  "; see 'pamir measure --help')");
  geo::DistanceUnit unit = unitOption(args);
  DataSet data(args.data);
  Operand a = resolve(args.operands[0], data);
  Operand b = resolve(args.operands[1], data);

  geo::NearestResult r = geo::nearest(a.geometry, b.geometry);
  if (!r.ok) {
    std::string which = r.error.rfind("geometry A", 0) == 0 ? a.label : b.label;
    throw Failure(kExitData, which + ": " + r.error);
  }
  double rhumb = r.distance_m > 0 ? geo::rhumbInverse(r.from, r.to).distance_m : 0.0;
  // The same two points measured flat in the default view CRS, and that CRS's scale error there.
  auto proj = geo::Projection::create(geo::kDefaultViewCrs);
  double planar = NAN, scale = NAN;
  std::string crsName;
  if (proj) {
    XY p = proj->forward(r.from), q = proj->forward(r.to);
    planar = std::hypot(q.x - p.x, q.y - p.y);
    scale = proj->scaleFactor(r.distance_m > 0 ? geo::interpolate(r.from, r.to, 0.5) : r.from);
    crsName = proj->name();
    if (crsName.empty() || crsName == "unknown")
      crsName = "Pamir's default view CRS (Lambert conformal conic, parallels 32N 44N, centre 70E 38N)";
  }

  if (args.flags.count("--json")) {
    json j;
    j["distance_m"] = r.distance_m;
    j["distance"] = r.distance_m / geo::metresPerUnit(unit);
    j["units"] = geo::unitSymbol(unit);
    j["azimuth1_deg"] = r.distance_m > 0 ? json(azimuth360(r.azimuth1_deg)) : json(nullptr);
    j["azimuth2_deg"] = r.distance_m > 0 ? json(azimuth360(r.azimuth2_deg)) : json(nullptr);
    j["from"] = position(r.from);
    j["to"] = position(r.to);
    j["relation"] = geo::relationName(r.relation);
    j["overlap_depth_m"] = r.overlapDepth_m;
    j["method"] = kMethod;
    j["ellipsoid"] = "WGS84";
    j["rhumb_m"] = rhumb;
    j["planar_m"] = std::isfinite(planar) ? json(planar) : json(nullptr);
    j["planar_crs"] = crsName;
    j["planar_crs_definition"] = proj ? proj->definition() : std::string();
    j["planar_scale_factor"] = std::isfinite(scale) ? json(scale) : json(nullptr);
    j["planar_scale_error_pct"] = std::isfinite(scale) ? json((scale - 1.0) * 100.0) : json(nullptr);
    j["a"] = operandJson(a);
    j["b"] = operandJson(b);
    std::printf("%s\n", j.dump(2).c_str());
    return kExitOk;
  }

  auto dist = [&](double m) { return geo::formatDistance(m, unit, unit == geo::DistanceUnit::Metre ? 1 : 3); };
  std::printf("A           %s\n", a.label.c_str());
  std::printf("B           %s\n", b.label.c_str());
  std::printf("distance    %s\n", dist(r.distance_m).c_str());
  if (r.distance_m > 0)
    std::printf("azimuth     %s° leaving A, %s° arriving at B\n", geo::formatFixed(azimuth360(r.azimuth1_deg), 2).c_str(),
                geo::formatFixed(azimuth360(r.azimuth2_deg), 2).c_str());
  else
    std::printf("azimuth     none (distance 0)\n");
  std::printf("from (A)    %s\n", pointLine(r.from).c_str());
  std::printf("to (B)      %s\n", pointLine(r.to).c_str());
  if (r.relation == geo::Relation::Overlapping && r.overlapDepth_m > 0)
    std::printf("relation    A overlapping B, by up to %s (a vertex of one lies that far inside the other)\n",
                dist(r.overlapDepth_m).c_str());
  else
    std::printf("relation    A %s B\n", geo::relationName(r.relation));
  if (r.distance_m > 0) {
    std::printf("rhumb line  %s (%s m longer than the geodesic)\n", dist(rhumb).c_str(),
                geo::formatFixed(rhumb - r.distance_m, 1).c_str());
    if (std::isfinite(planar))
      std::printf("planar      %s (%s m off) in %s;\n            its scale factor at the midpoint is %s (%s %%)\n",
                  dist(planar).c_str(), geo::formatFixed(planar - r.distance_m, 1).c_str(), crsName.c_str(),
                  geo::formatFixed(scale, 5).c_str(), geo::formatFixed((scale - 1.0) * 100.0, 2).c_str());
  }
  for (const Operand* op : {&a, &b})
    if (op->uncertainty_km)
      std::printf("note        %s is located only to within ±%s km\n", op->label.c_str(),
                  geo::formatFixed(*op->uncertainty_km, 0).c_str());
  std::printf("method: %s\n", kMethod);
  return kExitOk;
}

json ringJson(const geo::RangeRing& ring, const std::string& label) {
  json coords = json::array();
  for (const Polygon& poly : ring.geometry.polygons) {
    json rings = json::array();
    json outer = json::array();
    for (const LonLat& p : poly.outer) outer.push_back({p.lon, p.lat});
    rings.push_back(outer);
    coords.push_back(rings);
  }
  json geometry = coords.size() == 1 ? json{{"type", "Polygon"}, {"coordinates", coords[0]}}
                                     : json{{"type", "MultiPolygon"}, {"coordinates", coords}};
  json props{{"name", geo::formatDistance(ring.radius_m, geo::DistanceUnit::Kilometre, 3) + " range ring around " + label},
             {"center_lat", ring.centre.lat},
             {"center_lon", ring.centre.lon},
             {"radius_m", ring.radius_m},
             {"vertices", ring.vertices.size()},
             {"crosses_antimeridian", ring.crossesAntimeridian},
             {"encloses_pole", ring.enclosedPole > 0 ? json("north") : ring.enclosedPole < 0 ? json("south") : json(nullptr)},
             {"method", "geodesic circle: every vertex by geod_direct (Karney) on WGS84 via PROJ"},
             {"ellipsoid", "WGS84"}};
  json feature{{"type", "Feature"}, {"properties", props}, {"geometry", geometry}};
  return json{{"type", "FeatureCollection"}, {"features", json::array({feature})}};
}

// Writes next to the target and renames, so a failure never leaves half a file.
void writeAtomically(const std::string& path, const std::string& text) {
  fs::path target(path);
  fs::path temp = target;
  temp += ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw Failure(kExitData, "cannot write " + path + " (cannot create " + temp.string() + ")");
    out << text;
    out.flush();
    if (!out) {
      out.close();
      std::error_code ec;
      fs::remove(temp, ec);
      throw Failure(kExitData, "cannot write " + path);
    }
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    std::error_code ignore;
    fs::remove(temp, ignore);
    throw Failure(kExitData, "cannot write " + path + ": " + ec.message());
  }
}

int ring(const std::vector<std::string>& argv) {
  Args args = parseArgs("ring", argv, 1, {"--radius", "-r", "-o", "--output", "--min-vertices"}, {"--help", "-h"});
  if (args.flags.count("--help") || args.flags.count("-h")) {
    std::fputs(kRingHelp, stdout);
    return kExitOk;
  }
  if (args.operands.size() != 1)
    throw Failure(kExitUsage, "ring needs one CENTER (got " + std::to_string(args.operands.size()) +
                                  "; see 'pamir ring --help')");
  std::string radiusText = args.options.count("--radius") ? args.options["--radius"] : args.options["-r"];
  if (radiusText.empty()) throw Failure(kExitUsage, "ring needs --radius, e.g. --radius 200km");
  std::string err;
  std::optional<double> radius = geo::parseDistance(radiusText, &err);
  if (!radius) throw Failure(kExitUsage, "--radius: " + err);
  if (*radius <= 0) throw Failure(kExitUsage, "--radius must be greater than zero");
  geo::RangeRingOptions options;
  if (args.options.count("--min-vertices")) {
    std::optional<double> n = geo::parseDecimal(args.options["--min-vertices"]);
    if (!n || *n < 3 || *n > 100000 || *n != std::floor(*n))
      throw Failure(kExitUsage, "--min-vertices wants a whole number from 3 to 100000");
    options.minVertices = static_cast<int>(*n);
    options.maxVertices = std::max(options.maxVertices, options.minVertices);
  }
  std::string output = args.options.count("-o") ? args.options["-o"] : args.options["--output"];

  DataSet data(args.data);
  Operand centre = resolve(args.operands[0], data);
  const Geometry& g = centre.geometry;
  if (g.points.size() != 1 || !g.lines.empty() || !g.polygons.empty())
    throw Failure(kExitUsage, "the centre of a ring must be a point; " + centre.label + " is not");
  geo::RangeRing rr = geo::rangeRing(g.points[0], *radius, options);
  if (!rr.ok) throw Failure(kExitData, rr.error);
  std::string text = ringJson(rr, centre.label).dump() + "\n";
  if (output.empty()) {
    std::fputs(text.c_str(), stdout);
  } else {
    writeAtomically(output, text);
    std::fprintf(stderr, "pamir ring: wrote %s (%zu vertices, radius %s)\n", output.c_str(), rr.vertices.size(),
                 geo::formatDistance(*radius, geo::DistanceUnit::Kilometre, 3).c_str());
  }
  return kExitOk;
}

int guarded(const char* command, int (*body)(const std::vector<std::string>&), const std::vector<std::string>& args) {
  try {
    return body(args);
  } catch (const Failure& f) {
    std::fprintf(stderr, "pamir %s: %s\n", command, f.what());
    return f.code;
  }
}

}  // namespace

int runMeasureCommand(const std::vector<std::string>& args) { return guarded("measure", measure, args); }
int runRingCommand(const std::vector<std::string>& args) { return guarded("ring", ring, args); }

}  // namespace pamir::app
