/// The zoning problem with blocks allowed to split (分块松弛): a transportation problem, the
/// minimum-cost flow source → block (dᵢ) → school (cost per child) → sink (capⱼ), solved exactly
/// by ``ZoneTransportation`` (the most children placed) or ``MinCostFlow`` (a given number).
///
/// **It is the lower bound.** Every whole-block plan is a flow of this network (each block's
/// children all on one arc), so the least cost of a flow that places F children is at most the
/// cost of any whole-block plan that places F children. ``init(_:)`` sends the most the
/// network carries at the least cost among such flows, and C(F), the least cost of F children, is
/// what ``bound(_:placing:)`` solves for a whole-block plan that places fewer.
///
/// **Basic solutions split few blocks.** Both solvers end at a basic solution: the arcs strictly
/// between 0 and their capacity form a forest. A block split between schools has at least two
/// such arcs to schools, so s split blocks and the t ≤ m schools they touch carry at least 2s
/// forest arcs, and a forest on s + t nodes has at most s + t − 1: s ≤ t − 1, **fewer split
/// blocks than schools** — the rounding has at most m − 1 blocks to place.
struct ZoneRelaxation: Sendable {
    /// Children of each arc (indexed like ``ZoneNetwork``'s arcs).
    let flow: [Int]
    /// Σ children × cost per child.
    let cost: Double
    /// Children placed.
    let placed: Int
    /// The flow's node potentials: π(block i) at index i, π(school j) at blockCount + j.
    let potentials: (block: [Double], school: [Double])

    /// The most children the network places, at least cost: from each block on its cheapest
    /// school, by shortest augmenting paths between schools (``ZoneTransportation``).
    init(_ network: ZoneNetwork) {
        let solved = ZoneTransportation(network)
        flow = solved.flow
        cost = solved.cost
        placed = solved.placed
        // π(block) = −uᵢ and π(school) = −πⱼ: the reduced cost cᵢⱼ + π(block) − π(school) of a pair
        // is cᵢⱼ + πⱼ − uᵢ, not negative for every pair in the network.
        potentials = ((0..<network.blockCount).map { -solved.blockPrice($0) }, solved.price.map { -$0 })
    }

    /// The least cost of a split plan that places exactly `children` children, by the general
    /// ``MinCostFlow``: the bound for a whole-block plan that places that many (fewer than
    /// ``init(_:)`` places, when places are short).
    static func bound(_ network: ZoneNetwork, placing children: Int) -> Double {
        var (graph, source, sink) = flowNetwork(network)
        return graph.solve(from: source, to: sink, amount: children).cost
    }

    /// The network as a ``MinCostFlow``: source → block (dᵢ, cost 0) → school (dᵢ, cost per
    /// child) → sink (capⱼ, cost 0).
    static func flowNetwork(_ network: ZoneNetwork) -> (graph: MinCostFlow, source: Int, sink: Int) {
        let n = network.blockCount, m = network.schoolCount
        let source = n + m, sink = n + m + 1
        var graph = MinCostFlow(nodes: n + m + 2)
        for i in 0..<n where network.demand[i] > 0 { graph.addEdge(from: source, to: i, capacity: network.demand[i], cost: 0) }
        for i in 0..<n where network.demand[i] > 0 {
            for a in network.arcs(of: i) {
                graph.addEdge(from: i, to: n + network.school[a], capacity: network.demand[i], cost: network.unitCost(a, of: i))
            }
        }
        for j in 0..<m where network.capacity[j] > 0 { graph.addEdge(from: n + j, to: sink, capacity: network.capacity[j], cost: 0) }
        return (graph, source, sink)
    }

    /// The reduced cost of zoning block i to school j at `unitCost` per child: not negative for
    /// every pair left out of the network means the relaxation is optimal with them too (when
    /// the flow is the most the full network can carry — see ``ZonePlanner``).
    func reducedCost(block i: Int, school j: Int, unitCost: Double) -> Double {
        unitCost + potentials.block[i] - potentials.school[j]
    }
}
