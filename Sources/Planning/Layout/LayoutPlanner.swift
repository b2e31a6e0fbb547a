import Domain
import Foundation

/// Plans a county's school layout for one stage (布局调整): which sites open, every block
/// wholly to one open site, as many children placed as places allow, then total child-distance
/// least — with `--open N` exactly N sites in all (the p-median; existing schools may close
/// unless 必须保留), or with a budget the candidates whose 新建费用 fit it (existing schools stay).
///
/// ```swift
/// let plan = try LayoutPlanner(rules: .defaults).plan(stage: .primary, blocks: blocks, sites: sites,
///                                                     distances: [], target: .open(40))
/// plan.objective; plan.lowerBound; plan.gap   // Σ children × km, its bound, the gap
/// ```
///
/// **Places.** A site holds its 学位数 of the stage (empty: unlimited); a site with 最多班数
/// may grow to that many classes × the standard class size. The classes it adds cost 每增一班费用
/// each: under a budget they are paid from it with the 新建费用, with a price they are weighed
/// against the child-km they save, and otherwise they are free to the plan and reported.
///
/// **Price.** With `price_per_child_km` in the rules the plan minimises child-km + 新建费用 ÷
/// price (``LayoutPlan/weightedObjective``; the bound and gap are of it): a candidate is built
/// only where the child-km it saves are worth its cost. At 5,000 yuan per child-km a school of
/// 30,000,000 yuan must save 6,000 child-km.
///
/// **Method** (``LayoutSearch``): swap search to a local optimum, Lagrangian bound with its
/// open sets as further starts, capacitated swaps checked by the zone planner's assignment,
/// and branch and bound when the open sets are few. The gap says how far from the optimum the
/// plan can be; `optimal` means proven.
///
/// **Classes and sequence (先建后撤).** An existing school open in the plan is 永久性保留 when it
/// holds at least the merger threshold (600 junior / 300 primary) or is kept by rule, else
/// 过渡性保留; one the plan closes is 撤并, with the sites that receive its children (its
/// blocks' today's school is their `current_*` school, else their nearest existing site). Year 1
/// builds the new sites and adds the classes, and closes the mergers whose receivers need
/// neither; year 2 closes the rest, once their receivers' places exist — so no child is ever
/// without a place (``LayoutSequence`` checks every year). Each 过渡性保留 school comes with
/// what merging it would do (``LayoutMergerCandidates``), and every community a rule covers with
/// the schools and classes it needs and lacks, today and in the plan (``LayoutRequirement``).
public struct LayoutPlanner: Sendable {
    public var rules: LayoutRules
    /// Open sets up to which branch and bound proves the plan.
    public var exactSets = 20_000
    /// The most block–site pairs planned (the km matrix is dense: 20,000,000 pairs are 160 MB).
    public var largestPairs = 20_000_000

    public init(rules: LayoutRules) {
        self.rules = rules
    }

    /// The plan of `blocks` (children of `stage`) over `sites`; `growth`, from an enrollment
    /// forecast, states the communities' needs in the forecast years.
    public func plan(stage: Stage, blocks: [ResidentialBlock], sites: [LayoutSite], distances: [TravelDistance],
                     target: LayoutTarget, growth: [LayoutGrowth] = []) throws(PlanningError) -> LayoutPlan {
        guard !sites.isEmpty else { throw PlanningError(.noSites) }
        let kept = sites.count(where: \.keep)
        switch target {
        case .open(let p):
            guard p >= 1, p <= sites.count, p >= kept else { throw PlanningError(.openCount(p, sites: sites.count, kept: kept)) }
        case .budget(let budget):
            guard budget.isFinite, budget >= 0 else { throw PlanningError(.layoutBudget) }
        }
        let zoning = rules.zoning
        let model = DistanceModel(distances: distances, rules: zoning)
        let limit = zoning.distanceLimit[stage] ?? .infinity
        let hardLimit = zoning.enforceDistanceLimit ? limit : .infinity
        let communities = blocks
        let blocks = blocks.filter { $0.children(stage) > 0 }
        guard communities.count * sites.count <= largestPairs else {
            throw PlanningError(.layoutTooLarge(blocks: communities.count, sites: sites.count, limit: largestPairs))
        }
        let size = zoning.classSize(stage)

        let km: [Double] = blocks.flatMap { block in
            sites.map { site in
                let d = model.kilometres(from: block, to: site.id, at: site.location) ?? .infinity
                return d <= hardLimit ? d : .infinity
            }
        }
        let places = sites.map { site -> Int in
            guard let today = site.capacity[stage] else { return LayoutProblem.unlimited }
            guard let most = site.maxClasses else { return today }
            return max(today, most * size)
        }
        let problem = LayoutProblem(
            demand: blocks.map { $0.children(stage) }, capacity: places,
            buildCost: sites.map { $0.isExisting ? 0 : ($0.buildCost ?? 0) },
            forced: sites.map { site in
                if site.keep { return true }
                if case .budget = target { return site.isExisting }
                return false
            },
            target: target, km: km, price: rules.pricePerChildKm,
            places: sites.map { $0.capacity[stage] ?? LayoutProblem.unlimited }, classPlaces: size,
            classCost: sites.map { $0.expandCostPerClass ?? 0 })
        var search = LayoutSearch(problem: problem)
        search.exactSets = exactSets
        let outcome = search.solve()
        let solution = outcome.solution

        // Today: each block at its current school's site, else its nearest existing site.
        let siteOfSchool = Dictionary(sites.enumerated().compactMap { s in s.element.schoolCode.map { ($0, s.offset) } },
                                      uniquingKeysWith: { a, _ in a })
        let today: [Int] = blocks.indices.map { i in
            if let code = blocks[i].currentSchool[stage], let j = siteOfSchool[code] { return j }
            return problem.nearest(i).first { sites[Int($0)].isExisting }.map(Int.init) ?? -1
        }

        var load = Array(repeating: 0, count: sites.count)
        for (i, j) in solution.siteOf.enumerated() where j >= 0 { load[j] += problem.demand[i] }
        let planned: [LayoutPlannedSite] = sites.enumerated().map { j, site in
            let open = solution.open[j]
            let now = site.capacity[stage]
            let added = now.map { ZoneClassCharge.classes(load: load[j], base: $0, classPlaces: size) } ?? 0
            let status: LayoutSiteStatus = switch (site.isExisting, open) {
            case (true, true): site.keep || load[j] >= rules.mergerThreshold(stage) ? .permanent : .transitional
            case (true, false): .merged
            case (false, true): .built
            case (false, false): .unused
            }
            return LayoutPlannedSite(
                id: site.id, name: site.name, schoolCode: site.schoolCode, location: site.location, existing: site.isExisting,
                keep: site.keep, open: open, places: now, children: load[j], classesAdded: added,
                expansionCost: site.expandCostPerClass.map { Double(added) * $0 }, buildCost: problem.buildCost[j], status: status,
                aboveLargestSchool: load[j] > zoning.largestSchool)
        }
        let plannedBlocks: [LayoutPlannedBlock] = blocks.enumerated().map { i, block in
            let j = solution.siteOf[i], t = today[i]
            return LayoutPlannedBlock(
                id: block.id, name: block.name, children: problem.demand[i], site: j < 0 ? nil : sites[j].id,
                kilometres: j < 0 ? nil : problem.km(i, j), today: t < 0 ? nil : sites[t].id,
                todayKilometres: t < 0 ? nil : model.kilometres(from: block, to: sites[t].id, at: sites[t].location),
                location: block.location)
        }
        let sequence = LayoutSequence(sites: planned, blocks: plannedBlocks, limit: limit)
        let candidates = LayoutMergerCandidates.evaluate(problem: problem, solution: solution, sites: planned, limit: limit)
        let requirements = LayoutRequirement.of(blocks: communities, sites: planned,
                                                home: homes(of: sites, among: communities, stage: stage, model: model),
                                                stage: stage, rules: rules, growth: growth)

        let cost = solution.cost
        let gap = outcome.bound.map { cost <= 0 ? 0 : max(0, (cost - $0) / cost) }
        let optimality: LayoutPlan.Optimality = outcome.optimal ? .optimal : outcome.bound == nil ? .feasible : .bounded
        return LayoutPlan(stage: stage, target: target, objective: solution.childKm, weightedObjective: cost,
                          pricePerChildKm: rules.pricePerChildKm, lowerBound: outcome.bound,
                          gap: outcome.optimal ? 0 : gap, optimality: optimality,
                          sites: planned, blocks: plannedBlocks, mergers: sequence.mergers, mergerCandidates: candidates,
                          requirements: requirements, years: sequence.years)
    }

    /// Each site's community: the index of its nearest block in `blocks` (nil when none is in
    /// reach) — computed only when some block's population falls under a community rule.
    private func homes(of sites: [LayoutSite], among blocks: [ResidentialBlock], stage: Stage, model: DistanceModel) -> [Int?] {
        let ruled = blocks.contains { block in block.population.map { rules.communityRule(stage, population: $0) != nil } ?? false }
        guard ruled else { return sites.map { _ in nil } }
        return sites.map { site in
            var best: (index: Int, km: Double)?
            for (i, block) in blocks.enumerated() {
                if let km = model.kilometres(from: block, to: site.id, at: site.location), km < best?.km ?? .infinity { best = (i, km) }
            }
            return best?.index
        }
    }
}
