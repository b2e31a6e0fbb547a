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
    /// 佐证材料 — where the evidence is (a document number, a file name, a URL).
    public var evidence: String?

    public init(year: Int, countyCode: String, item: String, value: Value, evidence: String? = nil) {
        self.year = year
        self.countyCode = countyCode
        self.item = item
        self.value = value
        self.evidence = evidence
    }
}
