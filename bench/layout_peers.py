"""The peer of `junheng plan layout` (issue 17): PySAL spopt's PMedian on generated counties.

    python bench/layout_peers.py [OUT] [--part both|peers|junheng] [--peers-only] [--seed 1] [--open 40]
                                 [--limit 1200] [--gap 0] [--runs 3] [--solver auto|highs|highs_cmd|cbc]
                                 [--variants uncapacitated,capacitated] [--blocks 2000] [--sites 300]
                                 [--junheng PATH] [--results FILE]

Every flag defaults to an environment variable of the same name in capitals (PART, SEED, OPEN,
LIMIT, GAP, RUNS, SOLVER, VARIANTS, BLOCKS, SITES, JUNHENG; PART=peers is --peers-only). OUT is
bench/out/layout.

1. Generates a county (numpy, SEED): about 60 km × 60 km around 112.9° E, 28.2° N; BLOCKS residential
   blocks, three in four around 40 towns of skewed size (gaussian spread), the rest scattered
   uniformly; children_primary 5..400 per block (log-normal, smaller in the countryside); SITES
   candidate sites, seven in ten near the towns, the rest uniform. p = OPEN sites to open.
   Written for each variant to OUT/<variant>/blocks.csv and sites.csv (the files Junheng reads);
   the capacitated variant gives every site capacity_primary = ceil(1.3 × Σ children / p).
2. The cost matrix: the great circle (haversine, R = 6,371.0088 km, on the coordinates exactly as
   written to the CSV, 6 decimals) × the detour factor 1.3 — what Junheng's DistanceModel computes
   for a pair that no distances file lists.
3. spopt: PMedian.from_cost_matrix(km, children, p[, facility_capacities]) and .solve() through PuLP
   with HiGHS (highspy, in process; else the HiGHS_CMD executable; else the CBC that PuLP bundles),
   one thread, LIMIT seconds, relative MIP gap GAP (0: prove optimality; HiGHS' own default is 1e-4).
   Timed end to end once (model build + PuLP's hand-over + solve + spopt's result arrays). The
   solver's own status, incumbent, dual bound and gap are read from it, since PuLP reports a time
   limit with an incumbent as "Optimal" (spopt's status check passes then); its log goes to
   OUT/<variant>/solver.log. The record is kept in OUT/<variant>/spopt.json so that PART=junheng
   can compare again without solving again.
4. Junheng: `$JUNHENG plan layout blocks.csv sites.csv --stage primary --open p --format json`,
   wall clock, median of RUNS runs.

Checks (exit 1 on a failure): both plans re-evaluated with the same numpy km matrix (Σ children ×
km of each block's site; each side's own objective must agree within 1e-6 relative); every block
assigned exactly once, to an open site; exactly p open sites; no site over its capacity
(capacitated); Junheng's reported distance of each assignment within 0.01 km of the matrix;
Junheng's lower bound ≤ its objective and ≤ spopt's verified objective, spopt's proven bound ≤
Junheng's objective (each +1e-6 relative); a plan Junheng calls optimal no worse than spopt's.
Prints a markdown table per variant and writes OUT/results.json (or --results).
"""

import argparse
import csv
import hashlib
import json
import math
import os
import statistics
import subprocess
import sys
import time

import numpy as np

EARTH_RADIUS = 6371.0088  # km, DistanceModel.earthRadius
DETOUR = 1.3  # the rules' default detour factor
CENTRE = (112.9, 28.2)  # longitude, latitude
HALF_SIDE = 30.0  # km
TOWNS = 40
COUNTY = "430102"
RELATIVE = 1e-6

failures = []


def fail(message):
    """Records a correctness failure; the script exits 1 at its end (after the tables)."""
    print("FAIL: " + message, flush=True)
    failures.append(message)


def env(name, default):
    value = os.environ.get(name)
    return default if value in (None, "") else value


# Instances --------------------------------------------------------------------------------------

def generate(seed, blocks, sites):
    """Block and site coordinates (6-decimal floats) and children, in a deterministic county."""
    rng = np.random.default_rng(seed)
    km_lat = math.pi * EARTH_RADIUS / 180
    km_lon = km_lat * math.cos(math.radians(CENTRE[1]))

    towns = rng.uniform(-0.85 * HALF_SIDE, 0.85 * HALF_SIDE, (TOWNS, 2))
    size = rng.pareto(1.3, TOWNS) + 0.3
    share = size / size.sum()
    spread = rng.uniform(0.6, 2.5, TOWNS)

    in_towns = int(round(0.75 * blocks))
    town = rng.choice(TOWNS, in_towns, p=share)
    town_xy = towns[town] + rng.normal(size=(in_towns, 2)) * spread[town, None]
    rural_xy = rng.uniform(-HALF_SIDE, HALF_SIDE, (blocks - in_towns, 2))
    xy = np.clip(np.vstack([town_xy, rural_xy]), -HALF_SIDE, HALF_SIDE)
    children = np.concatenate([rng.lognormal(3.9, 0.9, in_towns), rng.lognormal(3.0, 0.8, blocks - in_towns)])
    children = np.clip(np.rint(children), 5, 400).astype(np.int64)
    order = rng.permutation(blocks)
    xy, children = xy[order], children[order]

    near = int(round(0.7 * sites))
    town = rng.choice(TOWNS, near, p=share)
    site_xy = np.vstack([towns[town] + rng.normal(size=(near, 2)) * 1.2 * spread[town, None],
                         rng.uniform(-HALF_SIDE, HALF_SIDE, (sites - near, 2))])
    site_xy = np.clip(site_xy[rng.permutation(sites)], -HALF_SIDE, HALF_SIDE)

    def degrees(points):
        # As written to the CSV and read back: 6 decimals.
        lon = [float(f"{CENTRE[0] + x / km_lon:.6f}") for x in points[:, 0]]
        lat = [float(f"{CENTRE[1] + y / km_lat:.6f}") for y in points[:, 1]]
        return np.array(lon), np.array(lat)

    block_lon, block_lat = degrees(xy)
    site_lon, site_lat = degrees(site_xy)
    return {"block_lon": block_lon, "block_lat": block_lat, "children": children,
            "site_lon": site_lon, "site_lat": site_lat}


def kilometres(county):
    """The blocks × sites road km: haversine × detour, as DistanceModel (block a, site b)."""
    radians = math.pi / 180
    phi1 = (county["block_lat"] * radians)[:, None]
    phi2 = (county["site_lat"] * radians)[None, :]
    dphi = phi2 - phi1
    dlambda = (county["site_lon"][None, :] - county["block_lon"][:, None]) * radians
    h = np.sin(dphi / 2) * np.sin(dphi / 2) + np.cos(phi1) * np.cos(phi2) * np.sin(dlambda / 2) * np.sin(dlambda / 2)
    return 2 * EARTH_RADIUS * np.arcsin(np.minimum(1.0, np.sqrt(h))) * DETOUR


def write_instance(directory, county, capacity):
    os.makedirs(directory, exist_ok=True)
    blocks = [f"B{i + 1:04d}" for i in range(len(county["children"]))]
    sites = [f"S{j + 1:03d}" for j in range(len(county["site_lon"]))]
    with open(os.path.join(directory, "blocks.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["block_id", "block_name", "county_code", "longitude", "latitude", "children_primary",
                    "children_junior"])
        for i, block in enumerate(blocks):
            w.writerow([block, f"片区{i + 1:04d}", COUNTY, f"{county['block_lon'][i]:.6f}",
                        f"{county['block_lat'][i]:.6f}", int(county["children"][i]), 0])
    with open(os.path.join(directory, "sites.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["site_id", "site_name", "longitude", "latitude", "school_code", "capacity_primary",
                    "capacity_junior", "build_cost", "expand_cost_per_class", "max_classes", "keep"])
        for j, site in enumerate(sites):
            w.writerow([site, f"布点{j + 1:03d}", f"{county['site_lon'][j]:.6f}", f"{county['site_lat'][j]:.6f}",
                        "", "" if capacity is None else int(capacity), "", "", "", "", "否"])
    digest = hashlib.sha256()
    for name in ("blocks.csv", "sites.csv"):
        with open(os.path.join(directory, name), "rb") as f:
            digest.update(f.read())
    return blocks, sites, digest.hexdigest()


# Checking a plan --------------------------------------------------------------------------------

def evaluate(tool, assignment, open_sites, km, children, p, capacity):
    """Σ children × km of `assignment` (a site index per block), after the feasibility checks."""
    ok = True
    if len(open_sites) != p:
        fail(f"{tool} opens {len(open_sites)} sites, not p = {p}")
        ok = False
    if np.any(assignment < 0):
        fail(f"{tool} leaves {int(np.sum(assignment < 0))} block(s) unassigned")
        return None, False
    opened = np.zeros(km.shape[1], dtype=bool)
    opened[list(open_sites)] = True
    closed = np.flatnonzero(~opened[assignment])
    if len(closed):
        fail(f"{tool} assigns {len(closed)} block(s) to a site it did not open (block index {closed[0]})")
        ok = False
    if capacity is not None:
        load = np.bincount(assignment, weights=children, minlength=km.shape[1])
        over = np.flatnonzero(load > capacity)
        if len(over):
            fail(f"{tool} puts {int(load[over[0]])} children in site index {over[0]} of {capacity} places "
                 f"({len(over)} site(s) over)")
            ok = False
    objective = float(np.sum(children * km[np.arange(len(children)), assignment]))
    return objective, ok


def loads(assignment, children, sites, reference):
    """The largest site load, and how many sites carry at least 99 % of / more than `reference` children."""
    load = np.bincount(np.asarray(assignment), weights=children, minlength=sites)
    return {"largest_load": int(load.max()), "over_reference": int(np.sum(load > reference)),
            "at_reference": int(np.sum(load >= 0.99 * reference)), "reference": int(reference)}


def close(a, b):
    return abs(a - b) <= RELATIVE * max(1.0, abs(a), abs(b))


# spopt ------------------------------------------------------------------------------------------

def make_solver(choice, limit, gap, log):
    """The PuLP solver and its name; its log goes to the file `log` (none on the console)."""
    import pulp

    if os.path.exists(log):
        os.remove(log)
    if choice in ("auto", "highs") and pulp.HiGHS().available():
        return pulp.HiGHS(msg=True, threads=1, timeLimit=limit, gapRel=gap, log_to_console=False,
                          log_file=log), "HiGHS (highspy, via PuLP)"
    if choice in ("auto", "highs_cmd") and pulp.HiGHS_CMD(msg=False).available():
        return pulp.HiGHS_CMD(msg=False, threads=1, timeLimit=limit, gapRel=gap, logPath=log), "HiGHS_CMD (via PuLP)"
    if choice in ("auto", "cbc") and pulp.PULP_CBC_CMD(msg=False).available():
        return pulp.PULP_CBC_CMD(msg=False, threads=1, timeLimit=limit, gapRel=gap, logPath=log), \
            "CBC (PuLP's bundled cbc)"
    raise SystemExit(f"no PuLP solver for --solver {choice}: {pulp.listSolvers(onlyAvailable=True)}")


def run_spopt(km, children, p, capacity, limit, gap, choice, log):
    import pulp
    from spopt.locate import PMedian

    solver, backend = make_solver(choice, limit, gap, log)
    caps = None if capacity is None else np.full(km.shape[1], capacity, dtype=np.int64)
    start = time.perf_counter()
    model = PMedian.from_cost_matrix(km, children, p, facility_capacities=caps, name="layout")
    built = time.perf_counter()
    error = None
    try:
        model.solve(solver)
    except RuntimeError as e:  # spopt's check_status: PuLP found no solution
        error = str(e)
    end = time.perf_counter()

    record = {"backend": backend, "build_seconds": built - start, "solve_seconds": end - built,
              "seconds": end - start, "limit": limit, "gap_tolerance": gap, "error": error,
              "pulp_status": pulp.LpStatus.get(model.problem.status), "pulp_solution_status":
              pulp.LpSolution.get(model.problem.sol_status), "variables": len(model.problem.variables()),
              "constraints": len(model.problem.constraints)}
    highs = getattr(model.problem, "solverModel", None)
    if highs is not None and hasattr(highs, "getInfo"):
        info = highs.getInfo()
        record["status"] = highs.modelStatusToString(highs.getModelStatus())
        record["optimal"] = record["status"] == "Optimal"
        record["solver_seconds"] = highs.getRunTime()
        record["bound"] = info.mip_dual_bound if math.isfinite(info.mip_dual_bound) else None
        record["solver_gap"] = info.mip_gap if math.isfinite(info.mip_gap) else None
        record["nodes"] = int(info.mip_node_count)
        has_solution = info.primal_solution_status == 2
    else:
        # The CMD solvers: PuLP's word only; no bound.
        record["status"] = f"{record['pulp_status']} / {record['pulp_solution_status']}"
        record["optimal"] = record["pulp_solution_status"] == "Optimal Solution Found"
        record["bound"], record["solver_gap"] = None, None
        has_solution = record["pulp_solution_status"] in ("Optimal Solution Found", "Solution Found")

    assignment = np.full(km.shape[0], -1, dtype=np.int64)
    open_sites = []
    if has_solution:
        y = np.array([v.varValue if v.varValue is not None else 0.0 for v in model.fac_vars])
        x = np.array([[v.varValue if v.varValue is not None else 0.0 for v in row] for row in model.cli_assgn_vars])
        open_sites = [int(j) for j in np.flatnonzero(y > 0.5)]
        best = x.argmax(axis=1)
        ones = x[np.arange(len(best)), best] > 0.5
        assignment[ones] = best[ones]
        if np.any(np.abs(x.sum(axis=1) - 1) > 1e-6) or np.any(np.sum(x > 0.5, axis=1) != 1):
            fail("spopt's solution does not put every block on exactly one site")
        reported = pulp.value(model.problem.objective)
        record["reported_objective"] = reported
    record["assignment"] = assignment.tolist()
    record["open_sites"] = open_sites
    record["has_solution"] = bool(has_solution)
    del model
    return record


# Junheng ----------------------------------------------------------------------------------------

def run_junheng(binary, directory, p, runs, blocks, sites, km, children, capacity):
    command = [binary, "plan", "layout", os.path.join(directory, "blocks.csv"), os.path.join(directory, "sites.csv"),
               "--stage", "primary", "--open", str(p), "--format", "json"]
    seconds, objectives, plan = [], [], None
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        seconds.append(time.perf_counter() - start)
        if done.returncode != 0:
            fail(f"`{' '.join(command)}` exited {done.returncode}: {done.stderr.strip()[:2000]}")
            return None
        try:
            plan = json.loads(done.stdout)
        except json.JSONDecodeError as e:
            fail(f"Junheng's output is not JSON ({e}): {done.stdout[:500]!r}")
            return None
        objectives.append(plan.get("objective"))
    if len(set(objectives)) > 1:
        print(f"  note: Junheng's objective varies across runs: {objectives}")

    block_index = {b: i for i, b in enumerate(blocks)}
    site_index = {s: j for j, s in enumerate(sites)}
    for key in ("objective", "lower_bound", "gap", "optimality", "open_sites", "assignments"):
        if key not in plan:
            fail(f"Junheng's JSON has no {key!r}")
            return None
    unknown = [s for s in plan["open_sites"] if s not in site_index]
    if unknown:
        fail(f"Junheng opens unknown site(s) {unknown[:5]}")
    open_sites = sorted({site_index[s] for s in plan["open_sites"] if s in site_index})
    if len(open_sites) != len(plan["open_sites"]):
        fail("Junheng's open_sites lists a site twice or an unknown site")
    assignment = np.full(len(blocks), -1, dtype=np.int64)
    worst = 0.0
    for a in plan["assignments"]:
        i, j = block_index.get(a.get("block_id")), site_index.get(a.get("site_id"))
        if i is None or j is None:
            fail(f"Junheng assigns an unknown block or site: {a}")
            continue
        if assignment[i] >= 0:
            fail(f"Junheng assigns block {blocks[i]} twice")
        assignment[i] = j
        if a.get("children") != int(children[i]):
            fail(f"Junheng gives block {blocks[i]} {a.get('children')} children, the file {int(children[i])}")
        worst = max(worst, abs(float(a.get("distance", math.nan)) - km[i, j]))
    if not worst <= 0.01:
        fail(f"a distance in Junheng's assignments is {worst:.6f} km off the haversine × {DETOUR} matrix")
    missing = np.flatnonzero(assignment < 0)
    if len(missing):
        fail(f"Junheng leaves {len(missing)} block(s) unassigned, e.g. {blocks[missing[0]]}")
    objective, ok = evaluate("Junheng", assignment, open_sites, km, children, p, capacity)
    if objective is not None and not close(objective, float(plan["objective"])):
        fail(f"Junheng reports objective {plan['objective']}, the matrix gives {objective}")
    bound = float(plan["lower_bound"])
    if objective is not None and bound > objective * (1 + RELATIVE):
        fail(f"Junheng's lower bound {bound} is above its objective {objective}")
    return {"seconds": statistics.median(seconds), "runs": seconds, "objective": objective,
            "loads": loads(assignment, children, len(sites), math.ceil(1.3 * int(children.sum()) / p))
            if not len(missing) else None,
            "reported_objective": plan["objective"], "objectives": objectives, "bound": bound,
            "gap": plan["gap"], "optimality": plan["optimality"], "open_sites": plan["open_sites"],
            "max_distance_deviation": worst, "feasible": ok}


# The comparison ---------------------------------------------------------------------------------

def fmt(value, digits=1):
    return "—" if value is None else f"{value:,.{digits}f}"


def variant(name, county, km, args, base):
    capacitated = name == "capacitated"
    children = county["children"]
    total = int(children.sum())
    reference = math.ceil(1.3 * total / args.open)  # the capacitated variant's places per site
    capacity = reference if capacitated else None
    directory = os.path.join(base, name)
    blocks, sites, digest = write_instance(directory, county, capacity)
    print(f"\n## {name}: {len(blocks)} blocks ({total:,} children), {len(sites)} sites, p = {args.open}"
          + (f", capacity {capacity:,} per site" if capacitated else ", no capacities"), flush=True)
    result = {"directory": directory, "blocks": len(blocks), "sites": len(sites), "children": total, "p": args.open,
              "capacity": capacity, "digest": digest}

    spopt, cached = None, os.path.join(directory, "spopt.json")
    if args.part in ("both", "peers"):
        print(f"  spopt PMedian: building and solving (limit {args.limit:g} s) …", flush=True)
        log = os.path.join(directory, "solver.log")
        spopt = run_spopt(km, children, args.open, capacity, args.limit, args.gap, args.solver, log)
        spopt["log"] = log
        spopt["digest"] = digest
        with open(cached, "w") as f:
            json.dump(spopt, f)
    elif os.path.exists(cached):
        with open(cached) as f:
            spopt = json.load(f)
        if spopt.get("digest") != digest:
            print(f"  note: {cached} is for another instance; no spopt comparison (run PART=peers)")
            spopt = None
        else:
            print(f"  spopt: the record of an earlier run ({cached})")
    if spopt is not None:
        if spopt["error"]:
            print(f"  spopt: {spopt['error']}")
        objective = None
        if spopt["has_solution"]:
            objective, ok = evaluate("spopt", np.array(spopt["assignment"]), spopt["open_sites"], km, children,
                                     args.open, capacity)
            spopt["feasible"] = ok
            spopt["loads"] = loads(spopt["assignment"], children, len(sites), reference)
            if objective is not None and not close(objective, spopt["reported_objective"]):
                fail(f"spopt reports objective {spopt['reported_objective']}, the matrix gives {objective}")
        spopt["objective"] = objective
        if not spopt["optimal"]:
            print(f"  spopt did NOT prove optimality within {spopt['limit']:g} s: {spopt['status']}"
                  + (f", incumbent {objective:,.1f}" if objective is not None else ", no incumbent"))
        result["spopt"] = {k: v for k, v in spopt.items() if k != "assignment"}

    junheng = None
    if args.part in ("both", "junheng"):
        if not args.junheng:
            raise SystemExit("JUNHENG (the junheng binary) is not set; use --peers-only for spopt alone")
        junheng = run_junheng(args.junheng, directory, args.open, args.runs, blocks, sites, km, children, capacity)
        result["junheng"] = junheng

    s_obj = spopt["objective"] if spopt else None
    if junheng and junheng["objective"] is not None:
        if s_obj is not None and junheng["bound"] > s_obj * (1 + RELATIVE):
            fail(f"Junheng's lower bound {junheng['bound']} is above spopt's feasible objective {s_obj}")
        if spopt and spopt.get("bound") is not None and spopt["bound"] > junheng["objective"] * (1 + RELATIVE):
            fail(f"spopt's proven bound {spopt['bound']} is above Junheng's feasible objective {junheng['objective']}")
        if s_obj is not None and junheng["optimality"] == "optimal" and s_obj < junheng["objective"] * (1 - RELATIVE):
            fail(f"Junheng calls {junheng['objective']} optimal, spopt found {s_obj}")

    print()
    print("| tool | seconds | objective (child·km) | bound | gap | status | speed-up | Junheng ≤ spopt |")
    print("|---|---:|---:|---:|---:|---|---:|---|")
    if spopt:
        s_gap = None
        if s_obj is not None and spopt.get("bound") is not None:
            s_gap = max(0.0, (s_obj - spopt["bound"]) / s_obj)
        print(f"| spopt {spopt_version()} PMedian, {spopt['backend']} | {spopt['seconds']:.1f} | {fmt(s_obj)} | "
              f"{fmt(spopt.get('bound'))} | {fmt(None if s_gap is None else 100 * s_gap, 3)}{'' if s_gap is None else ' %'} | "
              f"{spopt['status']} | 1× | — |")
    if junheng:
        speed = f"{spopt['seconds'] / junheng['seconds']:.1f}×" if spopt else "—"
        better = "—"
        if s_obj is not None and junheng["objective"] is not None:
            better = "yes" if junheng["objective"] <= s_obj * (1 + 1e-9) else \
                f"no (+{100 * (junheng['objective'] - s_obj) / s_obj:.4f} %)"
        gap = junheng["gap"]
        print(f"| Junheng plan layout (median of {len(junheng['runs'])}) | {junheng['seconds']:.2f} | "
              f"{fmt(junheng['objective'])} | {fmt(junheng['bound'])} | "
              f"{'—' if gap is None else f'{100 * float(gap):.3f} %'} | {junheng['optimality']} | {speed} | {better} |")
        result["junheng_not_worse"] = better == "yes"
    if spopt:
        print(f"\n  spopt: model build {spopt['build_seconds']:.1f} s, PuLP + solver + results "
              f"{spopt['solve_seconds']:.1f} s" + (f" (solver itself {spopt['solver_seconds']:.1f} s, "
                                                   f"{spopt.get('nodes')} nodes)" if 'solver_seconds' in spopt else "")
              + f"; {spopt['variables']:,} variables, {spopt['constraints']:,} constraints", flush=True)
    for tool, record in (("spopt", spopt), ("Junheng", junheng)):
        if record and record.get("loads"):
            l = record["loads"]
            print(f"  {tool}'s loads: largest {l['largest_load']:,}; {l['at_reference']} site(s) at ≥ 99 % of "
                  f"{l['reference']:,} (ceil(1.3 × children / p)), {l['over_reference']} over it")
    return result


def spopt_version():
    try:
        from importlib.metadata import version
        return version("spopt")
    except Exception:
        return "?"


def versions():
    from importlib.metadata import version, PackageNotFoundError

    out = {"python": sys.version.split()[0]}
    for name in ("spopt", "pulp", "highspy", "numpy"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=os.path.join("bench", "out", "layout"))
    parser.add_argument("--part", default=env("PART", "both"), choices=["both", "peers", "junheng"])
    parser.add_argument("--peers-only", action="store_true", help="generate and run spopt only (PART=peers)")
    parser.add_argument("--seed", type=int, default=int(env("SEED", 1)))
    parser.add_argument("--open", type=int, default=int(env("OPEN", 40)))
    parser.add_argument("--limit", type=float, default=float(env("LIMIT", 1200)))
    parser.add_argument("--gap", type=float, default=float(env("GAP", 0)))
    parser.add_argument("--runs", type=int, default=int(env("RUNS", 3)))
    parser.add_argument("--solver", default=env("SOLVER", "auto"), choices=["auto", "highs", "highs_cmd", "cbc"])
    parser.add_argument("--variants", default=env("VARIANTS", "uncapacitated,capacitated"))
    parser.add_argument("--blocks", type=int, default=int(env("BLOCKS", 2000)))
    parser.add_argument("--sites", type=int, default=int(env("SITES", 300)))
    parser.add_argument("--junheng", default=env("JUNHENG", None))
    parser.add_argument("--results")
    args = parser.parse_args()
    if args.peers_only:
        args.part = "peers"
    names = [v for v in args.variants.split(",") if v]
    for v in names:
        if v not in ("uncapacitated", "capacitated"):
            raise SystemExit(f"unknown variant {v!r}")

    county = generate(args.seed, args.blocks, args.sites)
    km = kilometres(county)
    info = versions()
    print(f"# layout bench: seed {args.seed}, {args.blocks} blocks × {args.sites} sites, p = {args.open}, "
          f"part {args.part}; spopt {info['spopt']}, PuLP {info['pulp']}, highspy {info['highspy']}, "
          f"numpy {info['numpy']}; spopt limit {args.limit:g} s, gap tolerance {args.gap:g}, 1 thread")
    results = {"config": {"seed": args.seed, "blocks": args.blocks, "sites": args.sites, "p": args.open,
                          "limit": args.limit, "gap_tolerance": args.gap, "runs": args.runs, "part": args.part,
                          "solver": args.solver, "detour": DETOUR, "earth_radius": EARTH_RADIUS,
                          "junheng": args.junheng, "versions": info},
               "variants": {}}
    for name in names:
        results["variants"][name] = variant(name, county, km, args, args.out)
    results["failures"] = failures
    path = args.results or os.path.join(args.out, "results.json")
    with open(path, "w") as f:
        json.dump(results, f, indent=2, ensure_ascii=False)
    print(f"\nresults: {path}")
    if failures:
        print(f"{len(failures)} correctness failure(s)")
        sys.exit(1)


if __name__ == "__main__":
    main()
