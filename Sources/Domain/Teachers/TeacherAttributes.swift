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

/// A graded attribute of a teacher — 最高学历, 职称, 骨干教师级别 — whose cases are numbered
/// lowest first, so that grades compare; each has its Chinese name (the file's value) and
/// its English key, listed once in ``names``.
public protocol TeacherGrade: RawRepresentable<Int>, CaseIterable, Comparable, Sendable, Hashable {
    /// Each case's English key and Chinese name, lowest grade first.
    static var names: [(key: String, chinese: String)] { get }
}

extension TeacherGrade {
    /// 中文名称 (the file's value).
    public var chineseName: String { Self.names[rawValue].chinese }
    /// English key.
    public var key: String { Self.names[rawValue].key }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// 最高学历, lowest first.
public enum Qualification: Int, TeacherGrade {
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

    public static let names: [(key: String, chinese: String)] = [
        ("secondary", "高中及以下"), ("vocational", "中专"), ("associate", "专科"), ("bachelor", "本科"),
        ("postgraduate", "研究生"),
    ]
}

/// 专业技术职务（职称）, lowest first.
public enum Title: Int, TeacherGrade {
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

    public static let names: [(key: String, chinese: String)] = [
        ("none", "未评"), ("junior", "初级"), ("intermediate", "中级"), ("senior", "高级"), ("professor", "正高级"),
    ]
}

/// 骨干教师级别, lowest first.
public enum BackboneLevel: Int, TeacherGrade {
    /// 无
    case none
    /// 县级
    case county
    /// 市级
    case city
    /// 省级
    case province

    public static let names: [(key: String, chinese: String)] = [("none", "无"), ("county", "县级"), ("city", "市级"), ("province", "省级")]
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
