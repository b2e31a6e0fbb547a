/// One year's budget for the plan (年度预算), yuan.
public struct YearBudget: Sendable, Hashable {
    public var year: Int
    public var budget: Double

    public init(year: Int, budget: Double) {
        self.year = year
        self.budget = budget
    }
}
