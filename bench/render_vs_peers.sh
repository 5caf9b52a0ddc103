#!/bin/sh
# Whole-process renders of large layers beside QGIS 3.22 and Mapnik 3.1, in
# one interleaved run (each round runs every command once, order rotated):
# Pamir styled (a new layer's default style) and --plain, QGIS's default
# style and its plain single symbol, Mapnik's plain style. Same file, CRS
# (EPSG:4326: the peers' Mapnik script draws in the data's own CRS), extent
# and 1920x1080 grid for all; wall, CPU and peak RSS per
# command, and per-round ratios against Pamir styled.
# Usage: bench/render_vs_peers.sh PEERS_DIR DATA.gpkg [path/to/pamir]
#   PEERS_DIR: the peers harness (abrun.py, qgis_render.py, mapnik_render.py);
#   its gen_data.py makes the 1M-point and 10M-segment files.
#   ROUNDS=3 by default. The peers are benchmark tools, not dependencies:
#   apt-get install python3-qgis qgis-providers python3-mapnik mapnik-utils
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
peers=$1
data=$2
pamir=${3:-$root/build/bin/pamir}
rounds=${ROUNDS:-3}
out=${PAMIR_BENCH_OUT:-$root/build/bench-results}/peers
mkdir -p "$out"
name=$(basename "$data" .gpkg)
# The data's box (lon 45..100, lat 20..55), widened to 16:9.
extent=41.39,20,103.61,55
size=1920x1080
/usr/bin/python3 "$peers/abrun.py" --rounds "$rounds" --out "$out/$name.json" --ref pamir_styled \
  pamir_styled="$pamir render --no-builtin --crs EPSG:4326 --extent $extent --size $size $data -o $out/$name-pamir.png" \
  pamir_plain="$pamir render --no-builtin --plain --crs EPSG:4326 --extent $extent --size $size $data -o $out/$name-pamir-plain.png" \
  qgis_default="/usr/bin/python3 $peers/qgis_render.py -o $out/$name-qgis.png --size $size --crs EPSG:4326 --extent $extent $data" \
  qgis_plain="/usr/bin/python3 $peers/qgis_render.py --plain -o $out/$name-qgis-plain.png --size $size --crs EPSG:4326 --extent $extent $data" \
  mapnik="/usr/bin/python3 $peers/mapnik_render.py -o $out/$name-mapnik.png --size $size --extent $extent $data"
/usr/bin/python3 "$peers/summarize.py" "$out/$name.json"
