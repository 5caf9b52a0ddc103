#!/bin/sh
# Imagery at scale: a 40,000 x 40,000 RGB GeoTIFF (tiled, DEFLATE, with
# overviews; made once with GDAL and kept in the output folder), drawn by
# `pamir render` and by `gdalwarp` (the peer: GDAL's own overview choice and
# resampling) on the same extent and pixel grid, in one hyperfine run:
#   whole  - the whole raster at 1920x1080 (an overview)
#   detail - a 1920x1080 window at full resolution (level-0 tiles)
# then each render's peak memory (/usr/bin/time), and the window's time to
# its first frame and to the raster drawn (frame log, Xvfb).
# Usage: bench/imagery_vs_gdalwarp.sh [path/to/pamir]    (RUNS=5 by default)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
pamir=${1:-$root/build/src/app/pamir}
runs=${RUNS:-5}
out=${PAMIR_BENCH_OUT:-$root/build/bench-results}/imagery
mkdir -p "$out"
big=$out/scene40k.tif
export PAMIR_OVERVIEW_CACHE="$out/cache"

if [ ! -f "$big" ]; then
  echo "making $big (once)..."
  /usr/bin/python3 - "$out/seed.tif" <<'PY'
import sys
import numpy as np
from osgeo import gdal, osr
n = 1000
ds = gdal.GetDriverByName("GTiff").Create(sys.argv[1], n, n, 3, gdal.GDT_Byte)
ds.SetGeoTransform([68, 7.0 / n, 0, 41, 0, -5.0 / n])
srs = osr.SpatialReference()
srs.ImportFromEPSG(4326)
ds.SetProjection(srs.ExportToWkt())
rng = np.random.default_rng(7)
y, x = np.mgrid[0:n, 0:n]
for b in (1, 2, 3):
    field = (np.sin(x / (17.0 * b)) + np.cos(y / (23.0 * b))) * 60 + 128 + rng.normal(0, 12, (n, n))
    ds.GetRasterBand(b).WriteArray(np.clip(field, 0, 255).astype(np.uint8))
ds = None
PY
  gdal_translate -q -outsize 40000 40000 -r bilinear -co TILED=YES -co COMPRESS=DEFLATE -co PREDICTOR=2 \
    -co BIGTIFF=YES -of GTiff "$out/seed.tif" "$big.tmp"
  gdaladdo -q -r average --config COMPRESS_OVERVIEW DEFLATE --config GDAL_TIFF_OVR_BLOCKSIZE 256 "$big.tmp" 2 4 8 16 32 64 128 256
  mv "$big.tmp" "$big"
fi
ls -l "$big" | awk '{printf "raster: 40000 x 40000 x 3, %.0f MB on disk\n", $5 / 1e6}'

whole="68 36 75 41"
detail="71.40 38.42 71.5680 38.5145"  # 1920 x 1080 pixels of 0.000175 degrees: full resolution
render() { # name extent
  echo "$pamir render $big --no-builtin --no-labels --crs EPSG:4326 --extent $(echo $2 | tr ' ' ,) --size 1920x1080 -o $out/pamir-$1.png"
}
warp() {
  echo "gdalwarp -q -overwrite -r bilinear -te $2 -ts 1920 1080 $big $out/gdalwarp-$1.tif"
}
hyperfine --runs "$runs" --warmup 1 --export-json "$out/hyperfine.json" \
  -n pamir-whole "$(render whole "$whole")" -n gdalwarp-whole "$(warp whole "$whole")" \
  -n pamir-detail "$(render detail "$detail")" -n gdalwarp-detail "$(warp detail "$detail")"
/usr/bin/python3 - "$out/hyperfine.json" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
for case in ("whole", "detail"):
    p, g = r["pamir-" + case], r["gdalwarp-" + case]
    print(f"{case}: pamir {p:.3f} s, gdalwarp {g:.3f} s, pamir/gdalwarp x{p / g:.2f} (medians)")
PY
for case in whole detail; do
  [ "$case" = whole ] && e=$whole || e=$detail
  /usr/bin/time -f "$case: pamir peak RSS %M KB" sh -c "$(render $case "$e") > /dev/null"
done

# The window: first frame, and the first frame with the raster drawn.
cat > "$out/window.txt" <<SCRIPT
wait-until settled yes
wait 2
quit
SCRIPT
for i in 1 2 3; do
  start=$(date +%s.%N)
  xvfb-run -a -s "-screen 0 1280x800x24" "$pamir" view --no-builtin --no-session --frame-log "$out/frames.log" \
    --script "$out/window.txt" "$big" > /dev/null 2> "$out/window.stderr"
  end=$(date +%s.%N)
  awk -v total="$(echo "$end - $start" | bc)" 'NR == 2 { first = $1 } NR > 1 { if ($2 > worst) worst = $2; n++ }
    END { printf "window: first frame at %.0f ms after start; raster in and every tile drawn, then quit: %.2f s wall (Xvfb start included); %d frames, slowest %.0f ms\n", first, total, n, worst }' "$out/frames.log"
done
