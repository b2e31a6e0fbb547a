/// One recorded county-level fact (县级事实): a row of the `facts` file.
public struct CountyFact: Sendable, Hashable {
    /// A recorded value: a yes/no answer or a number (percentages in percent: 95 means 95 %).
    public enum Value: Sendable, Hashable {
        case yes
        case no
        case number(Double)

        /// The value as a number, if it is one.
        public var number: Double? {
            if case let .number(n) = self { return n }
            return nil
        }

        /// The value as a yes/no answer, if it is one.
        public var bool: Bool? {
            switch self {
            case .yes: true
            case .no: false
            case .number: nil
            }
        }
    }

    /// 年度
    public var year: Int
    /// 县区代码
    public var countyCode: String
    /// The fact rule's key in the standard file, e.g. `gov_11_rotation_share`.
    public var item: String
    /// The recorded value.
    public var value: Value
    /// 佐证材料 — where the evidence is (a document number, a file name, a URL); for a computed
    /// fact, what it was computed from and the figures.
    public var evidence: String?
    /// Whether the value was typed in (填报) or computed from the data (计算).
    public var source: Source

    /// Where a fact's value comes from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// 填报 — a row of the facts file or the form.
        case recorded
        /// 计算 — computed by Junheng from the county's data (zones, enrollment, school rows).
        case computed
    }

    public init(year: Int, countyCode: String, item: String, value: Value, evidence: String? = nil, source: Source = .recorded) {
        self.year = year
        self.countyCode = countyCode
        self.item = item
        self.value = value
        self.evidence = evidence
        self.source = source
    }

    /// `recorded` with each item that `computed` has for the same county and year replaced by
    /// the computed value: the data decide where they can, the typed fact is the fallback.
    public static func merging(recorded: [CountyFact], computed: [CountyFact]) -> [CountyFact] {
        struct Key: Hashable { var year: Int; var county: String; var item: String }
        let replaced = Set(computed.map { Key(year: $0.year, county: $0.countyCode, item: $0.item) })
        return recorded.filter { !replaced.contains(Key(year: $0.year, county: $0.countyCode, item: $0.item)) } + computed
    }
}
