#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer and
# UndefinedBehaviorSanitizer on) and runs each for FUZZ_SECONDS (default 60)
# on a copy of its seed corpus in fuzz/corpus. Fails on any crash, leak or
# timeout; prints how many executions ran clean.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${FUZZ_SECONDS:-60}"
build="$root/build-fuzz"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DNEWSGRAPH_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target text_fuzzer articles_fuzzer schema_fuzzer pattern_fuzzer \
  graph_file_fuzzer extract_fuzzer >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for target in text_fuzzer articles_fuzzer schema_fuzzer pattern_fuzzer graph_file_fuzzer extract_fuzzer; do
  cp -r "$root/fuzz/corpus/$target" "$work/$target"
  log="$work/$target.log"
  if ! "$build/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$work/$target-" "$work/$target" > "$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz: $target failed; the input that did it is in $(ls "$work/$target-"* 2>/dev/null | head -1)" >&2
    for a in "$work/$target-"*; do [ -f "$a" ] && cp "$a" "$root/build-fuzz/" || true; done
    exit 1
  fi
  runs=$(grep -o "Done [0-9]* runs" "$log" | grep -o "[0-9]*" || echo "?")
  echo "fuzz: $target ran clean: $runs executions in ${seconds}s"
done
