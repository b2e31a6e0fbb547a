import Domain
import SQLKit
import Storage

extension SQLStore {
    /// Every county with rows, from one snapshot: its years and the name of its latest named row.
    public func counties() async throws -> [CountySummary] {
        try await snapshot { try await $0.countySummaries() }
    }

    /// One county's rows of a year (the `(county_code, year)` index), by school code.
    public func schoolYears(county: String, year: Int) async throws -> [SchoolYear] {
        try await reading { session in
            try await session.schoolYears(where: {
                $0.where(SQLColumn("county_code"), .equal, SQLBind(county)).where(SQLColumn("year"), .equal, SQLBind(year))
            }, orderedBy: ["school_code"])
        }
    }

    /// A year's rows of `counties` (all when `nil`), by county and school code.
    public func schoolYears(year: Int, counties: [String]?) async throws -> [SchoolYear] {
        if counties?.isEmpty == true { return [] }
        return try await reading { session in
            try await session.schoolYears(where: { select in
                let byYear = select.where(SQLColumn("year"), .equal, SQLBind(year))
                guard let counties else { return byYear }
                return byYear.where(SQLColumn("county_code"), .in, SQLBind.group(counties))
            }, orderedBy: ["county_code", "school_code"])
        }
    }

    /// One row, by its key; `nil` when absent or in another county.
    public func schoolYear(county: String, school: String, year: Int) async throws -> SchoolYear? {
        try await reading { session in
            try await session.schoolYears(where: {
                $0.where(SQLColumn("year"), .equal, SQLBind(year))
                    .where(SQLColumn("school_code"), .equal, SQLBind(school))
                    .where(SQLColumn("county_code"), .equal, SQLBind(county))
            }, orderedBy: []).first
        }
    }

    /// One school's rows, oldest year first.
    public func schoolHistory(county: String, school: String) async throws -> [SchoolYear] {
        try await reading { session in
            try await session.schoolYears(where: {
                $0.where(SQLColumn("county_code"), .equal, SQLBind(county)).where(SQLColumn("school_code"), .equal, SQLBind(school))
            }, orderedBy: ["year"])
        }
    }

    /// A year's county facts of `counties` (all when `nil`), by county and item.
    public func facts(year: Int, counties: [String]?) async throws -> [CountyFact] {
        if counties?.isEmpty == true { return [] }
        return try await reading { try await $0.facts(year: year, counties: counties) }
    }
}
