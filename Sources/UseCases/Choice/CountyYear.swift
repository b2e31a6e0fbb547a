import Storage

/// The county and year a use case works on. Only ``CountyYearChoice`` makes one: a
/// `CountyYear` is a county and year that has rows.
public struct CountyYear: Sendable, Hashable {
    /// The county: code, name, and every year it has rows for (ascending).
    public var county: CountySummary
    /// The chosen year, one of ``CountySummary/years``.
    public var year: Int

    /// 县区代码
    public var code: String { county.code }
    /// 县区名称, when the data names it.
    public var name: String? { county.name }
    /// Every year the county has rows for, ascending.
    public var years: [Int] { county.years }
}
