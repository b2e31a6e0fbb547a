#!/usr/bin/env python3
"""Checks that two `junheng evaluate --format csv` outputs agree.

Usage: compare_csv.py A.csv B.csv [--rel 1e-9]

Rows are matched on (county_code, year, stage, indicator); both files must hold the same
rows, once each. Numbers (county_value, cv, limit) must agree within a relative tolerance of
1e-9 (or an absolute one of 1e-12 near zero); empty cells must be empty in both; `pass` must
be equal, except where the CV lies within the tolerance of its limit (a tie that rounding may
break either way — reported, not failed). Exit status 0 when the files agree, 1 otherwise.
"""

import argparse
import csv
import math
import sys

HEADER = ["county_code", "year", "stage", "indicator", "county_value", "cv", "limit", "pass"]
NUMBERS = ["county_value", "cv", "limit"]


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != HEADER:
            sys.exit(f"{path}: header is {reader.fieldnames}, expected {HEADER}")
        rows = {}
        duplicates = 0
        for row in reader:
            key = (row["county_code"], row["year"], row["stage"], row["indicator"])
            if key in rows:
                duplicates += 1
            rows[key] = row
        return rows, duplicates


def close(a, b, rel):
    if a == "" or b == "":
        return a == b
    x, y = float(a), float(b)
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    return abs(x - y) <= max(rel * max(abs(x), abs(y)), 1e-12)


def main():
    parser = argparse.ArgumentParser(description="Compare two evaluation CSVs.")
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--rel", type=float, default=1e-9)
    args = parser.parse_args()
    a, dup_a = read(args.a)
    b, dup_b = read(args.b)
    problems = []
    if dup_a or dup_b:
        problems.append(f"duplicate rows: {dup_a} in {args.a}, {dup_b} in {args.b}")
    only_a = sorted(set(a) - set(b))
    only_b = sorted(set(b) - set(a))
    if only_a:
        problems.append(f"{len(only_a)} rows only in {args.a}, e.g. {only_a[0]}")
    if only_b:
        problems.append(f"{len(only_b)} rows only in {args.b}, e.g. {only_b[0]}")
    mismatches = 0
    ties = 0
    for key in sorted(set(a) & set(b)):
        ra, rb = a[key], b[key]
        bad = [col for col in NUMBERS if not close(ra[col], rb[col], args.rel)]
        if ra["pass"] != rb["pass"]:
            if ra["cv"] and ra["limit"] and close(ra["cv"], ra["limit"], args.rel):
                ties += 1
            else:
                bad.append("pass")
        if bad:
            mismatches += 1
            if mismatches <= 10:
                detail = ", ".join(f"{c}: {ra[c]!r} vs {rb[c]!r}" for c in bad)
                problems.append(f"{'/'.join(key)}: {detail}")
    if mismatches > 10:
        problems.append(f"... {mismatches} rows differ in all")
    common = len(set(a) & set(b))
    if ties:
        print(f"note: {ties} pass decisions differ where the CV equals its limit within {args.rel}")
    if problems:
        print(f"DIFFER ({common} common rows):")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print(f"agree: {common} rows, numbers within {args.rel} relative")


if __name__ == "__main__":
    main()
