/// A failed or missing rule: the reasons behind a verdict (未通过或数据不全的原因).
public enum Finding: Sendable, Hashable {
    /// A unit that fails the school rule, with what it misses.
    public struct FailingUnit: Sendable, Hashable {
        public var schoolCode: String
        public var schoolName: String
        /// Indicators below their threshold.
        public var unmet: [Int]
        /// Of those, the ones below the floor (e.g. 85 %) of their threshold.
        public var belowFloor: [Int]
    }

    /// An indicator's CV is above its limit (2017).
    case cvAboveLimit(stage: Stage, indicator: Int, cv: Double, limit: Double)
    /// An indicator's county value is 0, so its CV is undefined.
    case cvUndefined(stage: Stage, indicator: Int)
    /// The composite CV is above its limit (2012).
    case compositeAboveLimit(stage: Stage, cv: Double, limit: Double)
    /// Units fail the school rule (2017: 至少6项达标、余项不低于85%).
    case unitsFailSchoolRule(stage: Stage, units: [FailingUnit])
    /// Units did not report an indicator's numerator.
    case valuesMissing(stage: Stage, indicator: Int, schoolCodes: [String])
    /// No school of the county takes part in a stage.
    case noUnits(stage: Stage)
    /// A county-fact item is not met.
    case factNotMet(FactResult)
    /// A one-vote veto item is true.
    case vetoed(FactResult)
    /// A county-fact item was not recorded.
    case factMissing(FactRule)
    /// No facts file was given, so no county-fact item can be judged.
    case factsNotProvided

    /// Whether this finding fails the county (rather than leaving it incomplete).
    public var isFailure: Bool {
        switch self {
        case .cvAboveLimit, .cvUndefined, .compositeAboveLimit, .unitsFailSchoolRule, .factNotMet, .vetoed:
            true
        case .valuesMissing, .noUnits, .factMissing, .factsNotProvided:
            false
        }
    }
}
