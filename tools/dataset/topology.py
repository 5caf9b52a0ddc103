"""world-atlas TopoJSON decoding, the ISO table of its admin-0 units and their valid polygons."""
import json

from osgeo import gdal, ogr


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

