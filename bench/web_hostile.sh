#!/usr/bin/env bash
# The health route under hostile load (issue 13): `wrk -c 64 -d 30s --latency` on /health while
# 400 slow-loris connections trickle one header byte a second (bench/slow_clients.py, each one
# replaced as soon as the server closes it) and a signed-in administrator keeps uploading
# imports the server refuses — a body over the 64 MiB upload limit, and a 40 MiB CSV of rows
# that are all wrong (read in full on the pool for heavy work, then refused). Meanwhile a
# normal sign-in (bcrypt cost 12) is timed every few seconds. Goal: no errors on the health
# route and p99 under 50 ms.
#
#   bash bench/web_hostile.sh
#
# Needs wrk (apt-get install wrk), curl and python3. Builds junheng in release mode unless
# JUNHENG=PATH names a binary. Traffic only to 127.0.0.1. Environment: DURATION (default
# 30s), CONNECTIONS (64), THREADS (2), SLOW (400). Writes bench/out/hostile/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
SLOW="${SLOW:-400}"
OUT=bench/out/hostile
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

if [ -z "${JUNHENG:-}" ]; then
  echo "== swift build -c release" >&2
  swift build -c release --product junheng >&2
  JUNHENG=.build/release/junheng
fi
rm -rf "$OUT"
mkdir -p "$OUT"

PASSWORD="hostile-$(date +%s)"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
JUNHENG_ADMIN_PASSWORD="$PASSWORD" "$JUNHENG" serve --demo --demo-counties 2 --database "$OUT/demo.sqlite" --port "$PORT" \
  > "$OUT/server.log" 2>&1 &
SERVER=$!
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; kill "$SERVER" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
BASE="http://127.0.0.1:$PORT"

signin() {  # prints the seconds a sign-in took; leaves the cookies in $1
  curl -s -o "$1.json" -c "$1" -w '%{time_total}\n' -H 'Content-Type: application/json' \
    -d "{\"name\":\"admin\",\"password\":\"$PASSWORD\"}" "$BASE/api/login"
}
QUIET=$(signin "$OUT/quiet.cookies")
echo "== sign-in on a quiet server: ${QUIET}s" >&2
signin "$OUT/admin.cookies" >/dev/null
TOKEN=$(awk '$6 == "junheng_session" { print $7 }' "$OUT/admin.cookies")
CSRF=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrfToken"])' "$OUT/admin.cookies.json")

# The hostile files: 80 MiB of zeros (over the limit), and 40 MiB of rows that are all wrong.
head -c $((80 << 20)) /dev/zero > "$OUT/oversized.bin"
python3 - "$OUT/wrong.csv" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("年度,县区代码,学校标识码,学校名称\n")
    row = "20x5,abcdef,{0},学校{0}\n"
    i = 0
    while f.tell() < 40 << 20:
        f.write(row.format(i)); i += 1
PY

upload_loop() {  # file, content type, log
  while :; do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Cookie: junheng_session=$TOKEN" -H "X-CSRF-Token: $CSRF" \
      -H "Content-Type: $2" --data-binary "@$1" "$BASE/api/import?kind=schools&filename=hostile" >> "$3" || true
  done
}

echo "== $SLOW slow connections, hostile uploads, then wrk on /health" >&2
python3 bench/slow_clients.py "$PORT" "$SLOW" 45 1 > "$OUT/slow.json" &
PIDS+=($!)
upload_loop "$OUT/oversized.bin" application/octet-stream "$OUT/oversized.log" &
PIDS+=($!)
upload_loop "$OUT/wrong.csv" text/csv "$OUT/wrong.log" &
PIDS+=($!)
sleep 5  # the slow connections are all open, the uploads under way
( for _ in $(seq 1 6); do signin "$OUT/busy.cookies"; sleep 3; done ) > "$OUT/signin.log" &
SIGNINS=$!
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE/health" > "$OUT/wrk.txt"
wait "$SIGNINS" || true
for pid in "${PIDS[@]:1}"; do kill "$pid" 2>/dev/null || true; done
wait "${PIDS[0]}" || true  # the slow clients finish on their own (45 s) and report

python3 - "$OUT" "$QUIET" <<'PY'
import json, re, statistics, sys
out, quiet = sys.argv[1], float(sys.argv[2])
text = open(f"{out}/wrk.txt").read()
def latency(p):
    m = re.search(r"^\s*%s%%\s+([\d.]+)(us|ms|s)" % p, text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
total = int(re.search(r"(\d+) requests in", text).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
non2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", text)) else 0
socket_errors = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", text)) if "Socket errors" in text else 0
slow = json.loads(open(f"{out}/slow.json").read())
def codes(name):
    lines = [l.split() for l in open(f"{out}/{name}.log") if l.strip()]
    counts = {}
    for code, _ in lines: counts[code] = counts.get(code, 0) + 1
    return ", ".join(f"{n}× {c}" for c, n in sorted(counts.items()))
signins = [float(l) for l in open(f"{out}/signin.log") if l.strip()]
print("| health requests | errors | p50 ms | p99 ms | requests/s |")
print("|---|---|---|---|---|")
print(f"| {total} | {non2xx + socket_errors} | {latency(50):.2f} | {latency(99):.2f} | {rps:.0f} |")
print()
print(f"slow connections: {slow}")
print(f"oversized uploads (80 MiB): {codes('oversized')}")
print(f"wrong-rows uploads (40 MiB CSV): {codes('wrong')}")
print(f"sign-in: quiet {quiet:.2f} s; under load median {statistics.median(signins):.2f} s, max {max(signins):.2f} s ({len(signins)} sign-ins)")
PY
