import Domain

/// One year of the schedule: what is done, what it costs, and the county as projected after it.
public struct ScheduledYear: Sendable, Hashable {
    public var year: Int
    public var budget: Double
    /// The items done this year, in the order taken (part of an item when a yearly capacity
    /// leaves the rest to later years).
    public var items: [PlanItem]
    /// What the year pays: Σ its items' one-off cost and the salaries of every post filled
    /// this year or before (≤ budget).
    public var spent: Double
    /// The part of ``spent`` that recurs: the salaries of the posts filled so far.
    public var recurring: Double
    /// The evaluation of the data with every item up to this year applied.
    public var projected: CountyResult
    /// Its resource part.
    public var check: ResourceCheck
}

/// The plan laid out over yearly budgets (时间表、路线图).
///
/// **Rule.** Moved teachers (``PlanLever/rotation``) come first, in the first year, at no
/// cost. The other items are taken most deficient first: by the lowest share of its
/// threshold among the units an item raises (a unit at 60 % before one at 84 %; items only for
/// the CV last), then by cost, cheapest first, then by school code. Each year first pays the
/// salaries of the posts filled in earlier years (they recur), then walks that list and takes
/// every item still undone that fits what is left of the year's budget (first fit): a
/// purchase or training at its one-off cost, a new post at its first year's salary and only
/// if this and every later year's budget can still pay every salary committed (a post is not
/// filled that a later year could not pay). An item is never split, except where a yearly
/// capacity (``InvestmentPlan/yearlyCapacities``: teachers trained, posts granted) leaves room
/// for part of it — the rest waits for the next year — and never taken twice; money left
/// over does not carry into the next year. Items no remaining year can take make up the
/// shortfall.
public struct BudgetSchedule: Sendable, Hashable {
    /// Year by year, in order.
    public var years: [ScheduledYear]
    /// Items (or what is left of them) no year could take.
    public var unscheduled: [PlanItem]
    /// The first year after which the resource part passes; `nil` if none does.
    public var firstPassingYear: Int?
    /// Σ one-off cost and first-year salary of the unscheduled items.
    public var shortfall: Double { unscheduled.reduce(0) { $0 + $1.cost + $1.yearlyCost } }

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
        let ordered = budgets.sorted { $0.year < $1.year }
        // The least budget of each year and every later one: what a salary committed now must fit.
        var leastFromHere = ordered.map(\.budget)
        for i in leastFromHere.indices.dropLast().reversed() { leastFromHere[i] = min(leastFromHere[i], leastFromHere[i + 1]) }
        var done: [PlanItem] = []
        var years: [ScheduledYear] = []
        var firstPassing: Int?
        var salaries = 0.0
        for (index, budget) in ordered.enumerated() {
            let recurring = salaries
            var left = budget.budget - recurring
            var taken: [PlanItem] = []
            var added: [Resource: Double] = [:]
            var rest: [PlanItem] = []
            for item in pending {
                var part = item
                if let capacity = plan.yearlyCapacities[item.resource], item.lever != .rotation {
                    let room = capacity - added[item.resource, default: 0]
                    if room < item.amount {
                        let step = item.resource.isWhole ? room.rounded(.down) : room
                        guard step > 0 else { rest.append(item); continue }
                        part = item.scaled(to: step)
                    }
                }
                let fits = part.cost + part.yearlyCost <= left
                    && (part.yearlyCost == 0 || salaries + part.yearlyCost <= leastFromHere[index] * (1 + 1e-12))
                guard fits else { rest.append(item); continue }
                left -= part.cost + part.yearlyCost
                salaries += part.yearlyCost
                added[item.resource, default: 0] += part.amount
                taken.append(part)
                if part.amount < item.amount { rest.append(item.scaled(to: item.amount - part.amount)) }
            }
            pending = rest
            done += taken
            let projected = evaluator.evaluateCounty(Whatif.apply(done, to: schools), facts: nil)
            let check = ResourceCheck(projected)
            if firstPassing == nil, check.passes { firstPassing = budget.year }
            years.append(ScheduledYear(
                year: budget.year, budget: budget.budget, items: taken,
                spent: recurring + taken.reduce(0) { $0 + $1.cost + $1.yearlyCost }, recurring: salaries,
                projected: projected, check: check))
        }
        self.years = years
        unscheduled = pending
        firstPassingYear = plan.items.isEmpty && ResourceCheck(plan.before).passes ? budgets.map(\.year).min() : firstPassing
    }

    /// Items most deficient first, then cheapest, then by school.
    static func priorityOrder(_ items: [PlanItem]) -> [PlanItem] {
        items.sorted {
            let movedA = $0.lever == .rotation, movedB = $1.lever == .rotation
            if movedA != movedB { return movedA }
            let a = $0.attainment ?? .infinity, b = $1.attainment ?? .infinity
            let balanceA = $0.reason == .balance, balanceB = $1.reason == .balance
            if balanceA != balanceB { return !balanceA }
            if a != b { return a < b }
            if $0.cost + $0.yearlyCost != $1.cost + $1.yearlyCost { return $0.cost + $0.yearlyCost < $1.cost + $1.yearlyCost }
            return $0.id < $1.id
        }
    }
}

extension PlanItem {
    /// The same item for `amount` instead: its costs in proportion.
    func scaled(to amount: Double) -> PlanItem {
        var part = self
        part.amount = amount
        part.cost = self.amount == 0 ? 0 : cost * amount / self.amount
        part.yearlyCost = self.amount == 0 ? 0 : yearlyCost * amount / self.amount
        return part
    }
}
