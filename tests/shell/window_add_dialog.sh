#!/bin/sh
# The Add layer dialog in the real window under Xvfb, through --script:
# Ctrl+O opens it, a typed path completes with Tab, Enter adds the layer and
# it joins the recent sources (kept between runs); the browser opens
# folders; the desktop's chooser (a stand-in zenity on PATH that answers
# with a file) adds what it answers; Escape closes the dialog and nothing
# reaches the map meanwhile.
set -eu
pamir=$1
out=$3/window-add-dialog
rm -rf "$out"
mkdir -p "$out/data/sub" "$out/bin" "$out/state"
export PAMIR_SESSION="$out/session.geojson" XDG_STATE_HOME="$out/state"

fail() { echo "window add-dialog test: $*" >&2; exit 1; }

point() {
  printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"%s"},"geometry":{"type":"Point","coordinates":[%s]}}]}\n' "$1" "$2"
}
point "Depot A" "71.5,39.0" > "$out/data/depots.geojson"
point "Depot B" "70.0,36.5" > "$out/data/depots_copy.geojson"
point "Depot C" "72.0,37.5" > "$out/data/sub/far.geojson"
: > "$out/data/depots.shx"  # a sidecar: not offered

cat > "$out/bin/zenity" <<ZENITY
#!/bin/sh
echo "\$@" > "$out/zenity-args"
echo "$out/data/sub/far.geojson"
ZENITY
chmod +x "$out/bin/zenity"

# The dialog is 640x460 in the middle of 1280x800: its top left at 320,170.
cat > "$out/dialog.txt" <<SCRIPT
wait 3
key Ctrl+O
wait 3
expect file-dialog 1
type $out/data/dep
key Tab
wait 2
expect file-dialog-path $out/data/depots
type .
key Tab
wait 2
expect file-dialog-path $out/data/depots.geojson
screenshot $out/typed.png
key Return
wait-until layer-names depots
wait 3
expect file-dialog 0
expect-contains layer-names depots
expect recent-sources $out/data/depots.geojson
key Ctrl+O
wait 3
remember view
wheel 640 450 3
wait 2
expect-same view
click 350 281
wait 3
expect file-dialog-path $out/data/sub/
screenshot $out/browsed.png
click 393 611
wait-until layer-names far
expect file-dialog 0
expect recent-sources $out/data/sub/far.geojson; $out/data/depots.geojson
key Ctrl+O
wait 3
key Escape
wait 3
expect file-dialog 0
quit
SCRIPT
PATH="$out/bin:$PATH" xvfb-run -a -s "-screen 0 1280x800x24" "$pamir" view --size 1280x800 --script "$out/dialog.txt" \
  > "$out/stdout" 2> "$out/stderr" || {
  cat "$out/stderr" >&2
  fail "the script failed"
}
grep -q -- "--file-selection" "$out/zenity-args" || fail "zenity was not asked for a file: $(cat "$out/zenity-args")"
grep -q -- "--filename=$out/data/sub/" "$out/zenity-args" || fail "zenity did not start in the folder shown: $(cat "$out/zenity-args")"
grep -q "added 1 layer(s) from $out/data/sub/far.geojson" "$out/stderr" || fail "the chooser's file was not added"
[ "$(head -n 1 "$out/state/pamir/recent-sources")" = "$out/data/sub/far.geojson" ] ||
  fail "recent sources not kept: $(cat "$out/state/pamir/recent-sources")"
echo "window add-dialog test: ok"
