#!/usr/bin/env bash
# Benchmark (issue 5): the planner's divisible filling problem — one stage's indicator, minimise
# Σ c_u·δ_u with every unit at its requirement and the enrollment-weighted CV within κ (an SOCP) —
# solved by Planning's FillingProblem (Swift) and by cvxpy on the same instances: 7 indicators of
# quality-2017 on a county of 300 primary units made from demo counties, no unit exempt.
#
#   bash bench/plan_solver.sh       # SAMPLES=101 (Swift samples), REPEATS=7 (cvxpy runs per instance)
#
# Builds the driver bench/plan-solver (a separate package depending on this one: Planning,
# Domain, Interchange) in release mode, makes a venv with cvxpy under bench/out/plan/venv when
# missing, runs the driver (writes bench/out/plan/instances.json, prints Swift's costs and times),
# then bench/plan_cvxpy.py, which solves the same instances with cvxpy (Clarabel), checks Swift's
# solutions and costs, and prints the comparison and speed-ups. Exits non-zero when the
# uniform-cost sets differ from cvxpy by more than 1e-6 relative or a Swift solution is infeasible.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT=bench/out/plan
SAMPLES="${SAMPLES:-101}"
REPEATS="${REPEATS:-7}"
mkdir -p "$OUT"

echo "== building release" >&2
swift build -c release --package-path bench/plan-solver >/dev/null
DRIVER="$(swift build -c release --package-path bench/plan-solver --show-bin-path)/plan-solver"

PY="$OUT/venv/bin/python"
if ! { [ -x "$PY" ] && "$PY" -c "import cvxpy" 2>/dev/null; }; then
  echo "== installing cvxpy into $OUT/venv" >&2
  python3 -m venv "$OUT/venv"
  "$OUT/venv/bin/pip" install --quiet cvxpy
fi

echo "== Swift (Planning.FillingProblem)"
"$DRIVER" "$OUT/instances.json" --samples "$SAMPLES"
echo
echo "== cvxpy"
"$PY" bench/plan_cvxpy.py "$OUT/instances.json" --repeats "$REPEATS" --out "$OUT/cvxpy.json"
