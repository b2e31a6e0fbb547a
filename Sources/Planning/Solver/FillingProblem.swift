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
