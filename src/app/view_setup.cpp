#include "app/view_setup.hpp"

#include <algorithm>
#include <cctype>
#include <ostream>
#include <set>
#include <stdexcept>

#include "data/country_codes.hpp"
#include "geo/view_crs_choice.hpp"

namespace pamir::app {

bool readViewOption(ArgReader& r, ViewRequest& q) {
  if (auto v = r.option("--crs")) {
    q.crs = *v;
  } else if (auto e = r.option("--extent")) {
    q.extent = parseBox(*e, "--extent");
  } else if (auto b = r.option("--bbox")) {
    Bounds box = parseBox(*b, "--bbox");
    if (box.miny < -90 || box.maxy > 90 || box.minx < -180 || box.maxx > 180)
      r.fail("--bbox is lon/lat in degrees: longitude within ±180, latitude within ±90; got '" + *b + "'");
    q.bbox = box;
  } else if (auto l = r.option("--layers")) {
    q.layers = splitList(*l);
  } else if (auto y = r.option("--year")) {
    std::string why;
    auto span = parseYearSpan(*y, &why);
    if (!span || span->to > 3000) r.fail("--year wants " + (span ? "years up to 3000; got '" + *y + "'" : why));
    q.years = span;
  } else if (auto c = r.option("--country")) {
    const data::CountryCodes& codes = data::CountryCodes::standard();
    for (const auto& text : splitList(*c)) {
      if (const data::Country* country = codes.find(text)) {
        q.countries.push_back(country->alpha3);
        continue;
      }
      std::string code = text;
      for (auto& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      // Without iso-codes' table only alpha-3 codes can be read.
      if (!codes.empty() || code.size() != 3 ||
          !std::all_of(code.begin(), code.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }))
        r.fail("--country wants ISO 3166-1 codes or country names such as CHN,RUS or Tajikistan; '" + text +
               "' is none");
      q.countries.push_back(code);
    }
  } else if (r.flag("--no-builtin")) {
    q.builtin = false;
  } else {
    return false;
  }
  return true;
}

bool readFigureOption(ArgReader& r, FigureSpec& spec) {
  figure::Decorations& d = spec.decorations;
  if (auto title = r.option("--title")) return d.title = *title, true;
  if (r.flag("--legend")) return d.legend = true;
  if (r.flag("--scalebar")) return d.scaleBar = true;
  if (r.flag("--north-arrow")) return d.northArrow = true;
  if (r.flag("--graticule")) return spec.grids.graticule = true;
  if (r.flag("--mgrs")) return spec.grids.mgrs = true;
  if (r.flag("--attribution")) return d.attribution = true;
  if (r.flag("--measurement-table")) return d.measurementTable = true;
  return false;
}

MapSession openSession(const std::vector<std::string>& sources, const ViewRequest& request, ArgReader& r,
                       Diagnostics& diag, std::ostream& err) {
  if (!request.builtin && sources.empty()) r.fail("--no-builtin leaves nothing to show: name a SOURCE");
  MapSession session = MapSession::open(
      sources, request.builtin ? data::BuiltinData::Include : data::BuiltinData::LeaveOut, diag, request.layers);
  diag.print(err);
  if (session.empty() && !request.layers.empty() && diag.errorCount() == 0)
    r.fail("--layers: no layer named '" + request.layers.front() + "'");
  if (session.empty()) throw std::runtime_error("nothing could be loaded");
  // The sources are what was asked for: the dataset under them is no answer when none loaded.
  if (!sources.empty() && !session.hasOwnData())
    throw std::runtime_error("nothing could be loaded from " +
                             (sources.size() == 1 ? sources.front() : std::to_string(sources.size()) + " sources"));
  return session;
}

MapSession openDataset(const ViewRequest& request, Diagnostics& diag, std::ostream& err) {
  MapSession session =
      MapSession::open({}, request.builtin ? data::BuiltinData::Include : data::BuiltinData::LeaveOut, diag);
  diag.print(err);
  return session;
}

MapView fitLonLat(const MapSession& session, const Bounds& lonlat, int width, int height, double margin) {
  Bounds projected = session.projection().forwardBounds(lonlat);
  if (projected.empty()) projected = session.projection().forwardBounds(session.catalog().bounds());
  if (projected.empty()) {
    // Nothing loaded yet (the window reads the sources later): the region
    // Pamir is made for, until the data says where to look.
    Bounds centralAsia;
    centralAsia.add(55.0, 30.0);
    centralAsia.add(85.0, 47.0);
    projected = session.projection().forwardBounds(centralAsia);
  }
  return MapView::fitting(projected, width, height, margin);
}

MapView applyViewRequest(const ViewRequest& q, MapSession& session, int width, int height, ArgReader& r,
                         bool sourcesPending, std::string* crsNote) {
  if (q.crs) {
    std::string err;
    if (!session.setCrs(*q.crs, &err)) r.fail("--crs: " + err);
  } else if (session.hasOwnData()) {
    Bounds own;
    for (const Layer* l : session.drawLayers())
      if (!l->builtin) own.add(l->bounds());
    if (auto choice = geo::chooseViewCrs(own)) {
      std::string err;
      if (session.setCrs(choice->definition, &err) && crsNote) *crsNote = choice->why;
    }
  }
  if (!q.layers.empty()) {
    std::string err;
    if (!session.keepOnlyLayers(q.layers, &err)) r.fail("--layers: " + err);
  }
  if (q.years) session.filter.setYears(q.years);
  if (!q.countries.empty()) {
    // A code no layer holds would silently empty the map: say which exist.
    const std::set<std::string> present = countryCodesIn(session.drawLayers());
    for (const auto& c : q.countries) {
      if (present.count(c) || sourcesPending) continue;
      if (present.empty()) r.fail("--country " + c + ": no loaded layer has a country field");
      std::string list;
      for (const auto& p : present) list += (list.empty() ? "" : ",") + p;
      r.fail("--country " + c + ": no feature of the loaded layers has it; they have " + list);
    }
    for (const auto& c : q.countries) session.filter.countries.insert(c);
  }
  if (q.extent) return MapView::fromExtent(*q.extent, width, height);
  if (q.bbox) return fitLonLat(session, *q.bbox, width, height, 0.0);
  if (session.catalog().defaultBbox) return fitLonLat(session, *session.catalog().defaultBbox, width, height, 0.02);
  const Bounds extent = session.dataExtent();
  if (extent.empty()) return fitLonLat(session, session.initialLonLat(), width, height, 0.02);
  return MapView::fitting(extent, width, height, 0.02);
}

std::optional<MapView> switchCrs(MapSession& session, const MapView& view, const std::string& crs, std::string* error) {
  const LonLat centre = session.projection().inverse(view.center());
  const Bounds visible = view.extent();
  const LonLat c0 = session.projection().inverse({visible.minx, visible.miny});
  const LonLat c1 = session.projection().inverse({visible.maxx, visible.maxy});
  if (!session.setCrs(crs, error)) return std::nullopt;
  Bounds ll;
  if (c0.finite()) ll.add(c0);
  if (c1.finite()) ll.add(c1);
  if (ll.empty() && centre.finite()) ll.add(centre);
  const Bounds b = session.projection().forwardBounds(ll);
  if (b.empty()) return view;
  return MapView::fitting(b, view.width(), view.height(), 0.0);
}

}  // namespace pamir::app
