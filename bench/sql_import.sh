#!/usr/bin/env bash
# Benchmark: SQLStore imports of the demo province (3000 counties, ~130,000 schools) and of
# one county of about 300 schools, into SQLite — and into PostgreSQL when a URL is given.
#
#   bash bench/sql_import.sh                      # SQLite only
#   bash bench/sql_import.sh postgres://u@h/db    # also PostgreSQL (an empty database)
#
# Builds the driver bench/sql-import (a separate package depending on this one) in release
# mode, writes bench/out/sql/schools.csv (what `junheng demo --counties 3000` writes) when
# missing, then runs the driver: each step is timed on its own (see its source for the steps).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT=bench/out/sql

echo "== building release" >&2
swift build -c release --package-path bench/sql-import >/dev/null
DRIVER="$(swift build -c release --package-path bench/sql-import --show-bin-path)/sql-import"

if [ ! -f "$OUT/schools.csv" ]; then
  echo "== generating $OUT/schools.csv (3000 counties, as junheng demo --counties 3000)" >&2
  "$DRIVER" demo "$OUT/schools.csv" 3000
fi

echo "== SQLite"
"$DRIVER" "$OUT/schools.csv"
if [ $# -gt 0 ]; then
  echo "== PostgreSQL"
  "$DRIVER" "$OUT/schools.csv" "$1"
fi
