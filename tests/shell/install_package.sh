#!/bin/sh
# Pamir installs like a program: `cmake --install` into a scratch prefix and
# the Debian package CPack makes both give a pamir that renders the built-in
# map from another working directory with the source tree hidden, and the
# package lists the binary, the dataset and its library dependencies.
# Uses the existing build (no second build): $PAMIR_BUILD_DIR, else the
# folder above the binary's.
set -eu
pamir=$1
src=$(cd "$2" && pwd)
out=$(mkdir -p "$3" && cd "$3" && pwd)/install
build=${PAMIR_BUILD_DIR:-$(dirname "$(dirname "$pamir")")}
rm -rf "$out"
mkdir -p "$out"
# The installs live outside the source tree (the build folder may be inside
# it, and the source tree gets hidden); only the images are kept in $out.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/pamir-install.XXXXXX")
keep() { cp "$scratch"/elsewhere/*.png "$out/" 2>/dev/null || true; rm -rf "$scratch"; }
trap keep EXIT
mkdir -p "$scratch/elsewhere" "$scratch/empty"

fail() { echo "install test: $*" >&2; exit 1; }
colours() { identify -format '%k' "$1"; }
# Pixels that differ between two images (ImageMagick's absolute error count).
differing() { compare -metric AE "$1" "$2" null: 2>&1 | cut -d' ' -f1; }

# Runs "$@" with the source tree hidden behind an empty folder (a private
# mount namespace: nothing outside this command sees it), from a scratch folder,
# with no variable pointing at data.
hidden=""
if unshare --mount --propagation private true 2>/dev/null; then
  hidden=yes
elif unshare --map-root-user --mount --propagation private true 2>/dev/null; then
  hidden=user
fi
run_without_source() {
  if [ -n "$hidden" ]; then
    ns="--mount --propagation private"
    [ "$hidden" = user ] && ns="--map-root-user $ns"
    # shellcheck disable=SC2086
    (cd "$scratch/elsewhere" && env -u PAMIR_DATA_DIR -u PAMIR_GEODATA unshare $ns \
      sh -c 'mount --bind "$0" "$1" && shift && exec "$@"' "$scratch/empty" "$src" "$@")
  else
    echo "install test: cannot make a mount namespace here; the source tree stays visible" >&2
    (cd "$scratch/elsewhere" && env -u PAMIR_DATA_DIR -u PAMIR_GEODATA "$@")
  fi
}

# --- the binary carries no path of this machine ------------------------------------
if strings "$pamir" | grep -F "$src" >/dev/null; then
  fail "the binary names the source tree: $(strings "$pamir" | grep -F "$src" | head -3)"
fi

# --- a reference render from the build tree -------------------------------------------
"$pamir" render --size 480x320 -o "$scratch/elsewhere/build-tree.png" >/dev/null

# --- cmake --install into a scratch prefix --------------------------------------------
cmake --install "$build" --prefix "$scratch/prefix" >/dev/null
for f in bin/pamir share/pamir/geodata/manifest.json share/pamir/geodata/base.gpkg \
         share/pamir/geodata/hillshade.tif share/pamir/geodata/symbols.json share/pamir/geodata/curated/bases.geojson; do
  [ -e "$scratch/prefix/$f" ] || fail "cmake --install left out $f"
done
# A moved prefix still works: the binary looks beside itself, not where it was installed.
mv "$scratch/prefix" "$scratch/moved"
# The hidden source tree must really be hidden, or the render below proves nothing.
if [ -n "$hidden" ] && run_without_source test -e "$src/geodata/manifest.json"; then
  fail "the source tree is still visible inside the namespace"
fi
run_without_source "$scratch/moved/bin/pamir" render --size 480x320 -o "$scratch/elsewhere/installed.png" >/dev/null ||
  fail "the installed pamir cannot render without the source tree"
[ "$(colours "$scratch/elsewhere/installed.png")" -gt 200 ] || fail "the installed render is nearly blank"
[ "$(differing "$scratch/elsewhere/build-tree.png" "$scratch/elsewhere/installed.png")" = 0 ] ||
  fail "the installed render differs from the build tree's ($out/installed.png)"

# PROJ strings are CRSs (PROJ's database comes with the package's dependencies):
# an equal-area view centred on Tashkent draws the same data in another shape.
run_without_source "$scratch/moved/bin/pamir" render --size 480x320 -o "$scratch/elsewhere/laea.png" \
  --crs '+proj=laea +lat_0=40 +lon_0=67 +datum=WGS84' >/dev/null || fail "--crs with a PROJ string failed"
[ "$(colours "$scratch/elsewhere/laea.png")" -gt 200 ] || fail "the LAEA render is nearly blank"
[ "$(differing "$scratch/elsewhere/build-tree.png" "$scratch/elsewhere/laea.png")" -gt 10000 ] ||
  fail "the LAEA render looks like the default view"
if msg=$(run_without_source "$scratch/moved/bin/pamir" render --crs EPSG:99999 -o "$scratch/elsewhere/x.png" 2>&1); then
  fail "an unknown CRS code was accepted"
fi
echo "$msg" | grep -q "unknown CRS code EPSG:99999" || fail "unclear message for EPSG:99999: $msg"

# With its data gone, it says where it looked instead of drawing an empty map.
rm -rf "$scratch/moved/share"
if msg=$(run_without_source "$scratch/moved/bin/pamir" render -o "$scratch/elsewhere/none.png" 2>&1); then
  fail "rendered without its dataset"
fi
echo "$msg" | grep -q "PAMIR_DATA_DIR" || fail "no clear error without the dataset: $msg"

# --- the Debian package ---------------------------------------------------------------
command -v dpkg-deb >/dev/null || fail "dpkg-deb is missing (package dpkg-dev)"
(cd "$build" && cpack -G DEB -B "$out/package" >/dev/null) || fail "cpack failed"
deb=$(ls "$out"/package/pamir_*.deb)
dpkg-deb -c "$deb" > "$out/contents.txt"
for f in ./usr/bin/pamir ./usr/share/pamir/geodata/manifest.json ./usr/share/pamir/geodata/base.gpkg \
         ./usr/share/pamir/geodata/curated/events.geojson; do
  grep -q " $f\$" "$out/contents.txt" || fail "the package does not hold $f"
done
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libgdal libproj libsdl2 libegl1 fonts-dejavu-core; do
  echo "$depends" | grep -q "$lib" || fail "Depends lacks $lib: $depends"
done
# Unpacked into a scratch root, the packaged program renders the same map.
dpkg-deb -x "$deb" "$scratch/root"
run_without_source "$scratch/root/usr/bin/pamir" render --size 480x320 -o "$scratch/elsewhere/packaged.png" >/dev/null ||
  fail "the packaged pamir cannot render"
[ "$(differing "$scratch/elsewhere/build-tree.png" "$scratch/elsewhere/packaged.png")" = 0 ] ||
  fail "the packaged render differs from the build tree's"
"$scratch/root/usr/bin/pamir" --version > "$out/version.txt"
# GL: the renderer the render above used, so it cannot be "no GL" here.
for lib in "pamir [0-9]" "GDAL [0-9]" "PROJ [0-9]" "SDL [0-9]" "GL ."; do
  grep -q "^$lib" "$out/version.txt" || fail "--version does not name ${lib%% *}: $(cat "$out/version.txt")"
done
echo "install test: ok ($(basename "$deb"))"
