#!/usr/bin/env bash
# Issue 13 (2): every hostile workbook is refused within 256 MB of resident memory and 5 s.
#
# Writes the workbooks of make_bombs.py (1–2 MB files whose parts inflate to ~1 GiB: shared
# strings of <si/>, blank cells, text, white space; and a 20-digit shared-string index), then
# runs the release `junheng evaluate` on each under /usr/bin/time -v and checks: exit 65 (a
# refused data file), the message at FILE:ROW:COLUMN, maximum resident set ≤ 256 MB, elapsed
# ≤ 5 s. Prints one line per workbook and exits non-zero when any check fails.
#
# usage: bash bench/hostile/memory.sh [GIB]   (default 1)
set -euo pipefail
cd "$(dirname "$0")/../.."
gib="${1:-1}"
out="bench/out/hostile"
mkdir -p "$out"
swift build -c release --product junheng >/dev/null
bin="$(swift build -c release --show-bin-path)/junheng"
python3 bench/hostile/make_bombs.py "$out" "$gib" >/dev/null
limit_kb=$((256 * 1024))
failed=0
printf '%-26s %12s %6s %10s %8s  %s\n' workbook bytes exit max_rss_kb seconds message
for file in "$out"/*.xlsx; do
  name="$(basename "$file")"
  set +e
  /usr/bin/time -v "$bin" evaluate "$file" >/dev/null 2>"$out/$name.err"
  status=$?
  set -e
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/$name.err")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/$name.err")
  seconds=$(python3 -c "import sys; p=sys.argv[1].split(':'); print(round(sum(float(x)*60**i for i,x in enumerate(reversed(p))),2))" "$wall")
  message=$(awk '!/^[[:space:]]/ && !/Command being timed/ {print; exit}' "$out/$name.err")
  verdict=ok
  slow=$(python3 -c "import sys; print(1 if float(sys.argv[1]) > 5 else 0)" "$seconds")
  if [ "$status" -ne 65 ] || [ "$rss" -gt "$limit_kb" ] || [ "$slow" -eq 1 ]; then
    verdict=FAIL; failed=1
  fi
  case "$message" in "$file":*) ;; *) verdict=FAIL; failed=1 ;; esac
  printf '%-26s %12s %6s %10s %8s  %s %s\n' "$name" "$(stat -c %s "$file")" "$status" "$rss" "$seconds" "$verdict" "${message:0:140}"
done
exit $failed
