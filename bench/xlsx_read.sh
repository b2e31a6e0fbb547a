#!/usr/bin/env bash
# Benchmark: reading a 10,000-row × 45-column schools sheet with XLSXWorkbook against
# openpyxl (read_only=True and normal mode), same file, same run, best of RUNS each.
#
#   bash bench/xlsx_read.sh            # from anywhere; needs swift and python3 (with venv)
#
# Creates bench/.venv (gitignored) with openpyxl when missing, builds junheng and the driver
# bench/xlsx-reader (a separate package depending on this one) in release mode, generates
# bench/out/xlsx/schools.xlsx from `junheng demo --counties 260` when missing, then times.
#
# Environment: RUNS (default 5).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${RUNS:-5}"
OUT=bench/out/xlsx
VENV=bench/.venv
PY="$VENV/bin/python"

if [ ! -x "$PY" ]; then
  echo "== creating $VENV" >&2
  python3 -m venv "$VENV"
fi
if ! "$PY" -c 'import openpyxl' 2>/dev/null; then
  echo "== installing openpyxl into $VENV" >&2
  "$PY" -m pip install --quiet openpyxl
fi

echo "== building release" >&2
swift build -c release --product junheng >&2
(cd bench/xlsx-reader && swift build -c release >&2)
READER="bench/xlsx-reader/.build/release/xlsx-reader"

mkdir -p "$OUT"
if [ ! -f "$OUT/schools.xlsx" ]; then
  echo "== generating $OUT/schools.xlsx" >&2
  rm -rf "$OUT/demo"
  .build/release/junheng demo --out "$OUT/demo" --counties 260 >&2
  "$PY" bench/xlsx_make.py "$OUT/demo/schools.csv" "$OUT/schools.xlsx"
fi
ls -l "$OUT/schools.xlsx" >&2

"$READER" "$OUT/schools.xlsx" "$RUNS"
"$PY" bench/xlsx_openpyxl.py "$OUT/schools.xlsx" "$RUNS"
