import Domain
import Foundation
import Testing
@testable import Planning

/// A random county for zoning: `schools` public primary schools and `blocks` blocks scattered
/// over a few km, children 0–`most` per block, places tight enough that some bind.
struct ZoningCounty {
    var schools: [SchoolYear]
    var blocks: [ResidentialBlock]

    /// Blocks are zoned today to their nearest school, one in five to another one.
    init(seed: Int, schools m: Int, blocks n: Int, most: Int = 200, slack: Double = 1.1) {
        var rng = TestRandom(seed: seed)
        let places = (0..<m).map { _ in Coordinate(longitude: 113 + rng.uniform(0, 0.06), latitude: 28 + rng.uniform(0, 0.06)) }
        var blocks: [ResidentialBlock] = []
        for i in 0..<n {
            let children = rng.int(0, most)
            let location = Coordinate(longitude: 113 + rng.uniform(0, 0.06), latitude: 28 + rng.uniform(0, 0.06))
            let nearest = places.indices.min { DistanceModel.greatCircle(location, places[$0]) < DistanceModel.greatCircle(location, places[$1]) }!
            let current = rng.int(0, 4) == 0 ? rng.int(0, m - 1) : nearest
            blocks.append(ResidentialBlock(
                id: "B\(i)", name: "片区\(i)", countyCode: "430102", location: location,
                children: [.primary: children], migrants: [.primary: rng.int(0, children / 3)],
                currentSchool: [.primary: "S\(current)"]))
        }
        let total = blocks.reduce(0) { $0 + $1.children(.primary) }
        let share = Double(total) * slack / Double(m) / 45
        schools = (0..<m).map { j in
            SchoolYear(year: 2025, countyCode: "430102", schoolCode: "S\(j)", schoolName: "学校\(j)", type: .primary,
                       locality: j % 3 == 2 ? .rural : (j % 3 == 1 ? .town : .urban), coordinate: places[j],
                       primary: StageRecord(students: 100, classes: max(1, Int((share * rng.uniform(0.6, 1.4)).rounded()))))
        }
        self.blocks = blocks
    }
}

@Suite("Zoning (学区划分)")
struct ZoningTests {
    @Test("the great-circle example of the doc comment")
    func haversine() {
        let d = DistanceModel.greatCircle(Coordinate(longitude: 116.3975, latitude: 39.9087), Coordinate(longitude: 121.4737, latitude: 31.2304))
        #expect(abs(d - 1068.1403) < 0.001)
        let model = DistanceModel(distances: [TravelDistance(from: "B", to: "S", measure: .minutes(12))], rules: .defaults)
        let block = ResidentialBlock(id: "B", name: "", countyCode: "1", location: nil, children: [:])
        // 12 minutes at 15 km/h is 3 km; an unlisted pair without coordinates is unreachable.
        #expect(model.kilometres(from: block, to: "S", at: nil) == 3)
        #expect(model.kilometres(from: block, to: "T", at: Coordinate(longitude: 1, latitude: 1)) == nil)
    }

    @Test("the measures' worked example")
    func measuresExample() {
        let schools = [ZonedSchool(code: "X", name: "X", locality: .urban, capacity: 200, capacityEstimated: false, location: nil, students: nil),
                       ZonedSchool(code: "Y", name: "Y", locality: .urban, capacity: 200, capacityEstimated: false, location: nil, students: nil)]
        let blocks = [
            ZonedBlock(id: "A", name: "A", children: 100, migrants: 10, school: "X", kilometres: 1.2, nearest: "X", nearestKilometres: 1.2, current: "X", location: nil),
            ZonedBlock(id: "B", name: "B", children: 50, migrants: 0, school: "X", kilometres: 2.0, nearest: "Y", nearestKilometres: 1.5, current: "Y", location: nil),
        ]
        let m = ZoneMeasures(blocks: blocks, schools: schools, stage: .primary, rules: .defaults)
        #expect(abs(m.nearestShare! - 100.0 / 150) < 1e-12)
        #expect(m.withinLimitShare == 1)
        #expect(m.moved == 50)
        #expect(m.urbanTownNearbyShare == m.nearestShare)
        #expect(m.schools.map(\.children) == [150, 0])
        #expect(m.migrantShare == 1)
    }

    /// Every whole-block plan by enumeration: the least (unplaced, cost), optionally keeping the
    /// no-islands rule.
    private func bruteForce(_ network: ZoneNetwork, contiguity: ZoneContiguity?) -> (unplaced: Int, cost: Double) {
        let n = network.blockCount
        var choice = Array(repeating: -1, count: n)
        var best = (unplaced: Int.max, cost: Double.infinity)
        func visit(_ i: Int) {
            if i == n {
                var load = Array(repeating: 0, count: network.schoolCount)
                var unplaced = 0, cost = 0.0
                for b in 0..<n {
                    if choice[b] < 0 { unplaced += network.demand[b]; continue }
                    load[network.school[choice[b]]] += network.demand[b]
                    cost += Double(network.demand[b]) * network.unitCost(choice[b], of: b)
                }
                guard zip(load, network.capacity).allSatisfy({ $0 <= $1 }) else { return }
                if contiguity != nil {
                    var plan = WholeBlockZoning(network: network, contiguity: contiguity)
                    for (b, a) in choice.enumerated() where a >= 0 { plan.assign(b, arc: a) }
                    if !plan.islands.isEmpty { return }
                }
                if unplaced < best.unplaced || (unplaced == best.unplaced && cost < best.cost) { best = (unplaced, cost) }
                return
            }
            for a in network.arcs(of: i) { choice[i] = a; visit(i + 1) }
            choice[i] = -1
            visit(i + 1)
        }
        visit(0)
        return best
    }

    /// The network the planner builds for a county (all pairs).
    private func network(_ county: ZoningCounty, rules: ZoningRules) -> ZoneNetwork {
        let zoned = ZonedSchool.zoned(county.schools, stage: .primary, rules: rules)
        let model = DistanceModel(distances: [], rules: rules)
        let index = Dictionary(uniqueKeysWithValues: zoned.enumerated().map { ($1.code, $0) })
        return ZoneNetwork(
            demand: county.blocks.map { $0.children(.primary) }, capacity: zoned.map(\.capacity),
            current: county.blocks.map { index[$0.currentSchool[.primary]!]! }, moveWeight: rules.moveWeight,
            candidates: county.blocks.map { b in zoned.enumerated().map { ($0, model.kilometres(from: b, to: $1.code, at: $1.location)!) } })
    }

    @Test("small counties: the plan is the exhaustive optimum, the heuristic and the bound bracket it",
          arguments: 0..<24)
    func exhaustive(seed: Int) {
        var rules = ZoningRules.defaults
        rules.contiguous = seed % 2 == 0
        rules.moveWeight = seed % 3 == 0 ? 0.5 : 0
        let county = ZoningCounty(seed: seed, schools: 2 + seed % 2, blocks: 5 + seed % 3, slack: seed % 4 == 0 ? 0.8 : 1.15)
        let network = network(county, rules: rules)
        let contiguity = rules.contiguous ? ZonePlanner.contiguity(of: county.blocks) : nil
        let optimum = bruteForce(network, contiguity: contiguity)

        let plan = ZonePlanner(rules: rules).plan(stage: .primary, county: "430102", blocks: county.blocks, schools: county.schools, distances: [])
        #expect(plan.optimality == .optimal)
        #expect(plan.planned.unplaced == optimum.unplaced)
        #expect(abs(plan.weightedObjective - optimum.cost) <= 1e-9 * max(1, optimum.cost))

        var heuristic = ZonePlanner(rules: rules)
        heuristic.exactBlocks = 0
        let local = heuristic.plan(stage: .primary, county: "430102", blocks: county.blocks, schools: county.schools, distances: [])
        #expect(local.planned.unplaced >= optimum.unplaced)
        if local.planned.unplaced == optimum.unplaced {
            #expect(local.weightedObjective >= optimum.cost - 1e-9 * max(1, optimum.cost))
            #expect(local.lowerBound <= optimum.cost + 1e-9 * max(1, optimum.cost))
        }
    }

    @Test("every block once or unplaced, no school over its places, the relaxation below the plan", arguments: 0..<9)
    func invariants(seed: Int) {
        var rules = ZoningRules.defaults
        rules.moveWeight = Double(seed % 3) * 0.3
        rules.contiguous = seed % 4 != 1
        // Places short of the children (0.9), about enough (1.2), ample (1.6).
        let slack = [0.9, 1.2, 1.6][seed % 3]
        let county = ZoningCounty(seed: 100 + seed, schools: 12, blocks: 400, slack: slack)
        let plan = ZonePlanner(rules: rules).plan(stage: .primary, county: "430102", blocks: county.blocks, schools: county.schools, distances: [])
        #expect(plan.blocks.map(\.id) == county.blocks.map(\.id))
        var load: [String: Int] = [:]
        for block in plan.blocks { if let s = block.school { load[s, default: 0] += block.children } }
        for school in plan.schools { #expect(load[school.code, default: 0] <= school.capacity) }
        #expect(plan.planned.placed + plan.planned.unplaced == county.blocks.reduce(0) { $0 + $1.children(.primary) })
        #expect(plan.lowerBound <= plan.weightedObjective + 1e-9 * plan.weightedObjective)
        #expect(plan.gap >= 0)
        if slack > 1 { #expect(plan.gap < (rules.contiguous ? 0.05 : 0.02)) }
        if slack > 1.5 || !rules.contiguous { #expect(plan.islands.isEmpty) }
        // The islands reported are exactly the blocks cut off from their zone's nearest block.
        if rules.contiguous {
            #expect(disconnected(plan, county) == plan.islands)
        }
    }

    /// The blocks not joined, through neighbours of their own zone, to the zone's block nearest
    /// to its school — computed from the plan's output alone.
    private func disconnected(_ plan: ZoningPlan, _ county: ZoningCounty) -> [String] {
        let contiguity = ZonePlanner.contiguity(of: county.blocks)
        let zone = plan.blocks.map(\.school)
        var reached = Array(repeating: false, count: zone.count)
        for code in Set(zone.compactMap { $0 }) {
            let members = zone.indices.filter { zone[$0] == code }
            let root = members.min { (plan.blocks[$0].kilometres!, $0) < (plan.blocks[$1].kilometres!, $1) }!
            reached[root] = true
            var stack = [root]
            while let b = stack.popLast() {
                for c in contiguity.neighbours[b] where zone[c] == code && !reached[c] { reached[c] = true; stack.append(c) }
            }
        }
        return zone.indices.filter { zone[$0] != nil && !reached[$0] }.map { plan.blocks[$0].id }
    }

    @Test("restricting to the k nearest schools, checked by reduced costs, keeps the full relaxation's cost", arguments: 0..<4)
    func restriction(seed: Int) {
        let county = ZoningCounty(seed: 300 + seed, schools: 15, blocks: 300, slack: 1.05)
        var rules = ZoningRules.defaults
        rules.contiguous = false
        rules.moveWeight = Double(seed) * 0.2
        var planner = ZonePlanner(rules: rules)
        planner.fullPairs = 0
        planner.nearest = 2
        let restricted = planner.plan(stage: .primary, county: "430102", blocks: county.blocks, schools: county.schools, distances: [])
        #expect(restricted.candidates.verified)
        #expect(restricted.candidates.nearest == 2)
        let full = ZoneRelaxation(network(county, rules: rules))
        #expect(restricted.relaxationPlaced == full.placed)
        #expect(abs(restricted.relaxationCost - full.cost) <= 1e-9 * full.cost)
    }

    @Test("the no-islands rule: every block of a zone reaches its root through nearer neighbours")
    func contiguityWalk() {
        let county = ZoningCounty(seed: 7, schools: 6, blocks: 200, slack: 1.6)
        let plan = ZonePlanner(rules: .defaults).plan(stage: .primary, county: "430102", blocks: county.blocks, schools: county.schools, distances: [])
        #expect(plan.islands.isEmpty)
        // Connectedness in the neighbour graph, zone by zone.
        let contiguity = ZonePlanner.contiguity(of: county.blocks)
        let zone = plan.blocks.map(\.school)
        for code in Set(zone.compactMap { $0 }) {
            let members = zone.indices.filter { zone[$0] == code }
            var seen: Set<Int> = [members[0]], stack = [members[0]]
            while let b = stack.popLast() {
                for c in contiguity.neighbours[b] where zone[c] == code && seen.insert(c).inserted { stack.append(c) }
            }
            #expect(seen.count == members.count, "zone \(code) is in pieces")
        }
    }

    @Test("a distance limit, when enforced, leaves the far blocks unplaced and says where places are short")
    func enforcedLimit() {
        var rules = ZoningRules.defaults
        rules.enforceDistanceLimit = true
        rules.distanceLimit[.primary] = 0.001
        let county = ZoningCounty(seed: 3, schools: 3, blocks: 20)
        let plan = ZonePlanner(rules: rules).plan(stage: .primary, county: "430102", blocks: county.blocks, schools: county.schools, distances: [])
        #expect(plan.planned.placed == 0)
        #expect(plan.planned.unplaced == county.blocks.reduce(0) { $0 + $1.children(.primary) })
        #expect(plan.planned.shortages.allSatisfy { $0.school == nil })
    }
}
