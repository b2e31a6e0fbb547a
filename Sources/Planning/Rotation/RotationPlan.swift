import Domain

/// One teacher's move in a rotation plan (交流轮岗).
public struct TeacherMove: Sendable, Hashable {
    /// Why the move is there.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// Brings a backbone teacher (骨干教师) to a school below the county's rate.
        case backbone
        /// Brings a teacher above the statutory qualification (高于规定学历) to a school below the county's rate.
        case qualified
        /// Brings a PE, music or art teacher (体育艺术教师) to a school below the county's rate.
        case peArt = "pe_art"
        /// Brings a teacher of mid-level title or higher (中级及以上职称) from a town to a rural school,
        /// toward the town schools' title structure.
        case seniorTitle = "senior_title"
        /// A principal's (校长) rotation.
        case principal
        /// The partner of such a move, going the other way, so both schools keep their headcount.
        case partner
        /// A move that changes no count, made to reach the yearly quota.
        case quota
    }

    /// 教师编号
    public var teacherID: String
    /// The school left.
    public var from: String
    /// The school joined.
    public var to: String
    /// The stage taught (unchanged).
    public var stage: Stage
    /// Why.
    public var reason: Reason
    /// The swap it belongs to: the two moves of a swap share it.
    public var swap: Int
    /// Kilometres between the schools; `nil` when a school has no coordinates.
    public var kilometres: Double?

    public init(teacherID: String, from: String, to: String, stage: Stage, reason: Reason, swap: Int, kilometres: Double?) {
        self.teacherID = teacherID
        self.from = from
        self.to = to
        self.stage = stage
        self.reason = reason
        self.swap = swap
        self.kilometres = kilometres
    }
}

/// A teacher indicator's 差异系数 before and after a plan, per stage.
public struct TeacherIndicatorChange: Sendable, Hashable {
    /// Which count: qualified, backbone or PE/art.
    public var resource: Resource
    public var stage: Stage
    public var before: Double?
    public var after: Double?
}

/// One step of the plan's model and what it achieved (目标函数各项).
public struct RotationObjectiveTerm: Sendable, Hashable {
    /// The steps, in the order the planner takes them.
    public enum Step: String, Sendable, Hashable, CaseIterable {
        case backbone, qualified
        case peArt = "pe_art"
        case seniorTitle = "senior_title"
        case principal, quota
    }

    public var step: Step
    /// The stage, `nil` for the quota step (all stages).
    public var stage: Stage?
    /// Swaps made.
    public var swaps: Int
    /// What the step lowers, before and after: for backbone, qualified and PE/art the weighted
    /// variance of the count per 100 students (差异系数的平方 × 均值²); for the title step the town
    /// schools' share of mid-level titles minus the rural schools' (≤ 0 when reached); `nil` for
    /// principals and the quota.
    public var before: Double?
    public var after: Double?
    /// Kilometres of the step's moves.
    public var kilometres: Double
    /// Whether the step's swaps were proven optimal for its model (``RotationPlanner``).
    public var optimal: Bool
    /// The CV the step brings its indicator to or below (the standard's limit × (1 − margin),
    /// 差异系数目标) in a fewest-moves plan; `nil` for other steps and in an equalizing plan.
    public var cvTarget: Double? = nil
    /// Whether the step reached its target (the CV target, or title parity); `nil` when it has
    /// none. A CV step that cannot reach its target lowers the CV as far as the swaps go.
    public var reached: Bool? = nil

    /// Teachers the step moved: two per swap.
    public var movers: Int { 2 * swaps }
}

/// One school's teachers in one stage before and after the plan, with its staffing need.
public struct SchoolRotationCounts: Sendable, Hashable {
    /// 学校标识码
    public var schoolCode: String
    public var schoolName: String
    public var locality: Locality
    public var stage: Stage
    /// 在校生数 in the stage.
    public var students: Int
    /// 编制需求: teachers the staffing standard asks for (``RotationRules/staffingNeed(of:stage:)``).
    public var staffingNeed: Int?
    /// PE and art teachers the indicator threshold asks for.
    public var peArtNeed: Int?
    /// Counts from the teacher records now, and once the moves are made.
    public var before: TeacherCounts
    public var after: TeacherCounts
}

/// The share of teachers with a mid-level title or higher (中级及以上职称) in rural and in town
/// (urban and town) schools of one stage, before and after the plan.
public struct TitleStructure: Sendable, Hashable {
    public var stage: Stage
    public var ruralBefore: Double?
    public var townBefore: Double?
    public var ruralAfter: Double?
    public var townAfter: Double?
    /// Whether rural schools' share is at least the town schools' after the plan (or there is
    /// nothing to compare).
    public var reached: Bool {
        guard let rural = ruralAfter, let town = townAfter else { return true }
        return rural >= town - 1e-12
    }
}

/// The yearly rotation plan for one county (交流轮岗方案).
public struct RotationPlan: Sendable, Hashable {
    /// Every move, swap by swap.
    public var moves: [TeacherMove]
    /// Eligible teachers (交流条件) this year, principals not included.
    public var eligible: Int
    /// The least movers the quota asks for (⌈share × eligible⌉).
    public var requiredMovers: Int
    /// The least backbone movers the quota asks for (⌈share × movers⌉).
    public var requiredBackboneMovers: Int
    /// Teacher movers (principals not included).
    public var teacherMovers: Int
    /// Backbone teachers among the teacher movers.
    public var backboneMovers: Int
    /// Teachers already shared within a school cluster this year (集团内互派), counted as movers
    /// by the quota check, and the backbone teachers among them.
    public var sharedTeachers: Int = 0
    public var sharedBackboneTeachers: Int = 0
    /// Eligible principals, and the least that move (the same share as teachers).
    public var eligiblePrincipals: Int
    public var requiredPrincipalMovers: Int
    /// Principals who move.
    public var principalMovers: Int
    /// Whether the teacher quotas hold.
    public var meetsQuota: Bool {
        teacherMovers + sharedTeachers >= requiredMovers && backboneMovers + sharedBackboneTeachers >= requiredBackboneMovers
    }
    /// Whether the principals' quota holds.
    public var meetsPrincipalQuota: Bool { principalMovers >= requiredPrincipalMovers }
    /// The three teacher indicators' CVs before and after.
    public var changes: [TeacherIndicatorChange]
    /// The model's terms, step by step.
    public var objective: [RotationObjectiveTerm]
    /// Each school's counts before and after, by school code then stage.
    public var schools: [SchoolRotationCounts]
    /// Rural and town title structure per stage.
    public var titleStructure: [TitleStructure]
    /// Σ kilometres over moves with known distances.
    public var kilometres: Double
    /// What the plan minimised (the rules' objective).
    public var aim: RotationObjective = .equalize
    /// The rules' CV margin (a fewest-moves plan aims at limit × (1 − margin)).
    public var cvMargin: Double = 0
    /// The rules' ceiling on the balancing steps' movers, `nil` for none.
    public var maxMovers: Int? = nil

    /// Teacher movers beyond the quota's required number (0 when no more move): each of them
    /// moves for a step's target (``objective``: a CV limit, title parity, the backbone share,
    /// or a whole swap when the required number is odd).
    public var extraMovers: Int { max(0, teacherMovers + sharedTeachers - requiredMovers) }
}
