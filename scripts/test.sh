#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite: unit and end-to-end tests on
# the normal build, the same tests again under AddressSanitizer and
# UndefinedBehaviorSanitizer, then every libFuzzer target for FUZZ_SECONDS
# (default 60) each. `scripts/test.sh --quick` runs only the first step.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared"
if [ ! -d "$shared/seeds" ]; then
  echo "test: $shared is missing; the end-to-end tests read the seeds, gold and corpora there" >&2
  exit 1
fi
bash "$root/scripts/setup.sh"
jobs="$(nproc)"
(cd "$root/build" && ctest --output-on-failure -j "$jobs")
[ "${1:-}" = "--quick" ] && exit 0

echo "test: AddressSanitizer + UndefinedBehaviorSanitizer build (build-asan/)"
cmake -S "$root" -B "$root/build-asan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSGRAPH_SANITIZE=ON >/dev/null
cmake --build "$root/build-asan" -j "$jobs" >/dev/null
(cd "$root/build-asan" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ctest --output-on-failure -j "$jobs")

echo "test: fuzzing (build-fuzz/)"
bash "$root/scripts/fuzz.sh"
