import Domain
import Foundation

/// Where each county's care data are kept (关爱帮扶): its children register by year (儿童登记,
/// ``Domain/Child``), its dropout ledger (控辍保学台账, ``Domain/DropoutCase``) and its junior
/// cohorts (巩固率, ``Domain/CohortRecord``) — what the care pages show and what decides quality
/// items 1 and 2 and government item 15.
///
/// The register is children's personal information (PIPL Art. 28, 31). The store keeps it and
/// records every change; who may see it, masked or not, is the application's
/// (``Account/may(_:)`` with ``Permission/readChildren(county:school:)``), which writes each
/// personal read to the trail through ``recordPersonalRead(_:by:at:)``. The trail names the
/// children changed and the columns, never a personal value.
///
/// Every write is all or nothing, moves the county's data revision (the items are computed
/// from these data) and records its trail entries in the same transaction.
public protocol CareDataStore: Sendable {
    /// The register of `county` in `year`, in child-id order (byte order); empty when none.
    func children(county: String, year: Int) async throws -> [Child]

    /// Makes `children` the register of `county` in `year`: a stored child whose id is not
    /// among them is removed. Returns what changed; nothing is written when nothing did.
    ///
    /// - Throws: ``StoreError/isInvalid`` for a child of another county or year, an empty
    ///   name, a grade outside 1…9, ``StoreError/isDuplicate`` for an id given twice;
    ///   nothing is written then.
    func replaceChildren(county: String, year: Int, children: [Child], by account: Account, at time: Date) async throws -> CareDataChanges

    /// The county's dropout cases, by child id, then opening date; each with its visits in
    /// date order.
    func dropoutCases(county: String) async throws -> [DropoutCase]

    /// Adds or replaces each of `cases` (a case is one child's from one opening date; its
    /// visits replaced with the case's), keeping the other cases. Returns the cases that
    /// changed.
    ///
    /// - Throws: ``StoreError/isInvalid`` for a case of another county, one closed without a
    ///   date or open with one; ``StoreError/isDuplicate`` for a case given twice.
    func saveDropoutCases(county: String, cases: [DropoutCase], by account: Account, at time: Date) async throws -> [DropoutCase]

    /// The county's cohorts, by year, then school code.
    func cohorts(county: String) async throws -> [CohortRecord]

    /// Makes `cohorts` the county's cohorts graduating in `year`.
    ///
    /// - Throws: ``StoreError/isInvalid`` for a cohort of another county or year, or counts
    ///   that leave it below nothing; ``StoreError/isDuplicate`` for a school given twice.
    func replaceCohorts(county: String, year: Int, cohorts: [CohortRecord], by account: Account, at time: Date) async throws -> Int

    /// Records that `account` saw the personal data of `read`'s children (PIPL: every look
    /// recorded).
    func recordPersonalRead(_ read: PersonalRead, by account: Account, at time: Date) async throws
}

/// One look at children's personal data: whose, where, and through what.
public struct PersonalRead: Sendable, Hashable {
    public var county: String
    public var year: Int
    /// The school whose list it was; `nil` for a county-wide list or a case.
    public var school: String?
    /// The child ids shown unmasked.
    public var childIDs: [String]
    /// The page or export (`/counties/341102/care/schools/S1`, `export children.xlsx`).
    public var purpose: String

    public init(county: String, year: Int, school: String?, childIDs: [String], purpose: String) {
        self.county = county
        self.year = year
        self.school = school
        self.childIDs = childIDs
        self.purpose = purpose
    }

    /// The trail's entry: action ``AuditAction/personalRead``, the purpose as the field, the
    /// ids (comma-separated) as the new value, and their count as the note.
    public func auditEntry(by account: Account, at time: Date) -> AuditEntry {
        AuditEntry(id: 0, at: time, accountName: account.name, action: .personalRead, countyCode: county, year: year, schoolCode: school,
                   field: purpose, newValue: childIDs.joined(separator: ","), note: "\(childIDs.count)")
    }
}
