import Domain
import Foundation

/// One step of the review of a submission (``RowSubmission``), and the rules every store
/// applies to it — the status it needs, the status it leaves, and the trail entries it writes.
public enum ReviewStep: Sendable, Hashable {
    /// The clerk hands the row in (提交审核): from draft or returned.
    case submit
    /// The county sends it back (退回) with a comment per field and one on the row: from submitted.
    case returnRow(comments: [SchoolField: String], note: String?)
    /// The county approves it (审核通过): from submitted; the row goes live.
    case approve

    /// What the step does to `submission`, given the approved row it would replace: the
    /// submission after it (`nil` when it ends), the row to store (approval only), and the trail.
    ///
    /// - Throws: ``StoreError/isInvalid`` when the status does not allow the step, or a
    ///   comment is too long; a return needs at least one comment.
    public func outcome(
        of submission: RowSubmission, approved: SchoolYear?, by account: Account, at time: Date
    ) throws -> (submission: RowSubmission?, live: SchoolYear?, changes: [FieldChange], audit: [AuditEntry]) {
        let row = submission.row
        func entry(_ action: AuditAction, field: String? = nil, note: String? = nil) -> AuditEntry {
            AuditEntry(id: 0, at: time, accountName: account.name, action: action, countyCode: row.countyCode,
                       year: row.year, schoolCode: row.schoolCode, field: field, note: note)
        }
        switch self {
        case .submit:
            guard submission.status != .submitted else { throw StoreError.invalid("school \(row.schoolCode) \(row.year) is submitted already") }
            var next = submission
            next.status = .submitted
            return (next, nil, [], [entry(.submitRow)])
        case .returnRow(let comments, let note):
            guard submission.status == .submitted else { throw StoreError.invalid("school \(row.schoolCode) \(row.year) is not awaiting review") }
            var kept: [SchoolField: String] = [:]
            for (field, comment) in comments {
                if let text = try ReviewLimits.checked(comment, limit: ReviewLimits.commentCharacters, what: "comment on \(field.key)") {
                    kept[field] = text
                }
            }
            let rowNote = try ReviewLimits.checked(note, limit: ReviewLimits.commentCharacters, what: "comment")
            guard !kept.isEmpty || rowNote != nil else { throw StoreError.invalid("a returned row needs a comment") }
            var next = submission
            next.status = .returned
            next.comments = kept
            next.note = rowNote
            next.reviewedBy = account.name
            next.reviewedAt = time
            let fieldEntries = SchoolField.allCases.compactMap { field in kept[field].map { entry(.returnRow, field: field.key, note: $0) } }
            return (next, nil, [], (rowNote.map { [entry(.returnRow, note: $0)] } ?? []) + fieldEntries)
        case .approve:
            guard submission.status == .submitted else { throw StoreError.invalid("school \(row.schoolCode) \(row.year) is not awaiting review") }
            let changes = approved.map { row.changes(from: $0) } ?? row.reportedFields
            let edits = changes.map { AuditEntry(change: $0, action: .edit, row: row, by: account, at: time) }
            return (nil, row, changes, [entry(.approveRow)] + edits)
        }
    }

    /// The trail of a save: each field whose value differs from the last save (or from the
    /// approved row on the first save).
    public static func saveAudit(of row: SchoolYear, over previous: SchoolYear?, by account: Account, at time: Date) -> [AuditEntry] {
        let changes = previous.map { row.changes(from: $0) } ?? row.reportedFields
        return changes.map { AuditEntry(change: $0, action: .draftRow, row: row, by: account, at: time) }
    }

    /// The submission a save leaves: a draft holding `row`, keeping the reviewer's comments —
    /// or none when `row` is the approved row (nothing to review: a form saved as shown, or a
    /// change taken back).
    public static func saved(_ row: SchoolYear, over previous: RowSubmission?, approved: SchoolYear?, by account: Account, at time: Date) -> RowSubmission? {
        guard row != approved else { return nil }
        return RowSubmission(row: row, status: .draft, comments: previous?.comments ?? [:], note: previous?.note,
                      savedBy: account.name, savedAt: time, reviewedBy: previous?.reviewedBy, reviewedAt: previous?.reviewedAt)
    }
}

extension SchoolYear {
    /// Every reported field as a change from nothing — a row new to the store.
    public var reportedFields: [FieldChange] {
        SchoolField.allCases.compactMap { field in value(of: field).map { FieldChange(field: field, old: nil, new: $0) } }
    }
}
