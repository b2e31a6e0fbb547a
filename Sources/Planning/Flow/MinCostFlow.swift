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
/// Successive shortest paths with Johnson potentials: Bellman–Ford once for the initial
/// potentials (costs may be negative, cycles of negative cost may not), then Dijkstra on reduced
/// costs, stopped as soon as the sink is settled, pushing the bottleneck along each shortest path. Each augmentation is optimal for its
/// flow value, so stopping at `amount` gives the least cost of that amount; O(F·E log V) for
/// total flow F.
public struct MinCostFlow: Sendable {
    /// One edge and, at the next index, its residual reverse.
    struct Edge: Sendable {
        var to: Int
        var capacity: Int
        var cost: Double
    }

    private(set) var edges: [Edge] = []
    private var outgoing: [[Int]]

    /// The number of nodes.
    public var nodeCount: Int { outgoing.count }

    /// A graph of `nodes` nodes (0 ..< nodes) and no edges.
    public init(nodes: Int) {
        outgoing = Array(repeating: [], count: nodes)
    }

    /// Adds an edge and returns its index, to read its flow after solving.
    @discardableResult
    public mutating func addEdge(from: Int, to: Int, capacity: Int, cost: Double) -> Int {
        precondition(capacity >= 0, "capacity must not be negative")
        let index = edges.count
        edges.append(Edge(to: to, capacity: capacity, cost: cost))
        outgoing[from].append(index)
        edges.append(Edge(to: from, capacity: 0, cost: -cost))
        outgoing[to].append(index + 1)
        return index
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
        stride(from: 0, to: edges.count, by: 2).map { e in
            Arc(from: edges[e + 1].to, to: edges[e].to, capacity: edges[e].capacity + edges[e + 1].capacity, cost: edges[e].cost)
        }
    }

    /// The flow on edge `index` (as returned by ``addEdge(from:to:capacity:cost:)``) after solving.
    public func flow(on index: Int) -> Int { edges[index + 1].capacity }

    /// The outcome of ``solve(from:to:amount:)``.
    public struct Result: Sendable, Hashable {
        /// The flow sent: `amount`, or less when the graph cannot carry it.
        public var flow: Int
        /// Its cost, the least for that flow.
        public var cost: Double
    }

    /// Sends up to `amount` from `source` to `sink` at least cost (all it can when `amount` is nil).
    /// With `below`, stops before the first path whose cost per unit is `below` or more: since
    /// successive shortest paths never get cheaper, that gives the least-cost flow of any amount
    /// when `below` is 0 (only paths that lower the cost are taken).
    public mutating func solve(from source: Int, to sink: Int, amount: Int? = nil, below: Double? = nil) -> Result {
        let n = nodeCount
        // The graph in flat arrays: each node's edges contiguous (CSR), capacities and costs by edge.
        var start = Array(repeating: 0, count: n + 1)
        for u in 0..<n { start[u + 1] = start[u] + outgoing[u].count }
        let adjacency = outgoing.flatMap { $0 }
        let head = edges.map(\.to)
        let unitCost = edges.map(\.cost)
        var capacity = edges.map(\.capacity)

        var potential = Array(repeating: 0.0, count: n)
        // Bellman–Ford over edges with capacity, for negative costs.
        var distance = Array(repeating: Double.infinity, count: n)
        distance[source] = 0
        for _ in 0..<n {
            var changed = false
            for u in 0..<n where distance[u] < .infinity {
                for i in start[u]..<start[u + 1] {
                    let e = adjacency[i]
                    if capacity[e] > 0 && distance[u] + unitCost[e] < distance[head[e]] - 1e-12 {
                        distance[head[e]] = distance[u] + unitCost[e]
                        changed = true
                    }
                }
            }
            if !changed { break }
        }
        for u in 0..<n where distance[u] < .infinity { potential[u] = distance[u] }

        // Reduced costs within this of 0 count as 0: potentials carry rounding of that order,
        // and the same-distance lane below only works if exact ties are seen as ties.
        let tie = 1e-13 * (unitCost.lazy.map(abs).max() ?? 0)
        var flow = 0
        var cost = 0.0
        let wanted = amount ?? Int.max
        // Scratch arrays kept across searches; only the nodes a search touched are reset.
        var best = Array(repeating: Double.infinity, count: n)
        var via = Array(repeating: -1, count: n)
        var done = Array(repeating: false, count: n)
        var touched: [Int] = []
        var finished: [Int] = []
        var level: [Int] = []
        var queue = MinHeap()
        while flow < wanted {
            // Dijkstra on reduced costs (≥ 0 up to rounding), stopping at the sink. Most nodes keep
            // their distance from one search to the next, so most reduced distances are 0: nodes
            // reached at the distance being settled skip the heap (any order within one distance
            // is a Dijkstra order).
            let reached: Bool = start.withUnsafeBufferPointer { start in
                adjacency.withUnsafeBufferPointer { adjacency in
                    head.withUnsafeBufferPointer { head in
                        unitCost.withUnsafeBufferPointer { unitCost in
                            capacity.withUnsafeBufferPointer { capacity in
                                potential.withUnsafeBufferPointer { potential in
                                    best.withUnsafeMutableBufferPointer { best in
                                        via.withUnsafeMutableBufferPointer { via in
                                            done.withUnsafeMutableBufferPointer { done in
                                                for u in touched {
                                                    best[u] = .infinity
                                                    via[u] = -1
                                                    done[u] = false
                                                }
                                                touched.removeAll(keepingCapacity: true)
                                                finished.removeAll(keepingCapacity: true)
                                                level.removeAll(keepingCapacity: true)
                                                queue.removeAll()
                                                best[source] = 0
                                                touched.append(source)
                                                level.append(source)
                                                while true {
                                                    let u: Int
                                                    if let next = level.popLast() {
                                                        u = next
                                                    } else if let (key, next) = queue.pop() {
                                                        guard key <= best[next] else { continue }
                                                        u = next
                                                    } else {
                                                        break
                                                    }
                                                    if done[u] { continue }
                                                    done[u] = true
                                                    finished.append(u)
                                                    if u == sink { return true }
                                                    let d = best[u], pu = potential[u]
                                                    for i in start[u]..<start[u + 1] {
                                                        let e = adjacency[i]
                                                        guard capacity[e] > 0 else { continue }
                                                        let v = head[e]
                                                        if done[v] { continue }
                                                        let reduced = unitCost[e] + pu - potential[v]
                                                        let through = reduced > tie ? d + reduced : d
                                                        if through < best[v] {
                                                            if best[v] == .infinity { touched.append(v) }
                                                            best[v] = through
                                                            via[v] = e
                                                            if through == d { level.append(v) } else { queue.push(through, v) }
                                                        }
                                                    }
                                                }
                                                return false
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            guard reached else { break }
            // Nodes settled before the sink move by their distance less the sink's; the
            // others by nothing — the same reduced costs as adding the sink's distance to every
            // unsettled node, so reduced costs stay ≥ 0 without touching the whole graph.
            let reach = best[sink]
            for u in finished { potential[u] += best[u] - reach }
            var push = wanted - flow
            var pathCost = 0.0
            var v = sink
            while v != source {
                let e = via[v]
                push = min(push, capacity[e])
                pathCost += unitCost[e]
                v = head[e ^ 1]
            }
            if let below, pathCost >= below { break }
            v = sink
            while v != source {
                let e = via[v]
                capacity[e] -= push
                capacity[e ^ 1] += push
                cost += Double(push) * unitCost[e]
                v = head[e ^ 1]
            }
            flow += push
        }
        for e in edges.indices { edges[e].capacity = capacity[e] }
        return Result(flow: flow, cost: cost)
    }
}

/// A binary heap of (key, node), smallest key first.
struct MinHeap {
    private var items: [(Double, Int)] = []

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    mutating func push(_ key: Double, _ node: Int) {
        items.append((key, node))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[i].0 < items[parent].0 else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var smallest = i
                if l < items.count, items[l].0 < items[smallest].0 { smallest = l }
                if r < items.count, items[r].0 < items[smallest].0 { smallest = r }
                if smallest == i { break }
                items.swapAt(i, smallest)
                i = smallest
            }
        }
        return first
    }
}
