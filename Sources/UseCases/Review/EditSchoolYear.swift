import Domain
import Foundation
import Interchange
import Storage

/// An edit of one school's row of a year (the school page's form and the API's PATCH): the
/// typed values applied under the file rules (``SchoolEdit``), then either stored at once — the
/// county's own edit — or, for a school clerk, saved as the school's submission for the
/// county's review (填报, ``ReviewStore``), leaving the approved row as it is.
///
/// ```swift
/// let outcome = try await EditSchoolYear(store: store, language: .chinese)
///     .run(["teaching_area": "5300"], county: "341170", school: "3411700001", year: 2025, by: clerk, at: .now)
/// outcome.forReview   // true: it counts once the county approves it
/// ```
public struct EditSchoolYear: Sendable {
    public var store: any Store
    public var language: Language

    public init(store: any Store, language: Language) {
        self.store = store
        self.language = language
    }

    /// What an edit did.
    public struct Outcome: Sendable {
        /// The fields changed — against the approved row for an edit saved for review.
        public var changes: [FieldChange]
        /// Whether it waits for the county's review.
        public var forReview: Bool
    }

    /// The row `account` edits: a clerk's own submission when there is one, else the approved row.
    public func base(county: String, school: String, year: Int, for account: Account) async throws -> SchoolYear? {
        if account.submitsForReview(county: county), let submission = try await store.submission(county: county, school: school, year: year) {
            return submission.row
        }
        return try await store.schoolYear(county: county, school: school, year: year)
    }

    /// Applies `values` (by field, as typed; empty: not reported) to the row and stores it.
    /// The caller has authorised ``Permission/editSchool(county:school:)``.
    ///
    /// - Throws: ``StoreError/isNotFound`` without the row, ``StoreError/isLocked`` when the
    ///   year is locked (checked before the values are read), `DataFileError` naming every
    ///   refused value (nothing is saved then).
    public func run(_ values: [SchoolField: String], county: String, school: String, year: Int,
                    by account: Account, at time: Date) async throws -> Outcome {
        guard let row = try await base(county: county, school: school, year: year, for: account) else {
            throw StoreError.notFound("school \(school) in \(county) \(year)")
        }
        if try await store.locks(county: county).contains(where: { $0.year == year }) {
            throw StoreError.locked(county: county, year: year)
        }
        let edited = try SchoolEdit(language: language).apply(
            values, to: row, companions: try await companions(of: row, typed: values),
            mayClassify: account.may(.classifySchools(county: county)))
        if account.submitsForReview(county: county) {
            return Outcome(changes: try await store.saveSubmissions([edited], by: account, at: time), forReview: true)
        }
        return Outcome(changes: try await store.updateSchoolYear(edited, by: account, at: time), forReview: false)
    }

    /// The rows the cross-row rules need: a 教学点's parent school (as typed, else as stored).
    private func companions(of row: SchoolYear, typed: [SchoolField: String]) async throws -> [SchoolYear] {
        let typedParent = typed[.parentSchoolCode]?.trimmingCharacters(in: .whitespaces)
        guard let parent = typedParent.flatMap({ $0.isEmpty ? nil : $0 }) ?? row.parentSchoolCode, parent != row.schoolCode,
              let parentRow = try await store.schoolYear(county: row.countyCode, school: parent, year: row.year)
        else { return [] }
        return [parentRow]
    }
}
