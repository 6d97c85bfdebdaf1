# On all 2,225 BBC articles, no two nodes of one type class have names that
# differ only in case, spacing, punctuation or a corporate suffix.
source "$(dirname "$0")/lib.sh"
"$NEWSGRAPH" build -q "$SHARED_DIR/corpora/bbc" -o "$WORK/bbc.json"
"$PYTHON" - "$WORK/bbc.json" <<'PY'
import json, re, sys, collections, unicodedata
SUFFIXES = {"inc", "corp", "corporation", "co", "ltd", "limited", "plc", "llc", "ag", "sa", "nv", "group"}
def key(name):
    s = unicodedata.normalize("NFKC", name).casefold()
    s = re.sub(r"'s\b", "", s)
    words = re.sub(r"[^\w]+", " ", s).split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in SUFFIXES:
        words = words[:-1]
    return "".join(words)
g = json.load(open(sys.argv[1]))
groups = collections.defaultdict(list)
for n in g["nodes"]:
    cls = "org" if n["type"] in ("Company", "Organization") else n["type"]
    groups[(cls, key(n["label"]))].append(n["label"])
dupes = {k: v for k, v in groups.items() if len(v) > 1}
assert not dupes, f"{len(dupes)} duplicate groups, e.g. {list(dupes.items())[:5]}"
print(f"bbc: {len(g['nodes'])} nodes, {len(g['links'])} edges, no near-duplicate names")
PY
echo "1 passed, 0 failed"
