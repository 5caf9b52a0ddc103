#!/bin/sh
# Builds the load-path fuzzer (fuzz/load_fuzzer.cpp: clang, libFuzzer,
# AddressSanitizer and UndefinedBehaviorSanitizer) into build-fuzz/ (or
# $PAMIR_FUZZ_BUILD_DIR) and fuzzes for N seconds (default 60), seeded with
# tests/corpus/files. Inputs that reach new code accumulate in
# build-fuzz/fuzz-corpus/ across runs; a crash, leak, hang (over 25 s) or
# runaway allocation is written to build-fuzz/fuzz-findings/ and fails the
# script. docs/fuzzing.md says how to turn a finding into a corpus file.
# The mutations follow a fixed seed (PAMIR_FUZZ_SEED, default 1), so that a
# finding in CI's minute is found again by the same command; PAMIR_FUZZ_SEED=0
# draws a new seed each run (long runs at a desk).
#   tools/fuzz.sh [SECONDS] [extra libFuzzer flags]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${PAMIR_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${1:-60}
[ $# -gt 0 ] && shift
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DPAMIR_FUZZ=ON -DPAMIR_WERROR=ON -DPAMIR_BUILD_TESTS=OFF -DPAMIR_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target load_fuzzer
rm -rf "$build/fuzz-seeds"
python3 "$root/fuzz/make_seeds.py" seeds "$root/tests/corpus/files" "$build/fuzz-seeds"
mkdir -p "$build/fuzz-corpus" "$build/fuzz-findings"
# intercept_tls_get_addr=0: see tools/test-sanitized.sh.
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:print_stacktrace=1:intercept_tls_get_addr=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
# One job: CI machines and desks are shared. -timeout catches hangs per input.
exec "$build/fuzz/load_fuzzer" -seed="${PAMIR_FUZZ_SEED:-1}" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$build/fuzz-findings/" "$@" "$build/fuzz-corpus" "$build/fuzz-seeds"
