import Storage

/// The county and year a use case works on, as ``CountyYearChoice`` chose it.
public struct CountyYear: Sendable, Hashable {
    /// The county: code, name, and every year it has rows for (ascending).
    public var county: CountySummary
    /// The chosen year, one of ``CountySummary/years``.
    public var year: Int

    /// Makes the value from its parts.
    public init(county: CountySummary, year: Int) {
        self.county = county
        self.year = year
    }

    /// 县区代码
    public var code: String { county.code }
    /// 县区名称, when the data names it.
    public var name: String? { county.name }
    /// Every year the county has rows for, ascending.
    public var years: [Int] { county.years }
}
