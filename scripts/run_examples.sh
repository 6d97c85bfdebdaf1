#!/usr/bin/env bash
# The main job on the bundled examples: sets up, builds, and writes
# out/examples.graphml, out/examples.dot and (with Graphviz) out/examples.svg.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/setup.sh"
mkdir -p "$root/out"
bin="$root/build/cli/newsgraph"
"$bin" extract "$root/examples" -o "$root/out/examples.triples.jsonl"
"$bin" build "$root/examples" -o "$root/out/examples.graphml"
"$bin" build -q "$root/examples" -o "$root/out/examples.dot"
if command -v dot >/dev/null; then
  "$bin" build -q "$root/examples" -o "$root/out/examples.svg"
fi
echo "wrote: $(cd "$root" && ls out/examples.* | tr '\n' ' ')"
