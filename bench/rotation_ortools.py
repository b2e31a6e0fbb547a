"""The peer of bench/rotation-flow: the rotation planner's min-cost flows solved with OR-Tools.

    python bench/rotation_ortools.py DIR [--repeats N] [--out RESULTS.json]

DIR is what `rotation-flow` writes: networks.json (the city, the planner's time, and per network
its step, stage, size, amount, mode and Swift's flow, integer objective and times) and one
network-NN.txt per network ("from to capacity cost" per arc, integer costs, node 0 the source,
node 1 the sink). Each network is solved with OR-Tools' SimpleMinCostFlow (cost scaling):

- only gains (the planner's "any number of swaps up to the amount, only those that lower the
  objective"): supply S at node 0, demand S at node 1, S = the amount or, without one, the
  source's total capacity, and a bypass arc 0 → 1 of cost 0 and capacity S that carries what
  is not worth sending; `solve()`. The optimum is the least cost over every flow up to S.
- exactly the amount (the title step): supply and demand ± amount, no bypass;
  `solve_max_flow_with_min_cost()`, i.e. the amount or, when the graph cannot carry it, the
  maximum flow, at least cost — what Swift's solver does. (`solve()` answers INFEASIBLE then.)

Timed per network, median of N runs after one untimed warm-up: "build" is making the solver,
adding the arcs from numpy arrays (`add_arcs_with_capacity_and_unit_cost`), the bypass and the
supplies; "solve" the solve call; "total" both. Reading the file is not timed (nor is Swift's).

Checks: every solve is OPTIMAL and its objective equals Swift's integer objective exactly; the
exit code is 1 otherwise. Flows may differ where paths of cost 0 remain (both optimal).
"""

import argparse
import json
import os
import statistics
import sys
import time

import numpy as np
import ortools
from ortools.graph.python import min_cost_flow


def load(directory, network):
    """The arcs of one network as int64 columns: tails, heads, capacities, costs."""
    arcs = np.loadtxt(os.path.join(directory, network["file"]), dtype=np.int64, comments="#", ndmin=2)
    return arcs[:, 0].copy(), arcs[:, 1].copy(), arcs[:, 2].copy(), arcs[:, 3].copy()


def solve_once(network, tails, heads, capacities, costs):
    """One build and solve; the solver, its status and the build and solve seconds."""
    supply = network.get("amount") or network["sourceCapacity"]
    start = time.perf_counter()
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(tails, heads, capacities, costs)
    if network["onlyGains"]:
        solver.add_arc_with_capacity_and_unit_cost(0, 1, supply, 0)
    solver.set_nodes_supplies(np.array([0, 1]), np.array([supply, -supply]))
    built = time.perf_counter()
    status = solver.solve() if network["onlyGains"] else solver.solve_max_flow_with_min_cost()
    end = time.perf_counter()
    return solver, status, built - start, end - built


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--out")
    args = parser.parse_args()

    with open(os.path.join(args.directory, "networks.json")) as f:
        data = json.load(f)
    print(f"OR-Tools {ortools.__version__}, numpy {np.__version__}, Python {sys.version.split()[0]}")
    print(f"city: {data['schools']} schools, {data['teachers']} teachers ({data['eligibleTeachers']} eligible) from "
          f"{len(data['counties'])} demo counties (seed {data['seed']}); costs × {data['scale']:g}, rounded")
    plan = data["plan"]
    print(f"RotationPlanner.plan end to end: {plan['medianSeconds']:.3f} s (median of {plan['runs']}; "
          f"{plan['moves']} moves, {plan['teacherMovers']} teacher movers of {plan['requiredMovers']} required)\n")

    failures = []
    rows = []
    header = (f"{'#':>2} {'step':<12} {'stage':<7} {'nodes':>6} {'arcs':>6} {'amount':>6} {'mode':<5} {'flow':>5} "
              f"{'objective':>16} {'Swift ms':>9} {'OR ms':>8} {'ratio':>6} {'Swift solve':>11} {'OR solve':>8} {'ratio':>6}")
    print(header)
    for network in data["networks"]:
        tails, heads, capacities, costs = load(args.directory, network)
        solver, status, _, _ = solve_once(network, tails, heads, capacities, costs)   # warm-up
        builds, solves, totals = [], [], []
        for _ in range(max(1, args.repeats)):
            solver, status, build, solve = solve_once(network, tails, heads, capacities, costs)
            builds.append(build)
            solves.append(solve)
            totals.append(build + solve)
        swift = network["swift"]
        if status != solver.OPTIMAL:
            failures.append(f"network {network['index']}: OR-Tools status {status}")
            objective, flow = None, None
        else:
            objective = solver.optimal_cost()
            flows = solver.flows(np.arange(len(tails)))
            flow = int(flows[tails == 0].sum())
            if objective != swift["objective"]:
                failures.append(f"network {network['index']}: objective OR-Tools {objective} ≠ Swift {swift['objective']}")
            if flow != swift["flow"]:
                print(f"  note: network {network['index']}: flow OR-Tools {flow}, Swift {swift['flow']} (equal cost)")
        row = dict(
            index=network["index"], step=network["step"], stage=network["stage"], nodes=network["nodes"],
            arcs=network["arcs"], amount=network.get("amount"), onlyGains=network["onlyGains"],
            flow=swift["flow"], orToolsFlow=flow, objective=swift["objective"], orToolsObjective=objective,
            swiftBuild=swift["buildSeconds"], swiftSolve=swift["solveSeconds"], swiftTotal=swift["totalSeconds"],
            orToolsBuild=statistics.median(builds), orToolsSolve=statistics.median(solves),
            orToolsTotal=statistics.median(totals), plannerCost=network["plannerCost"], roundedCost=network["roundedCost"],
        )
        rows.append(row)
        amount = "—" if row["amount"] is None else str(row["amount"])
        print(f"{row['index']:>2} {row['step']:<12} {row['stage']:<7} {row['nodes']:>6} {row['arcs']:>6} {amount:>6} "
              f"{'gains' if row['onlyGains'] else 'exact':<5} {row['flow']:>5} {row['objective']:>16} "
              f"{row['swiftTotal'] * 1e3:>9.2f} {row['orToolsTotal'] * 1e3:>8.2f} {row['swiftTotal'] / row['orToolsTotal']:>5.2f}× "
              f"{row['swiftSolve'] * 1e3:>11.2f} {row['orToolsSolve'] * 1e3:>8.2f} {row['swiftSolve'] / row['orToolsSolve']:>5.2f}×",
              flush=True)

    swift_total = sum(r["swiftTotal"] for r in rows)
    ortools_total = sum(r["orToolsTotal"] for r in rows)
    swift_solve = sum(r["swiftSolve"] for r in rows)
    ortools_solve = sum(r["orToolsSolve"] for r in rows)
    print(f"{'all':>2} {'':<12} {'':<7} {sum(r['nodes'] for r in rows):>6} {sum(r['arcs'] for r in rows):>6} {'':>6} {'':<5} "
          f"{sum(r['flow'] for r in rows):>5} {'':>16} {swift_total * 1e3:>9.2f} {ortools_total * 1e3:>8.2f} "
          f"{swift_total / ortools_total:>5.2f}× {swift_solve * 1e3:>11.2f} {ortools_solve * 1e3:>8.2f} {swift_solve / ortools_solve:>5.2f}×")
    print("\nms: median of build + solve (Swift: MinCostFlow from the arc arrays, then solve; OR-Tools: SimpleMinCostFlow "
          "from numpy arrays, then solve); ratio = Swift / OR-Tools (above 1: Swift slower)")
    worst = max(abs(r["roundedCost"] - r["plannerCost"]) for r in rows) if rows else 0
    zeroed = sum(n["costsRoundedToZero"] for n in data["networks"])
    print(f"planner's Double objective vs the rounded network's: largest difference {worst:.3e} "
          f"(costs rounded to 1/{data['scale']:g}; {zeroed} nonzero arc costs, the 1e-14 tie-break preferences, rounded to 0)")
    verdict = "met" if swift_total <= ortools_total else "not met"
    print(f"goal 'no slower than OR-Tools': {verdict} (Swift {swift_total * 1e3:.1f} ms, OR-Tools {ortools_total * 1e3:.1f} ms "
          f"for the {len(rows)} flows)")

    if args.out:
        with open(args.out, "w") as f:
            json.dump(dict(ortools=ortools.__version__, repeats=args.repeats, networks=rows), f, indent=2)
    if failures:
        print("\nFAILED:", *failures, sep="\n  ")
        return 1
    print(f"\nOK: all {len(rows)} objectives equal (integers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
