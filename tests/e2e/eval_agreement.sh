# `newsgraph eval` prints exactly what the reference scorer prints, on the
# seeds and on the project's development gold.
source "$(dirname "$0")/lib.sh"
"$NEWSGRAPH" extract -q "$SHARED_DIR/seeds" -o "$WORK/seeds.jsonl"
"$NEWSGRAPH" eval "$SHARED_DIR/gold/seeds.jsonl" "$WORK/seeds.jsonl" > "$WORK/ours.txt"
"$PYTHON" "$SHARED_DIR/tools/score_triples.py" "$SHARED_DIR/gold/seeds.jsonl" "$WORK/seeds.jsonl" --by-predicate \
  > "$WORK/reference.txt"
diff "$WORK/reference.txt" "$WORK/ours.txt" || fail "eval differs from score_triples.py on the seeds"
cat "$WORK/ours.txt"
# The development gold: articles selected from the shared corpora by id.
bash "$SOURCE_DIR/scripts/dev_articles.sh" "$SOURCE_DIR/tests/gold/dev" "$WORK/dev_articles"
"$NEWSGRAPH" extract -q "$WORK/dev_articles" -o "$WORK/dev.jsonl"
"$NEWSGRAPH" eval "$SOURCE_DIR/tests/gold/dev" "$WORK/dev.jsonl" > "$WORK/dev_ours.txt"
"$PYTHON" "$SHARED_DIR/tools/score_triples.py" "$SOURCE_DIR/tests/gold/dev" "$WORK/dev.jsonl" --by-predicate \
  > "$WORK/dev_reference.txt"
diff "$WORK/dev_reference.txt" "$WORK/dev_ours.txt" || fail "eval differs from score_triples.py on the dev gold"
tail -1 "$WORK/dev_ours.txt"
echo "2 passed, 0 failed"
