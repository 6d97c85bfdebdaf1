# Every export loaded by its real tool: Kuzu (the Cypher script, and the Neo4j
# MERGE script run twice), Python's csv module (the Neo4j import CSVs),
# rapper (N-Triples and Turtle), NetworkX, igraph, graphology and Boost (GraphML),
# NetworkX and Cytoscape.js (JSON), Graphviz (DOT) -- on a graph of hostile
# names, on the seeds and on all BBC business articles.
source "$(dirname "$0")/lib.sh"
js="$SOURCE_DIR/tests/js"
[ -d "$js/node_modules/kuzu" ] || fail "tests/js/node_modules is missing: run scripts/setup.sh"
# Runs a Node loader with its stderr in a file: the Kuzu binding crashes
# (SIGSEGV) when its stderr is the pipe ctest reads, so it never gets one.
node_load() {
  local out="$1"
  shift
  if ! (cd "$js" && node "$@") > "$out" 2> "$out.err"; then
    cat "$out.err" >&2
    return 1
  fi
}
check_graph() {
  local name="$1"
  shift
  local g="$WORK/$name"
  for ext in json graphml dot cypher cql nt ttl; do "$NEWSGRAPH" build -q "$@" -o "$g.$ext"; done
  "$NEWSGRAPH" build -q "$@" -f neo4j -o "$g.neo4j"
  node_load "$g.kuzu.json" kuzu_load.js "$g.cypher" || fail "$name: Kuzu refused the script"
  node_load "$g.merge.json" kuzu_load.js "$g.cypher" "$g.cql" || fail "$name: Kuzu refused the MERGE script"
  node_load "$g.graphology.json" graphology_load.js "$g.graphml" || fail "$name: graphology refused the GraphML"
  node_load "$g.cytoscape.json" cytoscape_load.js "$g.json" || fail "$name: Cytoscape.js refused the JSON"
  "$GRAPHML_CHECK" "$g.graphml" > "$g.boost.json" || fail "$name: Boost read_graphml refused the GraphML"
  rapper -q -i ntriples -o ntriples "$g.nt" > "$g.nt.out" 2> "$g.rapper" || fail "$name: rapper: $(cat "$g.rapper")"
  rapper -q -i turtle -o ntriples "$g.ttl" > "$g.ttl.out" 2> "$g.rapper" || fail "$name: rapper: $(cat "$g.rapper")"
  [ ! -s "$g.rapper" ] || fail "$name: rapper warned: $(cat "$g.rapper")"
  for layout in dot neato sfdp; do render_clean "$g.dot" "$layout"; done
  "$PYTHON" - "$g" <<'PY'
import csv, json, sys
import igraph, networkx as nx
g = sys.argv[1]
ref = nx.node_link_graph(json.load(open(g + ".json")))
n, m = ref.number_of_nodes(), ref.number_of_edges()
labels = sorted(d["label"] for _, d in ref.nodes(data=True))
for tool in ("kuzu", "merge", "graphology", "cytoscape"):
    got = json.load(open(f"{g}.{tool}.json"))
    assert (got["nodes"], got["edges"]) == (n, m), (tool, got["nodes"], got["edges"], n, m)
    assert sorted(got["labels"]) == labels, (tool, sorted(got["labels"])[:5], labels[:5])
b = json.load(open(g + ".boost.json"))
assert (b["nodes"], b["edges"]) == (n, m), ("boost", b, n, m)
x = nx.read_graphml(g + ".graphml")
assert (x.number_of_nodes(), x.number_of_edges()) == (n, m)
i = igraph.Graph.Read_GraphML(g + ".graphml")
assert (i.vcount(), i.ecount()) == (n, m), (i.vcount(), i.ecount())
assert sorted(i.vs["label"]) == labels
assert all(isinstance(w, float) for w in i.es["weight"])  # igraph reads numbers as numbers
with open(g + ".neo4j/nodes.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
assert len(rows) == n and rows[0].keys() >= {"id:ID", ":LABEL", "name"}, rows[:1]
assert sorted(r["name"] for r in rows) == labels
with open(g + ".neo4j/relationships.csv", newline="", encoding="utf-8") as f:
    rels = list(csv.DictReader(f))
assert len(rels) == m and all(r[":TYPE"] for r in rels)
assert all(float(r["confidence:double"]) > 0 for r in rels)
nt = open(g + ".nt.out").read().splitlines()
ttl = open(g + ".ttl.out").read().splitlines()
assert len(nt) == len(ttl) and len(nt) > 0, (len(nt), len(ttl))
kz = json.load(open(g + ".kuzu.json"))
print(f"{g.rsplit('/', 1)[1]}: {n} nodes, {m} edges, {len(nt)} RDF triples, joined: {kz['joined'][:3]}")
PY
}
check_graph hostile "$SOURCE_DIR/tests/golden/triples.jsonl"
# An article whose names and sentences carry what breaks naive writers:
# <script>, quotes, backslashes, ]]>, DOT keywords, Cypher quotes, CSV separators.
cat > "$WORK/hostile_article.txt" <<'TXT'
Node Labs, based in London, said "<script>alert('x')</script>" and C:\path\ ]]> were fine; really.
O'Brien & Sons Ltd acquired Edge Inc for $1bn, a deal "quoted, with; separators" in the report.
Graph Holdings, headquartered in Paris, partnered with Digraph Systems.
Mary O'Neil, chief executive of Strict Industries, said the deal was "done".
TXT
check_graph hostile_article "$WORK/hostile_article.txt"
"$PYTHON" - "$WORK/hostile_article.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
labels = {n["label"] for n in g["nodes"]}
for name in ["Node Labs", "O'Brien & Sons Ltd", "Edge Inc", "Digraph Systems", "Mary O'Neil"]:
    assert name in labels, (name, labels)
sentences = [e["sentence"] for l in g["links"] for e in l["evidence"]]
assert any("<script>alert('x')</script>" in s and "]]>" in s for s in sentences), sentences
PY
check_graph seeds "$SHARED_DIR/seeds"
grep -q '"Andrej Karpathy","Anthropic"' "$WORK/seeds.kuzu.json" || fail "Kuzu: no Karpathy joined Anthropic"
check_graph bbc_business "$SHARED_DIR/corpora/bbc/business"
echo "4 passed, 0 failed"
