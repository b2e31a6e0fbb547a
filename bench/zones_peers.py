"""The peers of bench/zones-flow: OR-Tools and HiGHS on the zone planner's problems.

    python bench/zones_peers.py DIR [--repeats N] [--limits 60] [--threads 1] [--part city|county|both]

DIR is what `zones-flow` writes.

1. city.json + city-arcs.bin: the split relaxation's network (source → block, capacity the
   block's children, cost 0; block → school, capacity the children, cost integer metres; school →
   sink, capacity the places), exactly as Swift's ZoneRelaxation built it after the reduced-cost
   check. Solved with OR-Tools' SimpleMinCostFlow (cost scaling): supply Σ children at the source,
   the same demand at the sink (Swift placed every child; the driver fails otherwise), `solve()`.
   Timed, median of N runs after one untimed warm-up: "build" (new solver, arcs from numpy arrays,
   supplies) and "solve". Swift's time is the median ZoneRelaxation time from its ZoneNetwork (its
   set-up included; it builds no general flow network). The objective must equal Swift's integer objective exactly.
2. county.json: the whole-block plan as a generalised assignment — x_ij ∈ {0, 1} for every block
   with children and every school, Σ_j x_ij = 1, Σ_i d_i·x_ij ≤ cap_j, minimise Σ d_i·m_ij·x_ij
   (the same integer metres; no contiguity, no distance limit, move weight 0 — as Swift was run).
   Solved by OR-Tools CP-SAT and by HiGHS (highspy, branch and cut), each with every time limit of
   --limits plus 10 × Swift's median plan time, on --threads threads. Reports each one's objective,
   best bound and time; Swift's plan is checked (every block with children placed once, no school
   over its places, objective recomputed) and compared with the best objective found.

Exit code 1 on a correctness failure: an objective that differs from Swift's on the same network,
an infeasible Swift plan, or a peer's proven bound above Swift's objective (impossible unless one
side is wrong).
"""

import argparse
import json
import os
import statistics
import sys
import time

import numpy as np


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def city(directory, repeats):
    from ortools.graph.python import min_cost_flow

    with open(os.path.join(directory, "city.json")) as f:
        record = json.load(f)
    columns = np.fromfile(os.path.join(directory, "city-arcs.bin"), dtype="<i8").reshape(4, -1)
    tails, heads, caps, costs = (np.ascontiguousarray(c) for c in columns)
    blocks, schools = record["blocks"], record["schools"]
    source, sink = blocks + schools, blocks + schools + 1
    supply = record["placed"]

    def once():
        start = time.perf_counter()
        solver = min_cost_flow.SimpleMinCostFlow()
        solver.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
        solver.set_nodes_supplies(np.array([source, sink]), np.array([supply, -supply]))
        built = time.perf_counter()
        status = solver.solve()
        end = time.perf_counter()
        return solver, status, built - start, end - built

    once()
    builds, solves = [], []
    for _ in range(repeats):
        solver, status, b, s = once()
        if status != solver.OPTIMAL:
            fail(f"SimpleMinCostFlow status {status}")
        if solver.optimal_cost() != record["objective"]:
            fail(f"objectives differ: OR-Tools {solver.optimal_cost()}, Swift {record['objective']}")
        builds.append(b)
        solves.append(s)
    b, s = statistics.median(builds), statistics.median(solves)
    swift = record["relaxationMedian"]
    result = {
        "arcs": int(len(tails)), "objective": record["objective"], "ortoolsBuild": b, "ortoolsSolve": s,
        "ortoolsTotal": statistics.median([x + y for x, y in zip(builds, solves)]), "swiftTotal": swift,
        "repeats": repeats,
    }
    print(f"city: {blocks} blocks, {schools} schools, {len(tails)} arcs; check added {record['checkAdded']} pairs "
          f"in {record['checkRounds']} round(s), verified {record['verified']}")
    print(f"  objective (child·m)      Swift {record['objective']}  OR-Tools {solver.optimal_cost()}  equal")
    print(f"  | solver | build s | solve s | total s |")
    print(f"  | Swift ZoneRelaxation (median of {len(record['relaxationSeconds'])}) | (inside) | {swift:.3f} | {swift:.3f} |")
    print(f"  | OR-Tools SimpleMinCostFlow (median of {repeats}) | {b:.3f} | {s:.3f} | {result['ortoolsTotal']:.3f} |")
    print(f"  Swift / OR-Tools: total {swift / result['ortoolsTotal']:.2f}x, Swift total / OR-Tools solve {swift / s:.2f}x")
    return result


def check_swift_plan(record):
    demand, capacity, metres, assignment = record["demand"], record["capacity"], record["metres"], record["assignment"]
    load = [0] * len(capacity)
    objective = 0
    for i, j in enumerate(assignment):
        if demand[i] == 0:
            continue
        if j < 0:
            fail(f"Swift left block {i} ({demand[i]} children) unplaced; the peers place every block")
        load[j] += demand[i]
        objective += demand[i] * metres[i][j]
    for j, l in enumerate(load):
        if l > capacity[j]:
            fail(f"Swift's plan puts {l} children in school {j} of {capacity[j]} places")
    if objective != record["objective"]:
        fail(f"Swift's objective {record['objective']} ≠ recomputed {objective}")
    return objective


def cpsat(record, limit, threads):
    from ortools.sat.python import cp_model

    demand, capacity, metres = record["demand"], record["capacity"], record["metres"]
    rows = [i for i, d in enumerate(demand) if d > 0]
    m = len(capacity)
    model = cp_model.CpModel()
    x = {(i, j): model.new_bool_var(f"x{i}_{j}") for i in rows for j in range(m)}
    for i in rows:
        model.add_exactly_one(x[i, j] for j in range(m))
    for j in range(m):
        model.add(sum(demand[i] * x[i, j] for i in rows) <= capacity[j])
    model.minimize(sum(demand[i] * metres[i][j] * x[i, j] for i in rows for j in range(m)))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = limit
    solver.parameters.num_workers = threads
    start = time.perf_counter()
    status = solver.solve(model)
    seconds = time.perf_counter() - start
    found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    return {
        "solver": "CP-SAT", "limit": limit, "seconds": seconds, "status": solver.status_name(status),
        "objective": round(solver.objective_value) if found else None, "bound": solver.best_objective_bound,
    }


def highs(record, limit, threads):
    import highspy

    demand, capacity, metres = record["demand"], record["capacity"], record["metres"]
    rows = [i for i, d in enumerate(demand) if d > 0]
    m = len(capacity)
    n = len(rows) * m
    cost = np.array([demand[i] * metres[i][j] for i in rows for j in range(m)], dtype=np.float64)
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(limit))
    h.setOptionValue("threads", threads)
    h.addVars(n, np.zeros(n), np.ones(n))
    h.changeColsCost(n, np.arange(n, dtype=np.int32), cost)
    h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * n))
    # Each block on exactly one school.
    starts = np.arange(0, n, m, dtype=np.int32)
    index = np.arange(n, dtype=np.int32)
    h.addRows(len(rows), np.ones(len(rows)), np.ones(len(rows)), n, starts, index, np.ones(n))
    # Each school within its places.
    index = np.array([k * m + j for j in range(m) for k in range(len(rows))], dtype=np.int32)
    values = np.array([float(demand[i]) for j in range(m) for i in rows])
    starts = np.arange(0, n, len(rows), dtype=np.int32)
    h.addRows(m, np.full(m, -highspy.kHighsInf), np.array(capacity, dtype=np.float64), n, starts, index, values)
    start = time.perf_counter()
    h.run()
    seconds = time.perf_counter() - start
    info = h.getInfo()
    status = h.modelStatusToString(h.getModelStatus())
    found = info.primal_solution_status == 2
    return {
        "solver": "HiGHS", "limit": limit, "seconds": seconds, "status": status,
        "objective": round(info.objective_function_value) if found else None, "bound": info.mip_dual_bound,
    }


def county(directory, limits, threads):
    with open(os.path.join(directory, "county.json")) as f:
        record = json.load(f)
    swift = check_swift_plan(record)
    swift_time = record["planMedian"]
    every = sorted(set([round(10 * swift_time, 2)] + limits))
    runs = []
    for limit in every:
        for solve in (cpsat, highs):
            result = solve(record, limit, threads)
            print(f"  {result['solver']} limit {limit:.2f} s: {result['status']}, objective {result['objective']}, "
                  f"bound {result['bound']:.0f}, {result['seconds']:.2f} s", flush=True)
            if result["bound"] is not None and result["bound"] > swift * (1 + 1e-9) and result["status"] in ("OPTIMAL", "Optimal"):
                fail(f"{result['solver']} proved {result['bound']} > Swift's feasible {swift}")
            runs.append(result)
    found = [r["objective"] for r in runs if r["objective"] is not None]
    best = min(found) if found else None
    bound = max(r["bound"] for r in runs if r["bound"] is not None)
    if bound > swift * (1 + 1e-6):
        fail(f"a peer's bound {bound} is above Swift's feasible plan {swift}")
    print(f"county: {len(record['demand'])} blocks, {record['schools']} schools; no contiguity (the peers model none)")
    print(f"  | solver | limit s | time s | objective (child·m) | best bound | vs Swift |")
    print(f"  | Swift ZonePlanner.plan (median of {len(record['planSeconds'])}) | — | {swift_time:.2f} | {swift} | "
          f"{record['lowerBound']:.0f} (own) | — |")
    for r in runs:
        obj = r["objective"]
        rel = f"Swift {100 * (swift - obj) / obj:+.3f} %" if obj else "no solution"
        print(f"  | {r['solver']} | {r['limit']:.2f} | {r['seconds']:.2f} | {obj} | {r['bound']:.0f} | {rel}; time {r['seconds'] / swift_time:.1f}x Swift's |")
    if best is not None:
        print(f"  Swift's gap to the peers' best objective {best}: {100 * (swift - best) / best:+.3f} %; "
              f"to the best proven bound {bound:.0f}: {100 * (swift - bound) / swift:.3f} %")
    return {"swift": swift, "swiftSeconds": swift_time, "swiftBound": record["lowerBound"], "runs": runs,
            "best": best, "bound": bound}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--limits", default="60")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--part", default="both")
    parser.add_argument("--out")
    arguments = parser.parse_args()
    results = {}
    if arguments.part != "county":
        results["city"] = city(arguments.directory, arguments.repeats)
    if arguments.part != "city":
        limits = [float(x) for x in arguments.limits.split(",") if x]
        results["county"] = county(arguments.directory, limits, arguments.threads)
    if arguments.out:
        with open(arguments.out, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
