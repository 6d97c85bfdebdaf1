# Golden files: a fixed triples file (hostile names included) builds exactly
# the GraphML, DOT and JSON checked in under tests/golden. After an intended
# format change, regenerate them with scripts/update_golden.sh and review the diff.
source "$(dirname "$0")/lib.sh"
golden="$SOURCE_DIR/tests/golden"
for format in graphml dot json; do
  "$NEWSGRAPH" build -q "$golden/triples.jsonl" -o "$WORK/out.$format"
  diff "$golden/expected.$format" "$WORK/out.$format" || fail "$format export differs from tests/golden/expected.$format"
done
# The same graph however the triples are sharded and ordered.
head -3 "$golden/triples.jsonl" > "$WORK/shard1.jsonl"
tail -n +4 "$golden/triples.jsonl" > "$WORK/shard2.jsonl"
"$NEWSGRAPH" build -q "$WORK/shard2.jsonl" "$WORK/shard1.jsonl" -o "$WORK/sharded.graphml"
cmp "$golden/expected.graphml" "$WORK/sharded.graphml" || fail "sharded build differs"
# Real readers accept the hostile names.
render_clean "$golden/expected.dot" dot
"$PYTHON" - "$golden/expected.graphml" <<'PY'
import sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
labels = {d["label"] for _, d in g.nodes(data=True)}
for name in ['a"b', 'C:\\x\\', 'node', 'São Paulo']:
    assert name in labels, (name, labels)
aliases = {d.get("aliases", "") for _, d in g.nodes(data=True)}
assert "<&>" in aliases, aliases
e = [d for _, _, d in g.edges(data=True) if d["label"] == "works_for"][0]
assert e["confidence"] == 0.123456789, e["confidence"]
assert e["role"] == 'chief "executive"', e["role"]
assert "\ufffd" in e["evidence"] and "<tags> & more" in e["evidence"], e["evidence"]
PY
echo "4 passed, 0 failed"
