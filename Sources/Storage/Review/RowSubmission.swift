import Domain
import Foundation

/// A school's row of a year as its clerk filled it in (学校填报), waiting for the county's
/// review (县级审核). The stored `school_years` row is the approved one — what every evaluation
/// reads — and stays as it was until the county approves the submission; so a clerk's save never
/// goes live by itself.
///
/// The life of a submission:
///
/// ```
/// clerk saves ─▶ draft (填报中) ─ clerk submits ─▶ submitted (待审核) ─ county approves ─▶ (the row goes live; the submission ends)
///                   ▲                                     │
///                   └──── clerk saves ◀── returned (已退回, a comment per field) ◀─ county returns
/// ```
public struct RowSubmission: Sendable, Hashable {
    /// Where a submission stands.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// 填报中: saved by the clerk, not yet handed in.
        case draft
        /// 待审核: handed in; the county reviews it.
        case submitted
        /// 已退回: the county sent it back with comments; the clerk corrects and submits again.
        case returned

        public var chineseName: String {
            switch self {
            case .draft: "填报中"
            case .submitted: "待审核"
            case .returned: "已退回"
            }
        }

        public var englishName: String {
            switch self {
            case .draft: "draft"
            case .submitted: "awaiting review"
            case .returned: "returned"
            }
        }
    }

    /// The row as the clerk filled it in.
    public var row: SchoolYear
    public var status: Status
    /// The reviewer's comment on each field returned (退回意见), kept until the next review so
    /// the clerk sees what to correct.
    public var comments: [SchoolField: String]
    /// The reviewer's comment on the row as a whole.
    public var note: String?
    /// Who saved it last, and when.
    public var savedBy: String
    public var savedAt: Date
    /// Who returned it last, and when.
    public var reviewedBy: String?
    public var reviewedAt: Date?

    public init(row: SchoolYear, status: Status, comments: [SchoolField: String] = [:], note: String? = nil,
                savedBy: String, savedAt: Date, reviewedBy: String? = nil, reviewedAt: Date? = nil) {
        self.row = row
        self.status = status
        self.comments = comments
        self.note = note
        self.savedBy = savedBy
        self.savedAt = savedAt
        self.reviewedBy = reviewedBy
        self.reviewedAt = reviewedAt
    }

    /// The county, school and year it is for.
    public var countyCode: String { row.countyCode }
    public var schoolCode: String { row.schoolCode }
    public var year: Int { row.year }

    /// Whether the county has it to review.
    public var awaitsReview: Bool { status == .submitted }
}

/// The most a reviewer's comment may hold, so a trail entry and a page stay readable.
public enum ReviewLimits {
    /// Characters of one comment or note.
    public static let commentCharacters = 500
    /// Characters of the reason for locking a year with rows still under review.
    public static let reasonCharacters = 500

    /// `text` trimmed, `nil` when empty.
    ///
    /// - Throws: ``StoreError/isInvalid`` above `limit` characters or with control characters.
    public static func checked(_ text: String?, limit: Int, what: String) throws -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        guard trimmed.count <= limit else { throw StoreError.invalid("\(what) longer than \(limit) characters") }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) else {
            throw StoreError.invalid("\(what) holds a control character")
        }
        return trimmed
    }
}
