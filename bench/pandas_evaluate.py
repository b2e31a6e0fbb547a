#!/usr/bin/env python3
"""The peer of `junheng evaluate FILE --format csv`, written with pandas.

Reads a `schools` file (CSV with the English or Chinese headers of
shared/spec/data-format.md) and computes, for every county, year, stage and indicator of a
standard (default: quality-2017, read from Sources/Domain/Resources/Standards), the
enrollment-weighted county value and 差异系数 (CV), the limit and the pass decision:

    X_i = A_i * scale / P_i           (A_i after splitting whole-school facilities)
    X̄   = Σ P_i X_i / Σ P_i
    S   = sqrt(Σ (P_i/P) (X_i - X̄)²)  (population form)
    CV  = S / X̄

Scope: types in `scope.excluded_types` (special schools), private schools when
`scope.exclude_private`, and teaching points under `scope.teaching_point_min_students`
students (`exclude_small`) are left out. Whole-school facilities of combined schools are split
by `split_weights` (nine_year 1:1.1, twelve_year 1:1.1:1.32, complete_secondary 1:1.2).
A unit is a school in one evaluated stage with students > 0.

Prints the CSV to stdout with the header
`county_code,year,stage,indicator,county_value,cv,limit,pass`, and the number of units that
fail the school rule (≥ min_met thresholds met, every unmet one ≥ floor_ratio of its
threshold) to stderr. Everything is vectorised (groupby); no Python loop runs over rows.

Usage: pandas_evaluate.py SCHOOLS.csv [--standard quality-2017|basic-2012|PATH]
"""

import argparse
import json
import math
import os
import sys

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
STANDARDS = os.path.join(HERE, "..", "Sources", "Domain", "Resources", "Standards")

CHINESE_HEADERS = {
    "年度": "year", "县区代码": "county_code", "县区名称": "county_name", "学校标识码": "school_code",
    "学校名称": "school_name", "办学类型": "school_type", "所属学校标识码": "parent_school_code",
    "城乡类型": "locality", "举办者类型": "ownership", "是否寄宿制": "boarding",
    "经度": "longitude", "纬度": "latitude",
    "小学在校生数": "students_primary", "初中在校生数": "students_junior", "高中在校生数": "students_senior",
    "小学班数": "classes_primary", "初中班数": "classes_junior",
    "小学最大班额": "largest_class_primary", "初中最大班额": "largest_class_junior",
    "小学专任教师数": "teachers_primary", "初中专任教师数": "teachers_junior",
    "小学高于规定学历教师数": "qualified_primary", "初中高于规定学历教师数": "qualified_junior",
    "小学县级及以上骨干教师数": "backbone_primary", "初中县级及以上骨干教师数": "backbone_junior",
    "小学体育艺术专任教师数": "pe_art_primary", "初中体育艺术专任教师数": "pe_art_junior",
    "小学中级及以上职称教师数": "senior_title_primary", "初中中级及以上职称教师数": "senior_title_junior",
    "教学及辅助用房面积": "teaching_area", "体育运动场馆面积": "sports_area",
    "教学仪器设备值": "equipment_value", "网络多媒体教室数": "multimedia_rooms",
    "计算机台数": "computers", "图书册数": "books",
}
CHINESE_VALUES = {
    "school_type": {"小学": "primary", "初级中学": "junior", "九年一贯制学校": "nine_year",
                    "十二年一贯制学校": "twelve_year", "完全中学": "complete_secondary",
                    "教学点": "teaching_point", "特殊教育学校": "special"},
    "ownership": {"公办": "public", "民办": "private"},
}
# Stages each school type must report; special schools may report primary and junior.
TYPE_STAGES = {
    "primary": ["primary"], "teaching_point": ["primary"], "junior": ["junior"],
    "nine_year": ["primary", "junior"], "twelve_year": ["primary", "junior", "senior"],
    "complete_secondary": ["junior", "senior"], "special": [],
}
POSSIBLE_STAGES = dict(TYPE_STAGES, special=["primary", "junior"])
# Resource -> column (stage resources take the stage as suffix).
STAGE_RESOURCES = {"teachers": "teachers", "qualified_teachers": "qualified", "backbone_teachers": "backbone",
                   "pe_art_teachers": "pe_art", "senior_title_teachers": "senior_title"}
SCHOOL_RESOURCES = ["teaching_area", "sports_area", "equipment_value", "multimedia_rooms", "computers", "books"]
KEYS = ["county_code", "year", "stage"]


def load_standard(name):
    path = name if os.path.exists(name) else os.path.join(STANDARDS, name + ".json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_schools(path, standard):
    needed = {"year", "county_code", "school_code", "school_type", "ownership",
              "students_primary", "students_junior", "students_senior"}
    for ind in standard["indicators"]:
        res = ind["numerator"]
        if res in STAGE_RESOURCES:
            needed |= {f"{STAGE_RESOURCES[res]}_{s}" for s in ("primary", "junior")}
        else:
            needed.add(res)
    header = pd.read_csv(path, nrows=0, encoding="utf-8-sig").columns
    rename = {c: CHINESE_HEADERS.get(c.strip(), c.strip()) for c in header}
    usecols = [c for c in header if rename[c] in needed]
    df = pd.read_csv(path, usecols=usecols, encoding="utf-8-sig",
                     dtype={c: str for c in usecols if rename[c] in ("county_code", "school_code", "school_type", "ownership")})
    df = df.rename(columns=rename)
    for col, mapping in CHINESE_VALUES.items():
        if col in df:
            df[col] = df[col].replace(mapping)
    for col in needed - set(df.columns):
        df[col] = np.nan if col != "ownership" else "public"
    df["ownership"] = df["ownership"].fillna("public")
    unknown = set(df["school_type"].dropna().unique()) - set(TYPE_STAGES)
    if unknown or df["school_type"].isna().any():
        sys.exit(f"pandas_evaluate: unknown or missing school types: {sorted(map(str, unknown))}")
    df["school_type"] = df["school_type"].astype("category")  # type lookups map 7 categories, not every row
    return df


def type_map(df, fn):
    """A per-row value that depends on the school type only: a dictionary lookup (vectorised)."""
    return df["school_type"].map({t: fn(t) for t in TYPE_STAGES}).astype(float)


def split_shares(df, standard):
    """share_<stage>: the part of whole-school facilities that belongs to each stage."""
    weights = standard.get("split_weights", {})
    total = pd.Series(0.0, index=df.index)
    own = {}
    for s in ("primary", "junior", "senior"):
        w = type_map(df, lambda t, s=s: weights.get(t, {}).get(s, 1.0) if s in TYPE_STAGES[t] else 0.0)
        own[s] = df[f"students_{s}"].fillna(0).astype(float) * w
        total += own[s]
    multi_stage = type_map(df, lambda t: len(TYPE_STAGES[t])) > 1
    for s in ("primary", "junior"):
        single = type_map(df, lambda t, s=s: 1.0 if TYPE_STAGES[t] == [s] else 0.0)
        multi = (own[s] / total.where(total > 0)).fillna(0.0)
        df[f"share_{s}"] = np.where(multi_stage, multi, single)


def build_units(df, standard):
    """One row per school and evaluated stage with students > 0: P and each indicator's X."""
    frames = []
    for stage in standard["stages"]:
        possible = type_map(df, lambda t, stage=stage: 1.0 if stage in POSSIBLE_STAGES[t] else 0.0) > 0
        students = df[f"students_{stage}"]
        sel = df[possible & students.notna() & (students > 0)]
        unit = pd.DataFrame({"county_code": sel["county_code"], "year": sel["year"], "stage": stage,
                             "school_code": sel["school_code"], "P": sel[f"students_{stage}"].astype(float)})
        for ind in standard["indicators"]:
            res = ind["numerator"]
            if res in STAGE_RESOURCES:
                amount = sel[f"{STAGE_RESOURCES[res]}_{stage}"].astype(float)
            else:
                amount = sel[res].astype(float) * sel[f"share_{stage}"]
            unit[ind["key"]] = amount * float(ind["scale"]) / unit["P"]
        frames.append(unit)
    return pd.concat(frames, ignore_index=True)


def weighted_cv(values, weights):
    """The official CV of one sample (used by the self-test, not by the vectorised path)."""
    values = np.asarray(values, dtype=float)
    weights = np.asarray(weights, dtype=float)
    mean = (weights * values).sum() / weights.sum()
    sd = math.sqrt((weights * (values - mean) ** 2).sum() / weights.sum())
    return sd / mean


def balance(units, standard):
    """Per county, year and stage: county value, CV and missing count of every indicator."""
    keys = [i["key"] for i in standard["indicators"]]
    work = units[KEYS].copy()
    for k in keys:
        valid = units[k].notna()
        work[f"W_{k}"] = units["P"].where(valid, 0.0)
        work[f"PX_{k}"] = (units["P"] * units[k]).where(valid, 0.0)
        work[f"M_{k}"] = (~valid).astype(int)
    first = work.groupby(KEYS, sort=False)[[c for c in work.columns if c not in KEYS]].transform("sum")
    second = work[KEYS].copy()
    for k in keys:
        mean = first[f"PX_{k}"] / first[f"W_{k}"]
        second[f"D_{k}"] = (units["P"] * (units[k] - mean) ** 2).where(units[k].notna(), 0.0)
        work[f"D_{k}"] = second[f"D_{k}"]
    sums = work.groupby(KEYS, sort=False).sum(numeric_only=True)
    out = []
    for k in keys:
        w, px, d, m = sums[f"W_{k}"], sums[f"PX_{k}"], sums[f"D_{k}"], sums[f"M_{k}"]
        mean = (px / w).where(w > 0)
        cv = (np.sqrt(d / w) / mean).where((w > 0) & (mean != 0))
        out.append(pd.DataFrame({"indicator": k, "county_value": mean, "cv": cv, "missing": m,
                                 "empty": ~(w > 0)}, index=sums.index))
    return pd.concat(out).reset_index()


def per_stage(frame, values):
    """A column holding values[stage] for each row (NaN where absent)."""
    stage = frame["stage"].to_numpy()
    out = np.full(len(frame), np.nan)
    for key, value in values.items():
        out[stage == key] = value
    return pd.Series(out, index=frame.index)


def school_rule_failures(units, standard):
    rule = standard.get("school_rule")
    if not rule:
        return None
    failing = pd.Series(False, index=units.index)
    met = pd.Series(0, index=units.index)
    unknown = pd.Series(0, index=units.index)
    below_floor = pd.Series(False, index=units.index)
    for ind in standard["indicators"]:
        x = units[ind["key"]]
        threshold = per_stage(units, ind.get("thresholds") or {})
        floor = rule["floor_ratio"] * threshold
        known = x.notna() & threshold.notna()
        is_met = known & (x >= threshold - threshold.abs() * 1e-12)
        met += is_met.astype(int)
        unknown += (~known).astype(int)
        below_floor |= known & ~is_met & ~(x >= floor - floor.abs() * 1e-12)
    failing = below_floor | (met + unknown < rule["min_met"])
    return units.assign(fail=failing).groupby("stage")["fail"].agg(["sum", "count"])


def cv_compared(cv, decimals):
    if decimals is None:
        return cv
    factor = 10.0 ** decimals
    return np.sign(cv) * np.floor(np.abs(cv) * factor + 0.5) / factor


def evaluate(path, standard):
    df = read_schools(path, standard)
    counties = df[["county_code", "year"]].drop_duplicates()
    scope = standard.get("scope", {})
    excluded = df["school_type"].isin(scope.get("excluded_types", ["special"]))
    if scope.get("exclude_private", False):
        excluded |= df["ownership"] == "private"
    rule = scope.get("teaching_points", "exclude_small")
    if rule == "exclude_small":
        excluded |= (df["school_type"] == "teaching_point") & \
            (df["students_primary"].fillna(0) < scope.get("teaching_point_min_students", 50))
    elif rule != "include":
        sys.exit(f"pandas_evaluate: teaching_points '{rule}' is not implemented")
    df = df[~excluded].copy()
    split_shares(df, standard)
    units = build_units(df, standard)
    stats = balance(units, standard)

    # Every county and year of the file gets every stage and indicator, as junheng prints them.
    grid = counties.merge(pd.DataFrame({"stage": standard["stages"]}), how="cross") \
        .merge(pd.DataFrame({"indicator": [i["key"] for i in standard["indicators"]]}), how="cross")
    out = grid.merge(stats, on=KEYS + ["indicator"], how="left")
    out["empty"] = out["empty"].fillna(True).astype(bool)
    out["missing"] = out["missing"].fillna(0)
    bal = standard["balance"]
    each = bal["judged"] == "each_indicator"
    limits = per_stage(out, bal["cv_limits"])
    judged = ~out["empty"] & (out["missing"] == 0)
    passed = cv_compared(out["cv"], bal.get("cv_round_decimals")) <= limits
    out["limit"] = limits if each else np.nan
    out["pass"] = np.where(judged & each, np.where(passed, "true", "false"), "")
    out = out[KEYS + ["indicator", "county_value", "cv", "limit", "pass"]]
    if not each:  # the composite (2012): the mean of the CVs carries the decision
        g = out.groupby(KEYS, sort=False)
        comp = g["cv"].agg(lambda s: s.mean() if s.notna().all() else np.nan).rename("cv").reset_index()
        ok = stats.groupby(KEYS)["missing"].sum().eq(0) & ~stats.groupby(KEYS)["empty"].any()
        comp = comp.merge(ok.rename("ok").reset_index(), on=KEYS, how="left")
        comp["limit"] = comp["stage"].map(bal["cv_limits"]).astype(float)
        cpass = cv_compared(comp["cv"], bal.get("cv_round_decimals")) <= comp["limit"]
        comp["pass"] = np.where(comp["ok"].fillna(False).astype(bool) & comp["cv"].notna(),
                                np.where(cpass, "true", "false"), "")
        comp["indicator"] = "composite"
        comp["county_value"] = np.nan
        out["order"] = 0
        comp["order"] = 1
        out = pd.concat([out, comp[out.columns]], ignore_index=True)
    stage_order = {s: i for i, s in enumerate(standard["stages"])}
    ind_order = {i["key"]: n for n, i in enumerate(standard["indicators"])}
    ind_order["composite"] = len(ind_order)
    out = out.assign(_s=out["stage"].map(stage_order), _i=out["indicator"].map(ind_order)) \
        .sort_values(["county_code", "year", "_s", "_i"], kind="stable") \
        [KEYS + ["indicator", "county_value", "cv", "limit", "pass"]]
    return out, school_rule_failures(units, standard)


def self_test():
    """§4A: 5 primary units, books per student → weighted CV 0.51526."""
    cv = weighted_cv([279 / 45, 137 / 37, 935 / 89, 160 / 76, 402 / 55], [45, 37, 89, 76, 55])
    assert abs(cv - 0.51526) < 5e-6, cv
    print(f"self-test: weighted CV of the published example = {cv:.6f} (expected 0.51526)", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("schools", nargs="?")
    parser.add_argument("--standard", default="quality-2017")
    parser.add_argument("--self-test", action="store_true", help="check the CV against the published example")
    args = parser.parse_args()
    if args.self_test:
        self_test()
        if not args.schools:
            return
    if not args.schools:
        parser.error("a schools file is needed")
    standard = load_standard(args.standard)
    out, failures = evaluate(args.schools, standard)
    out.to_csv(sys.stdout, index=False, lineterminator="\n")
    if failures is not None:
        parts = ", ".join(f"{stage} {int(r['sum'])}/{int(r['count'])}" for stage, r in failures.iterrows())
        print(f"units failing the school rule: {parts}", file=sys.stderr)


if __name__ == "__main__":
    main()
