#!/usr/bin/env bash
# The long fuzz run: fuzz/long-run.sh [TOTAL_MINUTES] (default 60).
#
# Builds every target and runs them in turn for TOTAL_MINUTES / number of targets each, on
# a corpus kept between runs in fuzz/corpus/<target>/ (git-ignored; fresh seeds are added
# each time), and appends one row per target to fuzz/RESULTS.md: date, target, seconds,
# executions, corpus files, crashes, timeouts, OOMs. Exits non-zero when any target found
# something; the inputs are under fuzz/findings/<target>/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
minutes="${1:-60}"
seconds=$(( minutes * 60 / ${#TARGETS[@]} ))
results="$FUZZ_DIR/RESULTS.md"
logs="$FUZZ_DIR/corpus/logs"

echo "== building the fuzz targets"
build_targets
mkdir -p "$logs"
work="$(mktemp -d "${TMPDIR:-/tmp}/junheng-fuzz-seeds.XXXXXX")"
trap 'rm -rf "$work"' EXIT
write_seeds "$work"

if [ ! -f "$results" ]; then
  cat >"$results" <<'HEADER'
# Fuzzing results

Rows appended by `fuzz/long-run.sh` (README.md). Corpus = files in `fuzz/corpus/<target>/`
after the run, seeds included.

| date (UTC) | target | seconds | executions | corpus | crashes | timeouts | OOMs |
|---|---|---:|---:|---:|---:|---:|---:|
HEADER
fi

echo "== $minutes minutes: ${#TARGETS[@]} targets × $seconds s"
failed=0
for target in "${TARGETS[@]}"; do
  corpus="$FUZZ_DIR/corpus/$target"
  mkdir -p "$corpus"
  cp -n "$work/$target"/* "$corpus/" 2>/dev/null || true
  started="$(date -u '+%Y-%m-%d %H:%M')"
  log="$logs/$target-$(date -u +%Y%m%dT%H%M%S).log"
  read -r executions files crashes timeouts ooms < <(run_target "$target" "$seconds" "$corpus" "$log" || true)
  if [ "$((crashes + timeouts + ooms))" -gt 0 ] || ! grep -q '^Done [0-9]* runs' "$log"; then failed=1; fi
  echo "| $started | $target | $seconds | $executions | $files | $crashes | $timeouts | $ooms |" >>"$results"
  echo "$target: $seconds s, executions $executions, corpus $files, crashes $crashes, timeouts $timeouts, OOMs $ooms (log $log)"
done
exit "$failed"
