import Domain
import Planning

/// The school layout use case (布局调整) the command and the web server share: a county's
/// blocks and sites planned for one stage under a target (`--open N` or `--budget YUAN`).
///
/// ```swift
/// let plan = try PlanLayout(rules: rules).plan(stage: .primary, blocks: blocks, sites: sites,
///                                              distances: [], target: .open(40))
/// ```
public struct PlanLayout: Sendable {
    /// The layout rules as a file reads them (布局规则, JSON with ``LayoutRules``' keys).
    public static let rulesInput = RulesInput(defaults: LayoutRules.defaults, chineseName: "布局规则", englishName: "layout rules")

    public var rules: LayoutRules

    public init(rules: LayoutRules = .defaults) {
        self.rules = rules
    }

    /// The plan of the blocks' children of `stage` over `sites`.
    public func plan(stage: Stage, blocks: [ResidentialBlock], sites: [LayoutSite], distances: [TravelDistance],
                     target: LayoutTarget) throws(PlanningError) -> LayoutPlan {
        try LayoutPlanner(rules: rules).plan(stage: stage, blocks: blocks, sites: sites, distances: distances, target: target)
    }
}
