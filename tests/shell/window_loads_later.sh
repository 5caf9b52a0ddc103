#!/bin/sh
# A source named on the command line is read after the window opens: the
# first frame (the built-in dataset) is drawn while it loads, the status bar
# says how far the reading has got, and the layer appears, framed, when it
# is in. A source that cannot be read is said in the window and on stderr,
# and the window stays open on the dataset.
set -eu
pamir=$1
out=$3/window-loads-later
rm -rf "$out"
mkdir -p "$out"
export PAMIR_SESSION="$out/session.geojson"

fail() { echo "window loads-later test: $*" >&2; exit 1; }

# 150,000 points: a second or more to read anywhere.
/usr/bin/python3 - "$out/many.geojson" <<'PY'
import json, random, sys
random.seed(7)
with open(sys.argv[1], "w") as f:
    f.write('{"type":"FeatureCollection","features":[')
    for i in range(150000):
        if i:
            f.write(",")
        f.write('{"type":"Feature","properties":{"n":%d},"geometry":{"type":"Point","coordinates":[%.5f,%.5f]}}'
                % (i, 66 + random.random() * 8, 36 + random.random() * 5))
    f.write("]}")
PY

cat > "$out/later.txt" <<SCRIPT
expect loading 1
screenshot $out/loading.png
wait-until loading 0
expect-contains layer-names many
expect-contains layer-names Outposts and bases
wait-until settled yes
wait 3
screenshot $out/loaded.png
quit
SCRIPT
xvfb-run -a -s "-screen 0 1280x800x24" "$pamir" view --size 1280x800 --script "$out/later.txt" "$out/many.geojson" \
  > "$out/stdout" 2> "$out/stderr" || {
  cat "$out/stderr" >&2
  fail "the script failed"
}
ready=$(grep -n "ready (first frame drawn)" "$out/stderr" | cut -d: -f1)
added=$(grep -n "added 1 layer(s) from $out/many.geojson" "$out/stderr" | cut -d: -f1)
[ -n "$ready" ] && [ -n "$added" ] || fail "no ready or added line: $(cat "$out/stderr")"
[ "$ready" -lt "$added" ] || fail "the first frame waited for the source"
# The loaded points, in the first source colour (0,114,178), fill the framed view.
blue=$(convert "$out/loaded.png" -crop 560x700+380+0 +repage -fuzz 8% -fill white +opaque "rgb(0,114,178)" \
  -fill black -opaque "rgb(0,114,178)" -format '%[fx:int(w*h*(1-mean))]' info:)
[ "$blue" -gt 5000 ] || fail "the loaded points are not drawn ($blue pixels of their colour)"

printf 'not geodata\n' > "$out/broken.geojson"
cat > "$out/broken.txt" <<SCRIPT
wait-until loading 0
wait 3
expect-contains layer-names Outposts and bases
quit
SCRIPT
xvfb-run -a -s "-screen 0 1280x800x24" "$pamir" view --size 1280x800 --script "$out/broken.txt" "$out/broken.geojson" \
  > "$out/stdout2" 2> "$out/stderr2" || {
  cat "$out/stderr2" >&2
  fail "the window did not stay open on a source it cannot read"
}
grep -q "broken.geojson" "$out/stderr2" || fail "the unreadable source was not said"
grep -q "nothing could be added from $out/broken.geojson" "$out/stderr2" || fail "no 'nothing could be added' line"
echo "window loads-later test: ok (first frame before the source was in; $blue pixels of it drawn)"
