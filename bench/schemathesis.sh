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
# header that every unsafe request of a signed-in session needs (the document's two security
# schemes, filled in through its configuration file).
#
# Environment: MAX_EXAMPLES (per operation, default 40), MODE (positive|negative|all, default
# all), SEED (default 13), WORKERS (default 1: several workers have tripped a thread-safety bug of Python 3.11's `ast` inside hypothesis). Writes bench/out/schemathesis/{run.log,report.json}.
# Sign-out is left out: it would end the session the other operations run in.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT=bench/out/schemathesis
MAX_EXAMPLES="${MAX_EXAMPLES:-40}"
MODE="${MODE:-all}"
SEED="${SEED:-13}"
WORKERS="${WORKERS:-1}"
CHECKS="${CHECKS:-not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,negative_data_rejection}"
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

# Real identifiers, so that most cases reach the routes' logic rather than a 404: the demo's
# counties, years and some schools, used for 80 % of the generated path values.
python3 - "http://127.0.0.1:$PORT" "$TOKEN" "$CSRF" "$TMP/schemathesis.toml" <<'PY'
import json, sys, urllib.request
base, token, csrf, target = sys.argv[1:5]
def get(path):
    request = urllib.request.Request(base + path, headers={"Cookie": "junheng_session=" + token})
    return json.load(urllib.request.urlopen(request))
counties = get("/api/counties")["counties"]
codes = [c["code"] for c in counties]
years = sorted({y for c in counties for y in c["years"]})
schools = [s["school_code"] for s in get(f"/api/counties/{codes[0]}/years/{years[-1]}/schools")["schools"][:8]]
with open(target, "w") as f:
    # The document's security schemes, filled in: schemathesis then knows which requests
    # carry the session and the CSRF token, and which it stripped on purpose.
    f.write(f'[auth.openapi.sessionCookie]\napi_key = "{token}"\n')
    f.write(f'[auth.openapi.csrfHeader]\napi_key = "{csrf}"\n')
    f.write(f"[dictionaries.counties]\nvalues = {json.dumps(codes)}\n")
    f.write(f"[dictionaries.years]\nvalues = {json.dumps(years)}\n")
    f.write(f"[dictionaries.schools]\nvalues = {json.dumps(schools)}\n")
    f.write("[parameters]\n")
    for name, dictionary in [("county", "counties"), ("year", "years"), ("school", "schools")]:
        f.write(f'"path.{name}" = {{ dictionary = "{dictionary}", probability = 0.8 }}\n')
PY

echo "== schemathesis $("$VENV/bin/schemathesis" --version | awk '{print $NF}') on http://127.0.0.1:$PORT (mode $MODE, $MAX_EXAMPLES examples per operation, seed $SEED)" >&2
set +e
"$VENV/bin/schemathesis" --config-file "$TMP/schemathesis.toml" run "http://127.0.0.1:$PORT/api/openapi.json" \
  --url "http://127.0.0.1:$PORT" \
  --checks "$CHECKS" \
  --mode "$MODE" --max-examples "$MAX_EXAMPLES" --seed "$SEED" --workers "$WORKERS" \
  --exclude-path /api/logout \
  --request-timeout 30 --no-color --suppress-health-check all --generation-database none \
  --report json --report-json-path "$OUT/report.json" 2>&1 | tee "$OUT/run.log"
STATUS=${PIPESTATUS[0]}
set -e
exit "$STATUS"
