#!/bin/sh
# Loading vector files: `pamir info --check FILE` (GDAL read of every feature
# and its geometry, conversion to WGS84 lon/lat in memory, validity checks)
# against GDAL's own full read of the same files, `ogr2ogr -f Memory`, which
# reads every feature and geometry and copies it into an in-memory dataset
# (the floor; no reprojection, as the files here are WGS84 already). One
# process per file for both.
#
# `ogrinfo -qq -al` is no floor: in GDAL 3.6 its feature loop sits inside
# `if (!bSuperQuiet)`, so it only opens the files.
#
# hyperfine runs all of one command's runs before the next command's, so on a
# shared machine a load change lands on one side only. The runs are therefore
# made in ROUNDS hyperfine runs of RUNS runs each, the order of the two
# commands swapped every round; the medians are over all runs, and the ratio
# is also given per round (median of the per-round ratios).
#
# Usage: bench/load_vs_gdal_read.sh [path/to/pamir] [FILE...]
#   without FILEs: the built-in dataset's vector files (geodata/*.gpkg and
#   geodata/curated/*.geojson), timed together, one process per file.
#   Environment: ROUNDS (default 4), RUNS (runs per round, default 5),
#   NAME (label of the result file, default builtin or the first file's name).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
pamir=${1:-$root/build/src/app/pamir}
[ $# -gt 0 ] && shift
if [ $# -gt 0 ]; then
  files="$*"
  name=${NAME:-$(basename "$1" | tr -c 'A-Za-z0-9_\n' '_')}
else
  files=$(ls "$root"/geodata/*.gpkg "$root"/geodata/curated/*.geojson 2>/dev/null | tr '\n' ' ')
  name=${NAME:-builtin}
fi
[ -n "$files" ] || { echo "no dataset files in $root/geodata" >&2; exit 1; }
out=${PAMIR_BENCH_OUT:-$root/build/bench-results}
mkdir -p "$out"
rm -f "$out"/load-"$name"-*.json
rounds=${ROUNDS:-4}
runs=${RUNS:-5}

# Both commands must succeed on every file (pamir exits 1 when a feature was skipped).
for f in $files; do
  "$pamir" info --check "$f" > /dev/null
done

gdal="for f in $files; do ogr2ogr -f Memory /vsimem/load \$f; done"
pamir_cmd="for f in $files; do $pamir info --check \$f > /dev/null; done"
i=1
while [ "$i" -le "$rounds" ]; do
  if [ $((i % 2)) -eq 1 ]; then
    set -- -n gdal "$gdal" -n pamir "$pamir_cmd"
  else
    set -- -n pamir "$pamir_cmd" -n gdal "$gdal"
  fi
  hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$out/load-$name-$i.json" "$@"
  i=$((i + 1))
done

/usr/bin/python3 - "$name" "$out"/load-"$name"-*.json <<'PY'
import json, statistics, sys
name, paths = sys.argv[1], sys.argv[2:]
times = {"gdal": [], "pamir": []}
cpu = {"gdal": [], "pamir": []}
ratios = []
for p in paths:
    r = {x["command"]: x for x in json.load(open(p))["results"]}
    for k in times:
        times[k] += r[k]["times"]
        cpu[k].append(r[k]["user"] + r[k]["system"])  # hyperfine gives CPU as a mean per round
    ratios.append(r["pamir"]["median"] / r["gdal"]["median"])
g, p = statistics.median(times["gdal"]), statistics.median(times["pamir"])
gc, pc = statistics.median(cpu["gdal"]), statistics.median(cpu["pamir"])
print(f"{name}: {len(paths)} rounds, {len(times['pamir'])} runs of each command")
print(f"median wall: ogr2ogr -f Memory {g*1000:.1f} ms, pamir {p*1000:.1f} ms, ratio pamir/gdal {p/g:.2f} "
      f"(per-round ratios {min(ratios):.2f}..{max(ratios):.2f}, median {statistics.median(ratios):.2f})")
print(f"median CPU (user+sys): ogr2ogr -f Memory {gc*1000:.1f} ms, pamir {pc*1000:.1f} ms, ratio {pc/gc:.2f}")
PY
