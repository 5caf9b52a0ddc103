#!/bin/sh
# Configures and builds Pamir into build/ (or $PAMIR_BUILD_DIR). Extra
# arguments go to cmake's configure step, e.g. -DPAMIR_WERROR=ON.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${PAMIR_BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
