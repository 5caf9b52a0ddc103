#!/bin/sh
# Adding the analyst's own data in the real window under Xvfb, through
# --script (real SDL drop events): a dropped file becomes a layer on top,
# the built-in layers stay, the view goes to the new data and its points are
# drawn there; a file that cannot be read is one message and changes nothing.
set -eu
pamir=$1
out=$3/window-add-layer
rm -rf "$out"
mkdir -p "$out"
export PAMIR_SESSION="$out/session.geojson"

fail() { echo "window add-layer test: $*" >&2; exit 1; }

cat > "$out/depots.geojson" <<'JSON'
{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"Depot North","year_start":2005,"year_end":2012},"geometry":{"type":"Point","coordinates":[71.5,39.0]}},
{"type":"Feature","properties":{"name":"Depot South","year_start":2015},"geometry":{"type":"Point","coordinates":[70.0,36.5]}}]}
JSON
printf 'not geodata at all\n' > "$out/broken.geojson"

cat > "$out/add.txt" <<SCRIPT
wait 3
remember view
drop $out/broken.geojson
wait 3
wait-until loading 0
expect-same view
expect-contains layer-names Outposts and bases
remember layer-names
drop $out/depots.geojson
wait-until layer-names depots
wait 3
expect-contains layer-names depots
expect-contains layer-names Outposts and bases
expect-changed view
expect-changed layer-names
screenshot $out/added.png
quit
SCRIPT
xvfb-run -a -s "-screen 0 1280x800x24" "$pamir" view --size 1280x800 --script "$out/add.txt" \
  > "$out/stdout" 2> "$out/stderr" || {
  cat "$out/stderr" >&2
  fail "the script failed"
}
grep -q "broken.geojson" "$out/stderr" || fail "the unreadable file was not reported: $(cat "$out/stderr")"
grep -q "added 1 layer(s) from $out/depots.geojson" "$out/stderr" || fail "no 'added' line: $(cat "$out/stderr")"
# The first source colour (Okabe-Ito blue, 0,114,178: the symbols' outline) where
# the depots are drawn, between the Layers panel and the Legend.
blue=$(convert "$out/added.png" -crop 560x740+380+0 +repage -fuzz 8% -fill white +opaque "rgb(0,114,178)" -fill black -opaque "rgb(0,114,178)" \
  -format '%[fx:int(w*h*(1-mean))]' info:)
[ "$blue" -gt 25 ] || fail "the dropped points are not drawn ($blue pixels of their colour)"
echo "window add-layer test: ok ($blue pixels of the new layer's colour)"
