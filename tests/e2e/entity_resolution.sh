# Entity resolution against the entity-cluster gold (320 BBC business and tech
# articles): pairwise precision and recall must stay high.
source "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/bbc/business" "$WORK/bbc/tech"
for topic in business tech; do
  for f in "$SHARED_DIR"/corpora/bbc/$topic/*.txt; do
    n=$(basename "$f" .txt)
    [ "$n" -le 160 ] && cp "$f" "$WORK/bbc/$topic/"
  done
done
"$NEWSGRAPH" eval --entities "$SOURCE_DIR/tests/gold/entities" "$WORK/bbc" | tee "$WORK/score.txt"
"$PYTHON" - "$WORK/score.txt" <<'PY'
import re, sys
s = dict(re.findall(r"(\w+)=([\d.]+)", open(sys.argv[1]).read()))
assert int(s["covered"]) >= 500, s
assert float(s["precision"]) >= 0.95, s
assert float(s["recall"]) >= 0.85, s
PY
echo "1 passed, 0 failed"
