import Domain
import Planning

/// The funding use case (经费保障) the command and the web server share: every compulsory school
/// of the rows funded by the formula (``Planning/FundingAllocation``), within a budget when one
/// is given, and the evaluation items the rows decide under the same rules (government items 3,
/// 6 and 7, quality item 4), judged by the standard.
///
/// ```swift
/// let funding = PlanFunding(rules: .defaults, standard: standard).plan(rows, budget: 12_000_000)
/// ```
public struct PlanFunding: Sendable {
    /// The funding rules as a file reads them (经费规则, JSON with ``FundingRules``' keys).
    public static let rulesInput = RulesInput(defaults: FundingRules.defaults, chineseName: "经费规则", englishName: "funding rules")

    public var rules: FundingRules
    public var standard: Standard

    public init(rules: FundingRules = .defaults, standard: Standard) {
        self.rules = rules
        self.standard = standard
    }

    /// The funds of `rows` (one county-year, or several without a budget) and their items.
    public func plan(_ rows: [SchoolYear], budget: Double? = nil) -> CountyFunding {
        let allocation = FundingAllocation.allocate(rows, rules: rules, budget: budget)
        let items = ComputedItems(standard: standard, funding: rules)
        let keys = Set(rows.map { "\($0.countyCode)\u{1F}\($0.year)" }).sorted()
        var results: [FactResult] = []
        for key in keys {
            let parts = key.split(separator: "\u{1F}")
            let county = String(parts[0]), year = Int(parts[1]) ?? 0
            let facts = items.fromFunding(rows, county: county, year: year)
            results += Evaluator(standard: standard).judgeFacts(facts).filter { $0.fact != nil }
        }
        return CountyFunding(allocation: allocation, items: results)
    }
}

