#!/bin/sh
# The measuring tools in the real window under Xvfb, through --script: a
# three-point path (the first point snapped to the Chinese outpost near
# Shaymak) gives the total `pamir measure` gives for the same points; a
# 200 km range ring round the outpost is listed and drawn where the
# geodesic circle is (its south-eastern point worked out with GeographicLib's
# GeodSolve and PROJ's cs2cs, then found in the screenshot); undo and redo;
# the map menu's "Range ring here" and "Measure from here"; an area of four
# corners (one taken back with Backspace) against `pamir area`.
set -eu
pamir=$1
out=$3/window-measure
rm -rf "$out"
mkdir -p "$out"
export PAMIR_SESSION="$out/session.geojson"

fail() { echo "window measure test: $*" >&2; exit 1; }
view() { xvfb-run -a -s "-screen 0 1280x800x24" "$pamir" view --size 1280x800 --bbox 72.5,35,77,38.5 "$@"; }
# Pixels of colour $2 (within 12 %) in the WxH+X+Y box $3 of image $1.
count() {
  convert "$1" -crop "$3" +repage -fuzz 12% -fill white +opaque "$2" -fill black -opaque "$2" \
    -format '%[fx:int(w*h*(1-mean))]' info:
}
state() { sed -n "s/^pamir view: state $1 = //p" "$2"; }

# The outpost, as the built-in dataset has it.
outpost=$("$pamir" find cn_outpost_shaymak --json --limit 1)
lat=$(echo "$outpost" | sed -n 's/^ *"lat": \([-0-9.]*\),*$/\1/p' | head -1)
lon=$(echo "$outpost" | sed -n 's/^ *"lon": \([-0-9.]*\),*$/\1/p' | head -1)
[ -n "$lat" ] && [ -n "$lon" ] || fail "cannot find the outpost with pamir find"

cat > "$out/measure.txt" <<SCRIPT
wait 3
print view
screenshot $out/before.png
key P
wait 1
expect measure-tool path
click 650 262
click 500 500
move 800 520
wait 2
expect-contains cursor-readout km
expect-contains cursor-readout °
double-click 800 520
wait 2
expect measurements 1
expect draft-points 0
expect-contains measure-last path Path 1: Chinese outpost near Shaymak
expect-contains measure-last legs=2
print measure-last
screenshot $out/path.png
key P
click 1075 68
wait 1
key Backspace
key Backspace
key Backspace
key Backspace
key Backspace
key Backspace
type 200 km
key Return
wait 2
key R
wait 1
expect measure-tool ring
click 650 262
wait 3
expect measurements 2
expect-contains measure-list ring 200.0 km ring round Chinese outpost near Shaymak
expect-contains measure-last radius_m=200000.0 centre=37.40000, 74.90000
screenshot $out/ring.png
key Escape
key Ctrl+Z
wait 2
expect measurements 1
expect can-redo 1
key Ctrl+Shift+Z
wait 2
expect measurements 2
expect can-redo 0
right-click 650 262
wait 2
click 670 395
wait 2
expect measurements 3
expect-contains measure-last ring 200.0 km ring round Chinese outpost near Shaymak
right-click 500 450
wait 2
click 520 564
wait 2
expect measure-tool path
expect draft-points 1
key Escape
key Ctrl+Z
wait 2
expect measurements 2
key A
wait 1
expect measure-tool area
click 420 400
click 560 390
click 600 520
wait 1
key Backspace
expect draft-points 2
click 580 540
click 430 530
wait 1
expect-contains cursor-readout area
key Return
wait 2
expect measurements 3
expect-contains measure-last area Area 1: area_m2=
print measure-last
screenshot $out/area.png
quit
SCRIPT
view --script "$out/measure.txt" > "$out/measure.log" 2>&1 || { cat "$out/measure.log"; fail "the path and ring script"; }

# --- the path's total is what pamir measure gives for the same three points ---
total=$(state measure-last "$out/measure.log" | sed -n 's/.*total_m=\([0-9.]*\).*/\1/p')
points=$(python3 -c "import json,sys; f=json.load(open(sys.argv[1]))['features']; print(' '.join('%r,%r' % (p[1], p[0]) for p in f[0]['properties']['points']))" "$PAMIR_SESSION")
set -- $points
[ $# -eq 3 ] || fail "the path has $# points, not 3"
[ "$1" = "$lat,$lon" ] || fail "the path's first point $1 is not the outpost $lat,$lon (no snapping)"
cli=$("$pamir" measure "$1" "$2" "$3" --json | sed -n 's/^ *"total_m": \([0-9.]*\),*$/\1/p')
awk -v a="$total" -v b="$cli" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d < 0.1 && a > 100000) }' ||
  fail "the window's path total $total m is not pamir measure's $cli m"
m=$(count "$out/path.png" 'rgb(200,0,120)' 1280x700+0+0)
[ "$m" -gt 200 ] || fail "no path drawn ($m magenta pixels)"

# --- the area is what pamir area gives for the same corners ---------------------
area=$(state measure-last "$out/measure.log" | sed -n 's/.* area_m2=\([0-9.]*\).*/\1/p')
corners=$(python3 -c "import json,sys; f=json.load(open(sys.argv[1]))['features']; print(' '.join('%r,%r' % (p[1], p[0]) for p in f[2]['properties']['points']))" "$PAMIR_SESSION")
# shellcheck disable=SC2086
cliArea=$("$pamir" area $corners --json | sed -n 's/^ *"area_m2": \([0-9.]*\),*$/\1/p')
awk -v a="$area" -v b="$cliArea" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d < 1 && a > 1e8) }' ||
  fail "the window's area $area m² is not pamir area's $cliArea m²"
b=$(count "$out/area.png" 'rgb(0,100,200)' 1280x700+0+0)
[ "$b" -gt 150 ] || fail "no area drawn ($b blue pixels)"

# --- the 200 km ring: its south-eastern point (the south lies under the Time bar), in pixels
set -- $(state view "$out/measure.log")
minx=$1 miny=$2 maxx=$3 maxy=$4
south=$(echo "$lat $lon 135 200000" | GeodSolve -p 9)
slat=$(echo "$south" | cut -d' ' -f1)
slon=$(echo "$south" | cut -d' ' -f2)
mid=$(echo "$lat $lon 135 100000" | GeodSolve -p 9)
pixel() {
  echo "$2 $1" | cs2cs -f %.3f +proj=longlat +datum=WGS84 +to +proj=lcc +lat_0=38 +lon_0=70 +lat_1=32 +lat_2=44 +datum=WGS84 |
    awk -v x0="$minx" -v y0="$miny" -v x1="$maxx" -v y1="$maxy" \
      '{ printf "%d %d\n", ($1 - x0) / (x1 - x0) * 1280, (y1 - $2) / (y1 - y0) * 800 }'
}
set -- $(pixel "$slat" "$slon")
sx=$1 sy=$2
box="16x16+$((sx - 8))+$((sy - 8))"
orange='rgb(224,90,0)'
before=$(count "$out/before.png" "$orange" "$box")
after=$(count "$out/ring.png" "$orange" "$box")
[ "$after" -gt $((before + 8)) ] || fail "no ring at its south-eastern point ($sx,$sy): $before -> $after orange pixels"
set -- $(pixel "$(echo "$mid" | cut -d' ' -f1)" "$(echo "$mid" | cut -d' ' -f2)")
inside=$(count "$out/ring.png" "$orange" "16x16+$(($1 - 8))+$(($2 - 8))")
[ "$inside" -lt 4 ] || fail "ring pixels at 100 km, inside the 200 km ring ($inside)"
grep -q '"kind": "ring"' "$PAMIR_SESSION" || fail "the ring is not in the session file"

# --- the session file reads back, every kind -------------------------------------
printf 'wait 3\nexpect measurements 3\nexpect-contains measure-list path Path 1\nexpect-contains measure-list radius_m=200000.0\nquit\n' > "$out/again.txt"
view --script "$out/again.txt" > "$out/again.log" 2>&1 || { cat "$out/again.log"; fail "the measurements did not survive a restart"; }

echo "window measure test: path total $total m (pamir measure: $cli m), area $area m² (pamir area: $cliArea m²), 200 km ring drawn at its south-eastern point ($sx,$sy: $after orange pixels), undo/redo, kept across runs; screenshots in $out"
