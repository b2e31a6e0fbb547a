#!/usr/bin/env bash
# The short fuzz run (CI): fuzz/run.sh [SECONDS_PER_TARGET] (default 60).
#
# Builds every target, writes a fresh seed corpus, runs each target for the given time on
# its own copy, and prints one line per target: executions, corpus files at the end (seeds
# in brackets), result. Exits non-zero when any target crashed, timed out or ran out of
# memory; the inputs are under fuzz/findings/<target>/ (README.md: turning a finding into a
# fixture).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
seconds="${1:-60}"

echo "== building the fuzz targets"
start=$(date +%s)
build_targets
echo "== built in $(( $(date +%s) - start )) s"

work="$(mktemp -d "${TMPDIR:-/tmp}/junheng-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
write_seeds "$work/seeds"

failed=0
for target in "${TARGETS[@]}"; do
  seeds="$(ls "$work/seeds/$target" | wc -l)"
  cp -r "$work/seeds/$target" "$work/$target"
  read -r executions corpus crashes timeouts ooms < <(run_target "$target" "$seconds" "$work/$target" "$work/$target.log" || true)
  result=ok
  if [ "$((crashes + timeouts + ooms))" -gt 0 ] || ! grep -q '^Done [0-9]* runs' "$work/$target.log"; then
    result="FAILED (crashes $crashes, timeouts $timeouts, OOMs $ooms)"
    failed=1
    tail -n 40 "$work/$target.log"
  fi
  printf '%-13s %5d s  executions %9d  corpus %5d (seeds %3d)  %s\n' "$target" "$seconds" "$executions" "$corpus" "$seeds" "$result"
done
exit "$failed"
