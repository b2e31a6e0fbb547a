# Shared by run.sh and long-run.sh (sourced, not run): the build, the seeds, and one
# libFuzzer run of one target with its summary.

# Every target, in the order they run.
TARGETS=(FuzzCSV FuzzXLSX FuzzSchools FuzzFacts FuzzTeachers FuzzCosts FuzzBudget FuzzZones FuzzJSON FuzzForms)
FUZZ_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(dirname "$FUZZ_DIR")"
BIN="$FUZZ_DIR/.build/release"
# Where libFuzzer writes the input of a crash, timeout or OOM (git-ignored); README.md says
# how one becomes a fixture.
FINDINGS_DIR="$FUZZ_DIR/findings"

# The largest input each target is given: CSV and JSON stay small; workbooks need room for
# a ZIP package of a few rows (the seeds are 3–40 KB).
max_len() {
  case "$1" in
    FuzzCSV|FuzzJSON|FuzzForms) echo 16384 ;;
    *) echo 65536 ;;
  esac
}

dict() {
  case "$1" in
    FuzzJSON) echo "$FUZZ_DIR/dict/json.dict" ;;
    *) echo "$FUZZ_DIR/dict/tables.dict" ;;
  esac
}

# Builds every target with libFuzzer and AddressSanitizer, in release as swift-protobuf's
# fuzz tests do. SwiftPM's own --sanitize=fuzzer keeps the executables' entry point
# unrenamed, so libFuzzer's main links; but it hands swiftc -sanitize=fuzzer and
# -sanitize=address as two flags, and the last one wins: without the combined flag after
# them the code gets no coverage counters and libFuzzer fuzzes blind. -parse-as-library
# because the targets have no top-level code; -enable-testing lets the harnesses reach the
# readers' internals (see Package.swift).
build_targets() {
  (cd "$FUZZ_DIR" && swift build -c release --scratch-path "$FUZZ_DIR/.build" \
    --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address \
    -Xswiftc -parse-as-library -Xswiftc -enable-testing)
}

# Writes the seed corpora into $1/<target>/: FuzzSeeds' files, plus every finding kept as a
# fixture under Tests/InterchangeTests/Fixtures/fuzz/<target>/ (regressions are seeds too),
# given back the mode byte its extension stands for (see FindingFixture.swift).
write_seeds() {
  local out="$1" target fixture
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$BIN/FuzzSeeds" "$REPO_DIR" "$out" >/dev/null
  for target in "${TARGETS[@]}"; do
    mkdir -p "$out/$target"
    for fixture in "$REPO_DIR/Tests/InterchangeTests/Fixtures/fuzz/$target"/*; do
      [ -f "$fixture" ] || continue
      case "$target:$fixture" in
        FuzzCSV:*|FuzzXLSX:*) cat "$fixture" ;;
        *.standard.json|*.xlsx) printf '\x01'; cat "$fixture" ;;
        *) printf '\x00'; cat "$fixture" ;;
      esac >"$out/$target/fixture-$(basename "$fixture")"
    done
  done
}

# Runs target $1 for $2 seconds on corpus folder $3 (grown in place), its output in $4.
# Prints "EXECUTIONS CORPUS_FILES CRASHES TIMEOUTS OOMS" and returns libFuzzer's status.
run_target() {
  local target="$1" seconds="$2" corpus="$3" log="$4" status=0
  local artifacts="$FINDINGS_DIR/$target"
  mkdir -p "$artifacts"
  # Artifacts newer than this marker are this run's.
  touch "$artifacts/.started"
  # Swift's own crash backtracer would race libFuzzer's and ASan's handlers for the signal.
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" "$BIN/$target" \
    -max_total_time="$seconds" -max_len="$(max_len "$target")" -rss_limit_mb=2048 -timeout=10 \
    -dict="$(dict "$target")" -artifact_prefix="$artifacts/" -print_final_stats=1 \
    "$corpus" >"$log" 2>&1 || status=$?
  local executions crashes timeouts ooms
  executions="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  crashes="$(new_artifacts "$artifacts" 'crash-*' 'leak-*')"
  timeouts="$(new_artifacts "$artifacts" 'timeout-*')"
  ooms="$(new_artifacts "$artifacts" 'oom-*')"
  echo "${executions:-0} $(ls "$corpus" | wc -l) $crashes $timeouts $ooms"
  return "$status"
}

# The number of files matching the patterns $2… in folder $1 written by the last run.
new_artifacts() {
  local folder="$1" pattern count=0
  shift
  for pattern in "$@"; do
    count=$((count + $(find "$folder" -maxdepth 1 -name "$pattern" -newer "$folder/.started" | wc -l)))
  done
  echo "$count"
}
