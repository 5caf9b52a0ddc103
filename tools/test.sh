#!/bin/sh
# One command from a fresh Debian 12 machine to the whole test suite: installs
# what Pamir needs, builds it with warnings as errors, runs every test
# (unit, GDAL/PROJ, off-screen GL render, window under Xvfb, dataset rebuild,
# install) and the format and lint checks (tools/lint.sh); then the whole
# suite again under AddressSanitizer and UndefinedBehaviorSanitizer
# (tools/test-sanitized.sh, clang, its own build in build-asan/) and a minute
# of fuzzing the load path (tools/fuzz.sh, build-fuzz/).
#   PAMIR_SANITIZE=0        skip the sanitized suite (a quick local run)
#   PAMIR_FUZZ_SECONDS=N    fuzz N seconds (default 60; 0 skips)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${PAMIR_BUILD_DIR:-$root/build}
"$root/tools/setup-debian.sh" --test --dataset
PAMIR_BUILD_DIR=$build "$root/tools/build.sh" -DPAMIR_WERROR=ON -DPAMIR_BUILD_TESTS=ON -DPAMIR_BUILD_BENCH=ON
(cd "$build" && ctest --output-on-failure -j2 --timeout 900 "$@")
"$root/tools/lint.sh" "$build"
[ "${PAMIR_SANITIZE:-1}" = 0 ] || "$root/tools/test-sanitized.sh"
fuzz=${PAMIR_FUZZ_SECONDS:-60}
[ "$fuzz" = 0 ] || "$root/tools/fuzz.sh" "$fuzz"
