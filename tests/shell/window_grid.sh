#!/bin/sh
# Reference grids in the real window under Xvfb, through --script: G draws
# the graticule, the Layers panel's MGRS box adds the MGRS grid, G again
# takes the graticule away; each shows on the map's pixels.
set -eu
pamir=$1
out=$3/window-grid
rm -rf "$out"
mkdir -p "$out"
export PAMIR_SESSION="$out/session.geojson"

fail() { echo "window grid test: $*" >&2; exit 1; }

cat > "$out/grid.txt" <<SCRIPT
wait-until settled yes
wait 3
expect-contains legend outpost
expect grid-lines 0
remember grid-lines
screenshot $out/none.png
key G
wait 3
expect-changed grid-lines
screenshot $out/graticule.png
remember grid-lines
click 166 98
wait 3
expect-changed grid-lines
key G
wait 3
screenshot $out/mgrs.png
click 166 98
wait 3
expect grid-lines 0
quit
SCRIPT
xvfb-run -a -s "-screen 0 1280x800x24" "$pamir" view --size 1280x800 --script "$out/grid.txt" \
  > "$out/stdout" 2> "$out/stderr" || {
  cat "$out/stderr" >&2
  fail "the script failed"
}
# The map right of the panels: the grid lines change it.
changed() {
  compare -metric AE -fuzz 3% "$1" "$2" -crop 500x450+380+280 null: 2>&1 | cut -d' ' -f1 || true
}
g=$(changed "$out/none.png" "$out/graticule.png")
m=$(changed "$out/none.png" "$out/mgrs.png")
[ "${g%%.*}" -gt 300 ] || fail "the graticule is not drawn ($g pixels changed)"
[ "${m%%.*}" -gt 300 ] || fail "the MGRS grid is not drawn ($m pixels changed)"
echo "window grid test: ok (graticule $g, MGRS $m pixels)"
