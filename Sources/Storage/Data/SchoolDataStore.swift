import Domain
import Foundation

/// Where every county's yearly data is kept: the school rows (one per school and year) and
/// the county facts, with the import and the edit that change them — in domain terms.
///
/// Every write is all or nothing: a method that throws has changed nothing. A write refuses
/// a locked (county, year) with ``StoreError/isLocked`` (see ``YearLockStore``), and records
/// who changed what in the audit trail (``AuditTrailStore``) in the same transaction.
///
/// Each county has a data revision (``dataRevision(county:)``) that moves with every write a
/// county's pages show, so a server may keep what it computed from the data until it moves —
/// checked on every request, as another server sharing the database may have written.
///
/// ```swift
/// let receipt = try await store.importData(batch, by: account, at: .now)
/// let rows = try await store.schoolYears(county: "341170", year: 2025)
/// ```
public protocol SchoolDataStore: Sendable {
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

    /// The revision of `county`'s data: 0 until its first write, then larger after every
    /// write that touches the county — an import including any of its years (rows or facts,
    /// or a row moving away from it), an edit that changes a row, a lock or an unlock — in
    /// the write's own transaction. Writes to other counties and refused writes leave it.
    ///
    /// One indexed read, cheap enough to check on every request: what was computed from the
    /// data at revision `r` is current while this still answers `r`.
    func dataRevision(county: String) async throws -> Int64
}
