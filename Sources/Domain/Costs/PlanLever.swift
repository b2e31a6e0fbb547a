/// How a plan closes a gap (措施). Teacher indicators are closed the way bureaus close them,
/// in this order: first by moving teachers (交流轮岗, no purchase), then by training and
/// designating the school's own teachers as backbone teachers (骨干教师培养认定, a one-off
/// cost per teacher), and only then by new posts (新增岗位), whose salary recurs every year.
/// Facilities are bought (购置), once.
///
/// | resource | lever when bought | cost |
/// |---|---|---|
/// | backbone teachers 县级以上骨干教师 | ``training`` | once per teacher trained |
/// | qualified, PE/art, senior-title and all teachers | ``post`` | a salary every year |
/// | area, equipment, rooms, computers, books | ``purchase`` | once |
///
/// ``rotation`` is never bought: it is the rotation plan's moves, at no purchase cost.
public enum PlanLever: String, CaseIterable, Sendable, Hashable, Codable {
    /// 交流轮岗: teachers swapped between schools by the rotation plan.
    case rotation
    /// 培养认定: a school's own teacher trained and designated a county-level backbone teacher.
    case training
    /// 新增岗位: a new post (编制) filled, paid every year from the year it is filled.
    case post
    /// 购置: building, equipment, rooms, computers and books, paid once.
    case purchase

    /// The lever that buys `resource` when moving teachers is not enough.
    public static func bought(_ resource: Resource) -> PlanLever {
        switch resource {
        case .backboneTeachers: .training
        case .teachers, .qualifiedTeachers, .peArtTeachers, .seniorTitleTeachers: .post
        case .teachingArea, .sportsArea, .equipmentValue, .multimediaRooms, .computers, .books: .purchase
        }
    }

    /// Whether what the lever costs recurs every year (a post's salary).
    public var recurs: Bool { self == .post }

    /// Whether the lever adds a teacher to the stage's full-time teachers (专任教师): only a new
    /// post does; a moved teacher replaces the one swapped away, a trained one was there.
    public var addsTeachers: Bool { self == .post }
}

extension PlanLever: Named {
    /// 交流轮岗, 培养认定, 新增岗位, 购置.
    public var chineseName: String {
        switch self {
        case .rotation: "交流轮岗"
        case .training: "培养认定"
        case .post: "新增岗位"
        case .purchase: "购置"
        }
    }

    public var englishName: String {
        switch self {
        case .rotation: "rotation"
        case .training: "training"
        case .post: "new post"
        case .purchase: "purchase"
        }
    }
}
