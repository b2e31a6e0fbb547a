#!/bin/bash
# Movers against the required number, backbone movers, km, the three teacher CVs before → after
# and title parity of `junheng plan rotate` on the demo counties (seeds 1–3, three counties each,
# as the goldens use seed 1) — the figures of issue 15. Usage:
#   bench/rotation-movers.sh [BINARY] [plan rotate options…]      e.g. --objective equalize
set -euo pipefail
BIN=${1:-.build/debug/junheng}; shift || true
DEMO=$(mktemp -d)
trap 'rm -rf "$DEMO"' EXIT
for s in 1 2 3; do
  "$BIN" demo --out "$DEMO/s$s" --seed "$s" --counties 3 >/dev/null 2>&1
  for c in $(cut -d, -f2 "$DEMO/s$s/schools.csv" | tail -n +2 | sort -u); do
    "$BIN" plan rotate "$DEMO/s$s/schools.csv" "$DEMO/s$s/teachers.csv" --county "$c" --format json "$@" | python3 -c "
import json, sys
d = json.load(sys.stdin)
cv = ' '.join('%s/%s %.3f->%.3f' % (x['stage'][:3], x['resource'].split('_')[0], x['before'] or 0, x['after'] or 0) for x in d['cvs'])
ts = ' '.join('%s %s' % (t['stage'][:3], 'ok' if t['reached'] else 'NO') for t in d['title_structure'])
print('seed $s county $c movers %d required %d backbone %d/%d km %.0f | %s | titles %s' % (
    d['movers'], d['required_movers'], d['backbone_movers'], d['required_backbone_movers'], d['kilometres'] or 0, cv, ts))"
  done
done
