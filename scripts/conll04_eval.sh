#!/usr/bin/env bash
# Scores newsgraph on a CoNLL04 split for the two relations the default schema
# shares with it (Work_For -> works_for, OrgBased_In -> based_in).
# usage: scripts/conll04_eval.sh [train|dev|test]   (develop on train and dev only)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED_DIR:-$root/../shared}"
split="${1:-dev}"
bin="${NEWSGRAPH:-$root/build/cli/newsgraph}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$shared/tools/conll04_to_gold.py" "$shared/corpora/conll04/conll04_$split.json" \
  "$work/articles.jsonl" "$work/gold.jsonl"
"$bin" extract -q "$work/articles.jsonl" -o "$work/all.jsonl"
grep -E '"predicate":"(works_for|based_in)"' "$work/all.jsonl" > "$work/pred.jsonl" || true
# Every sentence counts, including those without gold facts: score with a gold
# folder holding one file per sentence (an empty file names a fact-free sentence).
mkdir "$work/gold"
python3 - "$work/articles.jsonl" "$work/gold.jsonl" "$work/gold" <<'PY'
import json, sys, collections
arts, gold, out = sys.argv[1:4]
by_doc = collections.defaultdict(list)
for line in open(gold, encoding="utf-8"):
    by_doc[json.loads(line)["doc"]].append(line)
with open(out + "/all.jsonl", "w", encoding="utf-8") as f:
    for line in open(arts, encoding="utf-8"):
        doc = json.loads(line)["id"]
        f.writelines(by_doc.get(doc, []))
        if not by_doc.get(doc):
            open(out + "/" + doc.replace("/", "_") + ".jsonl", "w").close()
PY
"$bin" eval "$work/gold" "$work/pred.jsonl"
