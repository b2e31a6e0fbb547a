import Domain

/// A county's school layout for one stage (布局调整方案): which sites are open, every block's
/// site, what is built and grown, each existing school's class (永久性保留 / 过渡性保留 / 撤并)
/// and the years in which it happens. Made by ``LayoutPlanner``.
public struct LayoutPlan: Sendable {
    /// How sure the plan is of being the best.
    public enum Optimality: String, Sendable, Hashable {
        /// Proven: the bound meets the cost, or branch and bound finished.
        case optimal
        /// Within `gap` of the optimum.
        case bounded
        /// Places are short: reachable children are left out, and no bound is claimed.
        case feasible
    }

    public var stage: Stage
    public var target: LayoutTarget
    /// Σ children × km over the placed blocks.
    public var objective: Double
    /// What the plan minimises: `objective` + (Σ 新建费用 of the sites opened + Σ 扩班费用 of
    /// the classes added) ÷ the price per child-km (= `objective` without a price).
    public var weightedObjective: Double
    /// Yuan per child-km, when the rules set it.
    public var pricePerChildKm: Double?
    /// A lower bound of `weightedObjective` over every plan of the target that places as many children.
    public var lowerBound: Double?
    /// (weightedObjective − lowerBound) / weightedObjective.
    public var gap: Double?
    public var optimality: Optimality
    /// Every site, in file order.
    public var sites: [LayoutPlannedSite]
    /// Every block with children of the stage, in file order.
    public var blocks: [LayoutPlannedBlock]
    /// Mergers, the years they can happen, and their receivers (先建后撤).
    public var mergers: [LayoutMerger]
    /// What merging each 过渡性保留 school would do (``LayoutMergerCandidates``).
    public var mergerCandidates: [LayoutMerger]
    /// The community-size rules' requirements and shortfalls (``LayoutRequirement``).
    public var requirements: [LayoutRequirement]
    /// The years of the sequence: year 1 builds (and closes what needs nothing built), year 2 is the plan.
    public var years: [LayoutYear]

    /// The open sites' ids, in file order.
    public var openSiteIds: [String] { sites.filter(\.open).map(\.id) }
    /// Children of the stage.
    public var children: Int { blocks.reduce(0) { $0 + $1.children } }
    /// Children without a site.
    public var unplaced: Int { blocks.reduce(0) { $0 + ($1.site == nil ? $1.children : 0) } }
    /// Σ 新建费用 of the candidates opened (yuan).
    public var buildCost: Double { sites.reduce(0) { $0 + ($1.open && !$1.existing ? $1.buildCost : 0) } }
    /// Σ cost of the classes added (yuan; sites that name 每增一班费用). Under a budget,
    /// `buildCost + expansionCost` keeps within it.
    public var expansionCost: Double { sites.reduce(0) { $0 + ($1.expansionCost ?? 0) } }
}

/// What the layout does with a site.
public enum LayoutSiteStatus: String, Sendable, Hashable, CaseIterable {
    /// 永久性保留: an existing school open in the plan at or above the merger threshold, or kept by rule.
    case permanent
    /// 过渡性保留: an existing school open in the plan below the merger threshold.
    case transitional
    /// 撤并: an existing school the plan closes; its children go to its receivers.
    case merged
    /// 新建: a candidate site the plan opens.
    case built
    /// 不选用: a candidate site the plan leaves.
    case unused
}

/// A site of a ``LayoutPlan``.
public struct LayoutPlannedSite: Sendable, Hashable {
    public var id: String
    public var name: String
    public var schoolCode: String?
    public var location: Coordinate?
    public var existing: Bool
    /// 必须保留.
    public var keep: Bool
    public var open: Bool
    /// 学位数 of the stage today (nil: unlimited).
    public var places: Int?
    /// Children the plan zones to it.
    public var children: Int
    /// Classes added to hold them (at the standard class size), when it grows.
    public var classesAdded: Int
    /// Their cost, when the site names 每增一班费用.
    public var expansionCost: Double?
    /// 新建费用 (0 for an existing school).
    public var buildCost: Double
    public var status: LayoutSiteStatus
    /// Whether the children zoned to it pass the largest school size (government item 4).
    public var aboveLargestSchool: Bool
}

/// A block of a ``LayoutPlan``.
public struct LayoutPlannedBlock: Sendable, Hashable {
    public var id: String
    public var name: String
    public var children: Int
    /// The site it is zoned to, or nil.
    public var site: String?
    /// km to it.
    public var kilometres: Double?
    /// The site of the school it goes to today (its `current_*` school, else its nearest existing school).
    public var today: String?
    /// km to that site.
    public var todayKilometres: Double?
    public var location: Coordinate?
}

/// A school the plan closes (撤并), with its receivers, in the sequence 先建后撤 — or one it could
/// close (``LayoutPlan/mergerCandidates``).
public struct LayoutMerger: Sendable, Hashable {
    /// The closing site.
    public var site: String
    /// The sites its children go to and how many each receives.
    public var receivers: [(site: String, children: Int)]
    /// Children moved.
    public var children: Int
    /// Σ children × (km after − km before) of its children.
    public var addedChildKm: Double
    /// Places its receivers must gain for them (Σ over receivers of their children above their places today).
    public var placesNeeded: Int
    /// The plan year (1 = first) in which it may close: after every receiver is built.
    public var year: Int
    /// Children moved beyond the stage's school-run limit (they need a bus or boarding).
    public var beyondLimit: Int
    /// Children with no other open site in reach (the school cannot close while they are there).
    public var stranded: Int

    public static func == (a: LayoutMerger, b: LayoutMerger) -> Bool {
        a.site == b.site && a.receivers.map(\.site) == b.receivers.map(\.site) && a.receivers.map(\.children) == b.receivers.map(\.children)
            && a.children == b.children && a.addedChildKm == b.addedChildKm && a.placesNeeded == b.placesNeeded
            && a.year == b.year && a.beyondLimit == b.beyondLimit && a.stranded == b.stranded
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(site)
        hasher.combine(year)
    }
}
