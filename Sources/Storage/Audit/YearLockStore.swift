import Foundation

extension YearLockStore {
    /// Locks a year with no row under review.
    public func lockYear(county: String, year: Int, by account: Account, at time: Date) async throws -> YearLock {
        try await lockYear(county: county, year: year, reason: nil, by: account, at: time)
    }
}

/// Where the locks of counties' years are kept: a locked (county, year) refuses imports and
/// edits of its data (``SchoolDataStore``) until a system administrator lifts the lock.
///
/// Every write is all or nothing, and recorded in the audit trail (``AuditTrailStore``) in
/// the same transaction; a lock or unlock also moves the county's
/// ``SchoolDataStore/dataRevision(county:)``, as its pages show the lock.
public protocol YearLockStore: Sendable {
    /// Locks a county's year: later imports and edits of it are refused. Recorded in the trail,
    /// with `reason` as its note. A year locks only when no school's row is under review
    /// (``ReviewStore``), or with a reason for locking over them (the planner's override).
    ///
    /// - Throws: ``StoreError/isLocked`` when it is locked already; ``StoreError/unreviewedSchools``
    ///   when rows are under review and no reason is given; ``StoreError/isInvalid`` for a reason
    ///   above ``ReviewLimits/reasonCharacters``.
    func lockYear(county: String, year: Int, reason: String?, by account: Account, at time: Date) async throws -> YearLock

    /// Lifts a lock (a system administrator's act). Recorded in the trail.
    ///
    /// - Throws: ``StoreError/isNotFound`` when the year is not locked.
    func unlockYear(county: String, year: Int, by account: Account, at time: Date) async throws

    /// The locks of a county, by year.
    func locks(county: String) async throws -> [YearLock]
}
