import Domain

/// What one import writes: school rows and county facts read from a file (or two), already
/// checked by the readers.
public struct ImportBatch: Sendable, Hashable {
    /// The rows, each replacing the stored row of its year and school code.
    public var schools: [SchoolYear]
    /// The facts, each replacing the stored fact of its county, year and item.
    public var facts: [CountyFact]
    /// The file name(s), for the trail.
    public var source: String

    public init(schools: [SchoolYear], facts: [CountyFact] = [], source: String) {
        self.schools = schools
        self.facts = facts
        self.source = source
    }

    /// The (county, year) pairs the batch touches, sorted.
    public var countyYears: [CountyYear] {
        Set(schools.map { CountyYear(countyCode: $0.countyCode, year: $0.year) }
            + facts.map { CountyYear(countyCode: $0.countyCode, year: $0.year) }).sorted()
    }
}

/// A county in a year: what a lock and an evaluation are about.
public struct CountyYear: Sendable, Hashable, Comparable {
    public var countyCode: String
    public var year: Int

    public init(countyCode: String, year: Int) {
        self.countyCode = countyCode
        self.year = year
    }

    public static func < (a: CountyYear, b: CountyYear) -> Bool {
        (a.countyCode, a.year) < (b.countyCode, b.year)
    }
}

/// What an import did.
public struct ImportReceipt: Sendable, Hashable {
    /// Rows that did not exist.
    public var added: Int
    /// Rows that existed and changed.
    public var changed: Int
    /// Rows that existed and were identical.
    public var unchanged: Int
    /// Facts recorded or changed.
    public var facts: Int
    /// Rows saved for the county's review (a school clerk's import, 待审核): they count once
    /// approved, and are not in the other counts.
    public var forReview: Int

    public init(added: Int = 0, changed: Int = 0, unchanged: Int = 0, facts: Int = 0, forReview: Int = 0) {
        self.added = added
        self.changed = changed
        self.unchanged = unchanged
        self.facts = facts
        self.forReview = forReview
    }
}

/// A county with data.
public struct CountySummary: Sendable, Hashable {
    /// 县区代码
    public var code: String
    /// 县区名称, from its latest rows that name it.
    public var name: String?
    /// The years with rows, ascending.
    public var years: [Int]

    public init(code: String, name: String?, years: [Int]) {
        self.code = code
        self.name = name
        self.years = years
    }
}
