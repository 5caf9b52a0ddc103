#!/bin/sh
# A dropped layer in the real window under Xvfb, through --script: it obeys
# the year filter the window was opened with; its row's menu (right-click)
# changes the fields the year filter reads; a write to its file is noticed
# and "Reload from source" reads it again with the analyst's choice kept;
# "Remove" takes it off and leaves the built-in layers.
set -eu
pamir=$1
out=$3/window-layer-menu
rm -rf "$out"
mkdir -p "$out"
export PAMIR_SESSION="$out/session.geojson"

fail() { echo "window layer-menu test: $*" >&2; exit 1; }

depots() {
  {
    echo '{"type":"FeatureCollection","features":['
    echo '{"type":"Feature","properties":{"name":"Depot North","year_start":2005,"year_end":2012,"host":"TJ"},"geometry":{"type":"Point","coordinates":[71.5,39.0]}},'
    echo '{"type":"Feature","properties":{"name":"Depot South","year_start":2015,"host":"AF"},"geometry":{"type":"Point","coordinates":[70.0,36.5]}}'
    [ "${1:-}" = edited ] &&
      echo ',{"type":"Feature","properties":{"name":"Depot East","year_start":2010,"host":"TJ"},"geometry":{"type":"Point","coordinates":[73.0,38.2]}}'
    echo ']}'
  } > "$2"
}
depots original "$out/depots.geojson"

# Rows: the dropped file's group comes first (it is drawn on top), its layer
# row at y=153; the row's menu items below it; the submenu to the right.
cat > "$out/menu.txt" <<SCRIPT
wait 3
remember layer-names
drop $out/depots.geojson
wait-until layer-names depots
wait 3
expect shown:depots 1
expect filter-fields:depots year: year_start to year_end; country: host
screenshot $out/as-of-2010.png
right-click 100 153
wait 3
move 140 252
wait 5
click 360 299
wait 3
screenshot $out/fields.png
click 300 325
wait 3
expect filter-fields:depots year: year_start; country: host
expect shown:depots 0
key Escape
wait 3
expect-contains layer-names depots
screenshot $out/events-only.png
wait-until changed-on-disk depots
screenshot $out/changed.png
right-click 100 153
wait 3
click 160 210
wait 5
expect changed-on-disk
expect filter-fields:depots year: year_start; country: host
expect shown:depots 1
right-click 100 153
wait 3
click 150 229
wait 5
expect-same layer-names
expect-contains layer-names Outposts and bases
screenshot $out/removed.png
quit
SCRIPT

# The file is edited while the window is open, once the fields are chosen
# (the screenshot after that step says the script got there).
(
  n=0
  until [ -s "$out/events-only.png" ]; do
    sleep 0.2
    n=$((n + 1))
    [ $n -lt 900 ] || exit 0
  done
  sleep 0.5
  depots edited "$out/depots.new"
  mv "$out/depots.new" "$out/depots.geojson"
) &
writer=$!

xvfb-run -a -s "-screen 0 1280x800x24" "$pamir" view --size 1280x800 --year 2010 --script "$out/menu.txt" \
  > "$out/stdout" 2> "$out/stderr" || {
  kill $writer 2>/dev/null || true
  cat "$out/stderr" >&2
  fail "the script failed"
}
wait $writer || true
grep -q "depots.geojson changed on disk" "$out/stderr" || fail "the change on disk was not said: $(cat "$out/stderr")"
grep -q "reloaded depots from $out/depots.geojson (3 features)" "$out/stderr" || fail "no reload line: $(cat "$out/stderr")"
grep -q "removed depots" "$out/stderr" || fail "no 'removed' line: $(cat "$out/stderr")"
# The first source colour (Okabe-Ito blue, 0,114,178) on the map between the
# Layers panel and the Legend: Depot North in 2010, and nothing once each depot is an event
# of the year it opened.
blue() {
  convert "$1" -crop 560x740+380+0 +repage -fuzz 8% -fill white +opaque "rgb(0,114,178)" \
    -fill black -opaque "rgb(0,114,178)" -format '%[fx:int(w*h*(1-mean))]' info:
}
before=$(blue "$out/as-of-2010.png")
after=$(blue "$out/events-only.png")
[ "$before" -gt 12 ] || fail "the depot open in 2010 is not drawn ($before pixels of its colour)"
[ "$after" -lt 5 ] || fail "depots the filter now hides are still drawn ($after pixels of their colour)"
echo "window layer-menu test: ok (depot pixels $before as of 2010, $after as events)"
