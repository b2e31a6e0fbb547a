"""The peer of bench/plan-solver: the same divisible filling problems solved with cvxpy.

    python bench/plan_cvxpy.py INSTANCES.json [--repeats N] [--solver CLARABEL|ECOS|...] [--out RESULTS.json]

INSTANCES.json is what `plan-solver` writes: instance sets of 7 indicators each, every instance
with the units' enrollments P, amounts A, requirements R, unit costs c and the CV limit κ, and
Swift's solution and time. Each instance is solved as a user of cvxpy would write it:

    minimise  c·δ   subject to   δ ≥ 0,   A + δ ≥ R,
              √W · ‖(A + δ)/√P‖₂ ≤ √(1 + κ²) · Σ (A + δ)

(the enrollment-weighted CV of x = (A + δ)/P at most κ: W·Σ P x² ≤ (1 + κ²)(Σ P x)²), with the
default solver Clarabel (ECOS when Clarabel is missing) at its default tolerances.

Timed per instance, median of N runs after one untimed warm-up: "total" is building the
variables, constraints and problem plus `problem.solve()` (cvxpy's canonicalisation and the
solver), "solver" is the solver's own time (`problem.solver_stats.solve_time`).

The costs are compared at the solver's default tolerances (the timed runs) and again, untimed,
at tight tolerances (Clarabel: gap and feasibility 1e-12): at the defaults Clarabel's answer
exceeds the CV limit by up to ~1e-7 relative, which makes it that much cheaper than Swift's
feasible one; the tight solve shows how close the two optima really are. The column "cv over"
is cvxpy's CV at its default-tolerance solution over κ, minus 1.

Checks: Swift's solution is feasible (recomputed here), and for the sets whose costs are uniform
(exact water-filling) Swift's cost equals cvxpy's within 1e-6 relative; the exit code is 1 when
a check fails. For the locality sets (a search with a lower bound) the relative difference is
reported; a cvxpy cost more than 1e-6 below Swift's is flagged (Swift's search left cost on the
table) but does not fail the run.
"""

import argparse
import json
import math
import statistics
import sys
import time
import warnings

import numpy as np
import cvxpy as cp

HEADLINE_TOLERANCE = 1e-6
TIGHT = {"CLARABEL": dict(tol_gap_abs=1e-12, tol_gap_rel=1e-12, tol_feas=1e-12, tol_ktratio=1e-10)}


def build(instance):
    """The cvxpy problem and its variable for one instance, as a user would write it."""
    P = np.asarray(instance["students"], dtype=float)
    A = np.asarray(instance["amounts"], dtype=float)
    R = np.asarray(instance["required"], dtype=float)
    c = np.asarray(instance["unitCosts"], dtype=float)
    kappa = instance["cvLimit"]
    W = P.sum()
    delta = cp.Variable(len(P), nonneg=True)
    total = A + delta
    constraints = [
        total >= R,
        math.sqrt(W) * cp.norm(cp.multiply(1 / np.sqrt(P), total), 2) <= math.sqrt(1 + kappa * kappa) * cp.sum(total),
    ]
    return cp.Problem(cp.Minimize(c @ delta), constraints), delta


def weighted_cv(values, weights):
    mean = np.dot(weights, values) / weights.sum()
    variance = max(0.0, np.dot(weights, values * values) / weights.sum() - mean * mean)
    return math.sqrt(variance) / mean


def check_swift(instance):
    """Problems with Swift's solution (feasibility, cost), as a list of strings."""
    P = np.asarray(instance["students"], dtype=float)
    A = np.asarray(instance["amounts"], dtype=float)
    R = np.asarray(instance["required"], dtype=float)
    c = np.asarray(instance["unitCosts"], dtype=float)
    swift = instance["swift"]
    d = np.asarray(swift["additions"], dtype=float)
    problems = []
    if (d < 0).any():
        problems.append("negative addition")
    short = (R - (A + d)) / np.maximum(1.0, np.abs(R))
    if short.max() > 1e-12:
        problems.append(f"a unit below its requirement by {short.max():.3e} (relative)")
    cv = weighted_cv((A + d) / P, P)
    if cv > instance["cvLimit"] * (1 + 1e-12):
        problems.append(f"CV {cv!r} above the limit {instance['cvLimit']!r}")
    cost = float(np.dot(c, d))
    if abs(cost - swift["cost"]) > 1e-9 * max(1.0, abs(cost)):
        problems.append(f"cost {swift['cost']!r} but the additions cost {cost!r}")
    return problems


def solve_timed(instance, solver, repeats):
    problem, delta = build(instance)
    problem.solve(solver=solver)  # warm-up, untimed
    totals, solver_times = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        problem, delta = build(instance)
        problem.solve(solver=solver)
        totals.append(time.perf_counter() - start)
        solver_times.append(problem.solver_stats.solve_time or float("nan"))
    if problem.status != cp.OPTIMAL:
        raise SystemExit(f"{instance['key']}: cvxpy status {problem.status}")
    P = np.asarray(instance["students"], dtype=float)
    A = np.asarray(instance["amounts"], dtype=float)
    d = np.maximum(delta.value, 0)
    result = {
        "cost": float(problem.value),
        "cvOver": weighted_cv((A + d) / P, P) / instance["cvLimit"] - 1,
        "totalSeconds": statistics.median(totals),
        "solverSeconds": statistics.median(solver_times),
        "iterations": problem.solver_stats.num_iters,
        "tightCost": None,
    }
    if solver in TIGHT:
        problem, delta = build(instance)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "optimal_inaccurate" at 1e-12 is expected
            problem.solve(solver=solver, **TIGHT[solver])
        if problem.status in (cp.OPTIMAL, cp.OPTIMAL_INACCURATE):
            result["tightCost"] = float(problem.value)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("instances")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--solver", default=None)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()

    solver = args.solver or ("CLARABEL" if "CLARABEL" in cp.installed_solvers() else "ECOS")
    with open(args.instances, encoding="utf-8") as f:
        data = json.load(f)
    print(f"cvxpy {cp.__version__}, solver {solver}, numpy {np.__version__}, Python {sys.version.split()[0]}; "
          f"median of {args.repeats} after one warm-up")
    print(f"county: {data['units']} {data['stage']} units from {len(data['counties'])} demo counties "
          f"(seed {data['seed']}), {data['standard']}")

    failures = []
    summary = []
    results = {}
    for group in data["sets"]:
        exact = group["name"].startswith("uniform")
        print(f"\n[{group['name']}] {group['costs']}, κ = {group['cvLimit']!r}")
        print(f"{'indicator':<28} {'binds':>5} {'Swift cost':>17} {'cvxpy cost':>17} {'rel diff':>9} {'cv over':>9} "
              f"{'tight':>9} {'Swift µs':>8} {'cvxpy ms':>8} {'solver ms':>9} {'speed-up':>8}")
        rows = []
        for instance in group["instances"]:
            swift = instance["swift"]
            for problem in check_swift(instance):
                failures.append(f"{group['name']}/{instance['key']}: Swift solution: {problem}")
            peer = solve_timed(instance, solver, args.repeats)
            difference = (swift["cost"] - peer["cost"]) / max(1.0, abs(peer["cost"]))
            if exact and abs(difference) > HEADLINE_TOLERANCE:
                failures.append(f"{group['name']}/{instance['key']}: Swift {swift['cost']!r} vs cvxpy {peer['cost']!r} "
                                f"(relative {difference:+.3e})")
            if not exact and difference > HEADLINE_TOLERANCE:
                print(f"  note: cvxpy is cheaper than Swift's search on {instance['key']} by {difference:.3e} relative")
            binds = instance["cvAtRequired"] > instance["cvLimit"]
            speedup = peer["totalSeconds"] / swift["medianSeconds"]
            tight = None
            if peer["tightCost"] is not None:
                tight = (swift["cost"] - peer["tightCost"]) / max(1.0, abs(peer["tightCost"]))
            print(f"{instance['key'][:28]:<28} {'yes' if binds else 'no':>5} {swift['cost']:>17.3f} {peer['cost']:>17.3f} "
                  f"{difference:>+9.1e} {peer['cvOver']:>+9.1e} {'—' if tight is None else format(tight, '+9.1e'):>9} "
                  f"{swift['medianSeconds'] * 1e6:>8.2f} {peer['totalSeconds'] * 1e3:>8.2f} "
                  f"{peer['solverSeconds'] * 1e3:>9.2f} {speedup:>7.0f}×")
            rows.append((instance, peer, difference, tight))
            results.setdefault(group["name"], []).append(
                {"key": instance["key"], **peer, "relativeDifference": difference, "tightRelativeDifference": tight})
        cvxpy_total = sum(peer["totalSeconds"] for _, peer, _, _ in rows)
        cvxpy_solver = sum(peer["solverSeconds"] for _, peer, _, _ in rows)
        swift_set = group["setMedianSeconds"]
        worst = max(abs(d) for _, _, d, _ in rows)
        tights = [abs(t) for _, _, _, t in rows if t is not None]
        worst_tight = max(tights) if tights else float("nan")
        print(f"all 7: Swift {swift_set * 1e3:.3f} ms, cvxpy {cvxpy_total * 1e3:.1f} ms (solver alone "
              f"{cvxpy_solver * 1e3:.1f} ms): {cvxpy_total / swift_set:.0f}× ({cvxpy_solver / swift_set:.0f}× vs the "
              f"solver alone); max |relative cost difference| {worst:.2e} ({worst_tight:.2e} at tight tolerances)")
        summary.append((group["name"], swift_set, cvxpy_total, cvxpy_solver, worst, worst_tight, exact))

    print("\nSummary (7 indicators, 300 units; times per set of 7 solves)")
    print(f"{'set':<16} {'Swift ms':>9} {'cvxpy ms':>9} {'solver ms':>9} {'speed-up':>9} {'vs solver':>9} "
          f"{'max rel diff':>12} {'(tight tol)':>11}")
    for name, swift_set, total, solver_time, worst, worst_tight, exact in summary:
        print(f"{name:<16} {swift_set * 1e3:>9.3f} {total * 1e3:>9.1f} {solver_time * 1e3:>9.1f} "
              f"{total / swift_set:>8.0f}× {solver_time / swift_set:>8.0f}× {worst:>12.2e} {worst_tight:>11.2e}"
              f"{'' if exact else '  (search)'}")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump({"solver": solver, "cvxpy": cp.__version__, "repeats": args.repeats, "sets": results}, f, indent=1)
    if failures:
        print("\nFAILED:", *failures, sep="\n  ")
        return 1
    print(f"\nOK: uniform-cost sets agree within {HEADLINE_TOLERANCE:g} relative; every Swift solution is feasible")
    return 0


if __name__ == "__main__":
    sys.exit(main())
