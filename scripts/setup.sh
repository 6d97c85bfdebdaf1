#!/usr/bin/env bash
# Installs what newsgraph needs on Debian 12 (only the missing packages) and
# builds it into build/. Safe to run again.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
packages=(g++ cmake make libboost-graph-dev rapidjson-dev libyaml-cpp-dev doctest-dev graphviz python3 python3-networkx
          python3-igraph raptor2-utils chromium clang libclang-rt-14-dev)
command -v npm >/dev/null || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# The graph tools the export tests load into (Kuzu, graphology, Cytoscape.js),
# pinned in tests/js/package-lock.json.
# The graph library the HTML export inlines, pinned in web/package-lock.json.
if [ ! -f "$root/web/node_modules/cytoscape/dist/cytoscape.min.js" ]; then
  (cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -d "$root/tests/js/node_modules/kuzu" ] || [ ! -d "$root/tests/js/node_modules/playwright-core" ]; then
  (cd "$root/tests/js" && npm ci --no-audit --no-fund --loglevel=error && node node_modules/kuzu/install.js >/dev/null)
fi
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" >/dev/null
cmake --build "$root/build" -j "$(nproc)"
