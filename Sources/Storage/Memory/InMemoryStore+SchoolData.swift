import Domain
import Foundation

extension InMemoryStore: SchoolDataStore {
    public func counties() -> [CountySummary] {
        let byCounty = Dictionary(grouping: rows.values, by: \.countyCode)
        return byCounty.keys.sorted().map { code in
            let countyRows = byCounty[code]!
            let name = countyRows.filter { $0.countyName != nil }
                .max { ($0.year, $0.schoolCode) < ($1.year, $1.schoolCode) }?.countyName
            return CountySummary(code: code, name: name, years: Set(countyRows.map(\.year)).sorted())
        }
    }

    public func schoolYears(county: String, year: Int) -> [SchoolYear] {
        rows.values.filter { $0.countyCode == county && $0.year == year }.sorted { $0.schoolCode < $1.schoolCode }
    }

    public func schoolYears(year: Int, counties: [String]?) -> [SchoolYear] {
        Self.of(rows.values, year: year, counties: counties, \.year, \.countyCode)
            .sorted { ($0.countyCode, $0.schoolCode) < ($1.countyCode, $1.schoolCode) }
    }

    public func schoolYear(county: String, school: String, year: Int) -> SchoolYear? {
        rows[RowKey(year: year, schoolCode: school)].flatMap { $0.countyCode == county ? $0 : nil }
    }

    public func schoolHistory(county: String, school: String) -> [SchoolYear] {
        rows.values.filter { $0.countyCode == county && $0.schoolCode == school }.sorted { $0.year < $1.year }
    }

    public func facts(year: Int, counties: [String]?) -> [CountyFact] {
        Self.of(factValues.values, year: year, counties: counties, \.year, \.countyCode)
            .sorted { ($0.countyCode, $0.item) < ($1.countyCode, $1.item) }
    }

    /// The `values` of `year` in `counties` (all when `nil`), as a year's rows and facts are asked for.
    private static func of<Value>(
        _ values: some Sequence<Value>, year: Int, counties: [String]?, _ yearOf: KeyPath<Value, Int>, _ countyOf: KeyPath<Value, String>
    ) -> [Value] {
        let wanted = counties.map(Set.init)
        return values.filter { $0[keyPath: yearOf] == year && (wanted?.contains($0[keyPath: countyOf]) ?? true) }
    }

    public func importData(_ batch: ImportBatch, by account: Account, at time: Date) throws -> ImportReceipt {
        let changes = ImportChanges(
            batch: batch, by: account, at: time,
            stored: { rows[$0] }, storedFact: { factValues[$0] }
        )
        if let locked = changes.countyYears.first(where: { yearLocks[$0] != nil }) {
            throw StoreError.locked(county: locked.countyCode, year: locked.year)
        }
        for row in changes.rows { rows[RowKey(row)] = row }
        for fact in changes.facts { factValues[FactKey(fact)] = fact }
        changes.audit.forEach { append($0) }
        bumpRevisions(changes.countyYears.map(\.countyCode))
        return changes.receipt
    }

    public func updateSchoolYear(_ row: SchoolYear, by account: Account, at time: Date) throws -> [FieldChange] {
        let key = RowKey(row)
        guard let old = rows[key], old.countyCode == row.countyCode else {
            throw StoreError.notFound("school \(row.schoolCode) in \(row.countyCode) \(row.year)")
        }
        if yearLocks[CountyYear(countyCode: row.countyCode, year: row.year)] != nil {
            throw StoreError.locked(county: row.countyCode, year: row.year)
        }
        let changes = row.changes(from: old)
        guard !changes.isEmpty else { return [] }
        rows[key] = row
        for change in changes { append(AuditEntry(change: change, action: .edit, row: row, by: account, at: time)) }
        bumpRevisions([row.countyCode])
        return changes
    }

    public func dataRevision(county: String) -> Int64 { revisions[county] ?? 0 }
}
