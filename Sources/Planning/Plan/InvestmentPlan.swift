import Domain

/// The shortfall of one unit in one indicator (差距): how much the school must add to meet the
/// threshold, and to reach the floor (85 %) if it leaves this indicator as its one exception.
public struct UnitGap: Sendable, Hashable {
    /// 学校标识码 (the school that adds; a merged teaching point's parent).
    public var schoolCode: String
    /// 学校名称
    public var schoolName: String
    /// The unit's stage.
    public var stage: Stage
    /// The indicator's index in the standard.
    public var indicator: Int
    /// What is added.
    public var resource: Resource
    /// The unit's value now.
    public var value: Double
    /// The threshold (≥).
    public var threshold: Double
    /// The floor, e.g. 85 % of the threshold; `nil` without a school rule.
    public var floor: Double?
    /// What the school must add to meet the threshold, in the resource's unit (m², 元, 人, 间);
    /// a combined school's facility figure is the school total whose stage share closes the gap.
    public var toThreshold: Double
    /// What it must add to reach the floor; 0 when it is above it.
    public var toFloor: Double
}

/// Why a plan item is there.
public enum PlanReason: String, Sendable, Hashable, Codable {
    /// A unit is below the floor (85 %) of the indicator's threshold.
    case belowFloor = "below_floor"
    /// A unit is below the threshold and does not leave this indicator as its exception.
    case belowThreshold = "below_threshold"
    /// The indicator's 差异系数 is above its limit: the least-equipped units are raised.
    case balance
}

/// One addition of the plan: a school adds an amount of one resource.
public struct PlanItem: Sendable, Hashable, Identifiable {
    /// `school-code/resource[/stage]`, and `/rotation` for moved teachers (a school may both
    /// receive teachers and train or hire more of the same kind).
    public var id: String {
        [schoolCode, resource.rawValue, stage?.rawValue, lever == .rotation ? PlanLever.rotation.rawValue : nil]
            .compactMap(\.self).joined(separator: "/")
    }
    /// 学校标识码
    public var schoolCode: String
    /// 学校名称
    public var schoolName: String
    /// 城乡类型, which sets the price.
    public var locality: Locality
    /// What is added.
    public var resource: Resource
    /// The stage, for teacher resources (reported per stage); `nil` for a school's facilities.
    public var stage: Stage?
    /// How much, in the resource's unit; a whole number for whole resources.
    public var amount: Double
    /// Yuan per unit: once, or per year for a new post (``PlanLever/recurs``).
    public var unitCost: Double
    /// What it costs once: amount × unit cost; 0 for a new post and for moved teachers.
    public var cost: Double
    /// Why.
    public var reason: PlanReason
    /// The indicators it serves (indices in the standard).
    public var indicators: [Int]
    /// The lowest share of its threshold among the units it raises, before the plan (e.g. 0.62
    /// for a unit at 62 % of the threshold); `nil` without a threshold. Scheduling uses it.
    public var attainment: Double?
    /// How the item closes its gaps: moved teachers, trained ones, new posts or a purchase.
    /// A moved item's amount is the school's net change, negative where teachers leave.
    public var lever: PlanLever = .purchase
    /// What it costs every year from the year it is done: amount × unit cost for a new post,
    /// else 0.
    public var yearlyCost: Double = 0

    /// What the item weighs in the plan's choice: its one-off cost and `postYears` years of
    /// its yearly cost (``UnitCosts/postYears``).
    public func weighedCost(postYears: Double) -> Double { cost + postYears * yearlyCost }
}

/// How sure the plan's cost is.
public enum PlanOptimality: String, Sendable, Hashable, Codable {
    /// Proven least cost: every exception choice searched, every indicator solved exactly.
    case optimal
    /// Found by search; ``InvestmentPlan/lowerBound`` bounds the optimum from below.
    case bounded
}

/// The cheapest plan found to make a county's resource allocation pass (资源配置达标投入方案).
public struct InvestmentPlan: Sendable, Hashable {
    /// 县区代码
    public var countyCode: String
    /// 县区名称
    public var countyName: String?
    /// 年度 of the data planned for.
    public var year: Int
    /// The standard's key.
    public var standard: String
    /// Every unit's gaps before the plan.
    public var gaps: [UnitGap]
    /// The additions, by school code, resource and stage.
    public var items: [PlanItem]
    /// Per unit that leaves an indicator at the floor: `(school code, stage) → indicator`.
    public var exceptions: [UnitException]
    /// Σ item cost, yuan: what the plan costs once (purchases and training).
    public var cost: Double
    /// Σ item yearly cost, yuan: the salaries of the new posts, paid every year.
    public var yearlyCost: Double = 0
    /// The years of salary a post weighs against a one-off purchase (``UnitCosts/postYears``).
    public var postYears: Double = 1
    /// The most of a resource the county adds in one year (``UnitCosts/yearlyCapacity(of:)``),
    /// which the schedule respects.
    public var yearlyCapacities: [Resource: Double] = [:]
    /// What the planner minimises: ``cost`` + ``postYears`` × ``yearlyCost``.
    public var weighedCost: Double { cost + postYears * yearlyCost }
    /// No plan weighs less than this (a bound on ``weighedCost``).
    public var lowerBound: Double
    /// Whether the cost is proven least.
    public var optimality: PlanOptimality
    /// The rotation plan whose moves are the plan's first teacher lever; `nil` without teachers.
    public var rotation: RotationPlan? = nil
    /// The evaluation before the plan.
    public var before: CountyResult
    /// The evaluation of the data with every item applied.
    public var after: CountyResult

    /// (weighed cost − lower bound) / weighed cost; 0 for an optimal or empty plan.
    public var gap: Double { weighedCost > 0 ? max(0, weighedCost - lowerBound) / weighedCost : 0 }

    /// The levers that raise the unit of `gap` in its indicator: the levers of the items
    /// of its school and resource (and stage, for teachers), in ``PlanLever`` order.
    public func levers(closing gap: UnitGap) -> [PlanLever] {
        let used = Set(items.lazy.filter {
            $0.schoolCode == gap.schoolCode && $0.resource == gap.resource && $0.amount > 0
                && ($0.stage == nil || $0.stage == gap.stage)
        }.map(\.lever))
        return PlanLever.allCases.filter(used.contains)
    }
}

/// A unit's one indicator left between the floor and the threshold (the "余项").
public struct UnitException: Sendable, Hashable {
    /// 学校标识码
    public var schoolCode: String
    /// The unit's stage.
    public var stage: Stage
    /// The indicator left at the floor (index in the standard).
    public var indicator: Int

    public init(schoolCode: String, stage: Stage, indicator: Int) {
        self.schoolCode = schoolCode
        self.stage = stage
        self.indicator = indicator
    }
}
