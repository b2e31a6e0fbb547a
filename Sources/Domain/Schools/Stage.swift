/// A school stage (学段). Compulsory education has two: 小学 and 初中; 高中 appears only
/// because combined schools (十二年一贯制, 完全中学) split their facilities with it.
public enum Stage: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable, Hashable, Comparable, Named {
    /// 小学
    case primary
    /// 初中
    case junior
    /// 高中 — never evaluated, only a share of combined schools' facilities.
    case senior

    /// The official Chinese name.
    public var chineseName: String {
        switch self {
        case .primary: "小学"
        case .junior: "初中"
        case .senior: "高中"
        }
    }

    /// The English name used in the English interface.
    public var englishName: String {
        switch self {
        case .primary: "primary"
        case .junior: "junior secondary"
        case .senior: "senior secondary"
        }
    }

    public static func < (lhs: Stage, rhs: Stage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
