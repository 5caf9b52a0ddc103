#!/bin/sh
# The search box in the real window under Xvfb, through --script (real SDL
# events): "/" opens it without typing a "/", a folded name ("murghob") finds
# the curated site first, Enter flies there and selects it; a coordinate goes
# there and drops a marker; typing in the box fires no shortcut; Escape closes.
set -eu
pamir=$1
out=$3/window-search
rm -rf "$out"
mkdir -p "$out"
export PAMIR_SESSION="$out/session.geojson"

fail() { echo "window search test: $*" >&2; exit 1; }
view() { xvfb-run -a -s "-screen 0 1280x800x24" "$pamir" view --size 1280x800 "$@"; }

cat > "$out/search.txt" <<SCRIPT
wait 3
remember view
key /
wait 2
expect search 1
type murghob
wait 2
screenshot $out/results.png
expect-same view
expect-measurements 0
key Return
wait 3
expect search 0
expect-contains selected Murgh
expect-changed view
wait-until flying 0
screenshot $out/selected.png
remember view
key Ctrl+K
wait 2
expect search 1
type 38.5N 68.7E
wait 2
key Return
wait 3
expect marker 38.5000, 68.7000
expect-changed view
wait-until flying 0
screenshot $out/marker.png
key /
wait 2
type fm
key Escape
wait 2
expect search 0
expect measurements 0
quit
SCRIPT
view --script "$out/search.txt" > "$out/stdout" 2> "$out/stderr" || {
  cat "$out/stderr" >&2
  fail "the search script failed"
}
[ -s "$out/selected.png" ] || fail "no screenshot of the selection"
# The marker is drawn in its red (220,30,60) at the view's centre, where the coordinate went.
red=$(convert "$out/marker.png" -crop 40x40+620+380 +repage -fuzz 10% -fill white +opaque "rgb(220,30,60)" \
  -fill black -opaque "rgb(220,30,60)" -format '%[fx:int(w*h*(1-mean))]' info:)
[ "$red" -gt 20 ] || fail "no marker at the centre of the view ($red red pixels)"
echo "window search test: ok (marker pixels: $red)"
