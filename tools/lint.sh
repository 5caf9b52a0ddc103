#!/bin/sh
# The format and lint checks CI runs:
#   tools/lint.sh [BUILD_DIR]     (BUILD_DIR holds compile_commands.json; default build/)
# clang-format must leave every C++ file of the project as it is, and
# clang-tidy (checks in .clang-tidy, every finding an error) must find
# nothing in src/. Needs tools/setup-debian.sh --test.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-${PAMIR_BUILD_DIR:-$root/build}}
cd "$root"
files=$(find src tests bench fuzz -name '*.cpp' -o -name '*.hpp' | sort)
# shellcheck disable=SC2086
if ! clang-format-14 --dry-run --Werror $files; then
  echo "lint: clang-format would change the files above (clang-format-14 -i FILE)" >&2
  exit 1
fi
echo "lint: clang-format: $(echo "$files" | wc -l) files as formatted"
[ -f "$build/compile_commands.json" ] || { echo "lint: $build/compile_commands.json is missing (build first)" >&2; exit 1; }
if ! run-clang-tidy-14 -p "$build" -quiet -j"$(nproc)" "$root/src/" >"$build/clang-tidy.log" 2>&1; then
  grep -E "(warning|error):" "$build/clang-tidy.log" >&2 || tail -20 "$build/clang-tidy.log" >&2
  echo "lint: clang-tidy found the problems above (full log: $build/clang-tidy.log)" >&2
  exit 1
fi
echo "lint: clang-tidy: no findings in src/"
