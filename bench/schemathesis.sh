#!/usr/bin/env bash
# Property-based API test (issue 13): schemathesis against the served OpenAPI document of a
# `junheng serve --demo` on loopback, signed in as the administrator, checking that no answer
# is a server error and that every answer's status, content type, headers and body conform to
# the document.
#
#   bash bench/schemathesis.sh
#
# Needs python3 (with venv) and curl; installs schemathesis into bench/out/schemathesis/venv.
# Builds junheng (debug, as `swift test` leaves it) unless JUNHENG=PATH names a binary. The
# server runs on a free port over a fresh SQLite file in a temporary folder, with the admin
# password from JUNHENG_ADMIN_PASSWORD; schemathesis sends the session cookie and the CSRF
# header that every unsafe request of a signed-in session needs.
#
# Environment: MAX_EXAMPLES (per operation, default 40), MODE (positive|negative|all, default
# all), SEED (default 13), WORKERS (default 2). Writes bench/out/schemathesis/{run.log,report.json}.
# Sign-out is left out: it would end the session the other operations run in.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT=bench/out/schemathesis
MAX_EXAMPLES="${MAX_EXAMPLES:-40}"
MODE="${MODE:-all}"
SEED="${SEED:-13}"
WORKERS="${WORKERS:-2}"
mkdir -p "$OUT"

VENV="$OUT/venv"
if [ ! -x "$VENV/bin/schemathesis" ]; then
  echo "== pip install schemathesis" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet schemathesis
fi

if [ -z "${JUNHENG:-}" ]; then
  echo "== swift build --product junheng" >&2
  swift build --product junheng >&2
  JUNHENG="$(swift build --show-bin-path)/junheng"
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/junheng-schemathesis.XXXXXX")"
PASSWORD="schemathesis-$(date +%s)"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# bcrypt at cost 4: schemathesis signs in with random credentials; each costs one hash.
JUNHENG_ADMIN_PASSWORD="$PASSWORD" JUNHENG_BCRYPT_COST=4 \
  "$JUNHENG" serve --demo --demo-counties 2 --database "$TMP/demo.sqlite" --port "$PORT" > "$TMP/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; cp "$TMP/server.log" "$OUT/server.log" 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done

LOGIN=$(curl -sf -c "$TMP/cookies" -H 'Content-Type: application/json' \
  -d "{\"name\":\"admin\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$PORT/api/login")
TOKEN=$(awk '$6 == "junheng_session" { print $7 }' "$TMP/cookies")
CSRF=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["csrfToken"])' "$LOGIN")
[ -n "$TOKEN" ] && [ -n "$CSRF" ] || { echo "sign-in failed: $LOGIN" >&2; exit 1; }

echo "== schemathesis $("$VENV/bin/schemathesis" --version | awk '{print $NF}') on http://127.0.0.1:$PORT (mode $MODE, $MAX_EXAMPLES examples per operation, seed $SEED)" >&2
set +e
"$VENV/bin/schemathesis" run "http://127.0.0.1:$PORT/api/openapi.json" \
  --url "http://127.0.0.1:$PORT" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
  --mode "$MODE" --max-examples "$MAX_EXAMPLES" --seed "$SEED" --workers "$WORKERS" \
  --exclude-path /api/logout \
  --header "Cookie: junheng_session=$TOKEN" --header "X-CSRF-Token: $CSRF" \
  --request-timeout 30 --no-color --suppress-health-check all \
  --report json --report-json-path "$OUT/report.json" 2>&1 | tee "$OUT/run.log"
STATUS=${PIPESTATUS[0]}
set -e
exit "$STATUS"
