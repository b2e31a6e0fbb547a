#!/usr/bin/env bash
# Benchmark: `junheng evaluate --format csv` against a pandas implementation of the same
# computation (bench/pandas_evaluate.py), on the same 3,000-county demo file, in the same run.
#
#   bash bench/run.sh            # from anywhere; needs swift and python3 (with venv)
#
# Creates bench/.venv (gitignored) with pandas when missing, builds junheng in release mode,
# generates bench/out/demo3000 (seed 1, 3,000 counties) when missing, times each tool best of
# RUNS (default 3) wall-clock runs, checks that both outputs agree (bench/compare_csv.py) and
# prints a markdown table.
#
# Environment: RUNS (default 3); JUNHENG=PATH uses that binary instead of building one.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${RUNS:-3}"
OUT=bench/out
DEMO="$OUT/demo3000"
VENV=bench/.venv
PY="$VENV/bin/python"

if [ ! -x "$PY" ]; then
  echo "== creating $VENV" >&2
  python3 -m venv "$VENV"
fi
if ! "$PY" -c 'import pandas' 2>/dev/null; then
  echo "== installing pandas into $VENV" >&2
  "$PY" -m pip install --quiet pandas
fi

if [ -z "${JUNHENG:-}" ]; then
  echo "== swift build -c release" >&2
  swift build -c release --product junheng >&2
  JUNHENG=.build/release/junheng
fi

mkdir -p "$OUT"
if [ ! -f "$DEMO/schools.csv" ]; then
  echo "== generating $DEMO" >&2
  "$JUNHENG" demo --out "$DEMO" --seed 1 --counties 3000 >&2
fi

"$PY" bench/pandas_evaluate.py --self-test  # the published CV example (official-methods §4A)

echo "== timing (best of $RUNS)" >&2
"$PY" - "$RUNS" "$JUNHENG" "$DEMO/schools.csv" "$OUT" <<'PYTHON'
import subprocess, sys, time

runs, junheng, schools, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
python = sys.executable
tools = [
    ("junheng evaluate (Swift)", [junheng, "evaluate", schools, "--format", "csv"], f"{out}/swift.csv"),
    ("pandas", [python, "bench/pandas_evaluate.py", schools], f"{out}/pandas.csv"),
]
best = {}
for name, command, target in tools:
    times = []
    for _ in range(runs):
        with open(target, "wb") as stdout:
            start = time.perf_counter()
            done = subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE)
            times.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.stderr.write(done.stderr.decode(errors="replace"))
            sys.exit(f"{name} failed with exit status {done.returncode}")
    best[name] = min(times)
    print(f"   {name}: " + ", ".join(f"{t:.3f}" for t in times) + " s", file=sys.stderr)

compare = subprocess.run([python, "bench/compare_csv.py", tools[0][2], tools[1][2]])
swift = best[tools[0][0]]
print()
print(f"Evaluating {schools} (quality-2017, `--format csv`), best of {runs} wall-clock runs:")
print()
print("| tool | seconds | ratio |")
print("|---|---:|---:|")
for name, _, _ in tools:
    print(f"| {name} | {best[name]:.3f} | {best[name] / swift:.2f}× |")
print()
print("outputs agree" if compare.returncode == 0 else "OUTPUTS DIFFER (see above)")
sys.exit(compare.returncode)
PYTHON
