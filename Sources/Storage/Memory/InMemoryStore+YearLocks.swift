import Foundation

extension InMemoryStore: YearLockStore {
    public func lockYear(county: String, year: Int, reason: String?, by account: Account, at time: Date) throws -> YearLock {
        let key = CountyYear(countyCode: county, year: year)
        guard yearLocks[key] == nil else { throw StoreError.locked(county: county, year: year) }
        let note = try YearLock.check(reason: reason, county: county, year: year, unreviewed: submissionsByYear[key]?.count ?? 0)
        let lock = YearLock(countyCode: county, year: year, lockedBy: account.name, lockedAt: time)
        yearLocks[key] = lock
        append(AuditEntry(id: 0, at: time, accountName: account.name, action: .lock, countyCode: county, year: year, note: note))
        bumpRevisions([county])
        return lock
    }

    public func unlockYear(county: String, year: Int, by account: Account, at time: Date) throws {
        guard yearLocks.removeValue(forKey: CountyYear(countyCode: county, year: year)) != nil else {
            throw StoreError.notFound("lock of \(county) \(year)")
        }
        append(AuditEntry(id: 0, at: time, accountName: account.name, action: .unlock, countyCode: county, year: year))
        bumpRevisions([county])
    }

    public func locks(county: String) -> [YearLock] {
        yearLocks.values.filter { $0.countyCode == county }.sorted { $0.year < $1.year }
    }
}
