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
        var potential = Array(repeating: 0.0, count: n)
        // Bellman–Ford over edges with capacity, for negative costs.
        var distance = Array(repeating: Double.infinity, count: n)
        distance[source] = 0
        for _ in 0..<n {
            var changed = false
            for u in 0..<n where distance[u] < .infinity {
                for e in outgoing[u] where edges[e].capacity > 0 && distance[u] + edges[e].cost < distance[edges[e].to] - 1e-12 {
                    distance[edges[e].to] = distance[u] + edges[e].cost
                    changed = true
                }
            }
            if !changed { break }
        }
        for u in 0..<n where distance[u] < .infinity { potential[u] = distance[u] }

        var flow = 0
        var cost = 0.0
        let wanted = amount ?? Int.max
        // Scratch arrays kept across searches; only the nodes a search touched are reset.
        var best = Array(repeating: Double.infinity, count: n)
        var via = Array(repeating: -1, count: n)
        var done = Array(repeating: false, count: n)
        var touched: [Int] = []
        var finished: [Int] = []
        var queue = MinHeap()
        while flow < wanted {
            // Dijkstra on reduced costs (≥ 0 up to rounding), stopping at the sink.
            for u in touched {
                best[u] = .infinity
                via[u] = -1
                done[u] = false
            }
            touched.removeAll(keepingCapacity: true)
            finished.removeAll(keepingCapacity: true)
            queue.removeAll()
            best[source] = 0
            touched.append(source)
            queue.push(0, source)
            while let (d, u) = queue.pop() {
                if done[u] || d > best[u] { continue }
                done[u] = true
                finished.append(u)
                if u == sink { break }
                for e in outgoing[u] where edges[e].capacity > 0 {
                    let v = edges[e].to
                    let reduced = max(0, edges[e].cost + potential[u] - potential[v])
                    if d + reduced < best[v] {
                        if best[v] == .infinity { touched.append(v) }
                        best[v] = d + reduced
                        via[v] = e
                        queue.push(best[v], v)
                    }
                }
            }
            guard done[sink] else { break }
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
                push = min(push, edges[e].capacity)
                pathCost += edges[e].cost
                v = edges[e ^ 1].to
            }
            if let below, pathCost >= below { break }
            v = sink
            while v != source {
                let e = via[v]
                edges[e].capacity -= push
                edges[e ^ 1].capacity += push
                cost += Double(push) * edges[e].cost
                v = edges[e ^ 1].to
            }
            flow += push
        }
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
