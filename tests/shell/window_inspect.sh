#!/bin/sh
# Input and inspection in the real window under Xvfb, through --script (real
# SDL events): panels own the mouse and keys where they are, shortcuts respect
# modifiers and text fields, hover shows a tooltip and a highlight, a click
# selects (outlined on the map), the right-click menu copies a coordinate and
# says what is here, the inspector copies a feature as GeoJSON.
set -eu
pamir=$1
out=$3/window-inspect
rm -rf "$out"
mkdir -p "$out"
export PAMIR_SESSION="$out/session.geojson"

fail() { echo "window inspect test: $*" >&2; exit 1; }
# Pixels of colour $2 (within 8 %) in image $1, in the 80x80 square round the outpost (650,262).
count() {
  convert "$1" -crop 80x80+610+222 +repage -fuzz 8% -fill white +opaque "$2" -fill black -opaque "$2" \
    -format '%[fx:int(w*h*(1-mean))]' info:
}
view() { xvfb-run -a -s "-screen 0 1280x800x24" "$pamir" view --size 1280x800 "$@"; }

# --- 1. panels own the wheel; keys with modifiers and in text fields are not shortcuts ---
cat > "$out/input.txt" <<SCRIPT
wait 3
click 700 400
wait 2
remember view
move 150 200
wait 2
screenshot $out/before-wheel.png
move 700 400
wait 2
wheel 150 200 -3
wait 2
expect-same view
screenshot $out/after-wheel.png
wheel 700 400 2
wait 2
expect-changed view
remember view
key Ctrl+F
wait 2
expect-same view
click 930 783
wait 2
type fm+
wait 2
expect-same view
expect-measurements 0
key Escape
click 700 400
wait 2
key F
wait 2
expect-changed view
key F1
wait 2
expect help 1
screenshot $out/help.png
key Escape
wait 2
expect help 0
key Shift+/
wait 2
expect help 1
quit
SCRIPT
view --script "$out/input.txt" > "$out/input.log" 2>&1 || { cat "$out/input.log"; fail "input ownership and shortcuts"; }
# The map under the panels did not move: the map away from the Layers panel (and its row tooltips) is unchanged.
d=$(compare -metric AE -fuzz 2% "$out/before-wheel.png" "$out/after-wheel.png" -crop 440x440+800+300 null: 2>&1 | cut -d' ' -f1 || true)
[ "${d%%.*}" -lt 50 ] || fail "a wheel over the Layers panel moved the map ($d pixels changed)"
grep -q 'F1 or ?' "$out/input.log" && fail "help text leaked to the log"

# --- 2. hover, select, the context menu, copy as GeoJSON (outpost near Shaymak at 650,262) ---
cat > "$out/inspect.txt" <<SCRIPT
wait 3
screenshot $out/plain.png
move 650 262
wait 2
expect tooltip 1
expect-contains hovered Chinese outpost near Shaymak
screenshot $out/hover.png
click 650 262
wait 2
expect-contains selected Chinese outpost near Shaymak
move 150 200
wait 2
expect tooltip 0
screenshot $out/selected.png
click 980 354
wait 2
expect-contains clipboard "type": "Feature"
expect-contains clipboard cn_outpost_shaymak
right-click 600 520
wait 2
expect context-menu 1
screenshot $out/menu.png
click 670 554
wait 2
expect context-menu 0
expect-contains clipboard 36.22
remember clipboard
right-click 650 262
wait 2
click 670 315
wait 2
expect-contains clipboard °
expect-changed clipboard
remember here
right-click 650 262
wait 2
click 670 357
wait 2
expect-changed here
screenshot $out/here.png
quit
SCRIPT
view --bbox 72.5,35,77,38.5 --script "$out/inspect.txt" > "$out/inspect.log" 2>&1 || { cat "$out/inspect.log"; fail "hover, selection and the context menu"; }
plain=$(count "$out/plain.png" 'rgb(255,190,0)')
hover=$(count "$out/hover.png" 'rgb(255,190,0)')
[ "$hover" -gt $((plain + 40)) ] || fail "no hover highlight ($plain -> $hover amber pixels)"
plain=$(count "$out/plain.png" 'rgb(0,190,255)')
sel=$(count "$out/selected.png" 'rgb(0,190,255)')
[ "$sel" -gt $((plain + 40)) ] || fail "the selected feature is not outlined ($plain -> $sel cyan pixels)"
echo "window inspect test: wheel over a panel left the map alone, Ctrl+F and typing fired nothing, hover ($hover px), selection ($sel px), menu copy and what-is-here seen; screenshots in $out"
