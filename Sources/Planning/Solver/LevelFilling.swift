/// The exact optimum of a ``FillingProblem`` whose units all cost the same: raise every unit
/// below a common water level h to h (水位填充), with h the lowest level that brings the CV
/// within its limit.
///
/// **Why this is optimal.** Write x_u for unit u's per-student value, ℓ_u for its lower bound
/// (what it has, or what its threshold requires), w_u = P_u / W, X̄ = Σ w_u x_u, κ the limit and
/// k = 1 + κ². The problem is
///
///     minimise  c·Σ P_u x_u   subject to   x_u ≥ ℓ_u,   √(Σ w_u x_u²) ≤ √k · X̄.
///
/// The constraint is a second-order cone (a norm below a linear function), so the problem is
/// convex; x_u = t for every u and t large is strictly feasible (its CV is 0), so Slater holds
/// and the KKT conditions are necessary and sufficient. On the cone's boundary they are
/// equivalent to those of f(x) = Σ w_u x_u² − k·X̄² ≤ 0 (∇f is a positive multiple of the
/// cone's gradient there), whose ∂f/∂x_u = 2w_u(x_u − k·X̄). With μ ≥ 0 for f and λ_u ≥ 0 for
/// the bounds, stationarity reads
///
///     c·P_u + 2μ·w_u·(x_u − k·X̄) = λ_u,   λ_u·(x_u − ℓ_u) = 0.
///
/// A raised unit (x_u > ℓ_u, λ_u = 0) therefore sits at x_u = k·X̄ − c·W/(2μ) =: h, the same
/// level for every raised unit; a unit left at its bound needs λ_u ≥ 0, i.e. ℓ_u ≥ h. So
/// x_u = max(ℓ_u, h). Conversely, let h* be the least level at which x(h) = max(ℓ, h) satisfies
/// f ≤ 0. Along x(h), df/dh = 2·W_r·(h − k·X̄) with W_r the raised weight; raised units are the
/// lowest, so h ≤ X̄ ≤ k·X̄ and f never increases — the feasible levels are exactly h ≥ h*.
/// At h* (if f(ℓ) > 0, so μ > 0) take μ = c·W / (2(k·X̄ − h*)) ≥ 0 (h* ≤ X̄ ≤ k·X̄; equality only
/// when every unit is raised and κ = 0, where the level is forced anyway): every condition
/// holds, so x(h*) is optimal. If f(ℓ) ≤ 0 already, μ = 0 and x = ℓ is optimal.
///
/// **Computing h*.** Sort ℓ; between consecutive bounds the raised set is fixed and f is a
/// quadratic in h, so the first breakpoint where f ≤ 0 brackets h*, which is then found by
/// bisection on that quadratic to the last bit, keeping the feasible end. O(n log n).
enum LevelFilling {
    /// The optimal filling of `problem`, whose unit costs must all be equal.
    static func solve(_ problem: FillingProblem) -> Filling {
        let lower = problem.lowerValues
        func raised(to level: Double?) -> [Double] {
            problem.students.indices.map { max(0, max(lower[$0], level ?? 0) * problem.students[$0] - problem.amounts[$0]) }
        }
        var additions = raised(to: nil)
        if let kappa = problem.cvLimit, var level = level(lower: lower, weights: problem.students, cvLimit: kappa) {
            additions = raised(to: level)
            // The level is feasible in exact arithmetic; the values rebuilt from additions
            // can miss by an ulp, so step up until they pass in floating point too.
            var nudge = 1e-15
            while !problem.withinLimit(problem.students.indices.map { (problem.amounts[$0] + additions[$0]) / problem.students[$0] }), nudge < 1e-6 {
                level *= 1 + nudge
                nudge *= 4
                additions = raised(to: level)
            }
        }
        let cost = problem.cost(of: additions)
        return Filling(additions: additions, cost: cost, lowerBound: cost)
    }

    /// h*, the least water level at which max(ℓ, h) has CV ≤ κ; `nil` when ℓ itself does.
    static func level(lower: [Double], weights: [Double], cvLimit kappa: Double) -> Double? {
        let k = 1 + kappa * kappa
        var total = 0.0, rest1 = 0.0, rest2 = 0.0
        for i in lower.indices {
            total += weights[i]
            rest1 += weights[i] * lower[i]
            rest2 += weights[i] * lower[i] * lower[i]
        }
        guard rest1 > 0 else { return nil }
        // f scaled by W²: W·(raised·h² + rest2) − k·(raised·h + rest1)².
        func excess(_ h: Double, raised: Double, rest1: Double, rest2: Double) -> Double {
            let m = raised * h + rest1
            return total * (raised * h * h + rest2) - k * m * m
        }
        if excess(0, raised: 0, rest1: rest1, rest2: rest2) <= 0 { return nil }
        let order = lower.indices.sorted { lower[$0] < lower[$1] }
        var raised = 0.0
        for position in order.indices {
            let i = order[position]
            // Units order[0...position] are raised from here on.
            raised += weights[i]
            rest1 -= weights[i] * lower[i]
            rest2 -= weights[i] * lower[i] * lower[i]
            let next = position + 1 < order.count ? lower[order[position + 1]] : nil
            if let next, excess(next, raised: raised, rest1: rest1, rest2: rest2) > 0 { continue }
            // With every unit raised f = −κ²·W²·h² ≤ 0, so the last bound always qualifies.
            guard let next else { return lower[i] }
            // h* lies in [lower[i], next].
            var low = lower[i]
            var high = next
            if excess(low, raised: raised, rest1: rest1, rest2: rest2) <= 0 { return low }
            for _ in 0..<200 {
                let mid = low + (high - low) / 2
                guard mid > low, mid < high else { break }
                if excess(mid, raised: raised, rest1: rest1, rest2: rest2) > 0 { low = mid } else { high = mid }
            }
            return high
        }
        return nil
    }
}
