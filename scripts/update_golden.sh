#!/usr/bin/env bash
# Regenerates tests/golden/expected.* from tests/golden/triples.jsonl with the
# built binary. Review `git diff tests/golden` before committing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${NEWSGRAPH:-$root/build/cli/newsgraph}"
for format in graphml dot json; do
  "$bin" build -q "$root/tests/golden/triples.jsonl" -o "$root/tests/golden/expected.$format"
done
