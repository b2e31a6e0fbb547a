/// What an account may do (角色).
public enum Role: String, CaseIterable, Sendable, Codable, Hashable {
    /// 系统管理员 — everything, including accounts and lifting locks.
    case admin
    /// 县级规划人员 — every school of their county: read, edit, import, lock a year.
    case planner
    /// 督导人员 — read only, one or several counties; sees the audit trail.
    case supervisor
    /// 学校填报员 — their own school only: read and edit.
    case clerk
    /// 关爱帮扶专员 — the county's care officer (控辍保学、留守儿童关爱; no school: every child of
    /// the county) or a school's care teacher (with a school: its children only). The only
    /// role that sees children's names (PIPL Art. 28: access by need); reads its county's
    /// counts and rates like a supervisor, changes no school data.
    case careOfficer = "care_officer"

    /// The Chinese name shown in the interface.
    public var chineseName: String {
        switch self {
        case .admin: "系统管理员"
        case .planner: "县级规划人员"
        case .supervisor: "督导人员"
        case .clerk: "学校填报员"
        case .careOfficer: "关爱帮扶专员"
        }
    }

    /// The English name shown in the interface.
    public var englishName: String {
        switch self {
        case .admin: "System administrator"
        case .planner: "County planner"
        case .supervisor: "Supervisor"
        case .clerk: "School clerk"
        case .careOfficer: "Care officer"
        }
    }
}
