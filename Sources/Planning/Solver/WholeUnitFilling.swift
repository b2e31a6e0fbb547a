/// A ``FillingProblem`` whose resource comes in whole units — teachers, multimedia
/// classrooms. One whole unit added to unit u adds `steps[u]` to its numerator (1, or a
/// combined school's share of a room) and costs `unitCosts[u] · steps[u]`.
///
/// **Exact case** (every step 1, every cost equal): the cost is c·N for N units added in all,
/// and for a fixed N the mean is fixed, so the CV is least when Σ (A_u + n_u)² / P_u is —
/// a separable convex function of the n_u, which greedy marginal allocation (next unit to
/// the least (2(A_u+n_u)+1)/P_u) minimises exactly, and whose allocations for N and N+1 are
/// nested. The optimum is therefore the first N, counted up from the units' own shortfalls,
/// at which the greedy allocation meets the limit.
///
/// **Otherwise** the divisible optimum is rounded up and repaired: units are added to the
/// lowest unit until the limit is met, then removed from the dearest where the plan still
/// holds. The divisible optimum's lower bound bounds this one too.
enum WholeUnitFilling {
    static func solve(_ problem: FillingProblem, steps: [Double]) -> (counts: [Int], filling: Filling) {
        let divisible = problem.hasUniformCost ? LevelFilling.solve(problem) : CostAwareFilling.solve(problem)
        let needs = problem.students.indices.map { shortfall(problem, $0, steps[$0]) }
        let counts: [Int]
        if problem.hasUniformCost, steps.allSatisfy({ $0 == 1 }) {
            counts = greedy(problem, needs: needs)
            let filling = filling(problem, counts: counts, steps: steps, lowerBound: 0)
            return (counts, Filling(additions: filling.additions, cost: filling.cost, lowerBound: filling.cost))
        }
        counts = repaired(problem, steps: steps, needs: needs, start: divisible.additions.indices.map {
            max(needs[$0], wholeUnits(divisible.additions[$0] / steps[$0]))
        })
        return (counts, filling(problem, counts: counts, steps: steps, lowerBound: divisible.lowerBound))
    }

    /// Whole units unit `i` needs to reach its requirement.
    static func shortfall(_ problem: FillingProblem, _ i: Int, _ step: Double) -> Int {
        wholeUnits((problem.required[i] - problem.amounts[i]) / step)
    }

    /// ⌈x⌉ for x ≥ 0, forgiving binary noise (4.2 teachers needed of 2.2 is 2, not 3).
    static func wholeUnits(_ x: Double) -> Int {
        x <= 1e-9 ? 0 : Int((x - 1e-9).rounded(.up))
    }

    private static func filling(_ problem: FillingProblem, counts: [Int], steps: [Double], lowerBound: Double) -> Filling {
        let additions = counts.indices.map { Double(counts[$0]) * steps[$0] }
        return Filling(additions: additions, cost: problem.cost(of: additions), lowerBound: lowerBound)
    }

    private static func greedy(_ problem: FillingProblem, needs: [Int]) -> [Int] {
        var counts = needs
        var held = problem.amounts.indices.map { problem.amounts[$0] + Double(needs[$0]) }
        guard let kappa = problem.cvLimit else { return counts }
        let k = 1 + kappa * kappa
        let total = problem.students.reduce(0, +)
        var sum = held.reduce(0, +)
        var squares = 0.0
        for i in held.indices { squares += held[i] * held[i] / problem.students[i] }
        // Each step adds one unit; the CV falls towards 0, so the loop ends.
        while !(sum > 0 && total * squares <= k * sum * sum) {
            var best = 0
            var bestMarginal = Double.infinity
            for i in held.indices {
                let marginal = (2 * held[i] + 1) / problem.students[i]
                if marginal < bestMarginal { bestMarginal = marginal; best = i }
            }
            squares += (2 * held[best] + 1) / problem.students[best]
            held[best] += 1
            sum += 1
            counts[best] += 1
        }
        return counts
    }

    private static func repaired(_ problem: FillingProblem, steps: [Double], needs: [Int], start: [Int]) -> [Int] {
        var counts = start
        func values() -> [Double] {
            counts.indices.map { (problem.amounts[$0] + Double(counts[$0]) * steps[$0]) / problem.students[$0] }
        }
        while !problem.withinLimit(values()) {
            let current = values()
            let lowest = current.indices.min { current[$0] < current[$1] }!
            counts[lowest] += 1
        }
        let dearest = counts.indices.sorted { problem.unitCosts[$0] * steps[$0] > problem.unitCosts[$1] * steps[$1] }
        var removed = true
        while removed {
            removed = false
            for i in dearest where counts[i] > needs[i] {
                counts[i] -= 1
                if problem.withinLimit(values()) { removed = true } else { counts[i] += 1 }
            }
        }
        return counts
    }
}
