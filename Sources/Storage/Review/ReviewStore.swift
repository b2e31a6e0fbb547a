import Domain
import Foundation

/// Where the rows under review are kept (``RowSubmission``), one per school and year at most,
/// beside the approved rows of ``SchoolDataStore``. Every step is one transaction, recorded in
/// the audit trail; a locked year refuses every step with ``StoreError/isLocked``. The steps'
/// rules are ``ReviewStep``'s, so every store keeps them alike.
public protocol ReviewStore: Sendable {
    /// The submissions of a county's year, by school code.
    func submissions(county: String, year: Int) async throws -> [RowSubmission]

    /// Saves each of `rows` as its school's submission of its year (a draft again if it was
    /// submitted or returned), all or none; a row equal to the approved one leaves no submission. Returns the fields that differ from the approved
    /// rows (every reported field of a school with no approved row that year). Records each
    /// field changed since the last save.
    ///
    /// - Throws: ``StoreError/isLocked`` when a year is locked; ``StoreError/isInvalid`` for a
    ///   school code another county holds that year.
    func saveSubmissions(_ rows: [SchoolYear], by account: Account, at time: Date) async throws -> [FieldChange]

    /// Takes one review step (submit, return, approve) on a school's submission; an approval
    /// replaces the approved row with the submitted one (recording each changed field) and
    /// ends the submission. Returns the approved row's changes (empty for other steps).
    ///
    /// - Throws: ``StoreError/isNotFound`` without a submission, ``StoreError/isInvalid`` when
    ///   the step does not follow from its status, ``StoreError/isLocked`` when the year is locked.
    func review(_ step: ReviewStep, county: String, school: String, year: Int, by account: Account, at time: Date) async throws -> [FieldChange]
}

extension ReviewStore {
    /// One school's submission of a year, if any.
    public func submission(county: String, school: String, year: Int) async throws -> RowSubmission? {
        try await submissions(county: county, year: year).first { $0.schoolCode == school }
    }
}
