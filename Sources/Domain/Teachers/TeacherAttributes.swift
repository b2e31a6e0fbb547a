import Foundation

/// 任教学科. The subjects of the national curriculum by their official names; anything else a
/// file names is kept as written.
public enum Subject: Sendable, Hashable, Comparable {
    case chinese, mathematics, english, physicalEducation, music, art, science, morality
    case informationTechnology, history, geography, physics, chemistry, biology, comprehensivePractice
    /// Another subject, by the name the file gives.
    case other(String)

    /// The official subjects in curriculum order.
    public static let named: [Subject] = [
        .chinese, .mathematics, .english, .physicalEducation, .music, .art, .science, .morality,
        .informationTechnology, .history, .geography, .physics, .chemistry, .biology, .comprehensivePractice,
    ]

    /// The subject a file's text names: the Chinese name, the English key, or another subject.
    public init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        self = Self.named.first { $0.chineseName == trimmed || $0.key == trimmed.lowercased() } ?? .other(trimmed)
    }

    /// 中文名称
    public var chineseName: String {
        switch self {
        case .chinese: "语文"
        case .mathematics: "数学"
        case .english: "英语"
        case .physicalEducation: "体育"
        case .music: "音乐"
        case .art: "美术"
        case .science: "科学"
        case .morality: "道德与法治"
        case .informationTechnology: "信息科技"
        case .history: "历史"
        case .geography: "地理"
        case .physics: "物理"
        case .chemistry: "化学"
        case .biology: "生物"
        case .comprehensivePractice: "综合实践"
        case let .other(name): name
        }
    }

    /// English key, e.g. `physical_education`.
    public var key: String {
        switch self {
        case .chinese: "chinese"
        case .mathematics: "mathematics"
        case .english: "english"
        case .physicalEducation: "physical_education"
        case .music: "music"
        case .art: "art"
        case .science: "science"
        case .morality: "morality"
        case .informationTechnology: "information_technology"
        case .history: "history"
        case .geography: "geography"
        case .physics: "physics"
        case .chemistry: "chemistry"
        case .biology: "biology"
        case .comprehensivePractice: "comprehensive_practice"
        case let .other(name): name
        }
    }

    /// PE, music or art: the subjects of 体育、艺术（美术、音乐）专任教师.
    public var isPEArt: Bool { self == .physicalEducation || self == .music || self == .art }
}

/// 性别
public enum Gender: String, CaseIterable, Sendable, Hashable {
    case female, male

    /// 女 / 男
    public var chineseName: String { self == .female ? "女" : "男" }
}

/// 最高学历, lowest first.
public enum Qualification: Int, CaseIterable, Sendable, Hashable, Comparable {
    /// 高中及以下
    case secondary
    /// 中专（中师）
    case vocational
    /// 专科
    case associate
    /// 本科
    case bachelor
    /// 研究生
    case postgraduate

    /// 中文名称 (the file's value).
    public var chineseName: String {
        switch self {
        case .secondary: "高中及以下"
        case .vocational: "中专"
        case .associate: "专科"
        case .bachelor: "本科"
        case .postgraduate: "研究生"
        }
    }

    /// English key.
    public var key: String {
        switch self {
        case .secondary: "secondary"
        case .vocational: "vocational"
        case .associate: "associate"
        case .bachelor: "bachelor"
        case .postgraduate: "postgraduate"
        }
    }

    public static func < (a: Qualification, b: Qualification) -> Bool { a.rawValue < b.rawValue }
}

/// 专业技术职务（职称）, lowest first.
public enum Title: Int, CaseIterable, Sendable, Hashable, Comparable {
    /// 未评
    case none
    /// 初级
    case junior
    /// 中级
    case intermediate
    /// 高级
    case senior
    /// 正高级
    case professor

    /// 中文名称 (the file's value).
    public var chineseName: String {
        switch self {
        case .none: "未评"
        case .junior: "初级"
        case .intermediate: "中级"
        case .senior: "高级"
        case .professor: "正高级"
        }
    }

    /// English key.
    public var key: String {
        switch self {
        case .none: "none"
        case .junior: "junior"
        case .intermediate: "intermediate"
        case .senior: "senior"
        case .professor: "professor"
        }
    }

    public static func < (a: Title, b: Title) -> Bool { a.rawValue < b.rawValue }
}

/// 骨干教师级别, lowest first.
public enum BackboneLevel: Int, CaseIterable, Sendable, Hashable, Comparable {
    /// 无
    case none
    /// 县级
    case county
    /// 市级
    case city
    /// 省级
    case province

    /// 中文名称 (the file's value).
    public var chineseName: String {
        switch self {
        case .none: "无"
        case .county: "县级"
        case .city: "市级"
        case .province: "省级"
        }
    }

    /// English key.
    public var key: String {
        switch self {
        case .none: "none"
        case .county: "county"
        case .city: "city"
        case .province: "province"
        }
    }

    public static func < (a: BackboneLevel, b: BackboneLevel) -> Bool { a.rawValue < b.rawValue }
}

/// Why a teacher does not rotate this year (暂缓交流).
public enum Exemption: String, CaseIterable, Sendable, Hashable {
    /// 孕期或哺乳期
    case pregnancy
    /// 患重病
    case illness
    /// 其他经批准的情形
    case other

    /// 中文名称 (the file's value).
    public var chineseName: String {
        switch self {
        case .pregnancy: "孕期哺乳期"
        case .illness: "重病"
        case .other: "其他"
        }
    }
}
