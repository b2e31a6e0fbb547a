/// A ``FillingProblem`` whose units cost different amounts (unit costs by 城区/镇区/乡村).
///
/// The KKT conditions of ``LevelFilling`` still hold with c_u in place of c, so a raised unit
/// sits at x_u = H − c_u·τ: one level per cost, cheaper units raised higher. The two unknowns
/// (H, τ) are found by search: for each τ (called `spread` here) the least H at which
/// max(ℓ_u, H − c_u·τ) meets the CV limit is found by bisection, and the cheapest τ by a grid
/// scan refined with golden-section search. That is a search, not a proof, so the result
/// carries a lower bound: the same problem with every unit at the cheapest unit cost, solved
/// exactly by ``LevelFilling`` (every cost is at least that one, so no plan can be cheaper).
/// The level plan at τ = 0 is always among the candidates, so the result is never worse than
/// ignoring the cost differences.
enum CostAwareFilling {
    static func solve(_ problem: FillingProblem) -> Filling {
        let cheapest = problem.unitCosts.min() ?? 0
        var uniform = problem
        uniform.unitCosts = Array(repeating: cheapest, count: problem.count)
        let bound = LevelFilling.solve(uniform).cost
        let lower = problem.lowerValues
        guard problem.cvLimit != nil, !problem.withinLimit(lower) else {
            let raised = additions(problem, values: lower)
            return Filling(additions: raised, cost: problem.cost(of: raised), lowerBound: bound)
        }
        let relative = problem.unitCosts.map { cheapest > 0 ? $0 / cheapest : 1 }
        let widest = (relative.max() ?? 1) - (relative.min() ?? 1)
        let highest = lower.max() ?? 0
        let reach = widest > 0 ? 4 * highest / widest : 0

        func plan(_ spread: Double) -> (values: [Double], cost: Double) {
            let values = path(problem, lower: lower, relative: relative, spread: spread)
            return (values, problem.cost(of: additions(problem, values: values)))
        }
        var best = plan(0)
        var bestSpread = 0.0
        let steps = 24
        for step in 1...steps {
            let spread = reach * Double(step * step) / Double(steps * steps)
            let candidate = plan(spread)
            if candidate.cost < best.cost { best = candidate; bestSpread = spread }
        }
        // Golden-section refinement around the best grid point.
        let gridStep = reach / Double(steps * steps)
        var a = max(0, bestSpread - gridStep * Double(2 * steps)), b = min(reach, bestSpread + gridStep * Double(2 * steps))
        let ratio = (5.0.squareRoot() - 1) / 2
        var c = b - ratio * (b - a), d = a + ratio * (b - a)
        var fc = plan(c), fd = plan(d)
        for _ in 0..<60 where b - a > 1e-12 * max(1, reach) {
            if fc.cost < fd.cost {
                b = d; d = c; fd = fc; c = b - ratio * (b - a); fc = plan(c)
            } else {
                a = c; c = d; fc = fd; d = a + ratio * (b - a); fd = plan(d)
            }
            for candidate in [fc, fd] where candidate.cost < best.cost { best = candidate }
        }
        let raised = additions(problem, values: best.values)
        return Filling(additions: raised, cost: problem.cost(of: raised), lowerBound: min(bound, best.cost))
    }

    /// The least-H point of the path max(ℓ_u, H − c_u·spread) that meets the CV limit.
    private static func path(_ problem: FillingProblem, lower: [Double], relative: [Double], spread: Double) -> [Double] {
        // Values as the additions will rebuild them, so that feasibility survives rounding.
        func values(_ h: Double) -> [Double] {
            lower.indices.map {
                let target = max(lower[$0], h - relative[$0] * spread)
                let students = problem.students[$0], amount = problem.amounts[$0]
                return (amount + max(0, target * students - amount)) / students
            }
        }
        var low = lower.indices.map { lower[$0] + relative[$0] * spread }.min() ?? 0
        var high = max(low, lower.indices.map { lower[$0] + relative[$0] * spread }.max() ?? 0)
        var grow = max(high, 1e-9)
        while !problem.withinLimit(values(high)) {
            low = high
            high += grow
            grow *= 2
        }
        for _ in 0..<80 {
            let mid = low + (high - low) / 2
            guard mid > low, mid < high else { break }
            if problem.withinLimit(values(mid)) { high = mid } else { low = mid }
        }
        return values(high)
    }

    private static func additions(_ problem: FillingProblem, values: [Double]) -> [Double] {
        problem.students.indices.map { max(0, values[$0] * problem.students[$0] - problem.amounts[$0]) }
    }
}
