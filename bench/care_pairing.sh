#!/usr/bin/env bash
# Benchmark (issue 19): `junheng children pair` (结对帮扶, exact min-cost flow per school) against
# SciPy's linear_sum_assignment (LAPJV) on the same register and teachers, in the same run.
#
#   bash bench/care_pairing.sh     # COUNTIES=20 SEED=1 RUNS=3 LIMIT=5 JUNHENG=path/to/junheng (skips the build)
#
# Writes `junheng demo --counties COUNTIES` under bench/out/care/ (its children.csv, teachers.csv with
# head teachers, schools.csv), then:
#   - `junheng children pair schools.csv children.csv teachers.csv --format json`, wall clock (reading
#     the three files, checking the register against the schools, pairing, writing the JSON), median of RUNS;
#   - bench/care_pairing_peer.py: reads the same CSVs with the csv module and, school by school, solves
#     the same problem as an assignment of children to teacher slots (each teacher `LIMIT` slots, cost
#     0 head teacher and last year's partner, 1 head teacher, 2 last year's, 3 neither) with
#     scipy.optimize.linear_sum_assignment; reading and solving timed apart, median of RUNS.
# A rectangular assignment pairs min(children, slots) children at least cost: the same lexicographic
# objective (most children paired, then least cost) as Junheng's max-flow min-cost. The peer exits
# non-zero when the paired counts or the total costs differ from Junheng's, or when Junheng's pairs
# break a rule (a teacher of another school, over the limit, a child twice).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT=bench/out/care
mkdir -p "$OUT"

if [ -z "${JUNHENG:-}" ]; then
  echo "== building junheng (release)" >&2
  swift build -c release --product junheng >/dev/null
  JUNHENG="$(swift build -c release --product junheng --show-bin-path)/junheng"
fi

PY="$OUT/venv/bin/python"
if ! { [ -x "$PY" ] && "$PY" -c "import scipy, numpy" 2>/dev/null; }; then
  echo "== installing scipy and numpy into $OUT/venv" >&2
  python3 -m venv "$OUT/venv"
  "$OUT/venv/bin/pip" install --quiet scipy numpy
fi

"$JUNHENG" demo --out "$OUT/demo" --counties "${COUNTIES:-20}" --seed "${SEED:-1}" --headers english 2>/dev/null
echo "{\"pair_limit\": ${LIMIT:-5}}" > "$OUT/rules.json"
times=()
for _ in $(seq "${RUNS:-3}"); do
  start=$(date +%s.%N)
  "$JUNHENG" children pair "$OUT/demo/schools.csv" "$OUT/demo/children.csv" "$OUT/demo/teachers.csv" --rules "$OUT/rules.json" \
    --format json > "$OUT/junheng.json"
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc)")
done
"$PY" bench/care_pairing_peer.py "$OUT/demo" "$OUT/junheng.json" --limit "${LIMIT:-5}" --runs "${RUNS:-3}" --junheng-seconds "${times[@]}"
