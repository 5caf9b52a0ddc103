#pragma once
// Measurements written for other tools: CSV (one row per measurement, its
// geometry as WKT, for spreadsheets and GIS), KML (Google Earth), and
// GeoJSON (measurements.hpp). Every file says how it was measured, on which
// ellipsoid and in which view CRS, by its name.
#include <string>
#include <vector>

#include "app/measurements.hpp"

namespace pamir::app {

enum class ExportFormat { GeoJson, Csv, Kml };

/// The format a path's extension names (.csv, .kml, else GeoJSON), case-insensitive.
ExportFormat exportFormatFor(const std::string& path);
/// "GeoJSON", "CSV", "KML".
const char* exportFormatName(ExportFormat f);

/// One header row, then one row per measurement (RFC 4180 quoting; a decimal
/// point whatever the locale; numbers as the shortest text that reads back
/// as the same double; empty where a value does not apply): name, kind,
/// geodesic_m, rhumb_m, planar_m, azimuth1_deg, azimuth2_deg, area_m2,
/// planar_area_m2, radius_m, center_lon, center_lat, radius_from, WKT (the
/// line or path through its points, the area's polygon, the ring's circle;
/// lon lat), method, ellipsoid, view_crs. GDAL's CSV driver reads the WKT
/// column as the geometry.
std::string measurementsCsv(const std::vector<Measurement>& list);

/// A KML 2.2 document: one Placemark per measurement, named, in its colour,
/// hidden ones not visible, with the values as ExtendedData/SchemaData
/// (what GDAL's LIBKML driver reads as fields), lines and paths densified
/// along their geodesics, areas and rings as polygons.
std::string measurementsKml(const std::vector<Measurement>& list);

/// Writes `list` to `path` in `format`, with writeFileAtomically: the file
/// is complete or untouched. False with the reason on failure.
bool exportMeasurements(const std::vector<Measurement>& list, const std::string& path, ExportFormat format,
                        std::string* error);

}  // namespace pamir::app
