// pamir find: features by name, alternative name or id, or a coordinate, best first.
#include <ostream>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/feature_report.hpp"
#include "app/view_setup.hpp"
#include "data/feature_search.hpp"

namespace pamir::app {

namespace {
constexpr const char* kFindHelp =
    "usage: pamir find QUERY [--data SOURCE...] [--no-builtin] [--limit N] [--json]\n"
    "\n"
    "Finds features of the built-in dataset and of each SOURCE by name, alternative\n"
    "name or id, whatever the case, accents and punctuation (\"murgob\" finds Murghob,\n"
    "\"gilgit baltistan\" Gilgit-Baltistan), best first: curated sites and the sources'\n"
    "layers before the basemap's places and borders; whole names, then names that start\n"
    "with QUERY, then words that do; last, names one or two typing slips away.\n"
    "A QUERY that is a coordinate (38.17,73.96  38°10'N 73°58'E  43S DA 12345 67890  UTM)\n"
    "is given first as that coordinate. Each line: name [layer#fid, kind, countries] lat, lon.\n"
    "\n"
    "options:\n"
    "  --data SOURCE...   also search these GDAL sources\n"
    "  --no-builtin       search the sources alone\n"
    "  --limit N          at most N results (default 10)\n"
    "  --json             a JSON array of objects: kind (\"feature\" or \"coordinate\"),\n"
    "                     layer, id, fid, name, feature_kind, countries, year_start,\n"
    "                     year_end, lat, lon, match\n"
    "\n"
    "exit status: 0 found, 1 nothing matches or no data, 2 usage error\n";
}  // namespace

int runFindCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ArgReader r("find", args);
  ViewRequest request;
  std::vector<std::string> sources;
  std::string query;
  size_t limit = 10;
  bool asJson = false;
  while (!r.done()) {
    if (r.flag("--help") || r.flag("-h")) {
      out << kFindHelp;
      return kExitOk;
    }
    if (auto d = r.optionList("--data")) {
      sources.insert(sources.end(), d->begin(), d->end());
    } else if (r.flag("--no-builtin")) {
      request.builtin = false;
    } else if (auto l = r.option("--limit")) {
      auto n = parseNumber(*l);
      if (!n || *n < 1 || *n > 100000 || *n != static_cast<double>(static_cast<long>(*n)))
        r.fail("--limit wants a whole number from 1 to 100000; got '" + *l + "'");
      limit = static_cast<size_t>(*n);
    } else if (r.flag("--json")) {
      asJson = true;
    } else {
      const std::string& a = r.next();
      if (ArgReader::looksLikeOption(a)) r.fail("unknown option '" + a + "'");
      // Several words are one query: pamir find gilgit baltistan.
      query += (query.empty() ? "" : " ") + a;
    }
  }
  if (query.empty()) r.fail("needs a QUERY");

  Diagnostics diag;
  MapSession session = openSession(sources, request, r, diag, err);
  std::vector<const Layer*> layers;
  for (const auto& l : session.catalog().layers) layers.push_back(&l);
  const data::FeatureSearch search(layers);
  const std::vector<data::SearchResult> results = search.find(query, limit);
  if (asJson) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& res : results) a.push_back(resultJson(res));
    out << dumpJson(a) << "\n";
  } else {
    for (const auto& res : results) out << resultLine(res) << "\n";
  }
  if (results.empty()) {
    err << "pamir find: nothing matches '" << query << "'\n";
    return kExitData;
  }
  return kExitOk;
}

}  // namespace pamir::app
