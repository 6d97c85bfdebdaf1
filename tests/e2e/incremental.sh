# The native graph file: --update skips articles it has (same id, same text),
# replaces changed ones, --remove retracts them; refuses corrupt files without
# touching them; and shards merged in any order equal one build, byte for byte.
source "$(dirname "$0")/lib.sh"
ng="$NEWSGRAPH"
mkdir -p "$WORK/articles"
cp "$SOURCE_DIR"/examples/*.txt "$WORK/articles/"
cd "$WORK"
"$ng" build -q articles -o all.ngraph
head -1 all.ngraph | grep -q '"format":"newsgraph-graph","version":1' || fail "no native header"
# Same articles again: nothing changes.
cp all.ngraph before.ngraph
"$ng" build --update all.ngraph articles 2> update.log
cmp before.ngraph all.ngraph || fail "re-adding the same articles changed the graph"
grep -q "5 unchanged" update.log || fail "unchanged count: $(cat update.log)"
# A changed article replaces its facts.
echo "Satya Nadella left Microsoft in 2030." > articles/04_people_moves.txt
"$ng" build --update all.ngraph articles 2> update.log
grep -q "1 replaced" update.log || fail "replace count: $(cat update.log)"
"$ng" build -q all.ngraph -o all.json
"$PYTHON" - all.json <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
labels = {n["id"]: n["label"] for n in g["nodes"]}
facts = {(labels[l["source"]], l["predicate"], labels[l["target"]]) for l in g["links"]}
assert ("Satya Nadella", "left", "Microsoft") in facts, facts
assert ("Ilya Sutskever", "left", "OpenAI") not in facts, "facts of the replaced article remain"
assert ("Nvidia", "acquired", "Mellanox") in facts, "facts of other articles lost"
PY
# --remove retracts a document; facts no other document supports disappear.
"$ng" build -q --update all.ngraph --remove articles/03_acquisitions.txt
"$ng" build -q all.ngraph -o all.json
grep -q '"Mellanox"' all.json && fail "facts of a removed document remain"
# A corrupt or foreign graph file is refused and left exactly as it was.
head -c 300 before.ngraph > broken.ngraph
cp broken.ngraph broken.copy
if "$ng" build -q --update broken.ngraph articles 2> err.txt; then fail "a corrupt graph was accepted"; fi
grep -q "broken.ngraph" err.txt || fail "the error does not name the file"
cmp broken.ngraph broken.copy || fail "the corrupt file was modified"
sed 's/"version":1/"version":7/' before.ngraph > other.ngraph
if "$ng" build -q --update other.ngraph articles 2> err.txt; then fail "another version was accepted"; fi
grep -q "version 7" err.txt || fail "no version message: $(cat err.txt)"
# Shards in any order: byte-identical to one build over everything.
printf "%s\n" "$SHARED_DIR"/corpora/bbc/tech/*.txt | sed -n 1,60p > list.txt
mkdir -p shard1 shard2 shard3
i=0
while read -r f; do
  i=$((i + 1))
  cp "$f" "shard$((i % 3 + 1))/$(basename "$f")"
done < list.txt
mkdir -p whole && cp shard1/* shard2/* shard3/* whole/
"$ng" build -q whole -o whole.graphml
for s in 1 2 3; do "$ng" extract -q "shard$s" -o "s$s.jsonl"; done
# The doc ids differ by folder; rewrite them to the common folder first.
for s in 1 2 3; do sed "s#\"doc\":\"shard$s/#\"doc\":\"whole/#g" "s$s.jsonl" > "t$s.jsonl"; done
for order in "t1 t2 t3" "t3 t1 t2" "t2 t3 t1"; do
  set -- $order
  "$ng" build -q "$1.jsonl" "$2.jsonl" "$3.jsonl" -o merged.graphml
  cmp whole.graphml merged.graphml || fail "shards in order $order differ from one build"
done
# Native shards merge the same way.
for s in 1 2 3; do "$ng" build -q "t$s.jsonl" -o "n$s.ngraph"; done
"$ng" build -q n3.ngraph n1.ngraph n2.ngraph -o merged.graphml
cmp whole.graphml merged.graphml || fail "native shards differ from one build"
echo "8 passed, 0 failed"
