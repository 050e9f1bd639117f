#!/usr/bin/env bash
# Save what Accord outputs, so that a refactoring can be shown to change nothing:
#   bash scripts/behaviour_snapshot.sh OUTDIR             # before the change
#   bash scripts/behaviour_snapshot.sh OUTDIR2 OUTDIR     # after it: saves OUTDIR2, then diffs it with OUTDIR
# It runs `accord extract --format jsonl` over the seed, samples/ and the 40 accord-wire-dev reports,
# scores the latter with the reference scorer, and saves `accord eval --json`. Needs ../shared.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=$1
BEFORE=${2:-}
SHARED=${SHARED:-../shared}
ACCORD=${ACCORD:-.venv/bin/accord}
mkdir -p "$OUT"
"$ACCORD" extract --format jsonl "$SHARED/seed/000_5d68f7ddc8901266.txt" > "$OUT/seed.jsonl" 2> "$OUT/seed.err"
"$ACCORD" extract --format jsonl samples/ > "$OUT/samples.jsonl" 2> "$OUT/samples.err"
mapfile -t WIRE < <(ls "$SHARED"/data/accord-wire-dev/gold/*.json | xargs -n1 basename | sed "s#\.json\$#.tml#; s#^#$SHARED/data/te3-silver-news/#")
"$ACCORD" extract --format jsonl "${WIRE[@]}" > "$OUT/wire.jsonl" 2> "$OUT/wire.err"
python3 "$SHARED/data/accord-wire-dev/score.py" "$SHARED/data/accord-wire-dev/gold" "$OUT/wire.jsonl" > "$OUT/wire.score"
"$ACCORD" eval --shared "$SHARED" --json "$OUT/eval-timed.json" > "$OUT/eval.txt" 2> "$OUT/eval.err"
# The figures without the run times, which differ from run to run.
python3 -c 'import json, sys
def strip(x):
    if isinstance(x, dict): return {k: strip(v) for k, v in x.items() if k != "seconds"}
    if isinstance(x, list): return [strip(v) for v in x]
    return x
json.dump(strip(json.load(open(sys.argv[1]))), open(sys.argv[2], "w"), indent=1, sort_keys=True)' "$OUT/eval-timed.json" "$OUT/eval.json"
if [ -n "$BEFORE" ]; then
  status=0
  for f in seed.jsonl samples.jsonl wire.jsonl wire.score eval.json; do
    if cmp -s "$BEFORE/$f" "$OUT/$f"; then echo "same: $f"; else echo "DIFFERENT: $f"; status=1; fi
  done
  exit $status
fi
