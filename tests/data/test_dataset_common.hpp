#pragma once
// Shared helpers for the built-in dataset tests: where geodata/ is, the
// curated files, the region and the ISO 3166-1 alpha-3 codes.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fstream>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pamir::dataset_test {

inline const std::string kGeodata = std::string(PAMIR_SOURCE_DIR) + "/geodata";

/// The curated layers: reviewable GeoJSON, one file per layer.
inline const std::vector<std::string> kCuratedLayers = {"bases", "airbases", "corridors", "events"};

inline std::string curatedPath(const std::string& layer) { return kGeodata + "/curated/" + layer + ".geojson"; }

/// Everything not flagged out_of_area lies in this lon/lat box (degrees), the
/// extent the base layers are clipped to.
struct Region {
  double minLon, minLat, maxLon, maxLat;
};
inline constexpr Region kRegion{40.0, 0.0, 100.0, 56.0};

/// Every field a curated feature carries, in every curated file, in this order.
inline const std::vector<std::string> kCuratedFields = {
    "id",         "name",         "short_name",       "alt_names",      "kind",
    "sidc",       "host_country", "operator_country", "parties",        "year_start",
    "year_end",   "status",       "confidence",       "uncertainty_km", "uncertainty_note",
    "source_url", "source_title", "seed_footnote",    "out_of_area",    "schematic",
    "description"};

/// ISO 3166-1 alpha-3 codes (Debian iso-codes 4.15, 249 codes).
inline const std::set<std::string>& isoAlpha3() {
  static const std::set<std::string> codes = {
      "ABW", "AFG", "AGO", "AIA", "ALA", "ALB", "AND", "ARE", "ARG", "ARM", "ASM", "ATA", "ATF", "ATG", "AUS", "AUT",
      "AZE", "BDI", "BEL", "BEN", "BES", "BFA", "BGD", "BGR", "BHR", "BHS", "BIH", "BLM", "BLR", "BLZ", "BMU", "BOL",
      "BRA", "BRB", "BRN", "BTN", "BVT", "BWA", "CAF", "CAN", "CCK", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG",
      "COK", "COL", "COM", "CPV", "CRI", "CUB", "CUW", "CXR", "CYM", "CYP", "CZE", "DEU", "DJI", "DMA", "DNK", "DOM",
      "DZA", "ECU", "EGY", "ERI", "ESH", "ESP", "EST", "ETH", "FIN", "FJI", "FLK", "FRA", "FRO", "FSM", "GAB", "GBR",
      "GEO", "GGY", "GHA", "GIB", "GIN", "GLP", "GMB", "GNB", "GNQ", "GRC", "GRD", "GRL", "GTM", "GUF", "GUM", "GUY",
      "HKG", "HMD", "HND", "HRV", "HTI", "HUN", "IDN", "IMN", "IND", "IOT", "IRL", "IRN", "IRQ", "ISL", "ISR", "ITA",
      "JAM", "JEY", "JOR", "JPN", "KAZ", "KEN", "KGZ", "KHM", "KIR", "KNA", "KOR", "KWT", "LAO", "LBN", "LBR", "LBY",
      "LCA", "LIE", "LKA", "LSO", "LTU", "LUX", "LVA", "MAC", "MAF", "MAR", "MCO", "MDA", "MDG", "MDV", "MEX", "MHL",
      "MKD", "MLI", "MLT", "MMR", "MNE", "MNG", "MNP", "MOZ", "MRT", "MSR", "MTQ", "MUS", "MWI", "MYS", "MYT", "NAM",
      "NCL", "NER", "NFK", "NGA", "NIC", "NIU", "NLD", "NOR", "NPL", "NRU", "NZL", "OMN", "PAK", "PAN", "PCN", "PER",
      "PHL", "PLW", "PNG", "POL", "PRI", "PRK", "PRT", "PRY", "PSE", "PYF", "QAT", "REU", "ROU", "RUS", "RWA", "SAU",
      "SDN", "SEN", "SGP", "SGS", "SHN", "SJM", "SLB", "SLE", "SLV", "SMR", "SOM", "SPM", "SRB", "SSD", "STP", "SUR",
      "SVK", "SVN", "SWE", "SWZ", "SXM", "SYC", "SYR", "TCA", "TCD", "TGO", "THA", "TJK", "TKL", "TKM", "TLS", "TON",
      "TTO", "TUN", "TUR", "TUV", "TWN", "TZA", "UGA", "UKR", "UMI", "URY", "USA", "UZB", "VAT", "VCT", "VEN", "VGB",
      "VIR", "VNM", "VUT", "WLF", "WSM", "YEM", "ZAF", "ZMB", "ZWE",
  };
  return codes;
}

inline nlohmann::json readJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  return nlohmann::json::parse(in);
}

struct GdalCloser {
  void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, GdalCloser>;

inline DatasetPtr openDataset(const std::string& path, unsigned kind) {
  GDALAllRegister();
  return DatasetPtr(GDALDataset::Open(path.c_str(), kind | GDAL_OF_READONLY));
}

}  // namespace pamir::dataset_test
