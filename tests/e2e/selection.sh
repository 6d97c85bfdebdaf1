# Subgraph selection works for every format (--focus/--hops, --types,
# --predicates, --top) and `stats` reports counts, top entities and components.
source "$(dirname "$0")/lib.sh"
cd "$WORK"
"$NEWSGRAPH" build -q "$SOURCE_DIR/examples" -o ex.ngraph
"$NEWSGRAPH" build -q ex.ngraph --focus "Andrej Karpathy" --hops 1 -o focus1.json
"$NEWSGRAPH" build -q ex.ngraph --focus Karpathy --hops 2 -o focus2.json
"$NEWSGRAPH" build -q ex.ngraph --types Person,Company -o types.json
"$NEWSGRAPH" build -q ex.ngraph --predicates acquired,invested_in -o preds.json
"$NEWSGRAPH" build -q ex.ngraph --top 5 -o top.json
for f in graphml dot nt cypher; do "$NEWSGRAPH" build -q ex.ngraph --focus Anthropic -o "focus.$f"; done
render_clean focus.dot dot
"$PYTHON" - <<'PY'
import json
def load(p):
    g = json.load(open(p))
    labels = {n["id"]: n["label"] for n in g["nodes"]}
    return g, labels, {(labels[l["source"]], l["predicate"], labels[l["target"]]) for l in g["links"]}
g1, l1, f1 = load("focus1.json")
assert all("Andrej Karpathy" in (s, o) for s, _, o in f1), f1
assert ("Andrej Karpathy", "joined", "Anthropic") in f1
g2, l2, f2 = load("focus2.json")
assert len(f2) > len(f1) and f1 <= f2, (len(f1), len(f2))
gt, lt, ft = load("types.json")
assert {n["type"] for n in gt["nodes"]} <= {"Person", "Company"}, {n["type"] for n in gt["nodes"]}
gp, lp, fp = load("preds.json")
assert {p for _, p, _ in fp} == {"acquired", "invested_in"}, fp
top, _, _ = load("top.json")
assert 0 < len(top["nodes"]) <= 5, len(top["nodes"])
PY
grep -q "Anthropic" focus.graphml && grep -q "Anthropic" focus.nt && grep -q "Anthropic" focus.cypher || fail "focus missing in a format"
"$NEWSGRAPH" stats ex.ngraph > stats.txt
cat stats.txt
grep -q "^components " stats.txt && grep -q "^nodes by type:" stats.txt && grep -q "^top entities by degree:" stats.txt ||
  fail "stats output incomplete"
if "$NEWSGRAPH" build -q ex.ngraph --focus "No Such Entity" -o x.json 2> err.txt; then fail "unknown focus accepted"; fi
grep -q "no entity named" err.txt || fail "no message for an unknown focus"
if "$NEWSGRAPH" build -q ex.ngraph --types Alien -o x.json 2> err.txt; then fail "unknown type accepted"; fi
echo "3 passed, 0 failed"
