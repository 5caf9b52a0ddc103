#!/bin/sh
# The window's session under Xvfb: a window with a source of the analyst's,
# a CRS, a time filter and a pan and zoom is closed; `pamir render --session`
# draws what its map area showed (compared with the window's own screenshot
# of the map, within a pixel tolerance, and unlike a render of another view);
# a bare `pamir view` opens as it was left (view, size, filter, source, the
# help open, the selected feature); a
# layer switched off in the file is off in the window and the render alike;
# a measurements-only file of earlier releases still loads; a broken file
# and one of a newer version are reported and left byte for byte as they were.
set -eu
pamir=$1
src=$2
out=$3/window-session
rm -rf "$out"
mkdir -p "$out"
export PAMIR_SESSION="$out/session.geojson"

fail() { echo "window session test: $*" >&2; exit 1; }
xvfb() { xvfb-run -a -s "-screen 0 1280x800x24" "$pamir" view "$@"; }
state() { sed -n "s/^pamir view: state $1 = //p" "$2"; }
# Pixels that differ by more than 10 % between two images of one size.
differing() { compare -metric AE -fuzz 10% "$1" "$2" null: 2>&1 || true; }
sites="$src/tests/data/measure/sites.geojson"

# --- 1. a window worked in, then closed --------------------------------------------
cat > "$out/first.txt" <<SCRIPT
wait 3
wait-until settled yes
drag 520 300 440 260
wheel 470 300 2
wait 3
wait-until settled yes
wait 2
print view
print year
screenshot-map $out/window-map.png
key F1
wait 2
expect help 1
quit
SCRIPT
xvfb --size 1000x700 --crs EPSG:3857 --year 2005..2015 --script "$out/first.txt" "$sites" \
  > "$out/first.log" 2>&1 || { cat "$out/first.log"; fail "the first window"; }
view1=$(state view "$out/first.log")
[ -n "$view1" ] || fail "the first window printed no view"
[ "$(state year "$out/first.log")" = "2005..2015" ] || fail "the year filter is not 2005..2015"
grep -q '"pamir_session"' "$PAMIR_SESSION" || fail "no session in $PAMIR_SESSION"
grep -q "sites.geojson" "$PAMIR_SESSION" || fail "the added source is not in the session"

# --- 2. render --session draws what the window showed -------------------------------
"$pamir" render --session "$PAMIR_SESSION" -o "$out/render.png" > "$out/render.log" 2>&1 ||
  { cat "$out/render.log"; fail "render --session"; }
[ "$(identify -format '%wx%h' "$out/render.png")" = "$(identify -format '%wx%h' "$out/window-map.png")" ] ||
  fail "render --session is $(identify -format '%wx%h' "$out/render.png"), the window's map $(identify -format '%wx%h' "$out/window-map.png")"
d=$(differing "$out/window-map.png" "$out/render.png")
echo "render --session vs the window's map: $d of 700000 pixels differ by more than 10 %"
[ "$d" -lt 3500 ] || fail "render --session differs from the window's map in $d pixels"
# The comparison can tell views apart: the same map without the session's view differs a lot.
"$pamir" render --size 1000x700 --crs EPSG:3857 --year 2005..2015 "$sites" -o "$out/other.png" > /dev/null 2>&1
o=$(differing "$out/window-map.png" "$out/other.png")
[ "$o" -gt 70000 ] || fail "a render of another view differs in only $o pixels"

# --- 3. a bare pamir view opens as it was left --------------------------------------
# Where Khorugh (a site of sites.geojson) is in that view, to select it.
at=$(/usr/bin/python3 -c "
import math, sys
x0, y0, x1, y1 = map(float, sys.argv[1].split())
R = 6378137
x = math.radians(71.5531) * R
y = R * math.log(math.tan(math.pi / 4 + math.radians(37.4897) / 2))
print(round((x - x0) / (x1 - x0) * 1000), round((y1 - y) / (y1 - y0) * 700))" "$view1")
printf 'wait 3\nwait-until settled yes\nprint view\nprint year\nprint layer-names\nexpect help 1\nscreenshot %s\nkey Escape\nwait 2\nmove %s\nwait 2\nclick %s\nwait 2\nprint selected\nquit\n' \
  "$out/again.png" "$at" "$at" > "$out/again.txt"
xvfb --script "$out/again.txt" > "$out/again.log" 2>&1 || { cat "$out/again.log"; fail "the second window"; }
[ "$(state view "$out/again.log")" = "$view1" ] || fail "restored view $(state view "$out/again.log"), was $view1"
[ "$(state year "$out/again.log")" = "2005..2015" ] || fail "the year filter was not restored"
state layer-names "$out/again.log" | grep -q sites || fail "the source was not restored"
[ "$(identify -format '%wx%h' "$out/again.png")" = "1000x700" ] || fail "the window did not reopen at 1000x700"
# The feature selected (Khorugh) is selected again at the next start.
selected=$(state selected "$out/again.log")
[ -n "$selected" ] || fail "the click on Khorugh selected nothing"
printf 'wait 3\nwait-until settled yes\nprint selected\nquit\n' > "$out/third.txt"
xvfb --script "$out/third.txt" > "$out/third.log" 2>&1 || { cat "$out/third.log"; fail "the third window"; }
[ "$(state selected "$out/third.log")" = "$selected" ] || fail "selected '$(state selected "$out/third.log")', was '$selected'"

# --- 4. a layer switched off: off in the window and in the render -------------------
/usr/bin/python3 - "$PAMIR_SESSION" "$out/hidden.geojson" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
for l in s["pamir_session"]["layers"]:
    if l["id"] == "countries":
        l["visible"] = False
json.dump(s, open(sys.argv[2], "w"))
PY
printf 'wait 3\nwait-until settled yes\nwait 2\nscreenshot-map %s\nquit\n' "$out/hidden-map.png" > "$out/hidden.txt"
xvfb --session "$out/hidden.geojson" --script "$out/hidden.txt" > "$out/hidden.log" 2>&1 ||
  { cat "$out/hidden.log"; fail "the window on the edited session"; }
"$pamir" render --session "$out/hidden.geojson" -o "$out/hidden-render.png" > /dev/null 2>&1 || fail "render of the edited session"
d=$(differing "$out/hidden-map.png" "$out/hidden-render.png")
[ "$d" -lt 3500 ] || fail "with a layer off, render --session differs from the window's map in $d pixels"
h=$(differing "$out/hidden-map.png" "$out/window-map.png")
[ "$h" -gt 10000 ] || fail "switching the countries off changed only $h pixels"

# --- 5. the measurements-only file of earlier releases ------------------------------
cat > "$out/old.geojson" <<'OLD'
{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"label": "old line"},
 "geometry": {"type": "LineString", "coordinates": [[71, 37], [72, 38]]}}]}
OLD
printf 'wait 3\nexpect-measurements 1\nexpect-contains measure-list old line\nquit\n' > "$out/old.txt"
xvfb --size 1000x700 --session "$out/old.geojson" --script "$out/old.txt" > "$out/old.log" 2>&1 ||
  { cat "$out/old.log"; fail "the measurements-only file did not load"; }
grep -q '"pamir_session"' "$out/old.geojson" || fail "the old file was not saved as a session on closing"

# --- 6. broken and newer files are reported and kept -------------------------------
printf '{"pamir_session": {"version": 9}, "type": "FeatureCollection", "features": []}\n' > "$out/newer.geojson"
printf '{"type": "FeatureCollection", "features": [ oops' > "$out/broken.geojson"
for f in newer broken; do
  cp "$out/$f.geojson" "$out/$f.copy"
  printf 'wait 2\nkey M\nclick 400 200\nclick 540 400\nwait 2\nexpect-measurements 1\nquit\n' > "$out/$f.txt"
  xvfb --size 1000x700 --session "$out/$f.geojson" --script "$out/$f.txt" > "$out/$f.log" 2>&1 ||
    { cat "$out/$f.log"; fail "a $f session file stopped the window"; }
  cmp -s "$out/$f.geojson" "$out/$f.copy" || fail "the $f session file was written over"
  grep -q "not saved over it" "$out/$f.log" || fail "the window did not say it keeps the $f file"
done
grep -q "$out/newer.geojson: session version 9 is newer than this Pamir reads (up to 2)" "$out/newer.log" ||
  fail "the newer file's version was not named"
grep -q "$out/broken.geojson: not a Pamir session (" "$out/broken.log" || fail "the broken file was not reported"
if "$pamir" render --session "$out/newer.geojson" -o "$out/newer.png" > "$out/newer-render.log" 2>&1; then
  fail "render --session drew a newer session"
fi
grep -q "session version 9 is newer" "$out/newer-render.log" || fail "render --session did not name the version"
[ ! -e "$out/newer.png" ] || fail "render --session wrote an image of a newer session"

# --- 7. Save session… and Open session… in the window (Layers panel, Session menu) ---
cat > "$out/save.txt" <<SCRIPT
wait 3
wait-until settled yes
click 218 48
wait 2
click 270 64
wait 2
expect file-dialog 1
type $out/saved.geojson
key Return
wait 3
expect file-dialog 0
print view
quit
SCRIPT
xvfb --size 1000x700 --session "$out/a.geojson" --bbox 60,35,65,40 --year 1990 --script "$out/save.txt" \
  > "$out/save.log" 2>&1 || { cat "$out/save.log"; fail "Save session…"; }
saved=$(state view "$out/save.log")
grep -q '"pamir_session"' "$out/saved.geojson" || fail "Save session… wrote no session"
cat > "$out/open.txt" <<SCRIPT
wait 3
wait-until settled yes
click 218 48
wait 2
click 270 83
wait 2
expect file-dialog 1
type $out/saved.geojson
key Return
wait 3
wait-until settled yes
expect file-dialog 0
expect year 1990
print view
quit
SCRIPT
xvfb --size 1000x700 --session "$out/b.geojson" --bbox 70,36,75,40 --script "$out/open.txt" \
  > "$out/open.log" 2>&1 || { cat "$out/open.log"; fail "Open session…"; }
[ "$(state view "$out/open.log")" = "$saved" ] || fail "Open session… shows $(state view "$out/open.log"), saved $saved"
echo "window session test: ok"
