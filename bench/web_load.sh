#!/usr/bin/env bash
# Load test of the web application: `wrk` on loopback, 64 connections for 30 s, on the county
# overview page of a 300-school county (signed in as an administrator), and on the plain
# health route of the same server in the same run, for a baseline.
#
# The page is asked for once with curl before wrk starts, so wrk measures what a county's
# viewers mostly get: the page body the server keeps until the county's data changes (each
# request still checks the county's data revision, its session and account, and renders the
# lock panel and layout). A body made anew costs 20–60 ms; see BENCHMARKS.md.
#
# JUNHENG=PATH runs that binary instead of building one (pages are written in Swift: a copied
# binary needs only the `*.resources` folders beside it for the built-in standards).
#
#   bash bench/web_load.sh
#
# Needs wrk (apt-get install wrk), curl and python3. Builds junheng in release mode unless
# JUNHENG=PATH names a binary. The county is made from demo counties merged under one code
# until it has ≥300 schools; the data lives in a fresh SQLite file under bench/out/web.
# Environment: DURATION (default 30s), CONNECTIONS (default 64), THREADS (default 2).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
OUT=bench/out/web
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

if [ -z "${JUNHENG:-}" ]; then
  echo "== swift build -c release" >&2
  swift build -c release --product junheng >&2
  JUNHENG=.build/release/junheng
fi

rm -rf "$OUT"
mkdir -p "$OUT"
"$JUNHENG" demo --out "$OUT/demo" --counties 12 --seed 5 >/dev/null
python3 - "$OUT/demo/schools.csv" "$OUT/county.csv" <<'PY'
import csv, sys
source, target = sys.argv[1], sys.argv[2]
with open(source, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
code_col = header.index("县区代码") if "县区代码" in header else header.index("county_code")
name_col = header.index("县区名称") if "县区名称" in header else header.index("county_name")
counties = []
for row in body:
    if row[code_col] not in counties:
        counties.append(row[code_col])
chosen, count = [], 0
for county in counties:
    chosen.append(county)
    count += sum(1 for row in body if row[code_col] == county)
    if count >= 300:
        break
first = chosen[0]
merged = [row for row in body if row[code_col] in chosen]
for row in merged:
    row[code_col] = first
    row[name_col] = "压力测试县"
with open(target, "w", encoding="utf-8", newline="") as f:
    csv.writer(f).writerows([header] + merged)
print(f"{first} {len(merged)}")
PY
read -r COUNTY SCHOOLS < <(python3 -c "
import csv; rows=list(csv.reader(open('$OUT/county.csv', encoding='utf-8')))
print(rows[1][rows[0].index('县区代码') if '县区代码' in rows[0] else rows[0].index('county_code')], len(rows)-1)")
echo "== county $COUNTY with $SCHOOLS schools" >&2
DB="$OUT/bench.sqlite"
"$JUNHENG" import "$OUT/county.csv" --database "$DB" >&2
printf 'bench-password\n' | "$JUNHENG" user add bench --role admin --cost 4 --database "$DB" >&2

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$JUNHENG" serve --database "$DB" --port "$PORT" > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done

TOKEN=$(curl -sf -c - -H 'Content-Type: application/json' -d '{"name":"bench","password":"bench-password"}' \
  "http://127.0.0.1:$PORT/api/login" | awk '$6 == "junheng_session" { print $7 }')
[ -n "$TOKEN" ] || { echo "sign-in failed" >&2; exit 1; }
PAGE="http://127.0.0.1:$PORT/counties/$COUNTY"
STATUS=$(curl -s -o "$OUT/county.html" -w '%{http_code}' -H "Cookie: junheng_session=$TOKEN" "$PAGE")
[ "$STATUS" = 200 ] || { echo "county page answered $STATUS" >&2; exit 1; }
echo "== county page: $(wc -c < "$OUT/county.html") bytes" >&2

run() {  # name, url, extra args…
  local name=$1 url=$2; shift 2
  echo "== wrk $name" >&2
  # A 10 s timeout: wrk counts an answer slower than its default 2 s as an error; the page of
  # 300 schools queues behind 64 connections on 2 cores, and its latency is what is measured.
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$@" "$url" > "$OUT/$name.txt"
  python3 - "$name" "$OUT/$name.txt" <<'PY'
import re, sys
name, text = sys.argv[1], open(sys.argv[2]).read()
def latency(p):
    m = re.search(r"^\s*%s%%\s+([\d.]+)(us|ms|s)" % p, text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
total = int(re.search(r"(\d+) requests in", text).group(1))
non2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", text)) else 0
socket_errors = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", text)) if "Socket errors" in text else 0
print(f"| {name} | {total} | {non2xx + socket_errors} | {latency(50):.2f} | {latency(99):.2f} | {rps:.0f} |")
PY
}
echo "| route | requests | errors | p50 ms | p99 ms | requests/s |"
echo "|---|---|---|---|---|---|"
run health "http://127.0.0.1:$PORT/health"
run county-overview "$PAGE" -H "Cookie: junheng_session=$TOKEN"
