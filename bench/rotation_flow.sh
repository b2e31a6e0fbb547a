#!/usr/bin/env bash
# Benchmark (issues 6 and 15): the rotation planner's exact steps are min-cost flows (Planning's
# MinCostFlow, a primal network simplex). On a city of ~50,000 teachers and 600 schools made from
# demo counties, this times RotationPlanner.plan end to end, then every flow it solved, in Swift
# and with OR-Tools' SimpleMinCostFlow on the same integer networks, in the same run.
#
#   bash bench/rotation_flow.sh     # RUNS=3 (plans), SAMPLES=5 (Swift solves), REPEATS=5 (OR-Tools)
#                                   # TEACHERS=50000 SCHOOLS=600 SEED=1 SCALE=1e12
#
# Builds the driver bench/rotation-flow (a separate package depending on this one: Planning,
# Domain, Interchange) in release mode, makes a venv with ortools and numpy under
# bench/out/rotation/venv when missing, runs the driver (writes bench/out/rotation/networks.json
# and one network-NN.txt per flow, prints Swift's objectives and times), then
# bench/rotation_ortools.py, which solves the same networks with OR-Tools, prints the comparison
# table and exits non-zero when an objective differs from Swift's.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT=bench/out/rotation
mkdir -p "$OUT"

echo "== building release" >&2
swift build -c release --package-path bench/rotation-flow >/dev/null
DRIVER="$(swift build -c release --package-path bench/rotation-flow --show-bin-path)/rotation-flow"

PY="$OUT/venv/bin/python"
if ! { [ -x "$PY" ] && "$PY" -c "import ortools, numpy" 2>/dev/null; }; then
  echo "== installing ortools and numpy into $OUT/venv" >&2
  python3 -m venv "$OUT/venv"
  "$OUT/venv/bin/pip" install --quiet ortools numpy
fi

echo "== Swift (RotationPlanner, Planning.MinCostFlow)"
"$DRIVER" "$OUT" --runs "${RUNS:-3}" --samples "${SAMPLES:-5}" --teachers "${TEACHERS:-50000}" \
  --schools "${SCHOOLS:-600}" --seed "${SEED:-1}" --scale "${SCALE:-1e12}" 2>&1
echo
echo "== OR-Tools (SimpleMinCostFlow)"
"$PY" bench/rotation_ortools.py "$OUT" --repeats "${REPEATS:-5}" --out "$OUT/ortools.json"
