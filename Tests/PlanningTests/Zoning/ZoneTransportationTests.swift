import Testing
@testable import Planning

/// ``ZoneTransportation`` against the general ``MinCostFlow`` on the same networks: the same
/// children placed at the same least cost, a basic flow, and prices that prove it.
@Suite("The relaxation's transportation solver")
struct ZoneTransportationTests {
    /// A random network: integer costs (so both solvers are exact and must agree to the unit),
    /// some blocks with no candidate, some schools with no places, places from short to ample.
    private func randomNetwork(seed: Int) -> ZoneNetwork {
        var rng = TestRandom(seed: 9_000 + seed)
        let n = rng.int(1, 40), m = rng.int(1, 7)
        let demand = (0..<n).map { _ in rng.int(0, 3) == 0 ? 0 : rng.int(1, 60) }
        let total = demand.reduce(0, +)
        let slack = [0.5, 0.9, 1.0, 1.2, 3.0][seed % 5]
        let capacity = (0..<m).map { _ in rng.int(0, 5) == 0 ? 0 : max(0, Int(Double(total) * slack / Double(m) * rng.uniform(0.3, 1.7))) }
        let current = (0..<n).map { _ in rng.int(-1, m - 1) }
        let candidates: [[(school: Int, km: Double)]] = (0..<n).map { _ in
            rng.int(0, 6) == 0 ? [] : (0..<m).filter { _ in rng.int(0, 2) > 0 }.map { ($0, Double(rng.int(0, 30))) }
        }
        return ZoneNetwork(demand: demand, capacity: capacity, current: current, moveWeight: Double(seed % 3), candidates: candidates)
    }

    @Test("the same placed children and least cost as MinCostFlow; basic; prices prove optimality", arguments: 0..<300)
    func againstMinCostFlow(seed: Int) {
        let network = randomNetwork(seed: seed)
        let solved = ZoneTransportation(network)
        // The general solver, asked for the most it can place.
        var (graph, source, sink) = ZoneRelaxation.flowNetwork(network)
        let most = graph.solve(from: source, to: sink)
        #expect(solved.placed == most.flow)
        #expect(solved.cost == most.cost, "seed \(seed)")

        // A flow: blocks' children conserved, no school over its places.
        let n = network.blockCount, m = network.schoolCount
        var load = Array(repeating: 0, count: m)
        var split = 0
        for i in 0..<n {
            let arcs = network.arcs(of: i)
            #expect(arcs.reduce(0) { $0 + solved.flow[$1] } + solved.unplaced[i] == network.demand[i])
            for a in arcs { #expect(solved.flow[a] >= 0); load[network.school[a]] += solved.flow[a] }
            if arcs.count(where: { solved.flow[$0] > 0 }) >= 2 { split += 1 }
            // (a): children only where the block's price is attained; no candidate below it.
            let u = solved.blockPrice(i)
            for a in arcs {
                let priced = network.unitCost(a, of: i) + solved.price[network.school[a]]
                #expect(priced >= u)
                if solved.flow[a] > 0 { #expect(priced == u) }
            }
            if solved.unplaced[i] > 0 { #expect(u == solved.unplacedCost) }
        }
        #expect(split < max(1, m))
        for j in 0..<m {
            #expect(load[j] <= network.capacity[j])
            #expect(load[j] == solved.load[j])
            // (b): a price only where the school is full.
            #expect(solved.price[j] >= 0)
            if solved.price[j] > 0 { #expect(load[j] == network.capacity[j]) }
        }
    }

    @Test("the doc comment's worked example: y splits 20 / 40, 250 child·km, π_A = 0.5")
    func workedExample() {
        let network = ZoneNetwork(demand: [80, 60, 30], capacity: [100, 100], current: [-1, -1, -1], moveWeight: 0,
                                  candidates: [[(0, 1), (1, 3)], [(0, 2), (1, 2.5)], [(0, 4), (1, 1)]])
        let solved = ZoneTransportation(network)
        #expect(solved.cost == 250)
        #expect(solved.price == [0.5, 0])
        #expect(solved.load == [100, 70])
        #expect((0..<3).map(solved.blockPrice) == [1.5, 2.5, 1])
        let y = network.arcs(of: 1)
        #expect(y.map { solved.flow[$0] } == [20, 40])
        #expect(solved.steps == 1)
    }

    @Test("the relaxation's potentials: every pair of the network prices at or above zero")
    func potentials() {
        for seed in 0..<40 {
            let network = randomNetwork(seed: seed)
            let relaxation = ZoneRelaxation(network)
            for i in 0..<network.blockCount where network.demand[i] > 0 {
                for a in network.arcs(of: i) {
                    #expect(relaxation.reducedCost(block: i, school: network.school[a], unitCost: network.unitCost(a, of: i)) >= 0)
                }
            }
        }
    }
}
