#!/usr/bin/env bash
# Benchmark (issue 17): `junheng plan layout` (布局调整, p-median location–allocation) against PySAL
# spopt's PMedian (PuLP with HiGHS, else CBC), on the same generated county, in the same run.
#
#   bash bench/layout.sh     # SEED=1 OPEN=40 (p) BLOCKS=2000 SITES=300 RUNS=3 (Junheng, median)
#                            # LIMIT=1200 (s per spopt solve) GAP=0 (spopt's relative MIP gap; HiGHS' default is 1e-4)
#                            # SOLVER=auto|highs|highs_cmd|cbc VARIANTS=uncapacitated,capacitated
#                            # PART=both|peers|junheng  JUNHENG=path/to/junheng (skips the build)
#
# Generates a ~60 km × 60 km county around 112.9° E, 28.2° N (2,000 blocks clustered in 40 towns plus
# rural scatter, 5..400 primary children each; 300 candidate sites), in two variants under
# bench/out/layout/<variant>/ (blocks.csv, sites.csv): uncapacitated, and capacitated with every
# site's capacity_primary = ceil(1.3 × children / p). Distances are the great circle × 1.3, as
# Junheng computes them without a distances file. Then runs, per variant:
#   - spopt PMedian.from_cost_matrix(...).solve(...) on 1 thread, timed end to end (model build +
#     solve), once; its status, incumbent, bound and gap as the solver reports them;
#   - `junheng plan layout blocks.csv sites.csv --stage primary --open p --format json`, wall clock,
#     median of RUNS.
# PART=peers generates and runs spopt only (no Swift build); PART=junheng runs Junheng only and
# compares with the spopt record an earlier run left for the same instance (<variant>/spopt.json).
#
# Builds junheng in release mode unless JUNHENG is set, makes a venv with spopt, pulp, highspy and
# numpy under bench/out/layout/venv when missing, then bench/layout_peers.py prints a table per
# variant, writes bench/out/layout/results.json and exits non-zero on a correctness failure (a plan
# that leaves a block unassigned or twice, opens other than p sites or overfills a site, an
# objective that disagrees with the km matrix, a lower bound above a feasible plan).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT=bench/out/layout
mkdir -p "$OUT"
PART="${PART:-both}"

if [ "$PART" != peers ] && [ -z "${JUNHENG:-}" ]; then
  echo "== building junheng (release)" >&2
  swift build -c release --product junheng >/dev/null
  JUNHENG="$(swift build -c release --product junheng --show-bin-path)/junheng"
fi

PY="$OUT/venv/bin/python"
if ! { [ -x "$PY" ] && "$PY" -c "import spopt, pulp, highspy, numpy" 2>/dev/null; }; then
  echo "== installing spopt, pulp, highspy and numpy into $OUT/venv" >&2
  python3 -m venv "$OUT/venv"
  "$OUT/venv/bin/pip" install --quiet spopt pulp highspy numpy
fi

echo "== Junheng plan layout against spopt PMedian (part $PART)"
PART="$PART" JUNHENG="${JUNHENG:-}" "$PY" bench/layout_peers.py "$OUT" --results "$OUT/results.json"
