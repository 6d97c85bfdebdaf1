# explain, confidence and support filters, events as nodes, and reported dates.
source "$(dirname "$0")/lib.sh"
cd "$WORK"
cat > articles.jsonl <<'JSONL'
{"id": "a1", "date": "2024-05-02", "text": "Ana Veltrano has joined Nordhavn Securities as head of research."}
{"id": "a2", "date": "2024-06-10", "text": "Mr Veltrano joined Nordhavn Securities last month, the firm said."}
{"id": "a3", "date": "2024-07-01", "text": "Orbitek Inc agreed to acquire Plexal Systems for $2.1bn on Monday."}
JSONL
"$NEWSGRAPH" build -q articles.jsonl -o g.ngraph
# explain: aliases with rules and documents, facts with their sentences.
"$NEWSGRAPH" explain Veltrano g.ngraph > explain.txt
cat explain.txt
grep -q "^Ana Veltrano (Person)" explain.txt || fail "explain does not name the node"
grep -q "Veltrano  \[surname\]  in 1 document: a2" explain.txt || fail "no merge log line"
grep -q "joined -> Nordhavn Securities  (2 documents" explain.txt || fail "no fact with its support"
grep -q "a2 \[0," explain.txt || fail "no evidence sentence"
if "$NEWSGRAPH" explain Nobody g.ngraph 2> err.txt; then fail "explain found a missing name"; fi
# Support filter: only the fact two documents state.
"$NEWSGRAPH" build -q g.ngraph --min-support 2 -o support.json
"$NEWSGRAPH" build -q g.ngraph --min-confidence 0.99 -o confident.json
"$NEWSGRAPH" build -q g.ngraph --events nodes -o events.graphml
"$PYTHON" - support.json confident.json events.graphml g.ngraph <<'PY'
import json, sys
import networkx as nx
support = json.load(open(sys.argv[1]))
preds = sorted(l["predicate"] for l in support["links"])
assert preds == ["joined", "works_for"], preds
j = [l for l in support["links"] if l["predicate"] == "joined"][0]
assert j["weight"] == 2 and j["first_reported"] == "2024-05-02" and j["last_reported"] == "2024-06-10", j
assert any(r["rule"] == "surname" for n in support["nodes"] for r in n["merged"]), "no merge log in JSON"
confident = json.load(open(sys.argv[2]))
assert all(l["confidence"] >= 0.99 for l in confident["links"]), confident["links"]
g = nx.read_graphml(sys.argv[3])
events = [n for n, d in g.nodes(data=True) if d.get("type") == "Event"]
assert events, "no Event nodes"
acq = [n for n in events if g.nodes[n]["label"] == "acquired"][0]
agents = [u for u, v, d in g.in_edges(acq, data=True) if d["label"] == "agent"]
targets = [v for u, v, d in g.out_edges(acq, data=True) if d["label"] == "target"]
assert [g.nodes[a]["label"] for a in agents] == ["Orbitek Inc"], agents
assert [g.nodes[t]["label"] for t in targets] == ["Plexal Systems"], targets
e = list(g.in_edges(acq, data=True))[0][2]
assert e["amount"] == "$2.1bn" and e["date"] == "2024-07-01", e
# The native file keeps every evidence sentence.
lines = [json.loads(l) for l in open(sys.argv[4])]
assert lines[0]["format"] == "newsgraph-graph" and lines[0]["documents"] == 3
assert all(d["text"] for d in lines[1:]), "articles keep their text fingerprint"
PY
"$NEWSGRAPH" build -q g.ngraph --events nodes -o events.dot
render_clean events.dot dot
echo "4 passed, 0 failed"
