import Domain
import SQLKit
import Storage

extension SQLSession {
    /// Rows matching `predicate`, in `order`.
    func schoolYears(
        where predicate: (SQLSelectBuilder) -> SQLSelectBuilder, orderedBy order: [String]
    ) async throws -> [SchoolYear] {
        var select = predicate(sql.select().columns(SchoolYearsTable.columns).from(SchoolYearsTable.name))
        for column in order { select = select.orderBy(column) }
        return try await rows(select.query).map(SchoolYearsTable.decode)
    }

    /// The stored rows with the keys of `rows`, by key.
    func storedSchoolYears(keyedLike rows: [SchoolYear]) async throws -> [RowKey: SchoolYear] {
        var stored: [RowKey: SchoolYear] = [:]
        let codesByYear = Dictionary(grouping: rows, by: \.year).mapValues { Array(Set($0.map(\.schoolCode))).sorted() }
        for (year, codes) in codesByYear.sorted(by: { $0.key < $1.key }) {
            for start in stride(from: 0, to: codes.count, by: valuesPerList) {
                let chunk = Array(codes[start..<min(start + valuesPerList, codes.count)])
                let found = try await schoolYears(where: {
                    $0.where(SQLColumn("year"), .equal, SQLBind(year))
                        .where(SQLColumn("school_code"), .in, SQLBind.group(chunk))
                }, orderedBy: [])
                for row in found { stored[RowKey(row)] = row }
            }
        }
        return stored
    }

    /// Writes `rows`, each replacing the stored row of its year and school code.
    func upsertSchoolYears(_ rows: [SchoolYear]) async throws {
        try await insert(
            into: SchoolYearsTable.name, columns: SchoolYearsTable.columns,
            rows: rows.map(SchoolYearsTable.values(of:)), replacingOn: SchoolYearsTable.key
        )
    }

    /// Every county with rows, its years, and the name of its latest row that names it.
    func countySummaries() async throws -> [CountySummary] {
        let years = try await sql.select()
            .columns("county_code", "year")
            .from(SchoolYearsTable.name)
            .groupBy("county_code").groupBy("year")
            .orderBy("county_code").orderBy("year")
            .all()
        // The latest (year, school code) row with a name, per county: what InMemoryStore picks.
        let names = try await sql.raw("""
            SELECT county_code, county_name FROM (
              SELECT county_code, county_name,
                     ROW_NUMBER() OVER (PARTITION BY county_code ORDER BY year DESC, school_code DESC) AS latest
              FROM \(ident: SchoolYearsTable.name) WHERE county_name IS NOT NULL
            ) named WHERE latest = 1
            """).all()
        var nameByCounty: [String: String] = [:]
        for row in names {
            nameByCounty[try row.decode(column: "county_code", as: String.self)] = try row.decode(column: "county_name", as: String.self)
        }
        var summaries: [CountySummary] = []
        for row in years {
            let code = try row.decode(column: "county_code", as: String.self)
            let year = try row.decode(column: "year", as: Int.self)
            if summaries.last?.code == code {
                summaries[summaries.count - 1].years.append(year)
            } else {
                summaries.append(CountySummary(code: code, name: nameByCounty[code], years: [year]))
            }
        }
        return summaries
    }
}
