#!/bin/sh
# The whole test suite under AddressSanitizer, UndefinedBehaviorSanitizer
# (float-cast-overflow included, so clang) and LeakSanitizer, in build-asan/
# (or $PAMIR_BUILD_DIR). Any report fails the test that caused it: nothing
# recovers, and tests/sanitizers/lsan.supp may only name leaks inside a
# library's own start-up, each explained there with its stack.
# Extra arguments go to ctest, e.g. -R SourceLoader.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${PAMIR_BUILD_DIR:-$root/build-asan}
# -O1: the usual sanitizer build (fast enough to run the render and window
# tests, frames still readable); Debug adds -g.
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS=-O1 -DCMAKE_C_FLAGS=-O1 \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DPAMIR_SANITIZE=ON -DPAMIR_WERROR=ON -DPAMIR_BUILD_TESTS=ON -DPAMIR_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j"$(nproc)"
# intercept_tls_get_addr=0: clang 14's runtime takes a dynamic TLS block
# that happens to start 16 bytes into a page for a pre-2.25 glibc header and
# reads a bogus range from before it; the leak checker's tracer then dies
# with "Tracer caught signal 11" at exit (google/sanitizers#1322; seen in the
# window tests, whose GL driver is dlopened with dynamic TLS). Pamir's own
# thread-locals are static TLS and are still scanned.
asan="halt_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:print_stacktrace=1:intercept_tls_get_addr=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
# Tests that make a GL context (labels render, app, shell) run with
# tests/sanitizers/keep_loaded.c preloaded: Mesa unloads its driver before the
# leak check, and what the driver's globals still point to would be reported
# as leaked from an unnamed library; kept mapped, it is reachable, as it is.
gl="render|app|shell"
# shell.install_package checks that the program names no source path, which
# sanitizer metadata (the path of every instrumented file) always does.
skip=shell.install_package
status=0
(cd "$build" && ASAN_OPTIONS=$asan ctest --output-on-failure -j"$(nproc)" --timeout 1800 -LE "$gl" -E "$skip" "$@") || status=1
# They also run inside a D-Bus session, as on a desktop: SDL's video start-up
# asks the session bus for input methods and the screensaver, and without
# one libdbus leaks the 1 KB of its failed connection attempt (seen from
# libdbus-1.so.3 in the window tests; not Pamir's memory, not the GL
# driver's, so not a suppression either).
(cd "$build" && ASAN_OPTIONS=$asan LD_PRELOAD="$build/libpamir_keep_loaded.so" \
  dbus-run-session -- ctest --output-on-failure -j"$(nproc)" --timeout 1800 -L "$gl" -E "$skip" "$@") || status=1
exit $status
