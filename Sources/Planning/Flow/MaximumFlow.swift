/// A maximum flow (最大流), capped at a limit, by Dinic's blocking flows: the feasible start from
/// which ``MinCostFlow`` finds the least cost of "exactly the amount, or the most the graph
/// carries" (costs play no part here).
///
/// Each phase labels the nodes by their breadth-first distance from the source in the residual
/// graph and sends a blocking flow along arcs that go one level deeper; the distance to the sink
/// grows every phase, so there are at most n phases of O(n·m) each, whatever the capacities —
/// the work does not grow with the flow. The flow is exactly min(limit, max flow): every push is
/// capped by what is still wanted, and when the sink is no longer reachable the residual graph
/// has a cut of that value (max-flow min-cut).
enum MaximumFlow {
    /// The flow on every arc and its value, at most `limit`, from `source` to `sink`.
    static func solve(nodes n: Int, tail: [Int], head: [Int], capacity: [Int], from source: Int, to sink: Int, limit: Int) -> (flow: [Int], value: Int) {
        let m = tail.count
        var flow = Array(repeating: 0, count: m)
        guard limit > 0, source != sink else { return (flow, 0) }
        // Residual arcs 2e (forward) and 2e + 1 (backward), each node's contiguous (CSR).
        var start = Array(repeating: 0, count: n + 1)
        for e in 0..<m {
            start[tail[e] + 1] += 1
            start[head[e] + 1] += 1
        }
        for v in 0..<n { start[v + 1] += start[v] }
        var fill = start
        var adjacency = Array(repeating: 0, count: 2 * m)
        for e in 0..<m {
            adjacency[fill[tail[e]]] = 2 * e
            fill[tail[e]] += 1
            adjacency[fill[head[e]]] = 2 * e + 1
            fill[head[e]] += 1
        }
        var value = 0
        var level = Array(repeating: -1, count: n)
        var current = Array(repeating: 0, count: n)
        var queue = Array(repeating: 0, count: n)
        var path: [Int] = []   // residual arcs from the source

        func residual(_ r: Int) -> Int { r & 1 == 0 ? capacity[r >> 1] - flow[r >> 1] : flow[r >> 1] }
        func end(_ r: Int) -> Int { r & 1 == 0 ? head[r >> 1] : tail[r >> 1] }

        while value < limit {
            for v in 0..<n { level[v] = -1 }
            level[source] = 0
            var read = 0, write = 1
            queue[0] = source
            while read < write {
                let v = queue[read]
                read += 1
                for i in start[v]..<start[v + 1] {
                    let r = adjacency[i]
                    let w = end(r)
                    if level[w] < 0 && residual(r) > 0 {
                        level[w] = level[v] + 1
                        queue[write] = w
                        write += 1
                    }
                }
            }
            guard level[sink] >= 0 else { break }
            for v in 0..<n { current[v] = start[v] }
            // Advance along level arcs; augment at the sink; retreat from dead ends.
            path.removeAll(keepingCapacity: true)
            var v = source
            while value < limit {
                if v == sink {
                    var push = limit - value
                    for r in path { push = min(push, residual(r)) }
                    for r in path { if r & 1 == 0 { flow[r >> 1] += push } else { flow[r >> 1] -= push } }
                    value += push
                    // Back to the tail of the first arc the push saturated.
                    var keep = path.count
                    for (i, r) in path.enumerated() where residual(r) == 0 { keep = i; break }
                    path.removeLast(path.count - keep)
                    v = path.last.map(end) ?? source
                    continue
                }
                var advanced = false
                while current[v] < start[v + 1] {
                    let r = adjacency[current[v]]
                    let w = end(r)
                    if level[w] == level[v] + 1 && residual(r) > 0 {
                        path.append(r)
                        v = w
                        advanced = true
                        break
                    }
                    current[v] += 1
                }
                if !advanced {
                    level[v] = -1   // a dead end for the rest of the phase
                    guard let r = path.popLast() else { break }
                    v = r & 1 == 0 ? tail[r >> 1] : head[r >> 1]
                    current[v] += 1
                }
            }
        }
        return (flow, value)
    }
}
