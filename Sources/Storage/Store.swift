import Domain
import Foundation

/// Where Junheng keeps every county's yearly data, the accounts, the sessions and the audit
/// trail — in domain terms. Implementations: ``InMemoryStore`` (tests), and the SQL store
/// over SQLite or PostgreSQL (StorageSQL). One contract test suite runs against all of them.
///
/// Every write is all or nothing: a method that throws has changed nothing. Writes that touch
/// a school's data refuse a locked (county, year) with ``StoreError/isLocked``, and record who
/// changed what in the audit trail in the same transaction. The trail can only grow: no
/// method changes or deletes an entry, and the SQL store's triggers refuse it too.
///
/// The store does not authorise: callers check ``Account/may(_:)`` first. It never computes
/// indicators either; it keeps Domain values.
public protocol Store: Sendable {
    // MARK: School data

    /// Every county with data: code, name and the years it has.
    func counties() async throws -> [CountySummary]

    /// The rows of one county and year, ordered by school code.
    func schoolYears(county: String, year: Int) async throws -> [SchoolYear]

    /// The rows of a year for `counties` (all counties when `nil`), ordered by county and school code.
    func schoolYears(year: Int, counties: [String]?) async throws -> [SchoolYear]

    /// One school's row in one year.
    func schoolYear(county: String, school: String, year: Int) async throws -> SchoolYear?

    /// One school's rows in every year, oldest first.
    func schoolHistory(county: String, school: String) async throws -> [SchoolYear]

    /// The recorded county facts of a year for `counties` (all when `nil`), ordered by county and item.
    func facts(year: Int, counties: [String]?) async throws -> [CountyFact]

    /// Imports rows and facts in one transaction. A row replaces the stored row of the same
    /// year and school code (its other years stay); a fact replaces the same county, year
    /// and item. Every changed field of a replaced row, every added row and the file itself
    /// are recorded in the audit trail.
    ///
    /// - Throws: ``StoreError/isLocked`` when any (county, year) of the batch is locked;
    ///   nothing is written then.
    func importData(_ batch: ImportBatch, by account: Account, at time: Date) async throws -> ImportReceipt

    /// Replaces one stored row with `row` (same year, county and school code) and records
    /// each changed field. Returns the changes (empty when nothing changed).
    ///
    /// - Throws: ``StoreError/isNotFound`` when the row does not exist,
    ///   ``StoreError/isLocked`` when its year is locked.
    func updateSchoolYear(_ row: SchoolYear, by account: Account, at time: Date) async throws -> [FieldChange]

    // MARK: Locks

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

    // MARK: Audit trail

    /// Entries matching `query`, newest first, and how many match in all.
    func auditTrail(_ query: AuditQuery) async throws -> AuditPage

    // MARK: Accounts

    /// Adds an account.
    ///
    /// - Throws: ``StoreError/isDuplicate`` when the name is taken.
    func createAccount(_ account: NewAccount, at time: Date) async throws -> Account

    /// The account called `name`.
    func account(named name: String) async throws -> Account?

    /// The account with `id`.
    func account(id: Int64) async throws -> Account?

    /// Every account, by name.
    func accounts() async throws -> [Account]

    /// Replaces an account's password hash.
    ///
    /// - Throws: ``StoreError/isNotFound`` when there is no such account.
    func setPasswordHash(_ hash: String, accountID: Int64) async throws

    // MARK: Sessions

    /// Keeps a new session.
    func createSession(_ session: SessionRecord) async throws

    /// The session whose token hashes to `tokenHash`, if it exists (expired or not).
    func session(tokenHash: String) async throws -> SessionRecord?

    /// Ends a session.
    func deleteSession(tokenHash: String) async throws

    /// Removes sessions that expired before `time`; returns how many.
    @discardableResult
    func deleteSessions(expiredBefore time: Date) async throws -> Int
}
