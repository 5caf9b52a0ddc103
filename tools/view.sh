#!/bin/sh
# One command from a fresh Debian 12 machine to the map: installs what Pamir
# needs, builds it and opens the viewer on the built-in Central Asia dataset.
# Without a display it renders the default view to a PNG and prints its path.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/setup-debian.sh"
"$root/tools/build.sh"
exec "${PAMIR_BUILD_DIR:-$root/build}/src/app/pamir" view "$@"
