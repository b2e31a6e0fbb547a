/// One case of the dropout ledger (控辍保学台账): a child at risk of leaving school or out of it,
/// from when the case was opened to when it was closed (销号), with every follow-up visit
/// (劝返: who went, when, and what came of it). Each case is closed on its own: a child
/// back at school (已复学) or struck off for a reason the rules accept (已销号: moved away,
/// reached school-leaving age, died…).
public struct DropoutCase: Sendable, Hashable {
    /// 学籍号 of the child (its register row, when the register has it).
    public var childID: String
    /// 县区代码
    public var countyCode: String
    /// 学校标识码 of the school the child left (or is at risk of leaving); `nil` when never
    /// enrolled.
    public var schoolCode: String?
    /// Where the case stands.
    public var status: DropoutStatus
    /// 发现日期: when the case was opened.
    public var opened: CalendarDate
    /// 销号日期 / 复学日期: when the case was closed; `nil` while it is open.
    public var closed: CalendarDate?
    /// 辍学原因 (free text).
    public var reason: String?
    /// The follow-up visits, in date order.
    public var visits: [FollowUp]

    public init(
        childID: String, countyCode: String, schoolCode: String? = nil, status: DropoutStatus, opened: CalendarDate,
        closed: CalendarDate? = nil, reason: String? = nil, visits: [FollowUp] = []
    ) {
        self.childID = childID
        self.countyCode = countyCode
        self.schoolCode = schoolCode
        self.status = status
        self.opened = opened
        self.closed = closed
        self.reason = reason
        self.visits = visits
    }

    /// Whether the case is closed (已复学 or 已销号).
    public var isClosed: Bool { status.isClosed }
}

/// One visit of a dropout case (劝返走访).
public struct FollowUp: Sendable, Hashable, Codable {
    /// 走访日期
    public var date: CalendarDate
    /// 走访人: who went (a teacher, the head, a village cadre…).
    public var visitor: String
    /// 走访结果 (free text).
    public var outcome: String

    public init(date: CalendarDate, visitor: String, outcome: String) {
        self.date = date
        self.visitor = visitor
        self.outcome = outcome
    }
}

/// 状态 of a dropout case.
public enum DropoutStatus: String, CaseIterable, Sendable, Hashable, Codable {
    /// 疑似辍学: absent without leave, not yet confirmed.
    case suspected
    /// 辍学: out of school, confirmed.
    case droppedOut = "dropped_out"
    /// 劝返中: being persuaded back.
    case persuading
    /// 已复学: back at school — closed.
    case returned
    /// 已销号: struck off for an accepted reason — closed.
    case closed

    public var chineseName: String {
        switch self {
        case .suspected: "疑似辍学"
        case .droppedOut: "辍学"
        case .persuading: "劝返中"
        case .returned: "已复学"
        case .closed: "已销号"
        }
    }

    /// Whether a case in this status is closed.
    public var isClosed: Bool { self == .returned || self == .closed }
}
