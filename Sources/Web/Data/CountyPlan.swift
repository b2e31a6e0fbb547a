import Domain
import Planning
import Storage

/// A county's year with its remediation plan (资源配置达标投入方案) as the plan page and the
/// API show it: the stored rows, the plan computed from them with the configured standard
/// and the default unit costs (never stored), and its schedule when yearly budgets are given.
///
/// A ``PlanningError`` (a blank value the plan needs, a standard it does not support) is part
/// of the answer, not a failure of the request: the page shows it as a message.
struct CountyPlan: Sendable {
    var countyCode: String
    var countyName: String?
    var year: Int
    /// Every year the county has rows for, ascending.
    var years: [Int]
    /// The plan, or why it cannot be made.
    var plan: Result<InvestmentPlan, PlanningError>
    /// The plan over the budgets; `nil` when no budget was given or there is no plan.
    var schedule: Result<BudgetSchedule, PlanningError>?

    /// Loads `county` in `year` (its latest year when `nil`) and plans it, off the event loop.
    ///
    /// - Throws: ``WebError/notFound`` when the county has no rows in that year.
    static func load(county: String, year: Int?, budgets: [YearBudget]?, services: WebServices) async throws -> CountyPlan {
        let store = services.store
        guard let summary = try await store.counties().first(where: { $0.code == county }),
              let chosen = year ?? summary.years.last, summary.years.contains(chosen) else {
            throw WebError.notFound
        }
        let schools = try await store.schoolYears(county: county, year: chosen)
        let standard = services.configuration.standard
        // The plan searches exception choices and solves every indicator: seconds of CPU for
        // a large county, which must not stall the event loop serving other requests.
        let (plan, schedule) = try await services.heavy.run {
            let plan = Result { () throws(PlanningError) -> InvestmentPlan in
                try InvestmentPlanner(standard: standard, costs: .defaults).plan(schools)
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
        return CountyPlan(countyCode: county, countyName: summary.name, year: chosen, years: summary.years,
                          plan: plan, schedule: schedule)
    }

    /// The display name: 名称（代码）.
    var title: String { countyName.map { "\($0)（\(countyCode)）" } ?? countyCode }
}
