import Domain

extension EvaluationDocument {
    /// One stage of a county: its units and students, the composite CV and every indicator.
    public struct Stage: Codable, Sendable, Equatable {
        public var units: Int
        public var students: Int
        /// 综合差异系数.
        public var compositeCV: Double?
        /// The composite's limit, when the standard judges it (2012).
        public var compositeLimit: Double?
        public var compositePass: Bool?
        /// By indicator key, in the standard's order.
        public var indicators: OrderedMembers<Indicator>

        enum CodingKeys: String, CodingKey {
            case units, students, compositeCV = "composite_cv", compositeLimit = "composite_limit"
            case compositePass = "composite_pass", indicators
        }

        init(_ result: StageResult, keys: [String]) {
            units = result.unitCount
            students = result.students
            compositeCV = result.compositeCV?.finite
            compositeLimit = result.compositeLimit?.finite
            compositePass = result.compositePass
            indicators = OrderedMembers(result.indicators.map { (keys[$0.index], Indicator($0)) })
        }
    }
}
