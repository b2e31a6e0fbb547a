#!/usr/bin/env bash
# Benchmark (issue 16): the zone planner (学区划分) against OR-Tools and HiGHS, in the same run.
#
#   bash bench/zones.sh      # BLOCKS=100000 SCHOOLS=1000 SAMPLES=3 REPEATS=3 (the city's relaxation)
#                            # COUNTY_BLOCKS=5000 COUNTY_SCHOOLS=60 RUNS=3 LIMITS=60 THREADS=1 (the county's plan)
#                            # SEED=1 NEAREST=24 PART=both|city|county
#
# 1. A synthetic city of 100,000 blocks and 1,000 schools: the split relaxation (ZoneRelaxation,
#    Planning's ZoneTransportation) on the k-nearest network ZonePlanner builds when it restricts, with
#    its reduced-cost check, against OR-Tools' SimpleMinCostFlow on the same integer network.
# 2. A 5,000-block county of 60 schools: ZonePlanner.plan against CP-SAT and HiGHS on the same
#    generalised assignment (no contiguity), each peer with LIMITS and 10 × Swift's time.
#
# Builds the driver bench/zones-flow in release mode (with -enable-testing: it reaches Planning's
# internal ZoneNetwork and ZoneRelaxation by @testable import), makes a venv with ortools, numpy
# and highspy under bench/out/zones/venv when missing, runs the driver (writes bench/out/zones/),
# then bench/zones_peers.py, which prints the tables and exits non-zero on a correctness failure
# (objectives that differ on the same network, an infeasible Swift plan, a bound above a plan).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT=bench/out/zones
mkdir -p "$OUT"

echo "== building release" >&2
swift build -c release -Xswiftc -enable-testing --package-path bench/zones-flow >/dev/null
DRIVER="$(swift build -c release -Xswiftc -enable-testing --package-path bench/zones-flow --show-bin-path)/zones-flow"

PY="$OUT/venv/bin/python"
if ! { [ -x "$PY" ] && "$PY" -c "import ortools, numpy, highspy" 2>/dev/null; }; then
  echo "== installing ortools, numpy and highspy into $OUT/venv" >&2
  python3 -m venv "$OUT/venv"
  "$OUT/venv/bin/pip" install --quiet ortools numpy highspy
fi

echo "== Swift (ZoneRelaxation on the city, ZonePlanner.plan on the county)"
"$DRIVER" "$OUT" --blocks "${BLOCKS:-100000}" --schools "${SCHOOLS:-1000}" --county-blocks "${COUNTY_BLOCKS:-5000}" \
  --county-schools "${COUNTY_SCHOOLS:-60}" --samples "${SAMPLES:-3}" --runs "${RUNS:-3}" --seed "${SEED:-1}" \
  --nearest "${NEAREST:-24}" --part "${PART:-both}"
echo
echo "== OR-Tools SimpleMinCostFlow (city), CP-SAT and HiGHS (county)"
"$PY" bench/zones_peers.py "$OUT" --repeats "${REPEATS:-3}" --limits "${LIMITS:-60}" --threads "${THREADS:-1}" \
  --part "${PART:-both}" --out "$OUT/peers.json"
