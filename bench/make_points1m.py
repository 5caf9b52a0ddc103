#!/usr/bin/python3
"""1,000,000 random points over Central Asia as a GeoPackage, for the load and
render benchmarks: lon 45..100, lat 20..55, fields year (int 1990..2025) and
cc (3 letters), fixed seed, so every run makes the same file.

Usage: /usr/bin/python3 bench/make_points1m.py [OUT.gpkg]   (default build/points1m.gpkg)
Needs GDAL's Python bindings and numpy (python3-gdal, python3-numpy).
"""
import os
import sys

import numpy as np
from osgeo import ogr, osr

ogr.UseExceptions()
out = sys.argv[1] if len(sys.argv) > 1 else "build/points1m.gpkg"
CODES = ["KAZ", "UZB", "TKM", "KGZ", "TJK", "AFG", "PAK", "IND", "CHN", "IRN", "MNG", "RUS", "NPL", "AZE", "OMN", "IRQ"]
rng = np.random.default_rng(20240101)
n = 1_000_000
lon = rng.uniform(45.0, 100.0, n)
lat = rng.uniform(20.0, 55.0, n)
year = rng.integers(1990, 2026, n)
cc = rng.integers(0, len(CODES), n)
if os.path.exists(out):
    os.remove(out)
ds = ogr.GetDriverByName("GPKG").CreateDataSource(out)
srs = osr.SpatialReference()
srs.ImportFromEPSG(4326)
lyr = ds.CreateLayer("points1m", srs, ogr.wkbPoint, options=["SPATIAL_INDEX=YES"])
lyr.CreateField(ogr.FieldDefn("year", ogr.OFTInteger))
field = ogr.FieldDefn("cc", ogr.OFTString)
field.SetWidth(3)
lyr.CreateField(field)
defn = lyr.GetLayerDefn()
head = bytes([1]) + (1).to_bytes(4, "little")  # little-endian WKB point
xy = np.stack([lon, lat], axis=1).astype("<f8")
lyr.StartTransaction()
for i in range(n):
    feat = ogr.Feature(defn)
    feat.SetField(0, int(year[i]))
    feat.SetField(1, CODES[cc[i]])
    feat.SetGeometryDirectly(ogr.CreateGeometryFromWkb(head + xy[i].tobytes()))
    lyr.CreateFeature(feat)
    if (i + 1) % 200000 == 0:
        lyr.CommitTransaction()
        lyr.StartTransaction()
lyr.CommitTransaction()
ds = None
print(out, "written")
