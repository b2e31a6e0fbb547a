/// One stage's indicator as the planner solves it: raise some units' numerators so that every
/// unit reaches its required amount and the enrollment-weighted 差异系数 is within the limit,
/// at least cost. Numbers only; ``InvestmentPlanner`` builds these from an evaluation.
///
/// Public so that benchmarks can time one indicator on its own.
///
/// Units are indexed alike in every array. Amounts are the indicator's numerator A_u (m², 元,
/// teachers …, after a combined school's split), not the per-student value.
public struct FillingProblem: Sendable {
    /// P_u, each unit's enrollment (> 0).
    public var students: [Double]
    /// A_u, what each unit has now.
    public var amounts: [Double]
    /// The least numerator each unit must reach (its threshold, or the floor when the unit
    /// leaves this indicator at 85 %); values below `amounts` mean "no requirement".
    public var required: [Double]
    /// Yuan per numerator unit added to each unit.
    public var unitCosts: [Double]
    /// The CV limit κ, already lowered by ``FillingProblem/limitMargin``; `nil` when the
    /// standard judges no CV for this stage.
    public var cvLimit: Double?

    /// The relative margin kept below a CV limit. The evaluation compares unrounded CVs, and
    /// a plan that lands exactly on the limit can come out a few units in the last place above
    /// it once re-evaluated in another summation order; one part in 10⁹ absorbs that and
    /// costs nothing visible.
    public static let limitMargin = 1e-9

    public init(students: [Double], amounts: [Double], required: [Double], unitCosts: [Double], cvLimit: Double?) {
        self.students = students
        self.amounts = amounts
        self.required = required
        self.unitCosts = unitCosts
        self.cvLimit = cvLimit
    }

    /// The least-cost filling: exact by water-filling when every unit costs the same
    /// (``LevelFilling``), by the KKT-guided search with a lower bound otherwise.
    public func solve() -> Filling {
        hasUniformCost ? LevelFilling.solve(self) : CostAwareFilling.solve(self)
    }

    var count: Int { students.count }

    /// Each unit's lower bound on its per-student value, ℓ_u = max(A_u, required_u) / P_u.
    var lowerValues: [Double] {
        students.indices.map { max(amounts[$0], required[$0]) / students[$0] }
    }

    /// Whether every unit costs the same per numerator unit (the closed form applies).
    var hasUniformCost: Bool {
        guard let first = unitCosts.first else { return true }
        return unitCosts.allSatisfy { $0 == first }
    }

    /// A lower bound on the cost of every feasible filling, from the Lagrangian dual of the CV
    /// limit at a reference point `numerators` X (any, ideally near the optimum).
    ///
    /// **Why valid.** In numerators the limit reads ‖z‖ ≤ √k·Σ X_u, z_u = √(W/P_u)·X_u, W = Σ P,
    /// k = 1 + κ². With y = z(X)/‖z(X)‖ (‖y‖ = 1) every feasible X' has y·z' ≤ ‖z'‖ ≤ √k·Σ X'_u,
    /// so for μ ≥ 0
    ///
    ///     Σ c_u (X'_u − A_u) ≥ Σ c_u (X'_u − A_u) + μ (y·z' − √k Σ X'_u) = Σ d_u X'_u − Σ c_u A_u,
    ///     d_u = c_u + μ (y_u √(W/P_u) − √k).
    ///
    /// While every d_u ≥ 0, X'_u ≥ L_u = max(A_u, required_u) gives the bound
    /// Σ d_u L_u − Σ c_u A_u, linear in μ, so its best μ is an end of that range: 0 (the
    /// bound Σ c_u (L_u − A_u), exact when the limit does not bind) or the largest μ keeping
    /// every d_u ≥ 0. When the limit binds, that μ at the optimum is the KKT multiplier and
    /// d_u = 0 on every raised unit, so the bound equals the optimum there (strong duality);
    /// near it, it is near. (y is shrunk by 10⁻¹² and μ by 10⁻⁹, which only lowers each d_u.)
    ///
    /// Example: two units of 100 pupils with 0 and 10 (κ = 0.5, c = 1): the optimum raises
    /// the first to 10/3 (CV 0.5); at X = (10/3, 10), y ∝ (1, 3), μ = 1/(√1.25 − 1·√2/√10)
    /// makes d₁ = 0 and the bound d₂·10 − 10 = 10/3 (floating point aside) — the optimum.
    func dualBound(numerators: [Double]) -> Double {
        var none = 0.0
        for u in students.indices { none += unitCosts[u] * (max(amounts[u], required[u]) - amounts[u]) }
        guard let kappa = cvLimit, numerators.count == count else { return none }
        let total = students.reduce(0, +)
        let scale = students.map { (total / $0).squareRoot() }
        let z = numerators.indices.map { scale[$0] * numerators[$0] }
        let norm = z.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0, norm.isFinite else { return none }
        let root = (1 + kappa * kappa).squareRoot()
        let e = z.indices.map { z[$0] / norm * (1 - 1e-12) * scale[$0] - root }
        var mu = Double.infinity
        for u in e.indices where e[u] < 0 { mu = min(mu, unitCosts[u] / -e[u]) }
        guard mu.isFinite else { return none }
        mu *= 1 - 1e-9
        var bound = 0.0
        for u in e.indices {
            let d = max(0, unitCosts[u] + mu * e[u])
            bound += d * max(amounts[u], required[u]) - unitCosts[u] * amounts[u]
        }
        return bound.isFinite ? max(none, bound) : none
    }

    /// The cost of adding `additions` (numerator units per unit).
    public func cost(of additions: [Double]) -> Double {
        var total = 0.0
        for i in additions.indices { total += unitCosts[i] * additions[i] }
        return total
    }

    /// Whether `values` (per-student) satisfy the CV limit, in the form the solvers use:
    /// W·Σ P x² ≤ (1+κ²)·(Σ P x)², equivalent to S/X̄ ≤ κ when X̄ > 0.
    public func withinLimit(_ values: [Double]) -> Bool {
        guard let kappa = cvLimit else { return true }
        var w = 0.0, m1 = 0.0, m2 = 0.0
        for i in values.indices {
            w += students[i]
            m1 += students[i] * values[i]
            m2 += students[i] * values[i] * values[i]
        }
        return m1 > 0 && w * m2 <= (1 + kappa * kappa) * m1 * m1
    }
}

/// A solved ``FillingProblem``.
public struct Filling: Sendable, Hashable {
    /// Numerator units added to each unit (≥ 0).
    public var additions: [Double]
    /// Σ cost.
    public var cost: Double
    /// A lower bound on the optimum's cost; equal to `cost` when the solution is proven optimal.
    public var lowerBound: Double

    /// Whether the solution is proven optimal.
    public var isOptimal: Bool { cost - lowerBound <= 1e-9 * max(1, abs(cost)) }
}
