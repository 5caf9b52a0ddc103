#!/bin/sh
# Rasterizing the built-in dataset's polygon layers at 1920x1080: `pamir render
# --plain` (reads the GeoPackage, projects to the view CRS, triangulates, draws
# on the GL: Mesa llvmpipe here) against `gdal_rasterize` of the same layers on
# the same pixel grid (-te/-ts), side by side in one hyperfine run. GDAL does
# not reproject while rasterizing, so it gets the layers already in the view
# CRS (ogr2ogr, done once beforehand and not timed); a third entry times
# ogr2ogr + gdal_rasterize, the same work pamir does. Medians and ratios at
# the end, and the two images' agreement (intersection over union).
# Usage: bench/render_vs_gdal.sh [path/to/pamir]    (RUNS=10 by default)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
pamir=${1:-$root/build/src/app/pamir}
gpkg=$root/geodata/base.gpkg
layers="countries admin1 wakhan_corridor"
[ -x "$pamir" ] || { echo "no pamir executable at $pamir" >&2; exit 1; }
[ -f "$gpkg" ] || { echo "no $gpkg" >&2; exit 1; }
out=${PAMIR_BENCH_OUT:-$root/build/bench-results}/render_vs_gdal
mkdir -p "$out"
crs=$(/usr/bin/python3 -c 'import re,sys; print(re.search(r"\"(\+proj=lcc[^\"]*)\"", open(sys.argv[1]).read()).group(1))' "$root/src/geo/projection.cpp")
w=1920 h=1080

# The manifest's default view (60..80 E, 33..44 N) in the view CRS, widened to 16:9.
extent=$(/usr/bin/python3 - "$crs" $w $h <<'PY'
import sys
from osgeo import osr
crs, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
src, dst = osr.SpatialReference(), osr.SpatialReference()
src.ImportFromEPSG(4326); src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
dst.SetFromUserInput(crs); dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
ct = osr.CoordinateTransformation(src, dst)
pts = [(60 + 20 * i / 64, 33 + 11 * j) for i in range(65) for j in (0, 1)] + \
      [(60 + 20 * i, 33 + 11 * j / 64) for i in (0, 1) for j in range(65)]
xy = [ct.TransformPoint(x, y)[:2] for x, y in pts]
x0, x1 = min(p[0] for p in xy), max(p[0] for p in xy)
y0, y1 = min(p[1] for p in xy), max(p[1] for p in xy)
cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
res = max((x1 - x0) / w, (y1 - y0) / h)
print(f"{cx - res * w / 2!r} {cy - res * h / 2!r} {cx + res * w / 2!r} {cy + res * h / 2!r}")
PY
)
set -- $extent
te="$1 $2 $3 $4"
pamir_extent="$1,$2,$3,$4"

projected=$out/projected.gpkg
rm -f "$projected"
for l in $layers; do
  [ -f "$projected" ] && update=-update || update=
  ogr2ogr -f GPKG -t_srs "$crs" $update -nln "$l" "$projected" "$gpkg" "$l"
done
lflags=$(for l in $layers; do printf -- '-l %s ' "$l"; done)
layer_list=$(echo $layers | tr ' ' ',')

hyperfine --warmup 1 --runs "${RUNS:-10}" --export-json "$out/render.json" \
  -n pamir "$pamir render --plain --layers $layer_list --size ${w}x$h --extent $pamir_extent -o $out/pamir.png" \
  -n gdal_rasterize "gdal_rasterize -q $lflags -burn 255 -init 0 -ot Byte -te $te -ts $w $h -a_srs '$crs' $projected $out/gdal.tif" \
  -n ogr2ogr+gdal_rasterize "rm -f $out/p2.gpkg; for l in $layers; do u=; [ -f $out/p2.gpkg ] && u=-update; ogr2ogr -f GPKG -t_srs '$crs' \$u -nln \$l $out/p2.gpkg $gpkg \$l; done; gdal_rasterize -q $lflags -burn 255 -init 0 -ot Byte -te $te -ts $w $h -a_srs '$crs' $out/p2.gpkg $out/gdal2.tif"

# Agreement, on the layer that leaves gaps (the three together cover the whole frame).
"$pamir" render --plain --layers admin1 --size ${w}x$h --extent "$pamir_extent" -o "$out/pamir_admin1.png"
gdal_rasterize -q -l admin1 -burn 255 -init 0 -ot Byte -te $te -ts $w $h -a_srs "$crs" "$projected" "$out/gdal_admin1.tif"

/usr/bin/python3 - "$out" <<'PY'
import json, sys
from osgeo import gdal
out = sys.argv[1]
r = {x["command"]: x for x in json.load(open(f"{out}/render.json"))["results"]}
p, g, og = r["pamir"]["median"], r["gdal_rasterize"]["median"], r["ogr2ogr+gdal_rasterize"]["median"]
print(f"median: pamir render {p*1000:.0f} ms, gdal_rasterize {g*1000:.0f} ms (ratio pamir/gdal {p/g:.2f}), "
      f"ogr2ogr+gdal_rasterize {og*1000:.0f} ms (ratio {p/og:.2f})")
# Keep the datasets referenced while their bands are read (GDAL's Python bindings crash otherwise).
for name, ours, theirs in (("all three layers", "pamir.png", "gdal.tif"), ("admin1", "pamir_admin1.png", "gdal_admin1.tif")):
    da, db = gdal.Open(f"{out}/{ours}"), gdal.Open(f"{out}/{theirs}")
    a = da.GetRasterBand(1).ReadAsArray() > 127
    b = db.GetRasterBand(1).ReadAsArray() > 127
    print(f"agreement, {name}: IoU {(a & b).sum() / max((a | b).sum(), 1):.5f} over {(a | b).sum()} covered pixels "
          f"of {a.size}")
PY
