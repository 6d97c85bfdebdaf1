#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite (unit and end-to-end).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared"
if [ ! -d "$shared/seeds" ]; then
  echo "test: $shared is missing; the end-to-end tests read the seeds, gold and corpora there" >&2
  exit 1
fi
bash "$root/scripts/setup.sh"
cd "$root/build"
ctest --output-on-failure -j "$(nproc)"
