import Domain
import Planning

extension InvestmentPlanDocument {
    /// One indicator of one unit below its threshold before the plan.
    public struct Gap: Codable, Sendable, Equatable {
        public var schoolCode: String
        public var schoolName: String
        public var stage: String
        /// The indicator's key.
        public var indicator: String
        /// The resource that raises it.
        public var resource: String
        public var value: Double?
        public var threshold: Double?
        /// The floor below which no unit may stay; `nil` without one.
        public var floor: Double?
        /// What the unit lacks to reach the threshold, in the resource's unit.
        public var toThreshold: Double?
        /// What it lacks to reach the floor.
        public var toFloor: Double?
        /// The plan leaves this indicator as the unit's exception (余项).
        public var exception: Bool
        /// The levers whose items raise it (`rotation`, `training`, `post`, `purchase`); empty
        /// when the plan leaves it (an exception above its floor) or another school's items
        /// only narrow the CV.
        public var closedBy: [String]

        enum CodingKeys: String, CodingKey {
            case schoolCode = "school_code", schoolName = "school_name", stage, indicator, resource, value, threshold
            case floor, toThreshold = "to_threshold", toFloor = "to_floor", exception, closedBy = "closed_by"
        }

        init(_ gap: UnitGap, keys: [String], exception: Bool, closedBy: [PlanLever]) {
            self.closedBy = closedBy.map(\.rawValue)
            schoolCode = gap.schoolCode
            schoolName = gap.schoolName
            stage = gap.stage.rawValue
            indicator = keys[gap.indicator]
            resource = gap.resource.rawValue
            value = gap.value.finite
            threshold = gap.threshold.finite
            floor = gap.floor?.finite
            toThreshold = gap.toThreshold.finite
            toFloor = gap.toFloor.finite
            self.exception = exception
        }
    }

    /// A unit's indicator the plan leaves between the floor and the threshold.
    public struct Exception: Codable, Sendable, Equatable {
        public var schoolCode: String
        public var stage: String
        /// The indicator's key.
        public var indicator: String

        enum CodingKeys: String, CodingKey {
            case schoolCode = "school_code", stage, indicator
        }

        init(_ exception: UnitException, keys: [String]) {
            schoolCode = exception.schoolCode
            stage = exception.stage.rawValue
            indicator = keys[exception.indicator]
        }
    }
}
