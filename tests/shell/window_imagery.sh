#!/bin/sh
# Imagery in the window: a large tiled GeoTIFF without overviews opens at
# once on a coarse preview and offers to build overviews; the build runs
# from the Layers panel into the cache (nothing written beside the file);
# then a zoom to full resolution answers with the preview scaled in the very
# frame of the wheel notch, and the full-resolution tiles arrive behind it.
# Tile reads are held over the notch (a disk slower than any frame), so the
# notch's frame shows what the window draws without waiting on the disk on
# a fast machine as on a slow one.
# Full resolution is told from the preview by a one-pixel checkerboard in
# blue, which every overview averages to grey.
set -eu
pamir=$1
out=$3/window-imagery
rm -rf "$out"
mkdir -p "$out/data"
export PAMIR_SESSION="$out/session.geojson"
export PAMIR_OVERVIEW_CACHE="$out/cache"

fail() { echo "window imagery test: $*" >&2; exit 1; }

/usr/bin/python3 - "$out/data/scene.tif" <<'PY'
import sys
import numpy as np
from osgeo import gdal, osr
n = 8192
ds = gdal.GetDriverByName("GTiff").Create(sys.argv[1], n, n, 3, gdal.GDT_Byte,
                                          ["TILED=YES", "COMPRESS=DEFLATE"])
ds.SetGeoTransform([68, 7.0 / n, 0, 41, 0, -5.0 / n])
srs = osr.SpatialReference()
srs.ImportFromEPSG(4326)
ds.SetProjection(srs.ExportToWkt())
for y0 in range(0, n, 512):
    y, x = np.mgrid[y0:y0 + 512, 0:n]
    ds.GetRasterBand(1).WriteArray((x * 255 // n).astype(np.uint8), 0, y0)
    ds.GetRasterBand(2).WriteArray((y * 255 // n).astype(np.uint8), 0, y0)
    ds.GetRasterBand(3).WriteArray((((x + y) % 2) * 255).astype(np.uint8), 0, y0)
ds = None
PY

cat > "$out/script.txt" <<SCRIPT
wait-until settled yes
wait 3
screenshot $out/opened.png
expect building-overviews 0
click 152 153
wait 1
wait-until building-overviews 0
wait-until settled yes
wait 3
screenshot $out/with-overviews.png
hold-tile-reads yes
wheel 615 350 22
wait 2
screenshot $out/notch.png
print raster-tiles-missing
hold-tile-reads no
wait-until settled yes
wait 3
screenshot $out/refined.png
print raster-tiles
quit
SCRIPT
xvfb-run -a -s "-screen 0 1280x800x24" "$pamir" view --size 1280x800 --no-builtin --script "$out/script.txt" \
  "$out/data/scene.tif" > "$out/stdout" 2> "$out/stderr" || {
  cat "$out/stderr" >&2
  fail "the script failed"
}
grep -q "overviews of $out/data/scene.tif built into $out/cache/" "$out/stderr" || fail "no overview build: $(cat "$out/stderr")"
[ "$(ls "$out/data")" = "scene.tif" ] || fail "something was written beside the file: $(ls "$out/data")"
ls "$out/cache"/*.vrt.ovr > /dev/null || fail "no overviews in the cache"
missing=$(sed -n 's/.*state raster-tiles-missing = //p' "$out/stderr")
tiles=$(sed -n 's/.*state raster-tiles = //p' "$out/stderr")
[ "$missing" -gt 0 ] || fail "the wheel-notch frame waited for its tiles ($missing missing)"
[ "$tiles" -gt 0 ] || fail "no full-resolution tile was drawn ($tiles)"

# In the map area between the panels: the share of pixels whose blue is the
# checkerboard's (far from grey) rather than the preview's grey, and the share
# of the area the raster covers (not the background).
measure() {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import sys
from osgeo import gdal
img = gdal.Open(sys.argv[1])
r, g, b = (img.GetRasterBand(i).ReadAsArray(395, 130, 440, 400).astype(int) for i in (1, 2, 3))
if sys.argv[2] == "checker":
    print("%.4f" % (abs(b - 127) > 50).mean())
else:
    background = (abs(r - 238) < 8) & (abs(g - 238) < 8) & (abs(b - 232) < 8)
    print("%.4f" % (1 - background.mean()))
PY
}
checker() { measure "$1" checker; }
drawn() { measure "$1" drawn; }
notch=$(checker "$out/notch.png")
refined=$(checker "$out/refined.png")
shown=$(drawn "$out/notch.png")
awk -v s="$shown" 'BEGIN { exit !(s > 0.95) }' || fail "the wheel-notch frame is not the raster ($shown of it drawn)"
awk -v n="$notch" 'BEGIN { exit !(n < 0.05) }' || fail "the wheel-notch frame already has full resolution ($notch)"
awk -v r="$refined" 'BEGIN { exit !(r > 0.15) }' || fail "full resolution never arrived ($refined checkerboard)"
echo "window imagery test: ok ($missing tiles missing at the notch, $tiles drawn after; checkerboard $notch -> $refined)"
