#!/usr/bin/env bash
# The main job on the bundled examples: sets up, builds, and writes
# out/examples.graphml, out/examples.dot and (with Graphviz) out/examples.svg.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/setup.sh"
cd "$root"
mkdir -p out
bin="build/cli/newsgraph"
"$bin" extract examples -o out/examples.triples.jsonl
"$bin" build examples -o out/examples.graphml
"$bin" build -q examples -o out/examples.dot
if command -v dot >/dev/null; then
  "$bin" build -q examples -o out/examples.svg
fi
echo "wrote: $(ls out/examples.* | tr '\n' ' ')"
