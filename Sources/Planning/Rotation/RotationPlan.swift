import Domain

/// One teacher's move in a rotation plan (交流轮岗).
public struct TeacherMove: Sendable, Hashable {
    /// Why the move is there.
    public enum Reason: String, Sendable, Hashable {
        /// Brings a backbone teacher (骨干教师) to a school below its share.
        case backbone
        /// Brings a teacher above the statutory qualification (高于规定学历) to a school below its share.
        case qualified
        /// The partner of such a move, going the other way, so both schools keep their headcount.
        case partner
        /// A move that changes no indicator, made to reach the yearly quota.
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
}

/// A teacher indicator's 差异系数 before and after a plan, per stage.
public struct TeacherIndicatorChange: Sendable, Hashable {
    /// Which count: qualified, backbone or PE/art.
    public var resource: Resource
    public var stage: Stage
    public var before: Double?
    public var after: Double?
}

/// The yearly rotation plan for one county (交流轮岗方案).
public struct RotationPlan: Sendable, Hashable {
    /// Every move, swap by swap.
    public var moves: [TeacherMove]
    /// Eligible teachers (交流条件) this year.
    public var eligible: Int
    /// The least movers the quota asks for (⌈share × eligible⌉).
    public var requiredMovers: Int
    /// The least backbone movers the quota asks for (⌈share × movers⌉).
    public var requiredBackboneMovers: Int
    /// Backbone teachers among the movers.
    public var backboneMovers: Int
    /// Whether both quotas hold.
    public var meetsQuota: Bool { moves.count >= requiredMovers && backboneMovers >= requiredBackboneMovers }
    /// The three teacher indicators' CVs before and after.
    public var changes: [TeacherIndicatorChange]
    /// Σ kilometres over moves with known distances.
    public var kilometres: Double
}
