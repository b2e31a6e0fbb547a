#!/usr/bin/env python3
"""Slow-loris clients for bench/web_hostile.sh: COUNT connections to 127.0.0.1:PORT, each
trickling one byte of a never-ending request head every INTERVAL seconds, for DURATION
seconds. A connection the server closes is replaced at once, so COUNT stay open (or
opening) throughout. Prints one JSON line: connections opened, closed by the server, and
the lifetimes of the closed ones (which show the server's header timeout).

    python3 bench/slow_clients.py PORT [COUNT=400] [DURATION=40] [INTERVAL=1]
"""
import json, selectors, socket, statistics, sys, time

port = int(sys.argv[1])
count = int(sys.argv[2]) if len(sys.argv) > 2 else 400
duration = float(sys.argv[3]) if len(sys.argv) > 3 else 40
interval = float(sys.argv[4]) if len(sys.argv) > 4 else 1
HEAD = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 100000

selector = selectors.DefaultSelector()
opened = closed = 0
lifetimes = []
state = {}  # socket -> [opened at, bytes sent]


def open_one():
    global opened
    s = socket.create_connection(("127.0.0.1", port))
    s.setblocking(False)
    selector.register(s, selectors.EVENT_READ)
    state[s] = [time.monotonic(), 0]
    opened += 1


def drop(s, by_server):
    global closed
    started, _ = state.pop(s)
    selector.unregister(s)
    s.close()
    if by_server:
        closed += 1
        lifetimes.append(time.monotonic() - started)


for _ in range(count):
    open_one()
end = time.monotonic() + duration
next_tick = time.monotonic()
while time.monotonic() < end:
    timeout = max(0, min(next_tick, end) - time.monotonic())
    for key, _ in selector.select(timeout):
        try:
            data = key.fileobj.recv(4096)
        except OSError:
            data = b""
        if not data:  # closed by the server (an answer would also do, but none comes)
            drop(key.fileobj, True)
            open_one()
    if time.monotonic() >= next_tick:
        next_tick += interval
        for s in list(state):
            try:
                s.send(HEAD[state[s][1]:state[s][1] + 1])
                state[s][1] += 1
            except OSError:
                drop(s, True)
                open_one()
for s in list(state):
    drop(s, False)
print(json.dumps({
    "connections": count, "opened": opened, "closed_by_server": closed,
    "lifetime_median_s": round(statistics.median(lifetimes), 2) if lifetimes else None,
    "lifetime_max_s": round(max(lifetimes), 2) if lifetimes else None,
}))
