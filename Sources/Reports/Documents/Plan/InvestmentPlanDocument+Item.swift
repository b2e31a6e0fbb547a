import Domain
import Planning

extension InvestmentPlanDocument {
    /// One addition of the plan.
    public struct Item: Codable, Sendable, Equatable {
        /// `school-code/resource[/stage]`, `/rotation` added for moved teachers.
        public var id: String
        public var schoolCode: String
        public var schoolName: String
        public var locality: String
        /// What is added.
        public var resource: String
        /// The stage, for teachers; `nil` for a school's facilities.
        public var stage: String?
        /// In ``unit``.
        public var amount: Double?
        /// m², 元, 间, 人·年 (a post, per year), 人 (a backbone teacher trained), 台 or 册.
        public var unit: String
        /// Yuan per unit: once, or per year for a post.
        public var unitCost: Double?
        /// Yuan, once: 0 for a post and for moved teachers.
        public var cost: Double?
        /// `rotation` (moved teachers, a negative amount where they leave), `training`
        /// (backbone teachers designated), `post` (a new post) or `purchase`.
        public var lever: String
        /// Yuan every year from the year it is done: a post's salary; 0 otherwise.
        public var yearlyCost: Double?
        /// `below_floor`, `below_threshold` or `balance`.
        public var reason: String
        /// The reason in the document's language.
        public var reasonText: String
        /// Keys of the indicators the item serves.
        public var indicators: [String]
        /// The lowest share of its threshold among the units it raises, before the plan (0.62
        /// for a unit at 62 % of it); `nil` without a threshold.
        public var attainment: Double?
        /// The budget year it is scheduled in; `nil` without budgets or when no year can afford it.
        public var year: Int?

        enum CodingKeys: String, CodingKey {
            case id, schoolCode = "school_code", schoolName = "school_name", locality, resource, stage, amount, unit
            case unitCost = "unit_cost", cost, lever, yearlyCost = "yearly_cost", reason, reasonText = "reason_text", indicators
            case attainment, year
        }

        init(_ item: PlanItem, year: Int?, keys: [String], reasonText: String) {
            id = item.id
            schoolCode = item.schoolCode
            schoolName = item.schoolName
            locality = item.locality.rawValue
            resource = item.resource.rawValue
            stage = item.stage?.rawValue
            amount = item.amount.finite
            unit = item.resource.unit
            unitCost = item.unitCost.finite
            cost = item.cost.finite
            lever = item.lever.rawValue
            yearlyCost = item.yearlyCost.finite
            reason = item.reason.rawValue
            self.reasonText = reasonText
            indicators = item.indicators.map { keys[$0] }
            attainment = item.attainment?.finite
            self.year = year
        }
    }
}
