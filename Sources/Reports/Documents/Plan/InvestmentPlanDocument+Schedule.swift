import Planning

extension InvestmentPlanDocument {
    /// The plan over yearly budgets: items most deficient first, each year taking every undone
    /// item that fits what is left of its budget.
    public struct Schedule: Codable, Sendable, Equatable {
        public var years: [Year]
        /// The first year after which the resource part passes; `nil` when none does.
        public var firstPassingYear: Int?
        /// Ids of the items no year could afford.
        public var unscheduled: [String]
        /// Their one-off cost and first year's salaries, yuan.
        public var shortfall: Double?

        enum CodingKeys: String, CodingKey {
            case years, firstPassingYear = "first_passing_year", unscheduled, shortfall
        }

        init(_ schedule: BudgetSchedule) {
            years = schedule.years.map(Year.init)
            firstPassingYear = schedule.firstPassingYear
            unscheduled = schedule.unscheduled.map(\.id)
            shortfall = schedule.shortfall.finite
        }
    }

    /// One budget year.
    public struct Year: Codable, Sendable, Equatable {
        public var year: Int
        public var budget: Double?
        /// Never more than the budget: one-off costs and the salaries of every post filled so far.
        public var spent: Double?
        /// The part of `spent` that recurs: salaries of the posts filled this year or before.
        public var recurring: Double?
        public var itemCount: Int
        /// Ids of the items done this year (an item split by a yearly capacity appears in
        /// each year that does part of it).
        public var items: [String]
        /// The resource part after this year's items.
        public var compliantUnits: Int
        public var units: Int
        /// `pass` or `fail`.
        public var verdict: String

        enum CodingKeys: String, CodingKey {
            case year, budget, spent, recurring, itemCount = "item_count", items, compliantUnits = "compliant_units", units, verdict
        }

        init(_ year: ScheduledYear) {
            self.year = year.year
            budget = year.budget.finite
            spent = year.spent.finite
            recurring = year.recurring.finite
            itemCount = year.items.count
            items = year.items.map(\.id)
            compliantUnits = year.check.compliantUnits
            units = year.check.units
            verdict = PlanWording.verdictKey(year.check)
        }
    }
}
