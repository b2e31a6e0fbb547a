/// A ``FillingProblem`` whose units cost different amounts (unit costs by 城区/镇区/乡村).
///
/// The KKT conditions of ``LevelFilling`` still hold with c_u in place of c, so a raised unit
/// sits at x_u = H − c_u·τ: one level per cost, cheaper units raised higher. The two unknowns
/// (H, τ) are found by search: for each τ (called `spread` here) the least H at which
/// max(ℓ_u, H − c_u·τ) meets the CV limit is found by bisection, and the cheapest τ by a grid
/// scan refined with golden-section search. That is a search, not a proof, so the result
/// carries a lower bound, the larger of two: the same problem with every unit at the cheapest
/// unit cost, solved exactly by ``LevelFilling`` (every cost is at least that one, so no plan
/// can be cheaper), and the Lagrangian dual at the point found
/// (``FillingProblem/dualBound(numerators:)``), which meets the search's cost when the search
/// found the optimum — the bound that matters when one unit's numerator costs far more
/// (a school whose addition is shared with a stage not evaluated).
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
            // Every unit at its own lower value meets the limit: nothing can cost less.
            let raised = additions(problem, values: lower)
            let cost = problem.cost(of: raised)
            return Filling(additions: raised, cost: cost, lowerBound: cost)
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
        // Golden-section refinement around the best grid point. The cost is flat at its minimum,
        // so a spread within 10⁻⁶ of the reach leaves the cost within ~10⁻¹² of it.
        let gridStep = reach / Double(steps * steps)
        var a = max(0, bestSpread - gridStep * Double(2 * steps)), b = min(reach, bestSpread + gridStep * Double(2 * steps))
        let ratio = (5.0.squareRoot() - 1) / 2
        var c = b - ratio * (b - a), d = a + ratio * (b - a)
        var fc = plan(c), fd = plan(d)
        for _ in 0..<60 where b - a > 1e-6 * max(1e-300, reach) {
            if fc.cost < fd.cost {
                b = d; d = c; fd = fc; c = b - ratio * (b - a); fc = plan(c)
            } else {
                a = c; c = d; fc = fd; d = a + ratio * (b - a); fd = plan(d)
            }
            for candidate in [fc, fd] where candidate.cost < best.cost { best = candidate }
        }
        let raised = additions(problem, values: best.values)
        let cost = problem.cost(of: raised)
        let dual = problem.dualBound(numerators: problem.students.indices.map { problem.amounts[$0] + raised[$0] })
        return Filling(additions: raised, cost: cost, lowerBound: min(max(bound, dual), cost))
    }

    /// The least-H point of the path max(ℓ_u, H − c_u·spread) that meets the CV limit.
    ///
    /// Between consecutive breakpoints b_u = ℓ_u + c_u·spread the raised set is fixed and the
    /// limit's excess W·Σ P x² − (1+κ²)(Σ P x)² is a quadratic in H, kept as running sums; the
    /// first breakpoint where it is ≤ 0 brackets H, found by bisection on the quadratic. The
    /// values are then rebuilt from the additions and H is nudged up if rounding put them an
    /// ulp over the limit.
    private static func path(_ problem: FillingProblem, lower: [Double], relative: [Double], spread: Double) -> [Double] {
        let k = 1 + (problem.cvLimit ?? 0) * (problem.cvLimit ?? 0)
        let p = problem.students
        let total = p.reduce(0, +)
        var rest1 = 0.0, rest2 = 0.0
        for i in lower.indices { rest1 += p[i] * lower[i]; rest2 += p[i] * lower[i] * lower[i] }
        // Raised units contribute Σ P(h − r·s) = W_r·h − s·R1 and Σ P(h − r·s)² = W_r·h² − 2hs·R1 + s²·R2.
        var raised = 0.0, r1 = 0.0, r2 = 0.0
        func excess(_ h: Double) -> Double {
            let m1 = raised * h - spread * r1 + rest1
            let m2 = raised * h * h - 2 * h * spread * r1 + spread * spread * r2 + rest2
            return total * m2 - k * m1 * m1
        }
        let breaks = lower.indices.map { lower[$0] + relative[$0] * spread }
        let order = lower.indices.sorted { breaks[$0] < breaks[$1] }
        var low = breaks[order[0]], high = low
        var found = false
        for (position, i) in order.enumerated() {
            raised += p[i]
            r1 += p[i] * relative[i]
            r2 += p[i] * relative[i] * relative[i]
            rest1 -= p[i] * lower[i]
            rest2 -= p[i] * lower[i] * lower[i]
            low = breaks[i]
            if position + 1 < order.count {
                high = breaks[order[position + 1]]
                if excess(high) <= 0 { found = true; break }
            }
        }
        if !found {
            // Every unit raised: beyond the last breakpoint the excess falls like −κ²W²h².
            var step = max(abs(low), 1e-9)
            high = low + step
            while excess(high) > 0 { low = high; step *= 2; high = low + step }
        }
        if excess(low) > 0 {
            for _ in 0..<200 {
                let mid = low + (high - low) / 2
                guard mid > low, mid < high else { break }
                if excess(mid) > 0 { low = mid } else { high = mid }
            }
        } else {
            high = low
        }
        func values(_ h: Double) -> [Double] {
            lower.indices.map {
                let target = max(lower[$0], h - relative[$0] * spread)
                let amount = problem.amounts[$0]
                return (amount + max(0, target * p[$0] - amount)) / p[$0]
            }
        }
        var level = high
        var result = values(level)
        var nudge = 1e-15
        while !problem.withinLimit(result), nudge < 1e-3 {
            level += max(abs(level), 1e-12) * nudge
            nudge *= 4
            result = values(level)
        }
        return result
    }

    private static func additions(_ problem: FillingProblem, values: [Double]) -> [Double] {
        problem.students.indices.map { max(0, values[$0] * problem.students[$0] - problem.amounts[$0]) }
    }
}
