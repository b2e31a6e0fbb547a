import Domain
import Storage

/// A county's year as the pages and the API show it: the stored rows and facts, the
/// evaluation computed from them (never stored: the store keeps data, not indicators), the
/// years available, and the lock. Made by ``EvaluateCounties/evaluate(county:year:store:)``.
public struct CountyEvaluation: Sendable {
    public var countyCode: String
    public var countyName: String?
    public var year: Int
    /// Every year the county has rows for, ascending.
    public var years: [Int]
    public var schools: [SchoolYear]
    public var facts: [CountyFact]
    public var result: CountyResult
    public var lock: YearLock?

    public init(countyCode: String, countyName: String?, year: Int, years: [Int], schools: [SchoolYear],
                facts: [CountyFact], result: CountyResult, lock: YearLock?) {
        self.countyCode = countyCode
        self.countyName = countyName
        self.year = year
        self.years = years
        self.schools = schools
        self.facts = facts
        self.result = result
        self.lock = lock
    }

    /// The display name: 名称（代码）.
    public var title: String { countyName.map { "\($0)（\(countyCode)）" } ?? countyCode }
}
