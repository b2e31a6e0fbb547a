import Domain

/// What identifies a stored row: 学校标识码 is unique within a year.
public struct RowKey: Sendable, Hashable, Comparable {
    public var year: Int
    public var schoolCode: String

    public init(year: Int, schoolCode: String) {
        self.year = year
        self.schoolCode = schoolCode
    }

    /// The key of `row`.
    public init(_ row: SchoolYear) {
        self.init(year: row.year, schoolCode: row.schoolCode)
    }

    public static func < (a: RowKey, b: RowKey) -> Bool {
        (a.year, a.schoolCode) < (b.year, b.schoolCode)
    }
}

/// What identifies a stored fact.
public struct FactKey: Sendable, Hashable {
    public var countyCode: String
    public var year: Int
    public var item: String

    public init(_ fact: CountyFact) {
        countyCode = fact.countyCode
        year = fact.year
        item = fact.item
    }
}
