// pamir list: the features the map would show with the same filters, as text or JSON.
#include <ostream>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/feature_report.hpp"
#include "app/view_setup.hpp"
#include "core/name_fold.hpp"
#include "data/feature_search.hpp"

namespace pamir::app {

namespace {
constexpr const char* kListHelp =
    "usage: pamir list [SOURCE...] [--year Y|Y1..Y2] [--country C,...] [--layers ID,...] [--kind K]\n"
    "                  [--bbox MINLON,MINLAT,MAXLON,MAXLAT] [--no-builtin] [--json]\n"
    "\n"
    "Lists the features the map shows with the same filters: the built-in dataset's\n"
    "visible layers and every layer of each SOURCE, as `pamir view` opens them. One\n"
    "line a feature: name [layer#fid, kind, countries] lat, lon (the point, or the\n"
    "vertex nearest the middle of a line or area).\n"
    "\n"
    "options:\n"
    "  --year YEAR             only what existed in YEAR (every layer with year fields)\n"
    "  --year Y1..Y2           only what existed at any time from Y1 to Y2 (also Y1-Y2)\n"
    "  --country C,...         only these countries (ISO 3166 codes or names; every layer\n"
    "                          with a country field)\n"
    "  --layers A,B,...        only these layers (ids, titles or source layer names;\n"
    "                          hidden layers too)\n"
    "  --kind K                only features of this kind (the kind, type or category\n"
    "                          field; \"point\", \"line\" or \"area\" where there is none)\n"
    "  --bbox MINLON,MINLAT,MAXLON,MAXLAT   only features whose position lies inside\n"
    "  --no-builtin            the sources alone\n"
    "  --json                  a JSON array of objects: kind, layer, id, fid, name,\n"
    "                          feature_kind, countries, year_start, year_end, lat, lon\n";
}  // namespace

int runListCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ArgReader r("list", args);
  ViewRequest request;
  std::vector<std::string> sources;
  std::optional<std::string> kind;
  bool asJson = false;
  while (!r.done()) {
    if (r.flag("--help") || r.flag("-h")) {
      out << kListHelp;
      return kExitOk;
    }
    if (!r.done() && (r.peek().rfind("--crs", 0) == 0 || r.peek().rfind("--extent", 0) == 0))
      r.fail(r.peek() + " does not apply to a list (--bbox does)");
    if (auto k = r.option("--kind"))
      kind = foldName(*k);
    else if (r.flag("--json"))
      asJson = true;
    else if (readViewOption(r, request))
      continue;
    else {
      const std::string& a = r.next();
      if (ArgReader::looksLikeOption(a)) r.fail("unknown option '" + a + "'");
      sources.push_back(a);
    }
  }

  Diagnostics diag;
  MapSession session = openSession(sources, request, r, diag, err);
  std::optional<Bounds> bbox = request.bbox;
  request.bbox.reset();  // a filter here, not a view
  applyViewRequest(request, session, 100, 100, r);
  nlohmann::json a = nlohmann::json::array();
  size_t count = 0;
  for (const auto& layer : session.catalog().layers) {
    if (!layer.visible) continue;
    for (const auto& f : layer.features) {
      if (!passes(session.filter, layer, f)) continue;
      if (kind && foldName(data::featureKind(layer, f)) != *kind) continue;
      if (bbox) {
        const LonLat at = data::featurePosition(f.geometry);
        if (!bbox->contains(at.lon, at.lat)) continue;
      }
      ++count;
      if (asJson)
        a.push_back(featureJson(layer, f));
      else
        out << featureLine(layer, f) << "\n";
    }
  }
  if (asJson) out << dumpJson(a) << "\n";
  if (count == 0) err << "pamir list: no feature passes these filters\n";
  return diag.errorCount() > 0 ? kExitData : kExitOk;
}

}  // namespace pamir::app
