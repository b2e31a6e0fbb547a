/// Minimum-cost flow on a directed graph with integer capacities (最小费用流): the model behind
/// moving whole teachers between schools at least distance.
///
/// ```swift
/// var network = MinCostFlow(nodes: 3)
/// network.addEdge(from: 0, to: 1, capacity: 2, cost: 1)
/// network.addEdge(from: 1, to: 2, capacity: 2, cost: 1)
/// let result = network.solve(from: 0, to: 2, amount: 2)   // flow 2, cost 4
/// ```
///
/// Costs are Doubles and may be negative; cycles of negative cost may not exist (as in any
/// source-to-sink model: the least cost would send flow round them). Capacities are exact
/// integers; flows are integers (the network matrix is totally unimodular, and every step below
/// moves whole units).
///
/// **Algorithm: primal network simplex** (``NetworkSimplex``), chosen over the successive shortest
/// paths it replaces (one Dijkstra per unit when, as in the rotation model, every source and sink
/// arc carries one unit) and over cost scaling (which needs integer costs; these are Doubles with
/// 10⁻¹⁴ tie-breaks). Its number of pivots does not grow with the flow: one pivot may move any
/// amount. Both modes of ``solve(from:to:amount:below:)`` are one min-cost circulation: the zero
/// flow plus a return arc sink → source of cost −p ("the price of a unit") and capacity
/// U = min(`amount`, the capacity out of the source, the capacity into the sink). A circulation
/// sending F units round it costs C(F) − p·F, where C(F) is the least cost of F units; C is convex
/// (piecewise linear, its slopes the successive shortest path costs), so the least circulation
/// takes exactly the units whose marginal cost is below p.
///
/// - **with `below`**: p = `below` — any flow up to `amount`, only units that cost less than
///   `below`: what stopping successive shortest paths at the first path of cost `below` or more gave.
/// - **without `below`** (exactly `amount`, or the most the graph carries): p is raised until it
///   is above every unit's marginal cost. It starts at 4·max |cost| (above any path of at most
///   four cost-bearing arcs, as the rotation model's giver → pair → taker paths are); after each
///   solve, if fewer than U units flow and the residual graph still has a path source → sink (one
///   breadth-first search), p is multiplied by 16 and the simplex goes on from its last tree (only
///   the potentials change). It stops with F = U, which is then C(U)'s flow (the circulation is
///   least among all, so among those with F = U), or with no augmenting path, i.e. F is the
///   maximum flow, again at least cost among flows of that value. A unit's marginal cost is the
///   cost of a simple residual path, fewer than n arcs of at most max |cost| each, so after r raises
///   with 4·16^r ≥ n every unit is taken: at most 1 + ⌈log₁₆(n/4)⌉ rounds (6 for a million
///   nodes), and 1 on every rotation network measured.
///   This replaced a capped maximum flow (Dinic) followed by the simplex over cycles, which starts
///   from a flow far from the optimum behind a star of artificial arcs: 1.09–1.98× OR-Tools' time on
///   the planner's Lagrangian "shortest" networks, about half of it now (BENCHMARKS.md).
///
/// In both, the first tree is the shortest paths to the sink (queue-based Bellman–Ford), so the
/// simplex starts from the potentials successive shortest paths would have used; from a star of
/// artificial arcs it took 15–60 % more pivots on the rotation benchmark's networks.
///
/// Optimality is the simplex's: no arc of the residual graph has negative reduced cost under the
/// final potentials, so no residual cycle has negative cost (the argument is in ``NetworkSimplex``).
///
/// **Tolerance.** An arc improves the flow only if its reduced cost is below −τ, τ = 2⁻⁵⁰ · max |cost|
/// (≈ 8.9·10⁻¹⁶ of the largest cost; the rotation model's 10⁻¹⁴ tie-breaks on costs of order 1
/// are seen). A flow is therefore optimal up to τ per unit and arc of a cycle; with integer-valued
/// costs below 2⁴⁹ it is exactly optimal.
public struct MinCostFlow: Sendable {
    private var tails: [Int] = []
    private var heads: [Int] = []
    private var capacities: [Int] = []
    private var costs: [Double] = []
    private var flows: [Int] = []

    /// The number of nodes.
    public let nodeCount: Int

    /// A graph of `nodes` nodes (0 ..< nodes) and no edges.
    public init(nodes: Int) {
        precondition(nodes >= 0, "the number of nodes must not be negative")
        nodeCount = nodes
    }

    /// Adds an edge and returns its index, to read its flow after solving.
    @discardableResult
    public mutating func addEdge(from: Int, to: Int, capacity: Int, cost: Double) -> Int {
        precondition(capacity >= 0, "capacity must not be negative")
        precondition((0..<nodeCount).contains(from) && (0..<nodeCount).contains(to), "no such node")
        tails.append(from)
        heads.append(to)
        capacities.append(capacity)
        costs.append(cost)
        flows.append(0)
        return tails.count - 1
    }

    /// An edge as added.
    public struct Arc: Sendable, Hashable {
        public var from: Int
        public var to: Int
        public var capacity: Int
        public var cost: Double
    }

    /// Every edge as added (capacities before any flow), in the order added.
    public var arcs: [Arc] {
        tails.indices.map { Arc(from: tails[$0], to: heads[$0], capacity: capacities[$0], cost: costs[$0]) }
    }

    /// The flow on edge `index` (as returned by ``addEdge(from:to:capacity:cost:)``) after solving.
    public func flow(on index: Int) -> Int { flows[index] }

    /// The outcome of ``solve(from:to:amount:below:)``.
    public struct Result: Sendable, Hashable {
        /// The flow sent: `amount`, or less when the graph cannot carry it.
        public var flow: Int
        /// Its cost, the least for that flow.
        public var cost: Double
    }

    /// Sends up to `amount` from `source` to `sink` at least cost (all it can when `amount` is nil).
    /// With `below`, sends only the units whose marginal cost is below `below`: the least-cost flow
    /// of any amount up to `amount` when `below` is 0 (only paths that lower the cost are taken).
    /// Each call solves from the zero flow; the flows it finds replace earlier ones.
    @discardableResult
    public mutating func solve(from source: Int, to sink: Int, amount: Int? = nil, below: Double? = nil) -> Result {
        precondition(source != sink, "the source must not be the sink")
        precondition((0..<nodeCount).contains(source) && (0..<nodeCount).contains(sink), "no such node")
        precondition((amount ?? 0) >= 0, "the amount must not be negative")
        for e in flows.indices { flows[e] = 0 }
        let wanted = amount ?? .max
        guard wanted > 0 else { return Result(flow: 0, cost: 0) }

        // The simplex's arcs: every edge that can carry flow, `origin` naming its edge, then the
        // return arc. A loop never carries flow in a least-cost flow (a negative one would be a
        // negative cycle).
        let (tails, heads, capacities, costs) = (self.tails, self.heads, self.capacities, self.costs)
        var origin: [Int] = []
        origin.reserveCapacity(tails.count)
        var out = 0, into = 0
        for e in tails.indices where capacities[e] > 0 && tails[e] != heads[e] {
            origin.append(e)
            if tails[e] == source { out = Self.saturatingSum(out, capacities[e]) }
            if heads[e] == sink { into = Self.saturatingSum(into, capacities[e]) }
        }
        let bound = min(wanted, out, into)
        guard bound > 0 else { return Result(flow: 0, cost: 0) }
        let largest = origin.reduce(0.0) { max($0, abs(costs[$1])) }
        var price = below ?? (largest > 0 ? 4 * largest : 1)
        let returnArc = origin.count
        let simplex = NetworkSimplex(nodes: nodeCount, arcs: origin.count + 1) { i in
            if i == returnArc { return (sink, source, bound, -price, 0) }
            let e = origin[i]
            return (tails[e], heads[e], capacities[e], costs[e], 0)
        }
        simplex.hangShortestPaths(to: sink)
        let tolerance = largest * 0x1p-50
        simplex.run(tolerance: tolerance)
        if below == nil {
            while simplex.flow[returnArc] < bound && simplex.reaches(sink, from: source, excluding: returnArc) {
                price *= 16
                simplex.setCost(of: returnArc, to: -price)
                simplex.run(tolerance: tolerance)
            }
        }
        for (i, e) in origin.enumerated() { flows[e] = simplex.flow[i] }
        var total = 0.0
        for e in flows.indices where flows[e] != 0 { total += Double(flows[e]) * costs[e] }
        return Result(flow: simplex.flow[returnArc], cost: total)
    }

    /// a + b, or `Int.max` when that overflows (capacities may stand for "unbounded").
    private static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }
}
