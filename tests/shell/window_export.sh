#!/bin/sh
# Export view in the real window under Xvfb, through --script, as a person
# would: Ctrl+E opens the dialog with the path focused, Enter writes a PNG of
# the map with its legend, scale bar, north arrow and credits (the map in the
# middle is the window's own, pixel for pixel within a tolerance, and the
# legend's corner is not); a .pdf path writes a report that names the sites
# in view; a path that cannot be written keeps the dialog open with the
# reason and writes nothing; Escape closes it.
set -eu
pamir=$1
out=$3/window-export
rm -rf "$out"
mkdir -p "$out"
export PAMIR_SESSION="$out/session.geojson"

fail() { echo "window export test: $*" >&2; exit 1; }
# Pixels that differ by more than 10 % between two images of one size.
differing() { compare -metric AE -fuzz 10% "$1" "$2" null: 2>&1 || true; }

cat > "$out/export.txt" <<SCRIPT
wait 3
wait-until settled yes
wait 2
screenshot-map $out/window-map.png
key Ctrl+E
wait 1
expect export-dialog 1
type $out/view.png
key Return
wait 3
expect export-dialog 0
key Ctrl+E
wait 1
type $out/no/such/folder/x.png
key Return
wait 2
expect export-dialog 1
type $out/report.pdf
key Return
wait 3
expect export-dialog 0
key Ctrl+E
wait 1
expect export-dialog 1
key Escape
wait 1
expect export-dialog 0
quit
SCRIPT
xvfb-run -a -s "-screen 0 1280x800x24" "$pamir" view --size 1000x700 --script "$out/export.txt" \
  > "$out/window.log" 2>&1 || { cat "$out/window.log"; fail "the window"; }

# --- the PNG ------------------------------------------------------------------------
[ -f "$out/view.png" ] || { cat "$out/window.log"; fail "no view.png"; }
grep -q "pamir view: view exported to $out/view.png (1000x700)" "$out/window.log" || fail "the export was not reported"
[ "$(identify -format '%wx%h' "$out/view.png")" = "1000x700" ] || fail "view.png is not the window's 1000x700"
# The middle of the map, clear of the decorations, is the window's map.
convert "$out/view.png" -crop 400x360+280+170 +repage "$out/view-middle.png"
convert "$out/window-map.png" -crop 400x360+280+170 +repage "$out/window-middle.png"
d=$(differing "$out/view-middle.png" "$out/window-middle.png")
echo "the exported map's middle vs the window's: $d of 144000 pixels differ by more than 10 %"
[ "$d" -lt 720 ] || fail "the exported map differs from the window's in $d pixels of its middle"
# The legend at the top right is the export's own.
convert "$out/view.png" -crop 280x300+710+10 +repage "$out/view-legend.png"
convert "$out/window-map.png" -crop 280x300+710+10 +repage "$out/window-legend.png"
d=$(differing "$out/view-legend.png" "$out/window-legend.png")
echo "the legend's corner: $d of 84000 pixels differ"
[ "$d" -gt 20000 ] || fail "no legend at the top right of the export ($d pixels differ)"

# --- the failed export --------------------------------------------------------------
grep -q "export:.*no/such/folder/x.png" "$out/window.log" || { cat "$out/window.log"; fail "the failed export was not reported"; }
[ ! -e "$out/no" ] || fail "the failed export made a folder"

# --- the report ---------------------------------------------------------------------
[ -f "$out/report.pdf" ] || fail "no report.pdf"
pdftotext -layout "$out/report.pdf" "$out/report.txt"
for s in "Pamir map report" "View CRS:" "Measurements" "Curated features in view" "Chinese outpost near Shaymak"; do
  grep -q "$s" "$out/report.txt" || fail "the report does not say '$s'"
done
pdftoppm -r 40 -f 1 -l 1 -png "$out/report.pdf" "$out/report-page"
[ "$(identify -format '%w' "$out/report-page-1.png")" -gt 400 ] || fail "the report's first page did not render"
echo "window export test: PNG, failed path, PDF report and Escape as expected"
