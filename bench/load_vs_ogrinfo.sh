#!/bin/sh
# Loading the built-in dataset's vector files: pamir (GDAL read + conversion
# to WGS84 lon/lat in memory) against `ogrinfo -qq -al` (GDAL's own read of
# every feature, the floor), side by side in one hyperfine run; one process
# per file for both.
# Usage: bench/load_vs_ogrinfo.sh [path/to/pamir]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
pamir=${1:-$root/build/src/app/pamir}
files=$(ls "$root"/geodata/*.gpkg "$root"/geodata/curated/*.geojson 2>/dev/null | tr '\n' ' ')
[ -n "$files" ] || { echo "no dataset files in $root/geodata" >&2; exit 1; }
out=${PAMIR_BENCH_OUT:-$root/build/bench-results}
mkdir -p "$out"
hyperfine --warmup 3 --runs ${RUNS:-20} --export-json "$out/load.json" \
  -n ogrinfo "for f in $files; do ogrinfo -qq -al -ro \$f > /dev/null; done" \
  -n pamir "for f in $files; do $pamir info --check \$f > /dev/null; done"
/usr/bin/python3 - "$out/load.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
o, p = r["ogrinfo"]["median"], r["pamir"]["median"]
print(f"median: ogrinfo {o*1000:.1f} ms, pamir {p*1000:.1f} ms, ratio pamir/ogrinfo {p/o:.2f}")
PY
