import Domain

/// What the community-size rules (``CommunityRule``) require of one community for a stage, and
/// where the network falls short of it, today and in the plan (社区配建要求与缺口; 001 §3).
///
/// A community is the blocks of the blocks file that name the same 所属社区, or a block (a 小区
/// or a 村) that names none; its 常住人口 and children are its blocks' together, and a site
/// belongs to the community of its nearest block. The rule gives the schools the community needs; its
/// children (at the standard class size) give the classes. Worked example, defaults, primary,
/// class size 45: a community of 25,000 residents with 1,710 children needs ⌊25,000 ÷ 10,000⌋ = 2
/// schools of 18–24 classes and ⌈1,710 ÷ 45⌉ = 38 classes; with one school of 1,350 places in it
/// today (30 classes) it is short of 1 school and 8 classes.
public struct LayoutRequirement: Sendable, Hashable {
    /// The community: its 所属社区, or the block id of a block that is a community of its own.
    public var block: String
    /// The block's name; a 所属社区 is its own name.
    public var name: String
    /// Its blocks (file order).
    public var blocks: [String]
    /// 常住人口.
    public var population: Int
    /// Children of the stage.
    public var children: Int
    /// The rule that applies.
    public var rule: CommunityRule
    /// Schools the rule requires.
    public var schoolsRequired: Int
    /// Classes the children fill (⌈children ÷ standard class size⌉).
    public var classesNeeded: Int
    /// The community's schools today: its existing sites, their places.
    public var today: Provision
    /// In the plan: its open sites, their places after growing.
    public var planned: Provision
    /// The forecast years (``LayoutGrowth``): its children, classes needed and the classes the
    /// plan leaves short in each.
    public var forecast: [ForecastNeed]

    /// A community's need in a forecast year.
    public struct ForecastNeed: Sendable, Hashable {
        public var year: Int
        /// Children today × the stage's growth factor, rounded (at most 10⁹).
        public var children: Int
        /// ⌈children ÷ standard class size⌉.
        public var classesNeeded: Int
        /// max(0, classes needed − the plan's classes); 0 when the plan's classes are unlimited.
        public var classesShort: Int
    }

    /// The schools and classes a community has, and its shortfall.
    public struct Provision: Sendable, Hashable {
        /// Its sites (file order).
        public var sites: [String]
        /// Their classes: places ÷ class size, rounded down (in the plan, with the classes
        /// added); nil when some site's places are
        /// unlimited (no shortfall of classes is claimed).
        public var classes: Int?
        /// max(0, schools required − sites).
        public var schoolsShort: Int
        /// max(0, classes needed − classes); 0 when classes are unlimited.
        public var classesShort: Int
        /// Its sites whose classes lie outside the rule's range (file order; unlimited sites are not judged).
        public var outsideRule: [String]

        /// `sites` with their classes (nil: unlimited).
        init(sites: [(id: String, classes: Int?)], rule: CommunityRule, schoolsRequired: Int, classesNeeded: Int) {
            self.sites = sites.map(\.id)
            classes = sites.reduce(Optional(0)) { sum, site in sum.flatMap { s in site.classes.map { s + $0 } } }
            schoolsShort = max(0, schoolsRequired - sites.count)
            classesShort = classes.map { max(0, classesNeeded - $0) } ?? 0
            outsideRule = sites.filter { site in
                guard let c = site.classes else { return false }
                return c < rule.classesMin || rule.classesMax.map { c > $0 } ?? false
            }.map(\.id)
        }
    }

    /// Whether the community falls short of the rule in the plan.
    public var shortInPlan: Bool { planned.schoolsShort > 0 || planned.classesShort > 0 }

    /// The requirements of every community of `blocks` a rule covers (in the order of their first
    /// blocks). `home[j]` is the index in `blocks` of site j's nearest block (nil: none reachable).
    static func of(blocks: [ResidentialBlock], sites: [LayoutPlannedSite], home: [Int?], stage: Stage,
                   rules: LayoutRules, growth: [LayoutGrowth]) -> [LayoutRequirement] {
        let size = rules.zoning.classSize(stage)
        let communities = communities(of: blocks)
        var communityOf = Array(repeating: 0, count: blocks.count)
        for (c, community) in communities.enumerated() { for i in community { communityOf[i] = c } }
        var members: [Int: [Int]] = [:]
        for (j, i) in home.enumerated() { if let i { members[communityOf[i], default: []].append(j) } }
        return communities.enumerated().compactMap { c, community in
            let populations = community.compactMap { blocks[$0].population }
            guard !populations.isEmpty else { return nil }
            // Residents and children are capped at 10⁹ (a hostile file's sums cannot overflow).
            let population = min(1_000_000_000, populations.reduce(0) { $0 + min($1, 1_000_000_000) })
            guard let rule = rules.communityRule(stage, population: population) else { return nil }
            let required = rule.schools(for: population)
            let children = min(1_000_000_000, community.reduce(0) { $0 + min(blocks[$1].children(stage), 1_000_000_000) })
            let needed = (children + size - 1) / size
            let first = blocks[community[0]]
            let mine = members[c, default: []].map { sites[$0] }
            let existing = mine.filter(\.existing), open = mine.filter(\.open)
            let planned = Provision(sites: open.map { s in (s.id, s.places.map { $0 / size + s.classesAdded }) }, rule: rule,
                                    schoolsRequired: required, classesNeeded: needed)
            let forecast = growth.map { g in
                // A forecast from hostile history can grow without bound: children are capped at 10⁹.
                let later = Int(min(1e9, max(0, (Double(children) * g.factor).rounded())))
                let classes = (later + size - 1) / size
                return ForecastNeed(year: g.year, children: later, classesNeeded: classes,
                                    classesShort: planned.classes.map { max(0, classes - $0) } ?? 0)
            }
            return LayoutRequirement(
                block: first.community ?? first.id, name: first.community ?? first.name, blocks: community.map { blocks[$0].id },
                population: population, children: children, rule: rule,
                schoolsRequired: required, classesNeeded: needed,
                today: Provision(sites: existing.map { ($0.id, $0.places.map { $0 / size }) }, rule: rule,
                                 schoolsRequired: required, classesNeeded: needed),
                planned: planned, forecast: forecast)
        }
    }

    /// The communities of `blocks`, each as its blocks' indices (file order), in the order of
    /// their first blocks: the blocks that name one 所属社区 together, every other block alone.
    static func communities(of blocks: [ResidentialBlock]) -> [[Int]] {
        var communities: [[Int]] = [], named: [String: Int] = [:]
        for (i, block) in blocks.enumerated() {
            if let name = block.community {
                if let c = named[name] { communities[c].append(i); continue }
                named[name] = communities.count
            }
            communities.append([i])
        }
        return communities
    }
}
