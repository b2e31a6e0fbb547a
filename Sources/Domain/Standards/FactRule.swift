/// A county-level item that is not computed from school rows but recorded with evidence
/// (县级事实): the 2017 method's 15 government-guarantee items (政府保障程度), 9 quality items
/// (教育质量), social recognition (社会认可度) and one-vote vetoes (一票否决); the 2012
/// method's school-standard precondition, government-effort score and satisfaction.
public struct FactRule: Sendable, Hashable, Codable, Named {
    /// The part of the evaluation an item belongs to.
    public enum Part: String, Sendable, Hashable, Codable, CaseIterable, Named {
        /// 办学基本标准 (2012 precondition)
        case precondition
        /// 政府保障程度 / 县级人民政府推进工作
        case government
        /// 教育质量
        case quality
        /// 社会认可度 / 公众满意度
        case recognition
        /// 一票否决
        case veto

        /// The part's Chinese name.
        public var chineseName: String {
            switch self {
            case .precondition: "办学基本标准"
            case .government: "政府保障程度"
            case .quality: "教育质量"
            case .recognition: "社会认可度"
            case .veto: "一票否决"
            }
        }

        /// The part's English name.
        public var englishName: String {
            switch self {
            case .precondition: "school standard precondition"
            case .government: "government guarantee"
            case .quality: "education quality"
            case .recognition: "social recognition"
            case .veto: "one-vote veto"
            }
        }
    }

    /// How a recorded value is judged.
    public enum Check: Sendable, Hashable {
        /// The value must be 是 (yes).
        case mustBeTrue
        /// A true value (是) vetoes certification.
        case vetoWhenTrue
        /// The numeric value compared with a bound.
        case compare(Comparison, Double)
    }

    /// A numeric comparison, written in the file as `>=`, `>`, `<=`, `<` or `==`.
    public enum Comparison: String, Sendable, Hashable, Codable {
        case atLeast = ">="
        case above = ">"
        case atMost = "<="
        case below = "<"
        case equal = "=="

        /// Whether `value` satisfies the comparison with `bound`.
        public func holds(_ value: Double, _ bound: Double) -> Bool {
            switch self {
            case .atLeast: value >= bound
            case .above: value > bound
            case .atMost: value <= bound
            case .below: value < bound
            case .equal: value == bound
            }
        }
    }

    /// The item's key, used in the facts file's `item` column, e.g. `gov_11_rotation_share`.
    public var key: String
    /// The official item number within its part (e.g. 11 for 政府保障程度第11项).
    public var item: Int?
    /// The part it belongs to.
    public var part: Part
    /// Official Chinese wording.
    public var name: String
    /// English wording.
    public var nameEn: String
    /// How the value is judged.
    public var check: Check
    /// `percent` when the value is a percentage (written 95 or 95%), else a free unit label.
    public var unit: String?

    enum CodingKeys: String, CodingKey {
        case key, item, part, name, nameEn = "name_en", check, op, value, unit
    }

    public init(key: String, item: Int?, part: Part, name: String, nameEn: String, check: Check, unit: String? = nil) {
        self.key = key
        self.item = item
        self.part = part
        self.name = name
        self.nameEn = nameEn
        self.check = check
        self.unit = unit
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        item = try c.decodeIfPresent(Int.self, forKey: .item)
        part = try c.decode(Part.self, forKey: .part)
        name = try c.decode(String.self, forKey: .name)
        nameEn = try c.decode(String.self, forKey: .nameEn)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        switch try c.decode(String.self, forKey: .check) {
        case "true": check = .mustBeTrue
        case "veto": check = .vetoWhenTrue
        case "compare":
            check = .compare(try c.decode(Comparison.self, forKey: .op), try c.decode(Double.self, forKey: .value))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .check, in: c,
                debugDescription: "fact '\(key)': check must be true, veto or compare, not '\(other)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encodeIfPresent(item, forKey: .item)
        try c.encode(part, forKey: .part)
        try c.encode(name, forKey: .name)
        try c.encode(nameEn, forKey: .nameEn)
        try c.encodeIfPresent(unit, forKey: .unit)
        switch check {
        case .mustBeTrue: try c.encode("true", forKey: .check)
        case .vetoWhenTrue: try c.encode("veto", forKey: .check)
        case let .compare(op, value):
            try c.encode("compare", forKey: .check)
            try c.encode(op, forKey: .op)
            try c.encode(value, forKey: .value)
        }
    }

    /// The item's wording (``Named``).
    public var chineseName: String { name }
    public var englishName: String { nameEn }

    /// Whether the value is a yes/no answer rather than a number.
    public var isBoolean: Bool {
        if case .compare = check { return false }
        return true
    }
}
