#!/bin/sh
# The real window under Xvfb, driven two ways: the program's scripted input
# (real SDL events) and xdotool (real X events, as a person's mouse). Checks
# what a user sees: the map is drawn, panning moves it, zooming changes it,
# a measurement is made and shown.
set -eu
pamir=$1
out=$3/window
rm -rf "$out"
mkdir -p "$out"

fail() { echo "window test: $*" >&2; exit 1; }
# Pixels that differ between two screenshots (ImageMagick's absolute error count).
differing() { compare -metric AE -fuzz 2% "$1" "$2" null: 2>&1 | cut -d' ' -f1; }
colours() { identify -format '%k' "$1"; }
# A screenshot with a map in it: many colours, not a blank or black window.
expect_map() {
  n=$(colours "$1")
  [ "$n" -gt 500 ] || fail "$(basename "$1") has only $n colours: no map drawn"
}
# Two screenshots that differ as an action should make them: $3 names the action.
expect_changed() {
  d=$(differing "$1" "$2")
  [ "$d" -gt 50000 ] || fail "$3 changed only $d pixels"
}

# Measurements are kept in this test's own session file, never the user's.
export PAMIR_SESSION="$out/session.geojson"

# --- 1. scripted input -------------------------------------------------------------
cat > "$out/script.txt" <<SCRIPT
wait 3
screenshot $out/start.png
drag 760 420 560 320
wait 2
screenshot $out/panned.png
wheel 640 400 3
wait 2
screenshot $out/zoomed.png
key F
key M
click 500 450
click 800 300
wait 2
expect-measurements 1
screenshot $out/measured.png
quit
SCRIPT
xvfb-run -a -s "-screen 0 1280x800x24" "$pamir" view --size 1280x800 --script "$out/script.txt" \
  > "$out/script.log" 2>&1 || { cat "$out/script.log"; fail "scripted session failed"; }

grep -q 'pamir view: ready (first frame drawn)' "$out/script.log" || fail "the window did not report its first frame"
for f in start panned zoomed measured; do
  [ -s "$out/$f.png" ] || fail "no $f.png"
done
expect_map "$out/start.png"
expect_changed "$out/start.png" "$out/panned.png" "dragging"
expect_changed "$out/panned.png" "$out/zoomed.png" "zooming"
# The measurement line is drawn in magenta (200,0,120): look for it.
m=$(convert "$out/measured.png" -fuzz 6% -fill white +opaque 'rgb(200,0,120)' -format '%[fx:int(w*h*(1-mean))]' info:)
[ "$m" -gt 200 ] || fail "no measurement line visible ($m magenta pixels)"

# --- 1b. the measurement outlives the window; an unreadable session file is left alone --
[ -s "$PAMIR_SESSION" ] || fail "no session file after measuring"
grep -q '"method": "geodesic (Karney) on WGS84 via PROJ"' "$PAMIR_SESSION" || fail "session file lacks the method"
printf 'wait 3\nexpect-measurements 1\nquit\n' > "$out/again.txt"
xvfb-run -a -s "-screen 0 1280x800x24" "$pamir" view --size 1280x800 --script "$out/again.txt" \
  > "$out/again.log" 2>&1 || { cat "$out/again.log"; fail "the measurement did not survive a restart"; }
printf '{"type": "FeatureCollection", "features": [ oops' > "$PAMIR_SESSION"
cp "$PAMIR_SESSION" "$out/corrupt.copy"
printf 'wait 2\nkey M\nclick 500 450\nclick 800 300\nwait 2\nexpect-measurements 1\nquit\n' > "$out/corrupt.txt"
xvfb-run -a -s "-screen 0 1280x800x24" "$pamir" view --size 1280x800 --script "$out/corrupt.txt" \
  > "$out/corrupt.log" 2>&1 || { cat "$out/corrupt.log"; fail "an unreadable session file stopped the window"; }
cmp -s "$PAMIR_SESSION" "$out/corrupt.copy" || fail "an unreadable session file was overwritten"

# --- 1c. nearest distance between whole features, as the source document asks ---------
# (outpost near Shaymak -> Gilgit-Baltistan; Wakhan corridor -> Gilgit-Baltistan)
export PAMIR_SESSION="$out/session-features.geojson"
printf 'wait 3\nkey N\nclick 650 262\nclick 774 540\nwait 1\nclick 410 360\nclick 774 540\nwait 2\nexpect-measurements 2\nscreenshot %s\nquit\n' \
  "$out/features.png" > "$out/features.txt"
xvfb-run -a -s "-screen 0 1280x800x24" "$pamir" view --bbox 72.5,35,77,38.5 --size 1280x800 --script "$out/features.txt" \
  > "$out/features.log" 2>&1 || { cat "$out/features.log"; fail "feature-to-feature measuring failed"; }
grep -q 'Chinese outpost near Shaymak[^"]* ↔ Gilgit-Baltistan (disjoint)' "$PAMIR_SESSION" || fail "no outpost-Gilgit-Baltistan measurement"
grep -Eq 'Wakhan Corridor ↔ Gilgit-Baltistan \((touching|overlapping)\)' "$PAMIR_SESSION" || fail "Wakhan corridor and Gilgit-Baltistan should touch"
export PAMIR_SESSION="$out/session-xdo.geojson"

# --- 2. xdotool: the window as a person's mouse sees it ---------------------------------
cat > "$out/xdo.sh" <<XDO
set -eu
"$pamir" view --size 1280x800 > "$out/xdo-view.log" 2>&1 &
pid=\$!
# By class: the title is UTF-8 (_NET_WM_NAME, and WM_NAME in the UTF-8 locale), which
# xdotool running in the C locale cannot decode to match a --name.
wid=\$(xdotool search --sync --onlyvisible --class 'pamir' | head -n1)
# The program says when the map is on screen: wait for that (at most 60 s), not a guess.
tries=0
until grep -q 'pamir view: ready' "$out/xdo-view.log"; do
  tries=\$((tries + 1))
  [ \$tries -le 600 ] || { echo "the window never reported its first frame"; exit 1; }
  kill -0 \$pid 2>/dev/null || { echo "pamir view exited before its first frame"; exit 1; }
  sleep 0.1
done
import -window root "$out/xdo-start.png"
xdotool mousemove --window "\$wid" 700 450 mousedown 1 mousemove --window "\$wid" 500 350 mouseup 1
sleep 2
import -window root "$out/xdo-panned.png"
xdotool key --window "\$wid" plus
sleep 2
import -window root "$out/xdo-zoomed.png"
kill \$pid
wait \$pid || true
XDO
xvfb-run -a -s "-screen 0 1280x800x24" sh "$out/xdo.sh" > "$out/xdo.log" 2>&1 || { cat "$out/xdo.log"; fail "xdotool session failed"; }
expect_map "$out/xdo-start.png"
expect_changed "$out/xdo-start.png" "$out/xdo-panned.png" "an xdotool drag"
expect_changed "$out/xdo-panned.png" "$out/xdo-zoomed.png" "the + key"
echo "window test: map drawn ($n colours), pan, zoom and measurement seen, measurement kept across runs; screenshots in $out"
