import Domain
import Foundation

extension InMemoryStore: ReviewStore {
    public func submissions(county: String, year: Int) -> [RowSubmission] {
        (submissionsByYear[CountyYear(countyCode: county, year: year)] ?? [:]).values.sorted { $0.schoolCode < $1.schoolCode }
    }

    public func saveSubmissions(_ rows: [SchoolYear], by account: Account, at time: Date) throws -> [FieldChange] {
        if let locked = rows.first(where: { yearLocks[CountyYear(countyCode: $0.countyCode, year: $0.year)] != nil }) {
            throw StoreError.locked(county: locked.countyCode, year: locked.year)
        }
        let approved = try rows.map(approvedRow(of:))
        var changes: [FieldChange] = []
        for (row, approved) in zip(rows, approved) {
            let key = CountyYear(countyCode: row.countyCode, year: row.year)
            let previous = submissionsByYear[key]?[row.schoolCode]
            submissionsByYear[key, default: [:]][row.schoolCode] = ReviewStep.saved(row, over: previous, approved: approved, by: account, at: time)
            ReviewStep.saveAudit(of: row, over: previous?.row ?? approved, by: account, at: time).forEach { append($0) }
            changes += approved.map { row.changes(from: $0) } ?? row.reportedFields
        }
        return changes
    }

    public func review(_ step: ReviewStep, county: String, school: String, year: Int, by account: Account, at time: Date) throws -> [FieldChange] {
        let key = CountyYear(countyCode: county, year: year)
        guard let submission = submissionsByYear[key]?[school] else { throw StoreError.notFound("submission of \(school) in \(county) \(year)") }
        if yearLocks[key] != nil { throw StoreError.locked(county: county, year: year) }
        let outcome = try step.outcome(of: submission, approved: try approvedRow(of: submission.row), by: account, at: time)
        submissionsByYear[key]?[school] = outcome.submission
        if let live = outcome.live {
            rows[RowKey(live)] = live
            bumpRevisions([county])
        }
        outcome.audit.forEach { append($0) }
        return outcome.changes
    }

    /// The approved row `row` would replace; refuses a row whose code another county holds that year.
    private func approvedRow(of row: SchoolYear) throws -> SchoolYear? {
        guard let stored = rows[RowKey(row)] else { return nil }
        guard stored.countyCode == row.countyCode else {
            throw StoreError.invalid("school \(row.schoolCode) belongs to county \(stored.countyCode) in \(row.year)")
        }
        return stored
    }
}
