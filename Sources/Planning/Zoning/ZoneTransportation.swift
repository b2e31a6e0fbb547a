/// The split relaxation's transportation problem (运输问题) solved from the nearest-school start by
/// shortest augmenting paths between schools: what ``ZoneRelaxation`` uses for "the most children
/// the network places, at least cost".
///
/// **Why not the general min-cost flow.** A zoning network has few schools (m, hundreds) and many
/// blocks (n, up to a city's 100,000), and in the optimum most blocks go to their cheapest
/// school. ``MinCostFlow`` starts from the zero flow, so every block needs pivots of its own
/// (2.2–3.7 × OR-Tools' time on the city benchmark). Here every block starts on its cheapest
/// school; only the overload of the schools that are too full is moved, along shortest paths in
/// a graph of m + 1 nodes.
///
/// **Prices and the invariant.** Each school j has a price πⱼ ≥ 0 (what a place there is worth),
/// and a block's price is uᵢ = minⱼ (cᵢⱼ + πⱼ) over its candidates and the *unplaced* school U
/// (cost P for every block, unlimited room, π_U = 0). Throughout, (a) every block's children are
/// only on schools attaining uᵢ, and (b) πⱼ > 0 only at a school that is full or over. The start
/// (π = 0, each block on its cheapest arc, or on U when it has none) has both.
///
/// **A step.** Take a school s over its places. Moving block i's children from school j to k
/// changes the priced cost by rᵢ(j, k) = cᵢₖ + πₖ − (cᵢⱼ + πⱼ) ≥ 0 by (a), so Dijkstra from s
/// over the schools — edge j → k the least rᵢ(j, k) over blocks i with children at j, edge j → U
/// P − uᵢ — finds the nearest school t with room (U always has room), at distance D. Raising
/// πₓ by D − dₓ at every school settled nearer than D keeps every rᵢ(j, k) ≥ 0 (dₖ ≤ dⱼ + r gives
/// r − min(dₖ, D) + min(dⱼ, D) ≥ 0) and makes the path's edges 0; a school with room has dₓ ≥ D,
/// so its price stays 0: (a) and (b) hold. The path moves δ = min(s's overload, t's room, the
/// children each hop's block has at its school) children. Each step takes δ ≥ 1 off the total
/// overload, so the steps end, with no school over. The least change of each pair of schools is
/// kept by ``SchoolMoves``, so a search reads each school's neighbours once, not every candidate of
/// every block.
///
/// **Why the end is optimal.** With no school over, (a) and (b) give the dual solution
/// (u, π) whose value Σᵢ dᵢuᵢ − Σⱼ πⱼcapⱼ equals the flow's cost (Σⱼ πⱼ·loadⱼ = Σⱼ πⱼ·capⱼ
/// because πⱼ > 0 only at full schools): by weak duality no split plan costs less.
///
/// **Why P places the most children.** Leaving one more child unplaced instead of placing it
/// saves at most the cost of a simple path that places it: at most m + 1 arcs of cost at most
/// c_max each. With P = (m + 2)·max(c_max, 1) every child who can be placed is placed, so the
/// flow is the most the network carries (at least cost), as ``MinCostFlow`` gives it.
///
/// **Basic.** Shortest paths may leave a cycle of split blocks (blocks on two or more schools);
/// every arc of such a cycle is tight, so pushing round it costs nothing. ``makeBasic()`` pushes
/// each cycle until one of its arcs empties: the split blocks and the schools they touch then form
/// a forest, so there are fewer split blocks than schools with U (the argument of ``ZoneRelaxation``).
///
/// Integer costs below 2⁵³ ÷ (m + 2) are handled exactly (prices are sums and differences of
/// costs); with kilometres the rounding is a few ulps per step, and reduced costs are clamped at 0.
struct ZoneTransportation {
    let network: ZoneNetwork
    /// Children on each arc.
    private(set) var flow: [Int]
    /// Children of each block on U (unplaced).
    private(set) var unplaced: [Int]
    /// πⱼ per school.
    private(set) var price: [Double]
    /// Children per school.
    private(set) var load: [Int]
    /// The cost per child of U.
    let unplacedCost: Double
    /// Augmenting paths taken.
    private(set) var steps = 0

    /// Cost per child of each arc.
    private let arcCost: [Double]
    /// The block of each arc.
    private let arcBlock: [Int32]
    /// The cheapest move of a block between each pair of schools.
    private var moves: SchoolMoves

    /// Solves the relaxation of `network`.
    init(_ network: ZoneNetwork) {
        self.network = network
        let n = network.blockCount, m = network.schoolCount
        var arcCost = Array(repeating: 0.0, count: network.arcCount)
        var arcBlock = Array(repeating: Int32(0), count: network.arcCount)
        var largest = 0.0
        for i in 0..<n {
            for a in network.arcs(of: i) {
                arcCost[a] = network.unitCost(a, of: i)
                arcBlock[a] = Int32(i)
                largest = max(largest, arcCost[a])
            }
        }
        self.arcCost = arcCost
        self.arcBlock = arcBlock
        unplacedCost = Double(m + 2) * max(largest, 1)
        flow = Array(repeating: 0, count: network.arcCount)
        unplaced = Array(repeating: 0, count: n)
        price = Array(repeating: 0, count: m)
        load = Array(repeating: 0, count: m)
        moves = SchoolMoves(network: network)
        for i in 0..<n where network.demand[i] > 0 {
            // Arcs are cheapest first; a block without one waits on U.
            let arcs = network.arcs(of: i)
            if let a = arcs.first {
                add(network.demand[i], to: a)
            } else {
                unplaced[i] = network.demand[i]
            }
        }
        var search = SchoolSearch(schools: m)
        for s in 0..<m {
            while load[s] > network.capacity[s] {
                augment(from: s, search: &search)
                steps += 1
            }
        }
        makeBasic()
    }

    /// Children placed.
    var placed: Int { load.reduce(0, +) }

    /// Σ children × cost per child over the arcs.
    var cost: Double {
        var total = 0.0
        for a in flow.indices where flow[a] != 0 { total += Double(flow[a]) * arcCost[a] }
        return total
    }

    /// uᵢ: block i's least priced cost (P when it has no candidate).
    func blockPrice(_ i: Int) -> Double {
        var best = unplacedCost
        for a in network.arcs(of: i) { best = min(best, arcCost[a] + price[network.school[a]]) }
        return best
    }

    private mutating func add(_ children: Int, to a: Int) {
        let j = network.school[a]
        if flow[a] == 0 {
            // The block's children now at j may move to each of its other schools.
            let i = Int(arcBlock[a])
            for b in network.arcs(of: i) where b != a {
                let move = SchoolMoves.Move(change: arcCost[b] - arcCost[a], leaving: Int32(a), taking: Int32(b))
                moves.offer(move, on: moves.edge(from: j, to: network.school[b]))
            }
            moves.offerDearest(at: j, cost: arcCost[a], arc: a)
        }
        flow[a] += children
        load[j] += children
    }

    /// Children off arc a (its moves go stale when it empties; ``SchoolMoves`` drops them lazily).
    private mutating func remove(_ children: Int, from a: Int) {
        let j = network.school[a]
        flow[a] -= children
        load[j] -= children
        if flow[a] == 0 {
            for b in network.arcs(of: Int(arcBlock[a])) where b != a { moves.emptied(a, on: moves.edge(from: j, to: network.school[b])) }
        }
    }

    /// One shortest path from over-full school `s` to the nearest school with room (or U), the
    /// prices raised, and the path's children moved.
    private mutating func augment(from s: Int, search: inout SchoolSearch) {
        let m = network.schoolCount, unplacedNode = m
        search.begin()
        search.offer(s, distance: 0, out: -1, into: -1)
        var target = -1, reach = 0.0
        while let (j, d) = search.pop() {
            if j == unplacedNode || (j != s && load[j] < network.capacity[j]) {
                target = j
                reach = d
                break
            }
            search.settle(j)
            let pj = price[j]
            for e in moves.start[j]..<moves.start[j + 1] {
                let k = Int(moves.target[e])
                if search.isSettled(k) { continue }
                let move = moves.cheapest(e, flow: flow)
                if move.leaving < 0 { continue }
                search.offer(k, distance: d + max(0, move.change + price[k] - pj), out: Int(move.leaving), into: Int(move.taking))
            }
            if let dearest = moves.dearest(at: j, flow: flow) {
                search.offer(unplacedNode, distance: d + max(0, unplacedCost - (dearest.cost + pj)), out: dearest.arc, into: -1)
            }
        }
        precondition(target >= 0, "U is always reachable from a school with children")
        for x in search.settled { price[x] += reach - search.distance[x] }

        var amount = load[s] - network.capacity[s]
        if target != unplacedNode { amount = min(amount, network.capacity[target] - load[target]) }
        var k = target
        while k != s {
            let a = search.out[k]
            amount = min(amount, flow[a])
            k = network.school[a]
        }
        k = target
        while k != s {
            let a = search.out[k], b = search.into[k]
            remove(amount, from: a)
            if b >= 0 { add(amount, to: b) } else { unplaced[Int(arcBlock[a])] += amount }
            k = network.school[a]
        }
    }

    /// Pushes round every cycle of split blocks until none is left (see the type's note).
    /// Nodes: blocks 0 ..< n, schools n ..< n + m, U at n + m; an edge is an arc with children
    /// (id a) or a block's children on U (id arcCount + i).
    private mutating func makeBasic() {
        let n = network.blockCount, m = network.schoolCount, arcs = network.arcCount
        var parent = Array(0..<(n + m + 1))
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var forest: [Int: [Int]] = [:]   // node → edge ids in the forest
        func ends(_ e: Int) -> (block: Int, other: Int) {
            e < arcs ? (Int(arcBlock[e]), n + network.school[e]) : (e - arcs, n + m)
        }
        func amount(_ e: Int) -> Int { e < arcs ? flow[e] : unplaced[e - arcs] }
        func change(_ e: Int, by delta: Int) {
            if e >= arcs { unplaced[e - arcs] += delta } else if delta > 0 { add(delta, to: e) } else if delta < 0 { remove(-delta, from: e) }
        }
        for i in 0..<n where network.demand[i] > 0 {
            var edges = network.arcs(of: i).filter { flow[$0] > 0 }
            if unplaced[i] > 0 { edges.append(arcs + i) }
            guard edges.count >= 2 else { continue }
            for e in edges where amount(e) > 0 {
                let (b, o) = ends(e)
                let rb = find(b), ro = find(o)
                if rb != ro {
                    parent[rb] = ro
                    forest[b, default: []].append(e)
                    forest[o, default: []].append(e)
                    continue
                }
                // The tree path o → b, by breadth-first search from o.
                var via: [Int: Int] = [o: -1]
                var queue = [o], read = 0
                while read < queue.count, via[b] == nil {
                    let x = queue[read]
                    read += 1
                    for f in forest[x] ?? [] {
                        let (fb, fo) = ends(f)
                        let y = fb == x ? fo : fb
                        if via[y] == nil { via[y] = f; queue.append(y) }
                    }
                }
                // Round the cycle b → o by e, then back along the path: e and every second path
                // edge lose δ, the others gain it; δ is the least of those that lose.
                var path: [Int] = []
                var x = b
                while x != o {
                    let f = via[x]!
                    path.append(f)
                    let (fb, fo) = ends(f)
                    x = fb == x ? fo : fb
                }
                // path[0] touches b; going b → o along the path, edges alternate: path[0] gains
                // (b keeps its total), path[1] loses, …
                var delta = amount(e), emptied = e
                for (index, f) in path.enumerated() where index % 2 == 1 && amount(f) < delta {
                    delta = amount(f)
                    emptied = f
                }
                change(e, by: -delta)
                for (index, f) in path.enumerated() { change(f, by: index % 2 == 0 ? delta : -delta) }
                if emptied != e {
                    let (fb, fo) = ends(emptied)
                    forest[fb]!.removeAll { $0 == emptied }
                    forest[fo]!.removeAll { $0 == emptied }
                    forest[b, default: []].append(e)
                    forest[o, default: []].append(e)
                }
            }
        }
    }
}

/// For each ordered pair of schools (j, k) that some block has both as candidates, the block at j
/// whose move to k changes the cost least — cᵢₖ − cᵢⱼ, which does not depend on the prices, so
/// the search's edge j → k is that least change + πₖ − πⱼ — and for each school the arc of its
/// dearest block (the edge to U).
///
/// The pairs are laid out school by school (compressed rows, targets sorted), each with its
/// cheapest live move cached: a search reads a school's edges in one sequential pass. Behind each
/// cache is a binary heap of the moves offered, with lazy deletion: a move is stale once its
/// leaving arc has no children. Emptying an arc marks only the caches that held one of its moves;
/// a marked cache is refilled from its heap (stale tops dropped) when next read.
struct SchoolMoves {
    struct Move {
        var change: Double
        var leaving: Int32
        var taking: Int32
        static let none = Move(change: .infinity, leaving: -1, taking: -1)
    }
    /// School j's edges are start[j] ..< start[j + 1], edge e leading to target[e].
    let start: [Int]
    let target: [Int32]
    private var best: [Move]
    private var stale: [Bool]
    private var heaps: [[Move]]
    /// Per school, (cost, arc) of its blocks, dearest on top.
    private var dearestHeaps: [[(cost: Double, arc: Int)]]

    init(network: ZoneNetwork) {
        let m = network.schoolCount, n = network.blockCount
        // Blocks by candidate school, then each school's partners through those blocks.
        var byStart = Array(repeating: 0, count: m + 1)
        for a in 0..<network.arcCount { byStart[network.school[a] + 1] += 1 }
        for j in 0..<m { byStart[j + 1] += byStart[j] }
        var fill = byStart, blocksOf = Array(repeating: Int32(0), count: network.arcCount)
        for i in 0..<n where network.demand[i] > 0 {
            for a in network.arcs(of: i) {
                blocksOf[fill[network.school[a]]] = Int32(i)
                fill[network.school[a]] += 1
            }
        }
        var mark = Array(repeating: -1, count: m)
        var start = [0], target: [Int32] = []
        for j in 0..<m {
            var partners: [Int32] = []
            for slot in byStart[j]..<fill[j] {
                for b in network.arcs(of: Int(blocksOf[slot])) {
                    let k = network.school[b]
                    if k != j && mark[k] != j { mark[k] = j; partners.append(Int32(k)) }
                }
            }
            target += partners.sorted()
            start.append(target.count)
        }
        self.start = start
        self.target = target
        best = Array(repeating: .none, count: target.count)
        stale = Array(repeating: false, count: target.count)
        heaps = Array(repeating: [], count: target.count)
        dearestHeaps = Array(repeating: [], count: m)
    }

    /// The edge j → k (both candidates of some block, so it exists).
    func edge(from j: Int, to k: Int) -> Int {
        var low = start[j], high = start[j + 1]
        let key = Int32(k)
        while low < high {
            let middle = (low + high) / 2
            if target[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    mutating func offer(_ move: Move, on e: Int) {
        heaps[e].append(move)
        Self.siftUp(&heaps[e], heaps[e].count - 1) { $0.change < $1.change }
        if !stale[e] && move.change < best[e].change { best[e] = move }
    }

    /// Arc `a` has no children left: the caches holding one of its moves are refilled when read.
    mutating func emptied(_ a: Int, on e: Int) {
        if best[e].leaving == Int32(a) { stale[e] = true }
    }

    /// The least-change move of edge e whose block still has children at the edge's school.
    mutating func cheapest(_ e: Int, flow: [Int]) -> Move {
        if stale[e] {
            while let top = heaps[e].first, flow[Int(top.leaving)] == 0 {
                Self.popTop(&heaps[e]) { $0.change < $1.change }
            }
            best[e] = heaps[e].first ?? .none
            stale[e] = false
        }
        return best[e]
    }

    mutating func offerDearest(at j: Int, cost: Double, arc a: Int) {
        dearestHeaps[j].append((cost, a))
        Self.siftUp(&dearestHeaps[j], dearestHeaps[j].count - 1) { $0.cost > $1.cost }
    }

    /// The dearest arc with children at school j.
    mutating func dearest(at j: Int, flow: [Int]) -> (cost: Double, arc: Int)? {
        while let top = dearestHeaps[j].first {
            if flow[top.arc] > 0 { return top }
            Self.popTop(&dearestHeaps[j]) { $0.cost > $1.cost }
        }
        return nil
    }

    private static func siftUp<T>(_ heap: inout [T], _ start: Int, _ before: (T, T) -> Bool) {
        var c = start
        while c > 0 {
            let p = (c - 1) / 2
            if !before(heap[c], heap[p]) { break }
            heap.swapAt(p, c)
            c = p
        }
    }

    private static func popTop<T>(_ heap: inout [T], _ before: (T, T) -> Bool) {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return }
        heap[0] = last
        var p = 0
        while true {
            let l = 2 * p + 1, r = l + 1
            var first = p
            if l < heap.count && before(heap[l], heap[first]) { first = l }
            if r < heap.count && before(heap[r], heap[first]) { first = r }
            if first == p { break }
            heap.swapAt(p, first)
            p = first
        }
    }
}

/// Dijkstra's bookkeeping over the schools and U, reused between steps (stamps instead of
/// clearing): tentative distances in a binary heap with stale entries skipped.
struct SchoolSearch {
    private(set) var distance: [Double]
    /// The arc a block leaves (at the parent school) and the arc it takes (−1: U), per node.
    private(set) var out: [Int]
    private(set) var into: [Int]
    /// Nodes settled in this search, in order.
    private(set) var settled: [Int] = []
    private var seen: [Int]
    private var done: [Int]
    private var stamp = 0
    private var heap: [(distance: Double, node: Int)] = []

    init(schools m: Int) {
        distance = Array(repeating: .infinity, count: m + 1)
        out = Array(repeating: -1, count: m + 1)
        into = Array(repeating: -1, count: m + 1)
        seen = Array(repeating: 0, count: m + 1)
        done = Array(repeating: 0, count: m + 1)
    }

    mutating func begin() {
        stamp += 1
        settled.removeAll(keepingCapacity: true)
        heap.removeAll(keepingCapacity: true)
    }

    func isSettled(_ k: Int) -> Bool { done[k] == stamp }

    mutating func settle(_ k: Int) {
        done[k] = stamp
        settled.append(k)
    }

    mutating func offer(_ k: Int, distance d: Double, out a: Int, into b: Int) {
        if seen[k] == stamp && distance[k] <= d { return }
        seen[k] = stamp
        distance[k] = d
        out[k] = a
        into[k] = b
        heap.append((d, k))
        var c = heap.count - 1
        while c > 0 {
            let p = (c - 1) / 2
            if heap[p].distance <= heap[c].distance { break }
            heap.swapAt(p, c)
            c = p
        }
    }

    /// The nearest node not yet settled, with its distance.
    mutating func pop() -> (Int, Double)? {
        while !heap.isEmpty {
            let top = heap[0]
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                var p = 0
                while true {
                    let l = 2 * p + 1, r = l + 1
                    var least = p
                    if l < heap.count && heap[l].distance < heap[least].distance { least = l }
                    if r < heap.count && heap[r].distance < heap[least].distance { least = r }
                    if least == p { break }
                    heap.swapAt(p, least)
                    p = least
                }
            }
            if done[top.node] == stamp || top.distance > distance[top.node] { continue }
            return (top.node, top.distance)
        }
        return nil
    }
}
