# Shared helpers for the end-to-end tests. Each test sources this file.
set -euo pipefail
: "${NEWSGRAPH:?NEWSGRAPH must name the newsgraph binary}"
: "${SOURCE_DIR:?}"
: "${SHARED_DIR:?}"
PYTHON="${PYTHON:-/usr/bin/python3}"
WORK="$(mktemp -d /tmp/newsgraph_e2e.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# Runs Graphviz twice on a DOT file and fails on any warning or error, or when
# the two drawings differ (a layout that varies from run to run is one that
# Graphviz may also crash on).
render_clean() {
  local dot_file="$1" layout="${2:-dot}"
  local err="$WORK/render.err"
  for run in 1 2; do
    "$layout" -Tsvg "$dot_file" -o "$WORK/render$run.svg" 2>"$err" || fail "$layout failed on $dot_file: $(cat "$err")"
    [ ! -s "$err" ] || fail "$layout warned on $dot_file: $(cat "$err")"
  done
  grep -q "<svg" "$WORK/render1.svg" || fail "$layout produced no SVG"
  cmp -s "$WORK/render1.svg" "$WORK/render2.svg" || fail "$layout drew $dot_file differently twice"
}
