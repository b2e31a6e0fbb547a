import Foundation

/// Where the locks of counties' years are kept: a locked (county, year) refuses imports and
/// edits of its data (``SchoolDataStore``) until a system administrator lifts the lock.
///
/// Every write is all or nothing, and recorded in the audit trail (``AuditTrailStore``) in
/// the same transaction; a lock or unlock also moves the county's
/// ``SchoolDataStore/dataRevision(county:)``, as its pages show the lock.
public protocol YearLockStore: Sendable {
    /// Locks a county's year: later imports and edits of it are refused. Recorded in the trail.
    ///
    /// - Throws: ``StoreError/isLocked`` when it is locked already.
    func lockYear(county: String, year: Int, by account: Account, at time: Date) async throws -> YearLock

    /// Lifts a lock (a system administrator's act). Recorded in the trail.
    ///
    /// - Throws: ``StoreError/isNotFound`` when the year is not locked.
    func unlockYear(county: String, year: Int, by account: Account, at time: Date) async throws

    /// The locks of a county, by year.
    func locks(county: String) async throws -> [YearLock]
}
