/// The kind of school (办学类型), as in the national statistics.
public enum SchoolType: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable, Hashable {
    /// 小学
    case primary
    /// 初级中学
    case junior
    /// 九年一贯制学校 — primary and junior stages in one school.
    case nineYear = "nine_year"
    /// 十二年一贯制学校 — primary, junior and senior stages.
    case twelveYear = "twelve_year"
    /// 完全中学 — junior and senior stages.
    case completeSecondary = "complete_secondary"
    /// 教学点 — a small primary site that belongs to a parent school.
    case teachingPoint = "teaching_point"
    /// 特殊教育学校
    case special

    /// The official Chinese name (the value written in the 办学类型 column).
    public var chineseName: String {
        switch self {
        case .primary: "小学"
        case .junior: "初级中学"
        case .nineYear: "九年一贯制学校"
        case .twelveYear: "十二年一贯制学校"
        case .completeSecondary: "完全中学"
        case .teachingPoint: "教学点"
        case .special: "特殊教育学校"
        }
    }

    /// The stages whose students a school of this type must report.
    /// Special schools report none: their pupils are outside the stage split.
    public var stages: [Stage] {
        switch self {
        case .primary, .teachingPoint: StageLists.primary
        case .junior: StageLists.junior
        case .nineYear: StageLists.nineYear
        case .twelveYear: StageLists.twelveYear
        case .completeSecondary: StageLists.completeSecondary
        case .special: []
        }
    }

    /// The stages a school of this type can have students in: its required ``stages``, and
    /// for a special school whichever of primary and junior it reports. Facilities are split
    /// over these and units are formed from them.
    public var possibleStages: [Stage] {
        self == .special ? StageLists.nineYear : stages
    }

    /// Whether a school of this type can have students in `stage` (no allocation, for hot paths).
    public func canHave(_ stage: Stage) -> Bool {
        switch (self, stage) {
        case (.primary, .primary), (.teachingPoint, .primary), (.junior, .junior),
             (.nineYear, .primary), (.nineYear, .junior), (.twelveYear, _),
             (.completeSecondary, .junior), (.completeSecondary, .senior),
             (.special, .primary), (.special, .junior):
            true
        default:
            false
        }
    }
}

/// Stage lists made once: evaluation reads them per school in its inner loops.
private enum StageLists {
    static let primary: [Stage] = [.primary]
    static let junior: [Stage] = [.junior]
    static let nineYear: [Stage] = [.primary, .junior]
    static let twelveYear: [Stage] = [.primary, .junior, .senior]
    static let completeSecondary: [Stage] = [.junior, .senior]
}

/// Where a school sits (城乡类型), the grouping of the Theil decomposition.
public enum Locality: String, CaseIterable, Sendable, Codable, Hashable {
    /// 城区
    case urban
    /// 镇区
    case town
    /// 乡村
    case rural

    /// The official Chinese name.
    public var chineseName: String {
        switch self {
        case .urban: "城区"
        case .town: "镇区"
        case .rural: "乡村"
        }
    }

    /// The name in `language`.
    public func name(in language: Language) -> String {
        language == .chinese ? chineseName : rawValue
    }
}

/// Who runs the school (举办者类型).
public enum Ownership: String, CaseIterable, Sendable, Codable, Hashable {
    /// 公办
    case `public`
    /// 民办
    case `private`

    /// The official Chinese name.
    public var chineseName: String {
        switch self {
        case .public: "公办"
        case .private: "民办"
        }
    }
}
