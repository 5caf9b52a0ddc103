#!/bin/sh
# One command from a fresh Debian 12 machine to the whole test suite: installs
# what Pamir needs, builds it with warnings as errors, runs every test
# (unit, GDAL/PROJ, off-screen GL render, window under Xvfb, dataset rebuild,
# install) and then the format and lint checks (tools/lint.sh).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${PAMIR_BUILD_DIR:-$root/build}
"$root/tools/setup-debian.sh" --test --dataset
PAMIR_BUILD_DIR=$build "$root/tools/build.sh" -DPAMIR_WERROR=ON -DPAMIR_BUILD_TESTS=ON -DPAMIR_BUILD_BENCH=ON
(cd "$build" && ctest --output-on-failure -j2 --timeout 900 "$@")
"$root/tools/lint.sh" "$build"
