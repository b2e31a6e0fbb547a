import Planning

extension InvestmentPlanDocument {
    /// The resource-allocation part (资源配置) before or after the plan.
    public struct Check: Codable, Sendable, Equatable {
        /// `pass` or `fail`.
        public var verdict: String
        /// Units that meet the school rule.
        public var compliantUnits: Int
        /// Units judged.
        public var units: Int

        enum CodingKeys: String, CodingKey {
            case verdict, compliantUnits = "compliant_units", units
        }

        init(_ check: ResourceCheck) {
            verdict = PlanWording.verdictKey(check)
            compliantUnits = check.compliantUnits
            units = check.units
        }
    }
}
