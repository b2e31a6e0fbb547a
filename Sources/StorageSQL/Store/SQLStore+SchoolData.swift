import Domain
import Foundation
import SQLKit
import Storage

extension SQLStore: SchoolDataStore {
    /// Every county with rows, from one snapshot: its years and the name of its latest named row.
    public func counties() async throws -> [CountySummary] {
        try await snapshot { try await $0.countySummaries() }
    }

    /// One county's rows of a year (the `(county_code, year)` index), by school code.
    public func schoolYears(county: String, year: Int) async throws -> [SchoolYear] {
        try await rows(where: [("county_code", county), ("year", year)], orderedBy: ["school_code"])
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
        try await rows(where: [("year", year), ("school_code", school), ("county_code", county)], orderedBy: []).first
    }

    /// One school's rows, oldest year first.
    public func schoolHistory(county: String, school: String) async throws -> [SchoolYear] {
        try await rows(where: [("county_code", county), ("school_code", school)], orderedBy: ["year"])
    }

    /// The rows whose columns hold the values given (`county_code`, `year`, `school_code`),
    /// in `order`.
    private func rows(
        where equal: [(column: String, value: any Encodable & Sendable)], orderedBy order: [String]
    ) async throws -> [SchoolYear] {
        try await reading { session in
            try await session.schoolYears(where: { select in
                equal.reduce(select) { $0.where(SQLColumn($1.column), .equal, SQLBind($1.value)) }
            }, orderedBy: order)
        }
    }

    /// A year's county facts of `counties` (all when `nil`), by county and item.
    public func facts(year: Int, counties: [String]?) async throws -> [CountyFact] {
        if counties?.isEmpty == true { return [] }
        return try await reading { try await $0.facts(year: year, counties: counties) }
    }

    /// Imports in one exclusive transaction: reads the rows and facts the batch replaces,
    /// works out the changes with ``Storage/ImportChanges`` (so it behaves as every store),
    /// checks the locks, then upserts in multi-row statements and appends the trail.
    public func importData(_ batch: ImportBatch, by account: Account, at time: Date) async throws -> ImportReceipt {
        try await writing { session in
            // Read what the batch replaces, then work out the changes exactly as every store
            // does (ImportChanges); the exclusive transaction keeps both true until commit.
            let storedRows = try await session.storedSchoolYears(keyedLike: batch.schools)
            let storedFacts = try await session.storedFacts(keyedLike: batch.facts)
            let changes = ImportChanges(
                batch: batch, by: account, at: time,
                stored: { storedRows[$0] }, storedFact: { storedFacts[$0] }
            )
            let locked = try await session.lockedCountyYears()
            if let refused = changes.countyYears.first(where: locked.contains) {
                throw StoreError.locked(county: refused.countyCode, year: refused.year)
            }
            try await session.upsertSchoolYears(changes.rows)
            try await session.upsertFacts(changes.facts)
            try await session.appendAudit(changes.audit)
            try await session.bumpRevisions(changes.countyYears.map(\.countyCode))
            return changes.receipt
        }
    }

    /// Replaces one row in an exclusive transaction, checking its lock inside it.
    public func updateSchoolYear(_ row: SchoolYear, by account: Account, at time: Date) async throws -> [FieldChange] {
        try await writing { session in
            let stored = try await session.storedSchoolYears(keyedLike: [row])
            guard let old = stored[RowKey(row)], old.countyCode == row.countyCode else {
                throw StoreError.notFound("school \(row.schoolCode) in \(row.countyCode) \(row.year)")
            }
            if try await session.isLocked(CountyYear(countyCode: row.countyCode, year: row.year)) {
                throw StoreError.locked(county: row.countyCode, year: row.year)
            }
            let changes = row.changes(from: old)
            guard !changes.isEmpty else { return [] }
            try await session.upsertSchoolYears([row])
            try await session.appendAudit(changes.map { AuditEntry(change: $0, action: .edit, row: row, by: account, at: time) })
            try await session.bumpRevisions([row.countyCode])
            return changes
        }
    }

    /// One primary-key read, outside any transaction: what it answers was committed.
    public func dataRevision(county: String) async throws -> Int64 {
        try await reading { try await $0.dataRevision(county: county) }
    }
}
