#!/usr/bin/python3
"""Writes the render test fixtures in this folder (run with Debian's python3, which has GDAL).

shapes.geojson  polygons that are hard to fill right: holes, a multipolygon
                (one part concave, one with a hole), a star, an E, a crescent
                and a spiral, in lon/lat over Central Asia.
lines.geojson   roads and a dashed claimed border (multi-part), with widths by kind.
points.geojson  sites with a kind (one symbol each) and a name for labels.
grid.tif        a 60x40 RGBA raster in EPSG:4326 with a recognisable pattern: a
                gradient, a one-degree graticule and a solid block, for the
                placement and golden tests.
"""
import json
import math
import os

from osgeo import gdal, osr

HERE = os.path.dirname(os.path.abspath(__file__))


def ring(points):
    pts = [[round(x, 6), round(y, 6)] for x, y in points]
    if pts[0] != pts[-1]:
        pts.append(pts[0])
    return pts


def rect(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def circle(cx, cy, r, n=48, start=0.0, clockwise=False):
    out = []
    for i in range(n):
        a = start + (-1 if clockwise else 1) * 2 * math.pi * i / n
        out.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return out


def star(cx, cy, r_out, r_in, spikes):
    out = []
    for i in range(spikes * 2):
        r = r_out if i % 2 == 0 else r_in
        a = math.pi / 2 + math.pi * i / spikes
        out.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return out


def spiral(cx, cy):
    # A thick spiral arm: deeply concave, the kind of shape ear-clipping gets wrong.
    outer, inner = [], []
    turns = 1.6
    n = 90
    for i in range(n + 1):
        t = i / n
        a = 2 * math.pi * turns * t
        r = 0.25 + 1.1 * t
        outer.append((cx + (r + 0.16) * math.cos(a), cy + (r + 0.16) * math.sin(a)))
        inner.append((cx + (r - 0.06) * math.cos(a), cy + (r - 0.06) * math.sin(a)))
    return outer + inner[::-1]


def feature(fid, props, geom):
    return {"type": "Feature", "id": fid, "properties": props, "geometry": geom}


def shapes():
    feats = []
    donut = [ring(rect(66.0, 40.0, 68.6, 42.2)),
             ring(circle(66.75, 41.1, 0.45, clockwise=True)),
             ring(rect(67.5, 40.5, 68.2, 41.7)[::-1])]
    feats.append(feature(1, {"name": "Donut", "kind": "holes"}, {"type": "Polygon", "coordinates": donut}))
    l_shape = ring([(69.2, 40.0), (71.6, 40.0), (71.6, 40.6), (69.8, 40.6), (69.8, 42.2), (69.2, 42.2)])
    holed = [ring(rect(70.4, 41.0, 71.8, 42.2)), ring(rect(70.8, 41.4, 71.4, 41.8)[::-1])]
    tri = ring([(72.1, 40.0), (73.4, 40.2), (72.4, 41.0)])
    feats.append(feature(2, {"name": "Islands", "kind": "multi"},
                         {"type": "MultiPolygon", "coordinates": [[l_shape], holed, [tri]]}))
    feats.append(feature(3, {"name": "Star", "kind": "concave"},
                         {"type": "Polygon", "coordinates": [ring(star(67.2, 38.3, 1.25, 0.45, 7))]}))
    e_shape = ring([(69.0, 37.0), (71.4, 37.0), (71.4, 37.5), (69.6, 37.5), (69.6, 38.05), (70.9, 38.05),
                    (70.9, 38.55), (69.6, 38.55), (69.6, 39.1), (71.4, 39.1), (71.4, 39.6), (69.0, 39.6)])
    feats.append(feature(4, {"name": "E", "kind": "concave"}, {"type": "Polygon", "coordinates": [e_shape]}))
    # A crescent: the disc (73.0, 38.4, r 1.0) minus the disc (73.5, 38.4, r 0.85),
    # traced along the outer arc from the upper cusp round the west, then back along the bite.
    d, r1, r2 = 0.5, 1.0, 0.85
    cx = (d * d + r1 * r1 - r2 * r2) / (2 * d)
    cy = math.sqrt(r1 * r1 - cx * cx)
    a1 = math.atan2(cy, cx)
    a2 = math.atan2(cy, cx - d)
    n = 48
    arc_out = [(73.0 + r1 * math.cos(a1 + (2 * math.pi - 2 * a1) * i / n),
                38.4 + r1 * math.sin(a1 + (2 * math.pi - 2 * a1) * i / n)) for i in range(n + 1)]
    arc_in = [(73.5 + r2 * math.cos(2 * math.pi - a2 - (2 * math.pi - 2 * a2) * i / n),
               38.4 + r2 * math.sin(2 * math.pi - a2 - (2 * math.pi - 2 * a2) * i / n)) for i in range(1, n)]
    crescent_ring = ring(arc_out + arc_in)
    feats.append(feature(5, {"name": "Crescent", "kind": "concave"},
                         {"type": "Polygon", "coordinates": [crescent_ring]}))
    feats.append(feature(6, {"name": "Spiral", "kind": "concave"},
                         {"type": "Polygon", "coordinates": [ring(spiral(75.6, 40.0))]}))
    return {"type": "FeatureCollection", "name": "shapes", "features": feats}


def lines():
    feats = []
    road = [(65.8, 36.4), (67.0, 36.9), (68.2, 36.6), (69.5, 37.3), (70.2, 36.5), (72.0, 36.8), (74.5, 36.3)]
    feats.append(feature(1, {"name": "Highway", "kind": "road"},
                         {"type": "LineString", "coordinates": [list(p) for p in road]}))
    zig = [(65.9, 42.8)]
    for i in range(1, 14):
        zig.append((65.9 + i * 0.7, 42.8 + (0.45 if i % 2 else 0.0)))
    feats.append(feature(2, {"name": "Rail", "kind": "rail"},
                         {"type": "LineString", "coordinates": [list(p) for p in zig]}))
    claim_a = [(74.2, 42.9), (74.8, 41.5), (74.1, 39.7), (74.6, 38.0)]
    claim_b = [(76.2, 38.0), (77.0, 37.1), (76.4, 36.2)]
    feats.append(feature(3, {"name": "Claim line", "kind": "claimed"},
                         {"type": "MultiLineString", "coordinates": [[list(p) for p in claim_a],
                                                                     [list(p) for p in claim_b]]}))
    return {"type": "FeatureCollection", "name": "lines", "features": feats}


def points():
    sites = [("Airbase A", "airbase", 66.4, 37.2), ("Radar B", "radar", 68.0, 39.6),
             ("Depot C", "depot", 70.3, 39.95), ("HQ D", "hq", 72.2, 39.2),
             ("Post E", "post", 73.8, 41.2), ("Bridge F", "bridge", 75.4, 42.3),
             ("Camp G", "depot", 72.35, 39.3), ("Site H", "unknown", 76.8, 38.9)]
    feats = [feature(i + 1, {"name": n, "kind": k}, {"type": "Point", "coordinates": [x, y]})
             for i, (n, k, x, y) in enumerate(sites)]
    return {"type": "FeatureCollection", "name": "points", "features": feats}


def grid_tif(path):
    w, h = 60, 40
    x0, y0, px = 64.0, 44.0, 0.25  # 64..79 E, 34..44 N
    ds = gdal.GetDriverByName("GTiff").Create(path, w, h, 4, gdal.GDT_Byte, options=["COMPRESS=DEFLATE"])
    ds.SetGeoTransform([x0, px, 0, y0, 0, -px])
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds.SetProjection(srs.ExportToWkt())
    bands = [bytearray(w * h) for _ in range(4)]
    for row in range(h):
        for col in range(w):
            i = row * w + col
            lon = x0 + (col + 0.5) * px
            lat = y0 - (row + 0.5) * px
            r = int(90 + 120 * col / (w - 1))
            g = int(120 + 100 * row / (h - 1))
            b = 170
            if abs(lon - round(lon)) < 0.13 or abs(lat - round(lat)) < 0.13:
                r, g, b = 60, 60, 90
            # A solid block: 70..73 E, 37..39 N, the landmark the placement test looks for.
            if 70.0 <= lon < 73.0 and 37.0 <= lat < 39.0:
                r, g, b = 250, 250, 250
            bands[0][i], bands[1][i], bands[2][i], bands[3][i] = r, g, b, 255
    for k in range(4):
        ds.GetRasterBand(k + 1).WriteRaster(0, 0, w, h, bytes(bands[k]))
    ds.GetRasterBand(4).SetColorInterpretation(gdal.GCI_AlphaBand)
    ds = None


def write(name, obj):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    write("shapes.geojson", shapes())
    write("lines.geojson", lines())
    write("points.geojson", points())
    grid_tif(os.path.join(HERE, "grid.tif"))
