import Domain
import Foundation
import Storage

extension SQLStore: ReviewStore {
    public func submissions(county: String, year: Int) async throws -> [RowSubmission] {
        try await reading { try await $0.submissions(county: county, year: year) }
    }

    /// Saves in one exclusive transaction, checking the lock and the approved row inside it.
    public func saveSubmissions(_ rows: [SchoolYear], by account: Account, at time: Date) async throws -> [FieldChange] {
        try await writing { session in
            let locked = try await session.lockedCountyYears()
            if let refused = rows.first(where: { locked.contains(CountyYear(countyCode: $0.countyCode, year: $0.year)) }) {
                throw StoreError.locked(county: refused.countyCode, year: refused.year)
            }
            var changes: [FieldChange] = []
            for row in rows {
                let approved = try await session.approvedRow(of: row)
                let previous = try await session.submissions(county: row.countyCode, year: row.year).first { $0.schoolCode == row.schoolCode }
                if let next = ReviewStep.saved(row, over: previous, approved: approved, by: account, at: time) {
                    try await session.upsertSubmission(next)
                } else if previous != nil {
                    try await session.deleteSubmission(school: row.schoolCode, year: row.year)
                }
                try await session.appendAudit(ReviewStep.saveAudit(of: row, over: previous?.row ?? approved, by: account, at: time))
                changes += approved.map { row.changes(from: $0) } ?? row.reportedFields
            }
            return changes
        }
    }

    /// Takes the step in one exclusive transaction; an approval writes the row and ends the submission there.
    public func review(_ step: ReviewStep, county: String, school: String, year: Int, by account: Account, at time: Date) async throws -> [FieldChange] {
        try await writing { session in
            guard let submission = try await session.submissions(county: county, year: year).first(where: { $0.schoolCode == school }) else {
                throw StoreError.notFound("submission of \(school) in \(county) \(year)")
            }
            if try await session.isLocked(CountyYear(countyCode: county, year: year)) { throw StoreError.locked(county: county, year: year) }
            let outcome = try step.outcome(of: submission, approved: try await session.approvedRow(of: submission.row), by: account, at: time)
            if let next = outcome.submission {
                try await session.upsertSubmission(next)
            } else {
                try await session.deleteSubmission(school: school, year: year)
            }
            if let live = outcome.live {
                try await session.upsertSchoolYears([live])
                try await session.bumpRevisions([county])
            }
            try await session.appendAudit(outcome.audit)
            return outcome.changes
        }
    }
}

extension SQLSession {
    /// The approved row `row` would replace; refuses a row whose code another county holds that year.
    func approvedRow(of row: SchoolYear) async throws -> SchoolYear? {
        guard let stored = try await storedSchoolYears(keyedLike: [row])[RowKey(row)] else { return nil }
        guard stored.countyCode == row.countyCode else {
            throw StoreError.invalid("school \(row.schoolCode) belongs to county \(stored.countyCode) in \(row.year)")
        }
        return stored
    }
}
