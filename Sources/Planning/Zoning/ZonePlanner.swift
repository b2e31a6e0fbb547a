import Domain
import Foundation

/// Draws a county's zones for one stage (学区划分): every block wholly to one zoned school,
/// places respected, as many children placed as whole blocks allow, and then total
/// child-distance least (plus the move weight per child zoned away from today's school).
///
/// ```swift
/// let plan = ZonePlanner(rules: .defaults).plan(stage: .primary, county: "430102",
///                                               blocks: blocks, schools: rows, distances: [])
/// plan.objective     // Σ children × km
/// plan.gap           // ≤ the proven distance from the optimum
/// ```
///
/// **Method.** (1) Candidates: each block's reachable zoned schools (within the stage's limit
/// when it is enforced). Above 2,000,000 block–school pairs only the k = 24 nearest are kept,
/// with today's school and the distances file's pairs (``ZoneCandidates``). (2) The split
/// relaxation (``ZoneRelaxation``), solved exactly, is the lower bound. With restricted
/// candidates, every left-out pair is priced with the relaxation's potentials; a pair of
/// negative reduced cost is added and the relaxation solved again, until none is left —
/// then the restricted optimum is the full network's (complementary slackness), and the bound
/// holds for the full problem. When the relaxation could not send all it might, a left-out pair
/// could open a path, so the full network is solved instead. (3) Rounding and local search
/// (``WholeBlockZoning``), keeping the no-islands rule (``ZoneContiguity``) when the rules
/// ask. (4) Small counties (≤ 16 blocks with children) are solved exactly (``ZoneBranchAndBound``).
/// The gap is measured against the relaxation at the number of children the plan places.
public struct ZonePlanner: Sendable {
    public var rules: ZoningRules
    /// Pairs above which candidates are restricted to the nearest.
    public var fullPairs = 2_000_000
    /// Nearest schools kept per block when restricted.
    public var nearest = 24
    /// Blocks with children up to which the plan is proven by branch and bound.
    public var exactBlocks = 16

    public init(rules: ZoningRules) {
        self.rules = rules
    }

    /// The plan of `county`'s `blocks` for `stage` among `schools` (the county's rows of the year).
    public func plan(stage: Stage, county: String, blocks: [ResidentialBlock], schools: [SchoolYear],
                     distances: [TravelDistance]) -> ZoningPlan {
        let zoned = ZonedSchool.zoned(schools.filter { $0.countyCode == county }, stage: stage, rules: rules)
        let blocks = blocks.filter { $0.countyCode == county }
        let model = DistanceModel(distances: distances, rules: rules)
        let index = Dictionary(zoned.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let limit = rules.enforceDistanceLimit ? (rules.distanceLimit[stage] ?? .infinity) : .infinity

        // Every reachable pair's km, per block; the nearest school by km.
        let n = blocks.count, m = zoned.count
        let restricted = n * m > fullPairs
        let search = ZoneCandidates(schools: zoned, model: model, limit: limit)
        var candidates: [[(school: Int, km: Double)]] = []
        var nearestOf: [(school: Int, km: Double)?] = []
        candidates.reserveCapacity(n)
        let current = blocks.map { index[$0.currentSchool[stage] ?? ""] ?? -1 }
        for (i, block) in blocks.enumerated() {
            if restricted {
                let (kept, nearest) = search.nearest(self.nearest, of: block, keeping: current[i])
                candidates.append(kept)
                nearestOf.append(nearest)
            } else {
                let all = search.all(of: block)
                candidates.append(all)
                nearestOf.append(all.min(by: ZoneCandidates.nearer))
            }
        }
        let demand = blocks.map { $0.children(stage) }
        var network = ZoneNetwork(demand: demand, capacity: zoned.map(\.capacity), current: current,
                                  moveWeight: rules.moveWeight, candidates: candidates)
        var relaxation = ZoneRelaxation(network)
        var added = 0
        var verified = !restricted
        if restricted {
            let carriable = min(demand.reduce(0, +), zoned.reduce(0) { $0 + $1.capacity })
            if relaxation.placed < carriable {
                network = network.adding(blocks.indices.flatMap { i in search.all(of: blocks[i]).map { (i, $0.school, $0.km) } })
                relaxation = ZoneRelaxation(network)
                verified = true
            } else {
                for _ in 0..<20 {
                    let violating = priceLeftOut(blocks: blocks, search: search, network: network, relaxation: relaxation)
                    if violating.isEmpty { verified = true; break }
                    added += violating.count
                    network = network.adding(violating)
                    relaxation = ZoneRelaxation(network)
                }
            }
        }

        let contiguity = rules.contiguous ? Self.contiguity(of: blocks) : nil
        var whole = contiguity.map { WholeBlockZoning.growing(relaxation, network: network, contiguity: $0) }
            ?? WholeBlockZoning.rounding(relaxation, network: network, contiguity: nil)
        whole.improve()
        var proven = false
        if demand.count(where: { $0 > 0 }) <= exactBlocks {
            let outcome = ZoneBranchAndBound(network: network, contiguity: contiguity, budget: 2_000_000).solve(startingFrom: whole)
            var exact = WholeBlockZoning(network: network, contiguity: contiguity)
            for (i, a) in outcome.arcOf.enumerated() where a >= 0 { exact.assign(i, arc: a) }
            whole = exact
            proven = outcome.finished
        }

        let placed = demand.reduce(0, +) - whole.unplaced
        let bound = placed == relaxation.placed ? relaxation.cost : ZoneRelaxation.bound(network, placing: placed)
        let cost = whole.cost
        let closeEnough = cost - bound <= 1e-9 * max(1, cost)
        let optimal = proven || closeEnough
        let gap = optimal || cost <= 0 ? 0 : max(0, (cost - bound) / cost)

        var zonedBlocks: [ZonedBlock] = []
        var plannedKm = 0.0
        for (i, block) in blocks.enumerated() {
            let a = whole.arcOf[i]
            let school = a >= 0 ? zoned[network.school[a]].code : nil
            let km = a >= 0 ? network.km[a] : nil
            if let km { plannedKm += Double(demand[i]) * km }
            zonedBlocks.append(ZonedBlock(
                id: block.id, name: block.name, children: demand[i], migrants: block.migrants(stage), school: school,
                kilometres: km, nearest: nearestOf[i].map { zoned[$0.school].code }, nearestKilometres: nearestOf[i]?.km,
                current: block.currentSchool[stage], location: block.location))
        }
        let planned = ZoneMeasures(blocks: zonedBlocks, schools: zoned, stage: stage, rules: rules)
        let today = Self.currentZones(blocks: blocks, zonedBlocks: zonedBlocks, stage: stage, zoned: zoned, model: model)
            .map { ZoneMeasures(blocks: $0, schools: zoned, stage: stage, rules: rules) }
        return ZoningPlan(
            stage: stage, countyCode: county, schools: zoned, blocks: zonedBlocks, objective: plannedKm,
            weightedObjective: cost, lowerBound: optimal ? cost : bound, gap: gap,
            optimality: optimal ? .optimal : .feasible, relaxationPlaced: relaxation.placed, relaxationCost: relaxation.cost,
            candidates: .init(nearest: restricted ? nearest : nil, added: added, verified: verified),
            planned: planned, current: today, islands: whole.islands.map { blocks[$0].id })
    }

    /// Today's zones as zoned blocks (each block at its `current_*` school when that school is
    /// zoned; otherwise unplaced), or nil when no block with children names one.
    static func currentZones(blocks: [ResidentialBlock], zonedBlocks: [ZonedBlock], stage: Stage, zoned: [ZonedSchool],
                             model: DistanceModel) -> [ZonedBlock]? {
        let withChildren = blocks.filter { $0.children(stage) > 0 }
        guard !withChildren.isEmpty, withChildren.allSatisfy({ $0.currentSchool[stage] != nil }) else { return nil }
        let byCode = Dictionary(zoned.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        return zip(blocks, zonedBlocks).map { block, planned in
            var today = planned
            let school = block.currentSchool[stage].flatMap { byCode[$0] }
            today.school = school?.code
            today.kilometres = school.flatMap { model.kilometres(from: block, to: $0.code, at: $0.location) }
            return today
        }
    }

    /// Left-out pairs whose reduced cost is negative under the relaxation's potentials.
    ///
    /// A block keeps its k nearest schools, so every left-out school is at least as far as the
    /// k-th nearest kept one, and costs at least that per child: a block whose k-th km plus
    /// π(block) reaches the largest school potential has no negative pair, and is skipped
    /// without computing its distances. For the others, school j is priced only when its km
    /// could be below π(school j) − π(block), the most a pair of reduced cost < 0 can be.
    private func priceLeftOut(blocks: [ResidentialBlock], search: ZoneCandidates, network: ZoneNetwork,
                              relaxation: ZoneRelaxation) -> [(block: Int, school: Int, km: Double)] {
        let highest = relaxation.potentials.school.max() ?? 0
        let tolerance = 1e-9 * max(1, network.km.max() ?? 1)
        var violating: [(block: Int, school: Int, km: Double)] = []
        for (i, block) in blocks.enumerated() where network.demand[i] > 0 {
            let arcs = network.arcs(of: i)
            let kms = arcs.map { network.km[$0] }.sorted()
            let kth = kms.isEmpty ? 0 : kms[min(nearest, kms.count) - 1]
            let blockPotential = relaxation.potentials.block[i]
            if kth + blockPotential - highest >= -tolerance { continue }
            let kept = Set(arcs.map { network.school[$0] })
            for (j, km) in search.pairs(of: block, excluding: kept, below: { relaxation.potentials.school[$0] - blockPotential }) {
                let unit = km + (j == network.current[i] ? 0 : rules.moveWeight)
                if relaxation.reducedCost(block: i, school: j, unitCost: unit) < -tolerance { violating.append((i, j, km)) }
            }
        }
        return violating
    }

    /// The neighbour graph of the blocks' locations (planar km around their mean latitude).
    static func contiguity(of blocks: [ResidentialBlock]) -> ZoneContiguity {
        let located = blocks.compactMap(\.location)
        let meanLatitude = located.isEmpty ? 0 : located.reduce(0) { $0 + $1.latitude } / Double(located.count)
        let kmPerDegree = DistanceModel.earthRadius * Double.pi / 180
        let shrink = cos(meanLatitude * Double.pi / 180)
        return ZoneContiguity(points: blocks.map { block in
            block.location.map { (x: $0.longitude * kmPerDegree * shrink, y: $0.latitude * kmPerDegree) }
        })
    }
}
