"""The admin-1 layer and the Wakhan corridor derived from the Afghanistan polygon."""
import math

from osgeo import gdal, ogr

from .common import (ADMIN1_BOX, ADMIN1_COUNTRIES, REGION, WAKHAN_AXIS_POINT, WAKHAN_CUT_LON, box_polygon,
                     equal_area_km2, fail, geodesic_km, log)
from .topology import make_valid_polygonal


ADMIN1_RENAMES = {
    # NE 4.1.0 name -> (current English name, names kept as alternatives)
    "Northern Areas": ("Gilgit-Baltistan", "Northern Areas"),
    "Leninabad": ("Sughd", "Leninabad; Viloyati Sughd"),
    "Tadzhikistan Territories": ("Districts of Republican Subordination", "Tadzhikistan Territories"),
    "K.P.": ("Khyber Pakhtunkhwa", "K.P.; N.W.F.P."),
    "F.A.T.A.": ("Federally Administered Tribal Areas", "F.A.T.A.; merged into Khyber Pakhtunkhwa in 2018"),
    "F.C.T.": ("Islamabad Capital Territory", "F.C.T."),
    "Chardzhou": ("Lebap", "Chardzhou"),
    "Tashauz": ("Daşoguz", "Tashauz; Dasoguz"),
    "Kashmir": ("Siachen Glacier", "Kashmir"),
    "Xizang": ("Tibet", "Xizang; Tibet Autonomous Region"),
    "Gorno-Badakhshan": ("Gorno-Badakhshan", "GBAO; Kuhistoni Badakhshon; Viloyati Mukhtori Kuhistoni Badakhshon"),
    "Xinjiang": ("Xinjiang", "Xinjiang Uygur Autonomous Region; Xinjiang Uygur Zizhiqu"),
    "Sind": ("Sindh", "Sind"),
    "Uttaranchal": ("Uttarakhand", "Uttaranchal"),
    "Baluchistan": ("Balochistan", "Baluchistan"),
}


def build_admin1(world_map):
    ds = gdal.OpenEx(world_map, gdal.OF_VECTOR | gdal.OF_READONLY)
    lyr = ds.GetLayerByName("states_provinces")
    box = box_polygon(ADMIN1_BOX)
    feats = []
    for f in lyr:
        a3 = f.GetField("adm0_a3") or ""
        if a3 not in ADMIN1_COUNTRIES:
            continue
        g = f.GetGeometryRef()
        if g is None or not g.Intersects(box):
            continue
        name = f.GetField("name") or ""
        woe = f.GetField("woe_name") or ""
        gn = f.GetField("gn_name") or ""
        # NE 4.1.0 has two units named Parwan and two named Uruzgan; the
        # GeoNames/WOE name says which is Panjshir and Daykundi.
        if name == "Parwan" and gn == "Panjshir":
            name, alt = "Panjshir", "Parwan (Natural Earth name)"
        elif name == "Uruzgan" and woe == "Daykundi":
            name, alt = "Daykundi", "Uruzgan (Natural Earth name)"
        elif name == "Tashkent" and gn == "Toshkent Shahri":
            name, alt = "Tashkent City", "Toshkent Shahri"
        elif name in ADMIN1_RENAMES:
            name, alt = ADMIN1_RENAMES[name]
        else:
            alt = "; ".join(dict.fromkeys(n for n in (gn, woe) if n and n != name))
        iso3 = "" if a3 == "KAS" else a3
        note = "Indian-held since 1984; claimed by Pakistan." if a3 == "KAS" else ""
        if name in ("Gilgit-Baltistan", "Azad Kashmir"):
            note = "Administered by Pakistan; claimed by India."
        elif name == "Jammu and Kashmir" and a3 == "IND":
            note = "Natural Earth 4.1.0 boundary (before the 2019 split into Jammu and Kashmir and Ladakh); claimed by Pakistan."
        feats.append({"name": name, "name_alt": alt, "iso_a3": iso3, "admin": f.GetField("admin") or "",
                      "note": note, "_geom": make_valid_polygonal(g.Clone())})
    feats.sort(key=lambda f: (f["iso_a3"] or "~", f["name"]))
    return feats


def build_wakhan(countries_valid, admin1):
    afg = countries_valid["AFG"]
    east = box_polygon((WAKHAN_CUT_LON, REGION[1], REGION[2], REGION[3]))
    parts = make_valid_polygonal(afg.Intersection(east))
    axis = ogr.CreateGeometryFromWkt(f"POINT({WAKHAN_AXIS_POINT[0]} {WAKHAN_AXIS_POINT[1]})")
    corridor = None
    for k in range(parts.GetGeometryCount()):
        p = parts.GetGeometryRef(k)
        if p.Contains(axis):
            corridor = p.Clone()
    if corridor is None:
        fail("the Wakhan axis point is not inside Afghanistan east of the cut meridian")
    badakhshan = [a for a in admin1 if a["name"] == "Badakhshan" and a["iso_a3"] == "AFG"]
    area = equal_area_km2(corridor)
    if badakhshan:
        share = equal_area_km2(corridor.Intersection(badakhshan[0]["_geom"])) / area
        log(f"wakhan corridor: {share:.1%} of its area lies in Natural Earth's (generalised) Badakhshan polygon")
        if share < 0.9:
            fail("the derived Wakhan corridor does not lie in Badakhshan province")
    env = corridor.GetEnvelope()
    # Length: from the cut meridian to the easternmost vertex, along the axis latitude.
    east_pt = max(((corridor.GetGeometryRef(0).GetX(i), corridor.GetGeometryRef(0).GetY(i))
                   for i in range(corridor.GetGeometryRef(0).GetPointCount())))
    length = geodesic_km(WAKHAN_CUT_LON, 36.70917, east_pt[0], east_pt[1])
    # Width: north-south extent of the corridor on each meridian, 0.01 degree apart.
    widths = []
    lon = math.ceil(WAKHAN_CUT_LON * 100) / 100
    while lon < env[1]:
        ln = ogr.CreateGeometryFromWkt(f"LINESTRING({lon} {env[2] - 1},{lon} {env[3] + 1})")
        cut = corridor.Intersection(ln)
        if not cut.IsEmpty():
            e = cut.GetEnvelope()
            widths.append(geodesic_km(lon, e[2], lon, e[3]))
        lon = round(lon + 0.01, 2)
    mid = [w for w in widths[5:-5]] or widths
    feats = [{
        "id": "wakhan_corridor",
        "name": "Wakhan Corridor",
        "name_alt": "Wakhan; Vakhan",
        "iso_a3": "AFG",
        "method": (f"Derived, not drawn: the connected part of Afghanistan (Natural Earth 1:10m via world-atlas 2.0.2, "
                   f"made valid) east of the meridian {WAKHAN_CUT_LON} E (Ishkashim, the corridor's western end) "
                   f"that contains {WAKHAN_AXIS_POINT[1]} N {WAKHAN_AXIS_POINT[0]} E; checked to lie in Badakhshan province."),
        "area_km2": round(area, 0),
        "length_km": round(length, 0),
        "source": "world-atlas 2.0.2 countries-10m (Natural Earth 4.1.0); cut meridian: shared/research/sites-reference.csv wakhan_w_end",
        "_geom": ogr.ForceToMultiPolygon(corridor),
    }]
    log(f"wakhan corridor: {area:.0f} km², {length:.0f} km long, {min(mid):.1f}–{max(mid):.1f} km wide (N-S)")
    return feats

