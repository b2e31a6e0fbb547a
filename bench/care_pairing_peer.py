"""The peer of bench/care_pairing.sh: SciPy's linear_sum_assignment on Junheng's pairing problem.

    python bench/care_pairing_peer.py DEMO_DIR JUNHENG_JSON --limit 5 --runs 3 --junheng-seconds S1 S2 …

Reads DEMO_DIR's children.csv, teachers.csv (English headers) as Junheng's default care rules read
them: a child needs a partner when enrolled at a school (school_code given, placement not
not_enrolled or home_teaching) and left behind (left_behind one_parent or both_parents). For each
school, a cost matrix children × (teachers × limit slots): 0 when the teacher is the head teacher
of the child's class and the child's partner so far, 1 head teacher only, 2 partner only, 3 neither.
linear_sum_assignment on it pairs min(children, slots) children at least total cost.

Compares with Junheng's JSON (`junheng children pair --format json`): the number paired and the
total cost must be equal; Junheng's pairs must keep the rules (own school's teacher, at most limit
each, each child once). Prints a table and exits 1 on any difference.
"""

import argparse
import csv
import json
import os
import statistics
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment


def read(directory):
    with open(os.path.join(directory, "children.csv"), newline="", encoding="utf-8") as f:
        children = [r for r in csv.DictReader(f)
                    if r["school_code"] and r["placement"] not in ("not_enrolled", "home_teaching")
                    and r["left_behind"] in ("one_parent", "both_parents")]
    with open(os.path.join(directory, "teachers.csv"), newline="", encoding="utf-8") as f:
        teachers = list(csv.DictReader(f))
    return children, teachers


def solve(children, teachers, limit):
    by_school = {}
    for t in teachers:
        by_school.setdefault(t["school_code"], []).append(t)
    groups = {}
    for c in children:
        groups.setdefault(c["school_code"], []).append(c)
    paired, cost, pairs = 0, 0, {}
    for school, kids in groups.items():
        staff = by_school.get(school, [])
        if not staff or limit == 0:
            continue
        known = {t["teacher_id"] for t in staff}
        matrix = np.empty((len(kids), len(staff)), dtype=np.int64)
        for i, c in enumerate(kids):
            last = c["partner"] if c["partner"] in known else None
            for j, t in enumerate(staff):
                head = c["class"] != "" and t["head_of_class"] == c["class"]
                matrix[i, j] = (0 if head else 2) + (0 if last == t["teacher_id"] else 1)
        slots = np.repeat(matrix, limit, axis=1)
        rows, cols = linear_sum_assignment(slots)
        paired += len(rows)
        cost += int(slots[rows, cols].sum())
        for r, k in zip(rows, cols):
            pairs[kids[r]["child_id"]] = staff[k // limit]["teacher_id"]
    return paired, cost, pairs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("demo")
    parser.add_argument("junheng")
    parser.add_argument("--limit", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--junheng-seconds", type=float, nargs="+", required=True)
    args = parser.parse_args()

    read_times, solve_times = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        children, teachers = read(args.demo)
        read_done = time.perf_counter()
        paired, cost, pairs = solve(children, teachers, args.limit)
        solve_done = time.perf_counter()
        read_times.append(read_done - start)
        solve_times.append(solve_done - read_done)

    with open(args.junheng) as f:
        junheng = json.load(f)
    school_of = {t["teacher_id"]: t["school_code"] for t in teachers}
    loads, seen, broken = {}, set(), []
    for p in junheng["pairs"]:
        if p["child_id"] in seen:
            broken.append(f"{p['child_id']} twice")
        seen.add(p["child_id"])
        if p["teacher_id"] is None:
            continue
        loads[p["teacher_id"]] = loads.get(p["teacher_id"], 0) + 1
        if school_of.get(p["teacher_id"]) != p["school_code"]:
            broken.append(f"{p['child_id']} paired with {p['teacher_id']} of another school")
    broken += [f"{t} has {n} children" for t, n in loads.items() if n > args.limit]

    swift = statistics.median(args.junheng_seconds)
    print(f"children to pair: {len(children)} (Junheng {junheng['needing']}), teachers: {len(teachers)}, schools: "
          f"{len({c['school_code'] for c in children})}, limit {args.limit}")
    print(f"{'':34}{'paired':>8}{'cost':>10}{'seconds':>10}")
    print(f"{'junheng children pair (end to end)':34}{junheng['paired']:>8}{junheng['cost']:>10}{swift:>10.3f}")
    print(f"{'scipy read (csv module)':34}{'':>8}{'':>10}{statistics.median(read_times):>10.3f}")
    print(f"{'scipy linear_sum_assignment':34}{paired:>8}{cost:>10}{statistics.median(solve_times):>10.3f}")
    print(f"{'scipy read + solve':34}{'':>8}{'':>10}{statistics.median(r + s for r, s in zip(read_times, solve_times)):>10.3f}")
    failures = []
    if junheng["needing"] != len(children):
        failures.append(f"children to pair differ: Junheng {junheng['needing']}, peer {len(children)}")
    if junheng["paired"] != paired:
        failures.append(f"paired differ: Junheng {junheng['paired']}, SciPy {paired}")
    if junheng["cost"] != cost:
        failures.append(f"cost differs: Junheng {junheng['cost']}, SciPy {cost}")
    failures += broken[:10]
    if failures:
        print("FAIL: " + "; ".join(failures))
        sys.exit(1)
    print("same children paired at the same least cost; Junheng's pairs keep every rule")


if __name__ == "__main__":
    main()
