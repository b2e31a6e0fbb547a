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

    /// The Chinese name shown in the interface.
    public var chineseName: String {
        switch self {
        case .admin: "系统管理员"
        case .planner: "县级规划人员"
        case .supervisor: "督导人员"
        case .clerk: "学校填报员"
        }
    }

    /// The English name shown in the interface.
    public var englishName: String {
        switch self {
        case .admin: "System administrator"
        case .planner: "County planner"
        case .supervisor: "Supervisor"
        case .clerk: "School clerk"
        }
    }
}
