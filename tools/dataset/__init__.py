"""Layer builders behind tools/build_dataset.py, one module per concern:
common (fixed choices, inputs, helpers), topology (world-atlas decoding and
the admin-0 table), borders (countries and borders), admin1 (admin-1 and the
Wakhan corridor), points (airports and places), writers (GeoPackage and
hillshade)."""
from osgeo import gdal, ogr

# Every module relies on GDAL raising rather than returning None on failure.
gdal.UseExceptions()
ogr.UseExceptions()
