import Domain

/// A county's zones for one stage (学区划分方案): who goes where, how good the plan is against
/// its lower bound, and the measures of the plan and of today's zones.
public struct ZoningPlan: Sendable, Hashable {
    /// 学段
    public var stage: Stage
    /// 县区代码
    public var countyCode: String
    /// The zoned schools, in code order.
    public var schools: [ZonedSchool]
    /// Every block of the county, in the file's order, as the plan zones it.
    public var blocks: [ZonedBlock]
    /// Σ children × km of the plan (the objective the issue names).
    public var objective: Double
    /// What the plan minimises: Σ children × (km + the move weight when zoned away from today's school).
    public var weightedObjective: Double
    /// The least weighted objective any whole-block plan that places as many children can have.
    public var lowerBound: Double
    /// (weighted objective − lower bound) ÷ weighted objective; 0 when proven optimal.
    public var gap: Double
    /// Whether the plan is proven optimal.
    public var optimality: Optimality
    /// Children the split relaxation places: when more than the plan places, whole blocks may
    /// leave some out that splitting would not, and the bound holds among plans placing as many.
    public var relaxationPlaced: Int
    /// The split relaxation's cost: the least weighted objective of any plan, split or whole,
    /// that places ``relaxationPlaced`` children.
    public var relaxationCost: Double
    /// How the candidates were chosen and checked.
    public var candidates: CandidateSet
    /// The plan's measures.
    public var planned: ZoneMeasures
    /// Today's zones' measures (when every block with children names its current school).
    public var current: ZoneMeasures?
    /// Blocks that break the no-islands rule (empty when the rule is off or kept).
    public var islands: [String]

    /// 最优 or 可行.
    public enum Optimality: String, Sendable, Hashable, Codable {
        /// Proven least: by exhaustive branch and bound, or equal to the lower bound.
        case optimal
        /// A plan within ``ZoningPlan/gap`` of the least.
        case feasible
    }

    /// Which schools each block could be zoned to.
    public struct CandidateSet: Sendable, Hashable {
        /// nil: every reachable school; k: the k nearest (plus listed pairs and today's school).
        public var nearest: Int?
        /// Pairs added after the reduced-cost check found them cheaper than the restriction allowed.
        public var added: Int
        /// Whether the relaxation was proven optimal on the full network.
        public var verified: Bool
    }

    public init(stage: Stage, countyCode: String, schools: [ZonedSchool], blocks: [ZonedBlock], objective: Double,
                weightedObjective: Double, lowerBound: Double, gap: Double, optimality: Optimality, relaxationPlaced: Int, relaxationCost: Double,
                candidates: CandidateSet, planned: ZoneMeasures, current: ZoneMeasures?, islands: [String]) {
        self.stage = stage
        self.countyCode = countyCode
        self.schools = schools
        self.blocks = blocks
        self.objective = objective
        self.weightedObjective = weightedObjective
        self.lowerBound = lowerBound
        self.gap = gap
        self.optimality = optimality
        self.relaxationPlaced = relaxationPlaced
        self.relaxationCost = relaxationCost
        self.candidates = candidates
        self.planned = planned
        self.current = current
        self.islands = islands
    }
}
