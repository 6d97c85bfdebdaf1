# Exit codes, stdin and stdout, and outputs left untouched on failure.
source "$(dirname "$0")/lib.sh"
expect_code() {
  local want="$1"
  shift
  set +e
  "$@" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  set -e
  [ "$got" -eq "$want" ] || fail "expected exit $want, got $got from: $* ($(cat "$WORK/err"))"
}
expect_code 2 "$NEWSGRAPH"
expect_code 2 "$NEWSGRAPH" build --nope x
expect_code 1 "$NEWSGRAPH" extract /no/such/file.txt
grep -q "/no/such/file.txt" "$WORK/err" || fail "the error does not name the file"
expect_code 0 "$NEWSGRAPH" build --help
# stdin to stdout, text and JSON Lines.
echo "Ana Veltrano has joined Microsoft." | "$NEWSGRAPH" extract -q - > "$WORK/stdin.jsonl"
grep -q '"predicate":"joined"' "$WORK/stdin.jsonl" || fail "no fact from stdin text"
grep -q '"doc":"stdin"' "$WORK/stdin.jsonl" || fail "stdin doc id"
echo '{"id":"x1","text":"Ana Veltrano has joined Microsoft."}' | "$NEWSGRAPH" build -q - -f dot -o - > "$WORK/stdout.dot"
grep -q '"org:microsoft"' "$WORK/stdout.dot" || fail "no DOT on stdout"
# A failing build leaves the previous output exactly as it was, and no temporary file.
echo "previous" > "$WORK/keep.graphml"
printf '{"text": "fine"}\n{"text": 7}\n' > "$WORK/bad.jsonl"
expect_code 1 "$NEWSGRAPH" build -q "$WORK/bad.jsonl" -o "$WORK/keep.graphml"
grep -q "bad.jsonl:2: \"text\" must be a string" "$WORK/err" || fail "error lacks file and line: $(cat "$WORK/err")"
[ "$(cat "$WORK/keep.graphml")" = "previous" ] || fail "previous output was changed"
ls "$WORK" | grep -q "tmp" && fail "temporary file left behind"
expect_code 1 "$NEWSGRAPH" build -q "$SOURCE_DIR/examples" -o "$WORK/missing/dir/g.graphml"
# Progress: on a terminal (script(1) gives one), not with -q, never on a pipe.
script -qec "$NEWSGRAPH build $SOURCE_DIR/examples -o $WORK/p.json" /dev/null > "$WORK/tty.txt"
grep -q "documents read" "$WORK/tty.txt" || fail "no progress on a terminal"
script -qec "$NEWSGRAPH build -q $SOURCE_DIR/examples -o $WORK/p.json" /dev/null > "$WORK/tty.txt"
grep -q "documents read" "$WORK/tty.txt" && fail "progress despite -q"
"$NEWSGRAPH" build "$SOURCE_DIR/examples" -o "$WORK/p.json" 2> "$WORK/pipe.txt"
grep -q "documents read" "$WORK/pipe.txt" && fail "progress on a pipe"
echo "11 passed, 0 failed"
