import Domain
import Foundation
import Storage

extension SQLStore {
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
            return changes
        }
    }

    /// Records a lock and its trail entry in one exclusive transaction.
    public func lockYear(county: String, year: Int, by account: Account, at time: Date) async throws -> YearLock {
        try await writing { session in
            let key = CountyYear(countyCode: county, year: year)
            if try await session.isLocked(key) { throw StoreError.locked(county: county, year: year) }
            let lock = YearLock(countyCode: county, year: year, lockedBy: account.name, lockedAt: time)
            try await session.insertLock(lock)
            try await session.appendAudit([
                AuditEntry(id: 0, at: time, accountName: account.name, action: .lock, countyCode: county, year: year),
            ])
            return lock
        }
    }

    /// Removes a lock and records it in one exclusive transaction.
    public func unlockYear(county: String, year: Int, by account: Account, at time: Date) async throws {
        try await writing { session in
            guard try await session.deleteLock(CountyYear(countyCode: county, year: year)) else {
                throw StoreError.notFound("lock of \(county) \(year)")
            }
            try await session.appendAudit([
                AuditEntry(id: 0, at: time, accountName: account.name, action: .unlock, countyCode: county, year: year),
            ])
        }
    }

    /// A county's locks, by year.
    public func locks(county: String) async throws -> [YearLock] {
        try await reading { try await $0.locks(county: county) }
    }

    /// A page of the trail, newest first, and the total, read from one snapshot.
    public func auditTrail(_ query: AuditQuery) async throws -> AuditPage {
        if query.counties?.isEmpty == true { return AuditPage(entries: [], total: 0) }
        // One snapshot, so the total counts the entries the page was cut from.
        return try await snapshot { session in
            AuditPage(entries: try await session.auditEntries(query), total: try await session.auditCount(query))
        }
    }
}
