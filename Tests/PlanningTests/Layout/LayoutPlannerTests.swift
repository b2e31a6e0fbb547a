import Domain
import Testing
@testable import Planning

/// ``LayoutPlanner`` on generated counties: classes, mergers and the 先建后撤 sequence.
@Suite("Layout: plans, classes and the sequence")
struct LayoutPlannerTests {
    /// A county of `blocks` blocks around ten existing schools whose places hold today's
    /// children (each block at its nearest school) with some room, and four candidate sites.
    static func county(seed: Int, blocks count: Int = 40) -> (blocks: [ResidentialBlock], sites: [LayoutSite]) {
        var rng = TestRandom(seed: 40_000 + seed)
        func near() -> Coordinate { Coordinate(longitude: 112.9 + rng.uniform(-0.15, 0.15), latitude: 28.2 + rng.uniform(-0.15, 0.15)) }
        let blocks = (0..<count).map { i in
            ResidentialBlock(id: "B\(i)", name: "片区\(i)", countyCode: "430102", location: near(),
                             children: [.primary: rng.int(5, 120)])
        }
        var sites = (0..<10).map { j in
            LayoutSite(id: "E\(j)", name: "学校\(j)", location: near(), schoolCode: "S\(j)", keep: j == 0)
        }
        sites += (0..<4).map { k in
            LayoutSite(id: "C\(k)", name: "新址\(k)", location: near(), capacity: [.primary: 900],
                       buildCost: Double(rng.int(2, 6)) * 10_000_000)
        }
        // Places: today's children of each school (nearest existing) × 1.0–1.6, at least 100.
        var today = Array(repeating: 0, count: 10)
        for block in blocks {
            let j = (0..<10).min { DistanceModel.greatCircle(block.location!, sites[$0].location!) < DistanceModel.greatCircle(block.location!, sites[$1].location!) }!
            today[j] += block.children(.primary)
        }
        for j in 0..<10 {
            sites[j].capacity = [.primary: max(100, Int(Double(today[j]) * rng.uniform(1.0, 1.6)))]
            sites[j].maxClasses = seed % 2 == 0 ? 30 : nil
        }
        return (blocks, sites)
    }

    @Test("every year of the sequence places every child within places; no merger before its receivers", arguments: 0..<12)
    func sequence(seed: Int) throws {
        var (blocks, sites) = Self.county(seed: seed)
        // Every fourth county's classes cost 1,500,000 yuan each: under a budget they are paid from it.
        if seed % 4 == 0 { for j in sites.indices where sites[j].isExisting { sites[j].expandCostPerClass = 1_500_000 } }
        let target: LayoutTarget = seed % 3 == 0 ? .budget(Double(seed % 5) * 20_000_000) : .open(4 + seed % 6)
        let plan = try LayoutPlanner(rules: .defaults).plan(stage: .primary, blocks: blocks, sites: sites, distances: [], target: target)
        #expect(plan.unplaced == 0)
        #expect(plan.years.count == 2)
        for year in plan.years {
            #expect(year.placed == year.children, "seed \(seed) year \(year.year)")
            #expect(year.aboveCapacity.isEmpty, "seed \(seed) year \(year.year): \(year.aboveCapacity)")
        }
        let byId = Dictionary(uniqueKeysWithValues: plan.sites.map { ($0.id, $0) })
        for merger in plan.mergers {
            #expect(byId[merger.site]?.status == .merged)
            // A receiver built or grown is ready only in year 2: the merger cannot come earlier.
            let needsBuilding = merger.receivers.contains { byId[$0.site]!.status == .built || byId[$0.site]!.classesAdded > 0 }
            if needsBuilding { #expect(merger.year == 2, "seed \(seed) \(merger.site)") }
            #expect(merger.receivers.reduce(0) { $0 + $1.children } == merger.children)
        }
        // Classes follow the plan and the threshold.
        for site in plan.sites {
            switch site.status {
            case .permanent: #expect(site.open && site.existing && (site.keep || site.children >= 300))
            case .transitional: #expect(site.open && site.existing && site.children < 300 && !site.keep)
            case .merged: #expect(!site.open && site.existing && !site.keep)
            case .built: #expect(site.open && !site.existing)
            case .unused: #expect(!site.open && !site.existing)
            }
            if let places = site.places, site.children > places {
                #expect(site.classesAdded == (site.children - places + 44) / 45)
            }
        }
        if case .budget(let budget) = target {
            #expect(plan.buildCost + plan.expansionCost <= budget * (1 + 1e-12), "seed \(seed)")
            #expect(plan.sites.allSatisfy { !$0.existing || $0.open })
        }
        if case .open(let p) = target { #expect(plan.openSiteIds.count == p) }
        if let bound = plan.lowerBound { #expect(bound <= plan.objective * (1 + 1e-9)) }
    }

    @Test("with the school-run limit enforced no child is zoned beyond it, and no merger sends one there", arguments: 0..<5)
    func limitEnforced(seed: Int) throws {
        let (blocks, sites) = Self.county(seed: 100 + seed)
        var rules = LayoutRules.defaults
        rules.zoning.enforceDistanceLimit = true
        rules.zoning.distanceLimit[.primary] = 12
        let plan = try LayoutPlanner(rules: rules).plan(stage: .primary, blocks: blocks, sites: sites, distances: [], target: .open(6))
        for block in plan.blocks {
            if let km = block.kilometres { #expect(km <= 12) }
        }
        #expect(plan.mergers.allSatisfy { $0.beyondLimit == 0 })
    }

    @Test("a small county is proven optimal, and the plan's km agree with the distance model")
    func smallOptimal() throws {
        let (blocks, sites) = Self.county(seed: 7, blocks: 12)
        let plan = try LayoutPlanner(rules: .defaults).plan(stage: .primary, blocks: blocks, sites: sites, distances: [], target: .open(5))
        #expect(plan.optimality == .optimal)
        #expect(plan.gap == 0)
        let model = DistanceModel(distances: [], rules: .defaults)
        let located = Dictionary(uniqueKeysWithValues: sites.map { ($0.id, $0.location) })
        var total = 0.0
        for (block, planned) in zip(blocks, plan.blocks) {
            let km = try #require(model.kilometres(from: block, to: planned.site!, at: located[planned.site!]!))
            #expect(abs(km - planned.kilometres!) < 1e-9)
            total += Double(planned.children) * km
        }
        #expect(abs(total - plan.objective) < 1e-6)
    }

    @Test("a price per child-km builds only what saves enough distance: nothing when a child-km is worth next to nothing, as unpriced when it is worth a fortune", arguments: 0..<6)
    func priced(seed: Int) throws {
        let (blocks, sites) = Self.county(seed: 200 + seed)
        let target = LayoutTarget.budget(200_000_000)
        let plain = try LayoutPlanner(rules: .defaults).plan(stage: .primary, blocks: blocks, sites: sites, distances: [], target: target)
        #expect(plain.weightedObjective == plain.objective && plain.pricePerChildKm == nil)
        var rules = LayoutRules.defaults
        rules.pricePerChildKm = 1e-9
        let worthless = try LayoutPlanner(rules: rules).plan(stage: .primary, blocks: blocks, sites: sites, distances: [], target: target)
        // Every existing school can grow to 30 classes in the even seeds: nothing needs building to place every child.
        if seed % 2 == 0 { #expect(worthless.buildCost == 0, "seed \(seed): at 10⁻⁹ yuan per child-km no building is worth it") }
        #expect(worthless.buildCost <= plain.buildCost)
        #expect(plain.buildCost > 0, "seed \(seed): the unpriced plan builds")
        #expect(worthless.unplaced == plain.unplaced)
        rules.pricePerChildKm = 1e9
        let precious = try LayoutPlanner(rules: rules).plan(stage: .primary, blocks: blocks, sites: sites, distances: [], target: target)
        #expect(abs(precious.objective - plain.objective) <= 1e-6 * plain.objective, "seed \(seed)")
        // The weighted objective is child-km plus the building at the price; the bound is below it.
        for plan in [worthless, precious] {
            let price = try #require(plan.pricePerChildKm)
            #expect(abs(plan.weightedObjective - (plan.objective + plan.buildCost / price)) <= 1e-9 * max(1, plan.weightedObjective))
            if let bound = plan.lowerBound { #expect(bound <= plan.weightedObjective * (1 + 1e-9)) }
        }
    }

    /// School A holds 90 places and may grow by classes of 45 at 1,000,000 yuan each; school B,
    /// 2 km off, has room. Blocks of 50, 40 and 40 children live at A: one class more keeps all
    /// 130 at A, else 40 children ride to B.
    static func growOrMove() -> (blocks: [ResidentialBlock], sites: [LayoutSite]) {
        let here = Coordinate(longitude: 112.9, latitude: 28.2), there = Coordinate(longitude: 112.92, latitude: 28.2)
        let blocks = [50, 40, 40].enumerated().map { i, children in
            ResidentialBlock(id: "B\(i)", name: "片区\(i)", countyCode: "430102", location: here, children: [.primary: children])
        }
        let sites = [
            LayoutSite(id: "A", name: "城关小学", location: here, schoolCode: "S1", capacity: [.primary: 90],
                       expandCostPerClass: 1_000_000, maxClasses: 4, keep: true),
            LayoutSite(id: "B", name: "河西小学", location: there, schoolCode: "S2", capacity: [.primary: 200], keep: true),
        ]
        return (blocks, sites)
    }

    @Test("a class is added where its cost is worth the child-km it saves, and paid from the budget",
          arguments: [(nil, 10_000_000.0, true), (nil, 999_999.0, false), (1_000.0, nil, false), (100_000.0, nil, true), (nil, nil, true)] as [(Double?, Double?, Bool)])
    func growOrMove(price: Double?, budget: Double?, grows: Bool) throws {
        let (blocks, sites) = Self.growOrMove()
        var rules = LayoutRules.defaults
        rules.pricePerChildKm = price
        let plan = try LayoutPlanner(rules: rules).plan(stage: .primary, blocks: blocks, sites: sites, distances: [],
                                                        target: budget.map(LayoutTarget.budget) ?? .open(2))
        let a = try #require(plan.sites.first { $0.id == "A" })
        #expect(plan.unplaced == 0)
        #expect(plan.optimality == .optimal)
        if grows {
            #expect(a.children == 130 && a.classesAdded == 1 && a.expansionCost == 1_000_000)
            #expect(plan.objective == 0)
        } else {
            #expect(a.children == 90 && a.classesAdded == 0 && a.expansionCost == 0)
            #expect(plan.objective > 0)
        }
        if let price {
            #expect(abs(plan.weightedObjective - plan.objective - plan.expansionCost / price) <= 1e-9 * max(1, plan.weightedObjective))
        }
    }

    @Test("targets that cannot be met are refused in words")
    func refusals() {
        let (blocks, sites) = Self.county(seed: 1, blocks: 5)
        #expect(throws: PlanningError.self) {
            try LayoutPlanner(rules: .defaults).plan(stage: .primary, blocks: blocks, sites: sites, distances: [], target: .open(0))
        }
        #expect(throws: PlanningError.self) {
            try LayoutPlanner(rules: .defaults).plan(stage: .primary, blocks: blocks, sites: sites, distances: [], target: .open(15))
        }
        #expect(throws: PlanningError.self) {
            try LayoutPlanner(rules: .defaults).plan(stage: .primary, blocks: blocks, sites: sites, distances: [], target: .budget(-1))
        }
        // Above the dense matrix's limit: refused before anything is allocated.
        var small = LayoutPlanner(rules: .defaults)
        small.largestPairs = blocks.count * sites.count - 1
        do {
            _ = try small.plan(stage: .primary, blocks: blocks, sites: sites, distances: [], target: .open(2))
            Issue.record("a plan above the limit must be refused")
        } catch {
            #expect(error.message(in: .english).contains("limit"))
        }
        do {
            _ = try LayoutPlanner(rules: .defaults).plan(stage: .primary, blocks: blocks, sites: [], distances: [], target: .open(1))
            Issue.record("no sites must be refused")
        } catch {
            #expect(error.message(in: .chinese).contains("布点"))
        }
    }
}
