import Domain
import Foundation

/// One item of a county's remediation ledger (整改台账, 002 篇5: 明确整改项、责任人 … 制定时间表、
/// 路线图 … 加强跟踪督查督办): what is to be put right, who owns it (责任单位/责任人), by when,
/// where it stands, the progress notes and the evidence that it was done.
///
/// An item usually comes from a gap of an evaluation (``Domain/EvaluationGap``), keeping its
/// key, so a later evaluation tells whether the gap is gone; it may also be written by hand.
public struct LedgerItem: Sendable, Hashable, Identifiable {
    /// 整改状态.
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        /// 未开始
        case notStarted = "not_started"
        /// 进行中
        case inProgress = "in_progress"
        /// 已完成: the owner says it is done, with evidence.
        case completed
        /// 已核验: the supervisor checked it; the item is closed (销号).
        case verified

        public var chineseName: String {
            switch self {
            case .notStarted: "未开始"
            case .inProgress: "进行中"
            case .completed: "已完成"
            case .verified: "已核验"
            }
        }

        public var englishName: String {
            switch self {
            case .notStarted: "not started"
            case .inProgress: "in progress"
            case .completed: "completed"
            case .verified: "verified"
            }
        }

        /// The status for `text`: its key, Chinese or English name.
        public init?(text: String) {
            let t = text.trimmingCharacters(in: .whitespaces)
            guard let status = Self.allCases.first(where: { $0.rawValue == t || $0.chineseName == t || $0.englishName == t }) else { return nil }
            self = status
        }
    }

    public var id: Int64
    /// 县区代码
    public var countyCode: String
    /// The evaluation year the gap was found in.
    public var year: Int
    /// The gap's key (``Domain/EvaluationGap/key``), when the item came from one.
    public var gapKey: String?
    /// The school it concerns, if one.
    public var schoolCode: String?
    /// 整改事项: what is to be done.
    public var title: String
    /// 责任单位/责任人.
    public var owner: String
    /// 完成时限.
    public var due: CalendarDate
    public var status: Status
    public var createdBy: String
    public var createdAt: Date
    /// The progress notes (进展情况), oldest first.
    public var notes: [LedgerNote]
    /// The evidence files (佐证材料), oldest first; their bytes are read one by one.
    public var evidence: [EvidenceFile]

    public init(id: Int64, countyCode: String, year: Int, gapKey: String?, schoolCode: String?, title: String, owner: String,
                due: CalendarDate, status: Status, createdBy: String, createdAt: Date, notes: [LedgerNote] = [], evidence: [EvidenceFile] = []) {
        self.id = id
        self.countyCode = countyCode
        self.year = year
        self.gapKey = gapKey
        self.schoolCode = schoolCode
        self.title = title
        self.owner = owner
        self.due = due
        self.status = status
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.notes = notes
        self.evidence = evidence
    }

    /// Whether it is past its due date on `today` and not done (逾期).
    public func isOverdue(on today: CalendarDate) -> Bool {
        due < today && (status == .notStarted || status == .inProgress)
    }
}

/// A progress note (进展情况) on a ledger item: who wrote it, when, and the status it set, if any.
public struct LedgerNote: Sendable, Hashable, Codable {
    public var at: Date
    public var accountName: String
    public var text: String
    public var status: LedgerItem.Status?

    public init(at: Date, accountName: String, text: String, status: LedgerItem.Status?) {
        self.at = at
        self.accountName = accountName
        self.text = text
        self.status = status
    }
}

/// An evidence file (佐证材料) attached to a ledger item, without its bytes.
public struct EvidenceFile: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var itemID: Int64
    /// The file's name as uploaded (control characters removed).
    public var fileName: String
    /// Its checked type (``EvidenceKind``).
    public var kind: EvidenceKind
    public var size: Int
    /// SHA-256 of the bytes, hex: what a supervisor compares with the copy they were sent.
    public var sha256: String
    public var uploadedBy: String
    public var uploadedAt: Date

    public init(id: Int64, itemID: Int64, fileName: String, kind: EvidenceKind, size: Int, sha256: String, uploadedBy: String, uploadedAt: Date) {
        self.id = id
        self.itemID = itemID
        self.fileName = fileName
        self.kind = kind
        self.size = size
        self.sha256 = sha256
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }
}

/// A new ledger item, as the planner writes it.
public struct NewLedgerItem: Sendable, Hashable {
    public var countyCode: String
    public var year: Int
    public var gapKey: String?
    public var schoolCode: String?
    public var title: String
    public var owner: String
    public var due: CalendarDate

    public init(countyCode: String, year: Int, gapKey: String? = nil, schoolCode: String? = nil, title: String, owner: String, due: CalendarDate) {
        self.countyCode = countyCode
        self.year = year
        self.gapKey = gapKey
        self.schoolCode = schoolCode
        self.title = title
        self.owner = owner
        self.due = due
    }
}

/// A change to a ledger item: any of a new status, owner and due date, and a progress note.
public struct LedgerUpdate: Sendable, Hashable {
    public var status: LedgerItem.Status?
    public var owner: String?
    public var due: CalendarDate?
    public var note: String?

    public init(status: LedgerItem.Status? = nil, owner: String? = nil, due: CalendarDate? = nil, note: String? = nil) {
        self.status = status
        self.owner = owner
        self.due = due
        self.note = note
    }
}
