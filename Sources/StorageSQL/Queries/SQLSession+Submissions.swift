import Domain
import Foundation
import Storage

/// The `row_submissions` table: the columns of `school_years`, then the review's own.
extension SQLSession {
    private static let reviewColumns = ["status", "comments", "note", "saved_by", "saved_at", "reviewed_by", "reviewed_at"]
    private static var columns: [String] { SchoolYearsTable.columns + reviewColumns }

    /// The submissions of a county's year, by school code.
    func submissions(county: String, year: Int) async throws -> [RowSubmission] {
        let list = Self.columns.map(Self.quoted).joined(separator: ", ")
        let rows = try await direct.run(
            "SELECT \(list) FROM \(Self.quoted(Tables.rowSubmissions)) WHERE county_code = \(flavor.placeholder(1)) AND year = \(flavor.placeholder(2)) ORDER BY school_code",
            [.text(county), .integer(year)])
        return try rows.map(Self.decode)
    }

    /// Stores `submission` over the one of its school and year.
    func upsertSubmission(_ submission: RowSubmission) async throws {
        let comments = Dictionary(uniqueKeysWithValues: submission.comments.map { ($0.key.key, $0.value) })
        let json = String(decoding: try JSONEncoder.sorted.encode(comments), as: UTF8.self)
        let review: [SQLValue] = [
            .text(submission.status.rawValue), .text(json), SQLValue(submission.note), .text(submission.savedBy),
            .double(StoredTime.value(submission.savedAt)), SQLValue(submission.reviewedBy),
            submission.reviewedAt.map { .double(StoredTime.value($0)) } ?? .null,
        ]
        try await insert(into: Tables.rowSubmissions, columns: Self.columns,
                         rows: [SchoolYearsTable.values(of: submission.row) + review], replacingOn: SchoolYearsTable.key)
    }

    /// Ends the submission of `school` in `year`.
    func deleteSubmission(school: String, year: Int) async throws {
        _ = try await direct.run(
            "DELETE FROM \(Self.quoted(Tables.rowSubmissions)) WHERE year = \(flavor.placeholder(1)) AND school_code = \(flavor.placeholder(2))",
            [.integer(year), .text(school)])
    }

    private static func decode(_ values: [SQLValue]) throws -> RowSubmission {
        let split = SchoolYearsTable.columns.count
        guard values.count == split + reviewColumns.count else { throw StoreError.corrupt("\(Tables.rowSubmissions): \(values.count) columns read") }
        let row = try SchoolYearsTable.decode(Array(values[..<split]))
        let review = Array(values[split...])
        func corrupt(_ column: String) -> StoreError { StoreError.corrupt("\(Tables.rowSubmissions) \(row.year) \(row.schoolCode): \(column)") }
        func text(_ value: SQLValue) -> String? { if case .text(let s) = value { s } else { nil } }
        func time(_ value: SQLValue) -> Date? {
            switch value {
            case .double(let x): StoredTime.date(x)
            case .integer(let n): StoredTime.date(Double(n))
            default: nil
            }
        }
        guard let status = text(review[0]).flatMap(RowSubmission.Status.init(rawValue:)) else { throw corrupt("status") }
        guard let json = text(review[1]),
              let keyed = try? JSONDecoder().decode([String: String].self, from: Data(json.utf8)) else { throw corrupt("comments") }
        var comments: [SchoolField: String] = [:]
        for (key, comment) in keyed {
            guard let field = SchoolField(key: key) else { throw corrupt("comments") }
            comments[field] = comment
        }
        guard let savedBy = text(review[3]), let savedAt = time(review[4]) else { throw corrupt("saved") }
        return RowSubmission(row: row, status: status, comments: comments, note: text(review[2]), savedBy: savedBy, savedAt: savedAt,
                             reviewedBy: text(review[5]), reviewedAt: time(review[6]))
    }
}

extension JSONEncoder {
    /// An encoder with sorted keys, so equal values store equal text.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
