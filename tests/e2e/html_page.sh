# The interactive HTML page in headless Chromium: it loads offline (no
# network request), draws the graph (screenshot), finds an entity by search,
# filters by type, and a mouse click on an edge shows that fact's evidence.
source "$(dirname "$0")/lib.sh"
js="$SOURCE_DIR/tests/js"
[ -d "$js/node_modules/playwright-core" ] || fail "tests/js/node_modules is missing: run scripts/setup.sh"
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing: run scripts/setup.sh"
check_page() {
  local name="$1" search="$2"
  shift 2
  "$NEWSGRAPH" build -q "$@" -o "$WORK/$name.html"
  # stderr in a file, not ctest's pipe (see graph_tools.sh).
  (cd "$js" && node html_check.js "$WORK/$name.html" "$WORK/$name.png" "$search") > "$WORK/$name.out" \
    2> "$WORK/$name.err" || fail "$name: $(cat "$WORK/$name.out" "$WORK/$name.err")"
  cat "$WORK/$name.out" | cut -c1-300
  "$PYTHON" - "$WORK/$name.out" "$WORK/$name.png" "$search" <<'PY'
import json, os, sys
out = json.load(open(sys.argv[1]))
assert out["selected"] and sys.argv[3].lower() in out["selected"][0].lower(), out["selected"]
assert out["hidden"] > 0, "the type filter hid nothing"
assert os.path.getsize(sys.argv[2]) > 20000, "the screenshot is (nearly) blank"
PY
}
check_page seeds Karpathy "$SHARED_DIR/seeds"
check_page bbc_business Google "$SHARED_DIR/corpora/bbc/business"
check_page hostile 'a"b' "$SOURCE_DIR/tests/golden/triples.jsonl"
echo "3 passed, 0 failed"
