#!/bin/sh
# Installs every Debian package Pamir needs to build, run, test, benchmark and
# rebuild its dataset. Idempotent: apt skips what is already there.
set -eu
PKGS="build-essential cmake pkg-config git ca-certificates dpkg-dev
  libgdal-dev gdal-bin python3-gdal
  libproj-dev proj-bin proj-data
  libgeographiclib-dev geographiclib-tools
  libsdl2-dev libimgui-dev python3-glad
  libegl-dev libgl-dev libegl-mesa0 libgl1-mesa-dri libgles-dev
  libpng-dev libglu1-mesa-dev fonts-dejavu-core nlohmann-json3-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  xvfb xauth xdotool x11-apps imagemagick
  hyperfine
  qgis-common ferret-datasets locales iso-codes"
# npm fetches the open data packages the dataset is built from; a machine that
# already has Node.js with npm (e.g. from NodeSource) keeps it.
command -v npm >/dev/null 2>&1 || PKGS="$PKGS nodejs npm"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "pamir setup: installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# Tests run under a decimal-comma locale to catch locale-dependent parsing.
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  $SUDO sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen
  grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen || echo 'de_DE.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
  $SUDO locale-gen >/dev/null
fi
