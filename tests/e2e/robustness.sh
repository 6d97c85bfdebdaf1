# Bad input gets a clear error (file, line or byte offset, what is wrong) and
# never a crash, and a failed run leaves earlier outputs untouched.
source "$(dirname "$0")/lib.sh"
ng="$NEWSGRAPH"
cd "$WORK"
run() {  # run EXPECTED_CODE CMD...: output in out.txt, messages in err.txt
  local want="$1"
  shift
  local got=0
  "$@" > out.txt 2> err.txt || got=$?
  [ "$got" -eq "$want" ] || fail "exit $got, not $want, from: $* -- $(cat err.txt)"
}
expect_err() { grep -q -- "$1" err.txt || fail "message lacks '$1': $(cat err.txt)"; }

# Invalid UTF-8 (a bad byte, an overlong '/', a lone surrogate): U+FFFD, one
# warning naming the first bad offset, offsets into the original bytes.
printf 'Bad \xff byte, overlong \xc0\xaf and \xed\xa0\x80 surrogate.\n\nAna Veltrano has joined Nordhavn Securities.\n' > bad.txt
run 0 "$ng" extract bad.txt -o bad.jsonl
expect_err "bad.txt: invalid UTF-8 at byte 4"
[ "$(grep -c 'invalid UTF-8' err.txt)" -eq 1 ] || fail "more than one UTF-8 warning for one file"
"$PYTHON" - <<'PY'
import json
raw = open("bad.txt", "rb").read()
for line in open("bad.jsonl", encoding="utf-8"):
    t = json.loads(line)
    assert raw[t["start"]:t["end"]].decode("utf-8") == t["sentence"], t
PY
# A binary file inside a directory is skipped with a warning; the rest goes on.
mkdir -p mixed
printf 'Ana Veltrano has joined Nordhavn Securities.\n' > mixed/a.txt
printf 'ELF\0\0\0binary' > mixed/b.txt
: > mixed/empty.txt
printf '   \n\t\n' > mixed/blank.txt
printf '\xef\xbb\xbfAna Veltrano has joined Nordhavn Securities.\r\n' > mixed/bom_crlf.txt
run 0 "$ng" extract mixed -o mixed.jsonl
expect_err "mixed/b.txt: binary file"
[ "$(grep -c '"predicate":"joined"' mixed.jsonl)" -eq 2 ] || fail "facts lost next to a binary file"
"$PYTHON" - <<'PY'
import json
for line in open("mixed.jsonl"):
    t = json.loads(line)
    raw = open(t["doc"], "rb").read()
    assert raw[t["start"]:t["end"]].decode("utf-8") == t["sentence"], t
PY
# A 100,000-token sentence, a 1 MB word, a 200 MB file with no newline.
"$PYTHON" -c "
open('long.txt', 'w').write('word ' * 100000 + 'Ana Veltrano has joined Nordhavn Securities.')
open('word.txt', 'w').write('x' * (1 << 20) + ' Ana Veltrano has joined Nordhavn Securities.')
chunk = ' '.join(['shares', 'rose', 'in', 'the', 'market', 'and', 'profits', 'grew'] * 8)
with open('huge.txt', 'w') as f:
    for _ in range(200 * 1024 * 1024 // (len(chunk) + 1)):
        f.write(chunk + ' ')
"
run 0 "$ng" extract -q long.txt word.txt -o long.jsonl
[ "$(grep -c '"predicate":"joined"' long.jsonl)" -eq 2 ] || fail "no fact after a huge sentence or word"
run 0 /usr/bin/time -f "%M" "$ng" extract -q huge.txt -o huge.jsonl
kb=$(tail -1 err.txt)
[ "$kb" -lt 1048576 ] || fail "200 MB file took ${kb} KB of memory"
# JSON Lines: bad records name file and line; the run stops before writing, or skips with --keep-going.
printf '{"id": "a", "text": "Ana Veltrano has joined Nordhavn Securities."}\n{"id": "b", "text": 5}\n{"id": "c"}\n{"id": "a", "text": "x"}\nnot json\n' > arts.jsonl
echo previous > keep.jsonl
run 1 "$ng" extract arts.jsonl -o keep.jsonl
expect_err 'arts.jsonl:2: "text" must be a string'
[ "$(cat keep.jsonl)" = previous ] || fail "a failed run changed its output"
run 0 "$ng" extract --keep-going arts.jsonl -o keep.jsonl
expect_err 'arts.jsonl:3: article has no "text" (skipped)'
expect_err 'arts.jsonl:4: duplicate article id "a" (skipped)'
expect_err 'arts.jsonl:5:[0-9]*: not valid JSON'
grep -q '"doc":"a"' keep.jsonl || fail "--keep-going lost the good record"
# Triples that do not fit the schema.
printf '{"doc":"d","subject":"A","subject_type":"Person","predicate":"bought","object":"B","object_type":"Company"}\n' > t1.jsonl
run 1 "$ng" build t1.jsonl -o g.json
expect_err 't1.jsonl:1: unknown predicate "bought"'
printf '{"doc":"d","subject":"A","subject_type":"Company","predicate":"joined","object":"B","object_type":"Company"}\n' > t2.jsonl
run 1 "$ng" build t2.jsonl -o g.json
expect_err "t2.jsonl:1: a Company cannot be the subject of joined"
# Schema errors: file, line, column, what is wrong.
cp "$SOURCE_DIR/schema.yaml" s.yaml
cp -r "$SOURCE_DIR/data" data
printf 'types: [a\n' > syntax.yaml
run 1 "$ng" extract --schema syntax.yaml mixed/a.txt
expect_err "syntax.yaml:2:1: YAML syntax error"
sed 's/^hedge_window: 4/hedge_windw: 4/' s.yaml > key.yaml
run 1 "$ng" extract --schema key.yaml mixed/a.txt
expect_err "key.yaml:[0-9]*:1: unknown key 'hedge_windw'"
sed 's/    range: \[Product\]/    range: [Produkt]/' s.yaml > type.yaml
run 1 "$ng" extract --schema type.yaml mixed/a.txt
expect_err "type.yaml:[0-9]*:[0-9]*: unknown entity type 'Produkt'"
sed 's/(co-founded|cofounded|founded|co-found|found|set up|sets up/((co-founded|cofounded|founded|co-found|found|set up|sets up/' s.yaml > pattern.yaml
run 1 "$ng" extract --schema pattern.yaml mixed/a.txt
expect_err "pattern.yaml:[0-9]*:[0-9]*: bad pattern"
sed 's#data/honorifics.txt#data/no_such_list.txt#' s.yaml > list.yaml
run 1 "$ng" extract --schema list.yaml mixed/a.txt
expect_err "list.yaml:[0-9]*:[0-9]*: cannot read word-list file"
# Paths: missing, unreadable, a symlink loop, outputs in a missing or read-only folder.
run 1 "$ng" extract no/such.txt
expect_err "no/such.txt: no such file or directory"
mkdir -p loop/sub && cp mixed/a.txt loop/sub/a.txt && ln -s .. loop/sub/up
run 0 "$ng" extract loop -o loop.jsonl
[ "$(grep -c '"predicate":"joined"' loop.jsonl)" -eq 1 ] || fail "a symlink loop read a file twice"
run 1 "$ng" extract mixed/a.txt -o missing/dir/out.jsonl
expect_err "missing/dir/out.jsonl: cannot create output file"
chmod 000 mixed/a.txt
mkdir -p ro && chmod 555 ro && chmod 755 "$WORK"
if command -v setpriv >/dev/null && [ "$(id -u)" -eq 0 ]; then
  as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
else
  as_nobody() { "$@"; }
fi
run 1 as_nobody "$ng" extract mixed/a.txt
expect_err "mixed/a.txt: cannot read file"
chmod 644 mixed/a.txt
run 1 as_nobody "$ng" extract mixed/a.txt -o ro/out.jsonl
expect_err "ro/out.jsonl: cannot create output file"
# Nothing lost: a size limit (full disk) and SIGINT/SIGTERM leave the old output, no temporary file.
echo previous > out.jsonl
run 1 bash -c "ulimit -f 4; '$ng' extract -q '$SHARED_DIR/corpora/bbc/business' -o out.jsonl"
expect_err "out.jsonl: write error"
[ "$(cat out.jsonl)" = previous ] || fail "a full disk changed the output"
# The articles come through a FIFO kept open, so the run is still going
# (however fast extraction is) when the signal arrives.
for sig in INT TERM; do
  rm -f articles.fifo && mkfifo articles.fifo
  "$ng" extract -q - -o out.jsonl < articles.fifo &
  pid=$!
  exec 3>articles.fifo
  head -n 200 "$SHARED_DIR/corpora/reuters21578/reuters21578.jsonl" >&3
  sleep 1
  kill -0 "$pid" 2>/dev/null || fail "SIG$sig: the run ended before the signal"
  kill -"$sig" "$pid"
  wait "$pid" && fail "SIG$sig did not stop the run"
  exec 3>&-
  [ "$(cat out.jsonl)" = previous ] || fail "SIG$sig changed the output"
done
rm -f articles.fifo
ls | grep -q "\.tmp\." && fail "a temporary file was left behind: $(ls)"
echo "12 passed, 0 failed"
