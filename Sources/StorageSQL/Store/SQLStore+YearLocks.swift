import Foundation
import Storage

extension SQLStore: YearLockStore {
    /// Records a lock and its trail entry in one exclusive transaction.
    public func lockYear(county: String, year: Int, reason: String?, by account: Account, at time: Date) async throws -> YearLock {
        try await writing { session in
            let key = CountyYear(countyCode: county, year: year)
            if try await session.isLocked(key) { throw StoreError.locked(county: county, year: year) }
            let unreviewed = try await session.submissions(county: county, year: year).count
            let note = try YearLock.check(reason: reason, county: county, year: year, unreviewed: unreviewed)
            let lock = YearLock(countyCode: county, year: year, lockedBy: account.name, lockedAt: time)
            try await session.insertLock(lock)
            try await session.appendAudit([
                AuditEntry(id: 0, at: time, accountName: account.name, action: .lock, countyCode: county, year: year, note: note),
            ])
            try await session.bumpRevisions([county])
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
            try await session.bumpRevisions([county])
        }
    }

    /// A county's locks, by year.
    public func locks(county: String) async throws -> [YearLock] {
        try await reading { try await $0.locks(county: county) }
    }
}
