#!/bin/sh
# The Time bar in the real window under Xvfb, through --script (real SDL
# events) and xdotool: Space and the Play button step through the years and
# pausing keeps the year; the Transit Center at Manas (closed 2014) is on
# the map in 2014 and gone in 2015 (state and pixels); the focused slider
# takes Left/Right (the map does not pan); a typed year past the data is
# clamped with a message; a change in the list, clicked, is shown and
# selected, with its ring on the map; a range is dragged, typed and played
# as a moving window. Then, as a person's keys: a playing
# bar draws about one frame a year, a paused one none.
set -eu
pamir=$1
out=$3/window-years
rm -rf "$out"
mkdir -p "$out"
export PAMIR_SESSION="$out/session.geojson"

fail() { echo "window years test: $*" >&2; exit 1; }
view() { xvfb-run -a -s "-screen 0 1280x800x24" "$pamir" view --size 1280x800 "$@"; }
# Pixels of colour $2 (within 8 %) in the WxH+X+Y crop $3 of image $1.
count() {
  convert "$1" -crop "$3" +repage -fuzz 8% -fill white +opaque "$2" -fill black -opaque "$2" \
    -format '%[fx:int(w*h*(1-mean))]' info:
}

# At 1280x800 the Time bar's Play button is at (722,623), its year field at
# (1010,623), "Changes since" at (398,648); the slider gives each year 12 px
# from x = 388 (1957), so 2010 is at x = 1024..1035. With this box Manas is at (622,402).
cat > "$out/years.txt" <<SCRIPT
wait 5
expect year 2012
expect playing 0
expect in-filter:manas_transit_center 1
remember view
key space
wait 2
expect playing 1
wait-until year 2014
key space
wait 2
expect playing 0
expect year 2014
move 200 600
wait 60
expect year 2014
expect in-filter:manas_transit_center 1
screenshot $out/open-2014.png
click 722 623
wait 2
expect playing 1
wait-until year 2015
click 722 623
wait 2
expect playing 0
expect year 2015
expect in-filter:manas_transit_center 0
move 200 600
wait 3
screenshot $out/closed-2015.png
expect-same view
click 1032 690
wait 2
expect year 2010
key Right
wait 2
expect year 2011
key Left
key Left
wait 2
expect year 2009
expect-same view
key space
wait 2
expect playing 1
key space
wait 2
expect playing 0
click 1010 623
wait 2
type 20132014
key Return
wait 3
expect year 2026
expect-same view
click 1010 623
wait 2
type 2015
key Return
wait 3
expect year 2015
click 398 648
wait 3
expect-contains change-list Transit Center at Manas (Airbases
expect changes 6
screenshot $out/changes-list.png
remember view
click 100 593
wait 3
expect-contains selected Transit Center at Manas
wait-until flying 0
expect-changed view
move 200 600
wait 3
screenshot $out/change-selected.png
key Escape
wait 2
expect selected
click 580 623
wait 2
expect year 2015..2025
drag 1092 690 1152 690
wait 2
expect year 2020..2025
move 200 600
wait 2
screenshot $out/dragged.png
click 924 690
wait 2
expect year 2001..2025
expect in-filter:manas_transit_center 1
click 1010 623
wait 2
type 2001-2013
key Return
wait 2
expect year 2001..2013
click 924 690
wait 2
key space
wait-until year 2002..2014
key space
wait 2
expect playing 0
expect year 2002..2014
screenshot $out/range.png
quit
SCRIPT
view --year 2012 --bbox 73.2,42.4,75.8,43.7 --script "$out/years.txt" > "$out/years.out" 2> "$out/years.err" || {
  cat "$out/years.err" >&2
  fail "the Time bar script failed"
}
grep -q 'Time bar: year 20132014 is after the years of the data (1957..2026): showing 2026' "$out/years.err" ||
  fail "no message for the clamped year: $(cat "$out/years.err")"
green='rgb(44,160,44)'  # Manas's symbol (a US-operated airbase)
open=$(count "$out/open-2014.png" "$green" 30x30+607+387)
closed=$(count "$out/closed-2015.png" "$green" 30x30+607+387)
[ "$open" -gt 15 ] || fail "Manas is not on the map in 2014 ($open green pixels)"
[ "$closed" -lt 5 ] || fail "Manas is still on the map in 2015 ($closed green pixels)"
# The handles are drawn in red (190,30,45) at the middle of their years: the
# range's start dragged from 2015 (x 1090) to 2020 (x 1150), its end at 2025 (x 1210).
handle() { count "$out/dragged.png" 'rgb(190,30,45)' "5x40+$(($1 - 2))+668"; }
[ "$(handle 1150)" -gt 20 ] || fail "the dragged start is not at 2020 ($(handle 1150) red pixels)"
[ "$(handle 1090)" -lt 5 ] || fail "the dragged start is still at 2015"
[ "$(handle 1210)" -gt 20 ] || fail "the range's end moved from 2025"
# The selected change is framed at the centre, in its vermilion crossed ring (closed).
ring=$(count "$out/change-selected.png" 'rgb(213,94,0)' 60x60+610+370)
[ "$ring" -gt 40 ] || fail "no ring round the selected change ($ring vermilion pixels)"

# --- as a person's keys: frames while playing and paused (the frame log) ---
log="$out/frames.log"
cat > "$out/xdo.sh" <<XDO
set -eu
"$pamir" view --size 1280x800 --year 2005..2015 --frame-log "$log" > "$out/xdo-view.log" 2>&1 &
pid=\$!
wid=\$(xdotool search --sync --onlyvisible --class 'pamir' | head -n1)
tries=0
until grep -q 'pamir view: ready' "$out/xdo-view.log"; do
  tries=\$((tries + 1))
  [ \$tries -le 600 ] || { echo "the window never reported its first frame"; exit 1; }
  sleep 0.1
done
sleep 4   # the layers prepared, the window at rest
wc -l < "$log" > "$out/n0"
xdotool mousemove --window "\$wid" 700 300
sleep 1
wc -l < "$log" > "$out/n1"
xdotool key --window "\$wid" space
sleep 4.5
wc -l < "$log" > "$out/n2"
xdotool key --window "\$wid" space
sleep 1
wc -l < "$log" > "$out/n3"
sleep 4
wc -l < "$log" > "$out/n4"
kill \$pid
wait \$pid || true
XDO
xvfb-run -a -s "-screen 0 1280x800x24" sh "$out/xdo.sh" > "$out/xdo.log" 2>&1 || { cat "$out/xdo.log"; fail "xdotool session failed"; }
n1=$(cat "$out/n1") n2=$(cat "$out/n2") n3=$(cat "$out/n3") n4=$(cat "$out/n4")
playing=$((n2 - n1)) paused=$((n4 - n3))
# 4.5 s at a year a second: 4 steps, a frame each, and the few frames an event settles in.
[ "$playing" -ge 4 ] || fail "playing drew $playing frames in 4.5 s: the years did not advance"
[ "$playing" -le 20 ] || fail "playing drew $playing frames in 4.5 s: it should draw about one a year"
[ "$paused" -eq 0 ] || fail "paused, the window drew $paused frames in 4 s"
echo "window years test: play, pause, slider keys, typed clamp, Manas $open -> $closed px, change ring $ring px; frames playing 4.5 s: $playing, paused 4 s: $paused; screenshots in $out"
