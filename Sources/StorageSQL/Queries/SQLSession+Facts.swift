import Domain
import SQLKit
import Storage

extension SQLSession {
    /// The facts of `year` for `counties` (all when `nil`), ordered by county and item.
    func facts(year: Int, counties: [String]?) async throws -> [CountyFact] {
        var select = sql.select().columns(Tables.factColumns).from(Tables.countyFacts)
            .where(SQLColumn("year"), .equal, SQLBind(year))
        if let counties { select = select.where(SQLColumn("county_code"), .in, SQLBind.group(counties)) }
        return try await select.orderBy("county_code").orderBy("item").all().map(Self.decodeFact)
    }

    /// The stored facts with the keys of `facts`, by key.
    func storedFacts(keyedLike facts: [CountyFact]) async throws -> [FactKey: CountyFact] {
        var stored: [FactKey: CountyFact] = [:]
        let countiesByYear = Dictionary(grouping: facts, by: \.year).mapValues { Array(Set($0.map(\.countyCode))).sorted() }
        for (year, counties) in countiesByYear {
            for start in stride(from: 0, to: counties.count, by: valuesPerList) {
                let chunk = Array(counties[start..<min(start + valuesPerList, counties.count)])
                for fact in try await self.facts(year: year, counties: chunk) { stored[FactKey(fact)] = fact }
            }
        }
        return stored
    }

    /// Writes `facts`, each replacing the stored fact of its county, year and item.
    func upsertFacts(_ facts: [CountyFact]) async throws {
        let rows: [[SQLValue]] = facts.map { fact in
            [
                .integer(fact.year), .text(fact.countyCode), .text(fact.item),
                SQLValue(fact.value.bool.map { $0 ? "yes" : "no" }), fact.value.number.map(SQLValue.double) ?? .null,
                SQLValue(fact.evidence),
            ]
        }
        try await insert(into: Tables.countyFacts, columns: Tables.factColumns, rows: rows, replacingOn: Tables.factKey)
    }

    private static func decodeFact(_ row: any SQLRow) throws -> CountyFact {
        let year = try row.decode(column: "year", as: Int.self)
        let county = try row.decode(column: "county_code", as: String.self)
        let item = try row.decode(column: "item", as: String.self)
        let value: CountyFact.Value
        switch (try row.optional("answer", as: String.self), try row.optional("number", as: Double.self)) {
        case ("yes"?, nil): value = .yes
        case ("no"?, nil): value = .no
        case (nil, let number?): value = .number(number)
        case let (answer, number):
            throw StoreError.corrupt("\(Tables.countyFacts) \(county) \(year) \(item): answer \(answer ?? "NULL"), number \(number.map { "\($0)" } ?? "NULL")")
        }
        return CountyFact(year: year, countyCode: county, item: item, value: value,
                          evidence: try row.optional("evidence", as: String.self))
    }
}
