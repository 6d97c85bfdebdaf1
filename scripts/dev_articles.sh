#!/usr/bin/env bash
# Gathers the articles a gold folder names from ../shared/corpora into OUT, so
# that `newsgraph extract OUT` gives doc ids the scorer matches:
#   bbc/<topic>/<n>      -> OUT/bbc/<topic>/<n>.txt (a copy of the corpus file)
#   reuters-N, techcrunch-N -> one line each in OUT/articles.jsonl
# usage: scripts/dev_articles.sh GOLD_DIR OUT_DIR [SHARED_DIR]
set -euo pipefail
gold="$1"
out="$2"
shared="${3:-${SHARED_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/shared}}"
mkdir -p "$out"
python3 - "$gold" "$out" "$shared" <<'PY'
import json, os, shutil, sys
gold, out, shared = sys.argv[1:4]
ids = set()
for name in sorted(os.listdir(gold)):
    if name.endswith(".jsonl"):
        for line in open(os.path.join(gold, name), encoding="utf-8"):
            if line.strip():
                ids.add(json.loads(line)["doc"])
wanted = set()
for doc in sorted(ids):
    if doc.startswith("bbc/"):
        src = os.path.join(shared, "corpora", doc + ".txt")
        dst = os.path.join(out, doc + ".txt")
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copyfile(src, dst)
    else:
        wanted.add(doc)
with open(os.path.join(out, "articles.jsonl"), "w", encoding="utf-8") as f:
    for corpus in ("reuters21578/reuters21578.jsonl", "techcrunch2024/techcrunch2024.jsonl"):
        for line in open(os.path.join(shared, "corpora", corpus), encoding="utf-8"):
            if json.loads(line)["id"] in wanted:
                f.write(line)
                wanted.discard(json.loads(line)["id"])
if wanted:
    sys.exit("articles not found in the corpora: " + ", ".join(sorted(wanted)))
PY
