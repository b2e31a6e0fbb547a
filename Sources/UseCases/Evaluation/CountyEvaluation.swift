import Domain
import Storage

/// A county's year as the pages and the API show it: the stored rows and facts, the
/// evaluation computed from them (never stored: the store keeps data, not indicators), the
/// years available, and the lock. Made by ``EvaluateCounties/evaluate(county:year:store:)``.
public struct CountyEvaluation: Sendable {
    /// 县区代码
    public var countyCode: String
    /// 县区名称, when the data names it.
    public var countyName: String?
    /// The year.
    public var year: Int
    /// Every year the county has rows for, ascending.
    public var years: [Int]
    /// The county's school rows of the year.
    public var schools: [SchoolYear]
    /// The county facts recorded for the year.
    public var facts: [CountyFact]
    /// The evaluation of the rows and facts.
    public var result: CountyResult
    /// The year's lock, when it is locked.
    public var lock: YearLock?

    /// Makes the value from its parts.
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
