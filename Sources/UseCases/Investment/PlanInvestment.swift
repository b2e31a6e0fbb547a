import Domain
import Planning
import Storage

/// The least-cost investment plan that makes one county's resource allocation pass
/// (``InvestmentPlanner``), optionally laid out over yearly budgets (``BudgetSchedule``): of
/// a file's rows (`junheng plan invest`) or of a stored county-year (the plan page, the API).
///
/// ```swift
/// let planning = PlanInvestment(standard: standard, costs: .defaults)
/// let (plan, schedule) = planning.plan(rows, budgets: [YearBudget(year: 2026, budget: 5e6)])
/// let cost = try plan.get().cost
/// ```
public struct PlanInvestment: Sendable {
    /// The standard whose CV limits the plan meets.
    public var standard: Standard
    /// The prices of what the plan adds.
    public var costs: UnitCosts
    /// The rules of the rotation plan whose moves are the first teacher lever.
    public var rotationRules: RotationRules

    /// Makes the value from its parts.
    public init(standard: Standard, costs: UnitCosts = .defaults, rotationRules: RotationRules = .defaults) {
        self.standard = standard
        self.costs = costs
        self.rotationRules = rotationRules
    }

    /// The plan of `schools` (one county and year), and its schedule over `budgets` when
    /// given and a plan was made. With `teachers` (the county's teacher records), the
    /// rotation plan's moves are the first teacher lever (``PlanLever/rotation``); without,
    /// the plan has no rotation lever.
    public func plan(_ schools: [SchoolYear], budgets: [YearBudget]?, teachers: [Teacher]? = nil)
        -> (plan: Result<InvestmentPlan, PlanningError>, schedule: Result<BudgetSchedule, PlanningError>?) {
        let standard = standard, costs = costs
        let codes = Set(schools.map(\.schoolCode))
        let rotation = teachers.flatMap { roster -> RotationPlan? in
            let own = roster.filter { codes.contains($0.schoolCode) }
            guard let year = schools.first?.year, !own.isEmpty else { return nil }
            return RotationPlanner(rules: rotationRules, standard: standard).plan(schools: schools, teachers: own, year: year)
        }
        let plan = Result { () throws(PlanningError) -> InvestmentPlan in
            try InvestmentPlanner(standard: standard, costs: costs).plan(schools, rotation: rotation)
        }
        let schedule = budgets.flatMap { budgets in
            (try? plan.get()).map { plan in
                Result { () throws(PlanningError) -> BudgetSchedule in
                    try BudgetSchedule(plan: plan, budgets: budgets, standard: standard, schools: schools)
                }
            }
        }
        return (plan, schedule)
    }

    /// The plan of a stored county-year (chosen with ``LoadCountyYear/choose(county:year:)``),
    /// costed at the county's own prices, purchase units and yearly capacities (``UnitCostStore``)
    /// over ``costs`` — the page, the
    /// API and the workbook download all plan through here, so they cost alike.
    ///
    /// - Parameter work: where the plan is made: it searches exception choices and solves
    ///   every indicator, seconds of CPU for a large county.
    public func plan(_ chosen: CountyYear, budgets: [YearBudget]?, store: any Store, work: any WorkRunner) async throws -> CountyPlan {
        let schools = try await store.schoolYears(county: chosen.code, year: chosen.year)
        let own = try await store.countyUnitCosts(county: chosen.code)
        var planning = self
        planning.costs = costs.setting(own)
        let made = planning
        let (plan, schedule) = try await work.run { made.plan(schools, budgets: budgets) }
        return CountyPlan(chosen: chosen, plan: plan, schedule: schedule, ownPrices: own.prices, ownSettings: own.settings)
    }
}
