/// Which schools take part in the resource-allocation part (资源配置) and the school rule.
/// The national texts leave this to the provinces (official-methods §1.4, §2.6), so every
/// choice is a setting of the standard file.
public struct ScopeRules: Sendable, Hashable, Codable {
    /// How 教学点 are treated.
    public enum TeachingPointRule: String, Sendable, Hashable, Codable {
        /// Left out when smaller than `teachingPointMinStudents` (Hebei's rule, the default);
        /// larger ones are units of their own.
        case excludeSmall = "exclude_small"
        /// Students and resources added to the parent school's primary unit.
        case mergeIntoParent = "merge_into_parent"
        /// Every teaching point is a unit of its own.
        case include
    }

    /// How 教学点 are treated.
    public var teachingPoints: TeachingPointRule
    /// The size under which `exclude_small` leaves a teaching point out (default 50).
    public var teachingPointMinStudents: Int
    /// School types left out of the resource part (default: 特殊教育学校).
    public var excludedTypes: [SchoolType]
    /// Whether 民办 schools are left out (default: no, the national statistics include them).
    public var excludePrivate: Bool

    enum CodingKeys: String, CodingKey {
        case teachingPoints = "teaching_points"
        case teachingPointMinStudents = "teaching_point_min_students"
        case excludedTypes = "excluded_types"
        case excludePrivate = "exclude_private"
    }

    public init(
        teachingPoints: TeachingPointRule = .excludeSmall, teachingPointMinStudents: Int = 50,
        excludedTypes: [SchoolType] = [.special], excludePrivate: Bool = false
    ) {
        self.teachingPoints = teachingPoints
        self.teachingPointMinStudents = teachingPointMinStudents
        self.excludedTypes = excludedTypes
        self.excludePrivate = excludePrivate
    }
}
