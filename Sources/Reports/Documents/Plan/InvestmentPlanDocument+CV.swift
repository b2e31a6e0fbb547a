import Planning

extension InvestmentPlanDocument {
    /// One indicator's CV in one stage, before and after the plan.
    public struct CV: Codable, Sendable, Equatable {
        public var stage: String
        /// The indicator's key.
        public var indicator: String
        public var before: Double?
        public var after: Double?
        public var limit: Double?
        public var passBefore: Bool?
        public var passAfter: Bool?

        enum CodingKeys: String, CodingKey {
            case stage, indicator, before, after, limit, passBefore = "pass_before", passAfter = "pass_after"
        }

        init(_ row: PlanWording.CVRow, keys: [String]) {
            stage = row.stage.rawValue
            indicator = keys[row.indicator]
            before = row.before?.cv?.finite
            after = row.after?.cv?.finite
            limit = row.limit?.finite
            passBefore = row.before?.pass
            passAfter = row.after?.pass
        }
    }
}
