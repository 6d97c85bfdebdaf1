# The issue's acceptance check: the two seed articles give one Andrej Karpathy
# node linked to Anthropic by `joined` with both seeds as sources; NetworkX
# reads the GraphML and Graphviz renders the DOT without a warning.
source "$(dirname "$0")/lib.sh"
"$NEWSGRAPH" build -q "$SHARED_DIR/seeds" -o "$WORK/g.graphml"
"$NEWSGRAPH" build -q "$SHARED_DIR/seeds" -o "$WORK/g.dot"
"$NEWSGRAPH" build -q "$SHARED_DIR/seeds" -o "$WORK/g.json"
render_clean "$WORK/g.dot" dot
"$PYTHON" - "$WORK/g.graphml" "$WORK/g.json" <<'PY'
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
karpathy = [n for n, d in g.nodes(data=True) if d.get("label") == "Andrej Karpathy"]
assert len(karpathy) == 1, karpathy
dupes = [n for n, d in g.nodes(data=True) if d.get("label") in ("Karpathy", "Andrej")]
assert not dupes, f"duplicate Karpathy nodes: {dupes}"
anthropic = [n for n, d in g.nodes(data=True) if d.get("label") == "Anthropic"]
assert len(anthropic) == 1, anthropic
edges = [d for u, v, d in g.edges(data=True) if u == karpathy[0] and v == anthropic[0] and d["label"] == "joined"]
assert len(edges) == 1, edges
e = edges[0]
assert e["weight"] == 2, e
assert isinstance(e["confidence"], float) and 0 < e["confidence"] <= 1, e
sources = e["sources"].split("; ")
assert len(sources) == 2 and all("seeds/" in s for s in sources), sources
assert g.nodes[karpathy[0]]["type"] == "Person"
# The node-link JSON is the same graph.
data = json.load(open(sys.argv[2]))
h = nx.node_link_graph(data)
assert h.number_of_nodes() == g.number_of_nodes(), (h.number_of_nodes(), g.number_of_nodes())
assert h.number_of_edges() == g.number_of_edges()
print(f"seeds graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
PY
echo "1 passed, 0 failed"
