#pragma once
// A report to hand on, as a PDF (cairo): the decorated map on the first
// page under its title and what it shows (date, CRS, filters), then tables
// (the measurements with their method and ellipsoid, the curated features in
// view with their sources and confidence) over as many pages as they need,
// the header repeated on each. A4 landscape.
#include <string>
#include <vector>

#include "figure/figure.hpp"
#include "render/image.hpp"

namespace pamir::figure {

struct Report {
  std::string title;
  std::vector<std::string> lines;  ///< under the title: "Made 2026-12-04 by Pamir", "View CRS: …", "Filters: …"
  std::vector<Table> tables;       ///< after the map, in order
};

/// Writes the report with writeFileAtomically: the file is complete or
/// untouched. False with the reason in *error.
bool writeReportPdf(const std::string& path, const render::Image& map, const Report& report, std::string* error);

}  // namespace pamir::figure
