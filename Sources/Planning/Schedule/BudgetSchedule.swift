import Domain

/// One year of the schedule: what is done, what it costs, and the county as projected after it.
public struct ScheduledYear: Sendable, Hashable {
    public var year: Int
    public var budget: Double
    /// The items done this year, in the order taken.
    public var items: [PlanItem]
    /// Σ their cost (≤ budget).
    public var spent: Double
    /// The evaluation of the data with every item up to this year applied.
    public var projected: CountyResult
    /// Its resource part.
    public var check: ResourceCheck
}

/// The plan laid out over yearly budgets (时间表、路线图).
///
/// **Rule.** Items are taken most deficient first: by the lowest share of its threshold among
/// the units an item raises (a unit at 60 % before one at 84 %; items only for the CV last),
/// then by cost, cheapest first, then by school code. Each year walks that list and takes every
/// item still undone that fits what is left of the year's budget (first fit); an item is never
/// split and never taken twice, and money left over does not carry into the next year. Items
/// dearer than every remaining budget stay undone and make up the shortfall.
public struct BudgetSchedule: Sendable, Hashable {
    /// Year by year, in order.
    public var years: [ScheduledYear]
    /// Items no year could afford.
    public var unscheduled: [PlanItem]
    /// The first year after which the resource part passes; `nil` if none does.
    public var firstPassingYear: Int?
    /// Σ cost of the unscheduled items.
    public var shortfall: Double { unscheduled.reduce(0) { $0 + $1.cost } }

    /// Schedules `plan` over `budgets`, projecting `schools` (the plan's county and year)
    /// after each year under `standard`.
    ///
    /// - Throws: ``PlanningError`` for no budget year, a year given twice or a budget that is
    ///   not positive.
    public init(plan: InvestmentPlan, budgets: [YearBudget], standard: Standard, schools: [SchoolYear]) throws(PlanningError) {
        guard !budgets.isEmpty else { throw PlanningError(.noBudget) }
        var seen = Set<Int>()
        for budget in budgets {
            guard seen.insert(budget.year).inserted else { throw PlanningError(.budgetYearRepeated(budget.year)) }
            guard budget.budget > 0, budget.budget.isFinite else { throw PlanningError(.budgetNotPositive(year: budget.year, budget: budget.budget)) }
        }
        var pending = Self.priorityOrder(plan.items)
        let evaluator = Evaluator(standard: standard)
        var done: [PlanItem] = []
        var years: [ScheduledYear] = []
        var firstPassing: Int?
        for budget in budgets.sorted(by: { $0.year < $1.year }) {
            var left = budget.budget
            var taken: [PlanItem] = []
            pending.removeAll { item in
                guard item.cost <= left else { return false }
                left -= item.cost
                taken.append(item)
                return true
            }
            done += taken
            let projected = evaluator.evaluateCounty(Whatif.apply(done, to: schools), facts: nil)
            let check = ResourceCheck(projected)
            if firstPassing == nil, check.passes { firstPassing = budget.year }
            years.append(ScheduledYear(
                year: budget.year, budget: budget.budget, items: taken, spent: taken.reduce(0) { $0 + $1.cost },
                projected: projected, check: check))
        }
        self.years = years
        unscheduled = pending
        firstPassingYear = plan.items.isEmpty && ResourceCheck(plan.before).passes ? budgets.map(\.year).min() : firstPassing
    }

    /// Items most deficient first, then cheapest, then by school.
    static func priorityOrder(_ items: [PlanItem]) -> [PlanItem] {
        items.sorted {
            let a = $0.attainment ?? .infinity, b = $1.attainment ?? .infinity
            let balanceA = $0.reason == .balance, balanceB = $1.reason == .balance
            if balanceA != balanceB { return !balanceA }
            if a != b { return a < b }
            if $0.cost != $1.cost { return $0.cost < $1.cost }
            return $0.id < $1.id
        }
    }
}
