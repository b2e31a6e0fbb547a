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

    /// The plan of the blocks' children of `stage` over `sites`; with a `forecast` (and the
    /// history it was made from) the communities' needs in its years too.
    public func plan(stage: Stage, blocks: [ResidentialBlock], sites: [LayoutSite], distances: [TravelDistance],
                     target: LayoutTarget, forecast: (EnrollmentForecast, history: [EnrollmentRecord])? = nil) throws(PlanningError) -> LayoutPlan {
        let growth = forecast.map { LayoutGrowth.of($0.0, history: $0.history, stage: stage) } ?? []
        return try LayoutPlanner(rules: rules).plan(stage: stage, blocks: blocks, sites: sites, distances: distances, target: target, growth: growth)
    }
}
