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
/// **Worked example.** Schools A and B, 100 places each; block x (80 children) is 1 km from A and
/// 3 from B, y (60) 2 and 2.5, z (30) 4 and 1. Start: x, y at A (140, 40 over), z at B. From A,
/// the cheapest move to B is y's, +0.5 km; B has room, so D = 0.5, π_A = 0.5, and 40 of y's
/// children move: A holds x and 20 of y, B 40 of y and z — 80·1 + 20·2 + 40·2.5 + 30·1 = 250
/// child·km. The prices prove it: u = (1.5, 2.5, 1), 80·1.5 + 60·2.5 + 30·1 − 0.5·100 = 250.
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
    private let moves: SchoolMoves

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
        // Arcs are cheapest first; a block without one waits on U.
        var startArc = Array(repeating: -1, count: n)
        for i in 0..<n where network.demand[i] > 0 {
            if let a = network.arcs(of: i).first {
                startArc[i] = a
                flow[a] = network.demand[i]
                load[network.school[a]] += network.demand[i]
            } else {
                unplaced[i] = network.demand[i]
            }
        }
        moves = SchoolMoves(network: network, cost: arcCost, startingAt: startArc)
        let search = SchoolSearch(schools: m)
        for s in 0..<m {
            while load[s] > network.capacity[s] {
                augment(from: s, search: search)
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
    private mutating func augment(from s: Int, search: SchoolSearch) {
        let m = network.schoolCount, unplacedNode = m
        search.begin()
        search.offer(s, distance: 0, out: -1, into: -1)
        var target = -1, reach = 0.0
        // The search reads flows, prices, loads and places through pointers: it is the inner loop
        // of the whole solve (array accesses cost it about half its time in checks).
        let moves = self.moves, unplacedCost = self.unplacedCost
        flow.withUnsafeBufferPointer { flow in
        price.withUnsafeBufferPointer { price in
        load.withUnsafeBufferPointer { load in
        network.capacity.withUnsafeBufferPointer { capacity in
            while let (j, d) = search.pop() {
                if j == unplacedNode || (j != s && load[j] < capacity[j]) {
                    target = j
                    reach = d
                    return
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
        }
        }
        }
        }
        precondition(target >= 0, "U is always reachable from a school with children")
        for index in 0..<search.settledCount {
            let x = search.settled(index)
            price[x] += reach - search.distance(of: x)
        }

        var amount = load[s] - network.capacity[s]
        if target != unplacedNode { amount = min(amount, network.capacity[target] - load[target]) }
        var k = target
        while k != s {
            let a = search.out(of: k)
            amount = min(amount, flow[a])
            k = network.school[a]
        }
        k = target
        while k != s {
            let a = search.out(of: k), b = search.into(of: k)
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
final class SchoolMoves {
    struct Move {
        var change: Double
        var leaving: Int32
        var taking: Int32
        static let none = Move(change: .infinity, leaving: -1, taking: -1)
    }
    /// School j's edges are start[j] ..< start[j + 1], edge e leading to target[e].
    let start: UnsafeMutablePointer<Int>
    let target: UnsafeMutablePointer<Int32>
    private let edgeCount: Int
    private let best: UnsafeMutablePointer<Move>
    private let stale: UnsafeMutablePointer<Bool>
    private var heaps: [[Move]]
    /// Per school, (cost, arc) of its blocks, dearest on top.
    private var dearestHeaps: [[(cost: Double, arc: Int)]]

    /// The pairs of `network`, and the moves of every block from its school in `startingAt`
    /// (an arc per block, −1 for none) at `cost` per child of each arc.
    init(network: ZoneNetwork, cost: [Double], startingAt startArc: [Int]) {
        let m = network.schoolCount, n = network.blockCount
        // Blocks by candidate school, then each school's partners through those blocks
        // (Σ candidates² reads: pointers, not checked array accesses).
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
        var starts = [0], targets: [Int32] = []
        network.start.withUnsafeBufferPointer { arcStart in
            network.school.withUnsafeBufferPointer { school in
                var partners: [Int32] = []
                for j in 0..<m {
                    partners.removeAll(keepingCapacity: true)
                    for slot in byStart[j]..<fill[j] {
                        let i = Int(blocksOf[slot])
                        for b in arcStart[i]..<arcStart[i + 1] {
                            let k = school[b]
                            if k != j && mark[k] != j { mark[k] = j; partners.append(Int32(k)) }
                        }
                    }
                    partners.sort()
                    targets += partners
                    starts.append(targets.count)
                }
            }
        }
        edgeCount = targets.count
        start = .allocate(capacity: m + 1)
        start.initialize(from: starts, count: m + 1)
        target = .allocate(capacity: max(1, edgeCount))
        target.initialize(from: targets, count: edgeCount)
        best = .allocate(capacity: max(1, edgeCount))
        best.initialize(repeating: .none, count: edgeCount)
        stale = .allocate(capacity: max(1, edgeCount))
        stale.initialize(repeating: false, count: edgeCount)

        // The starting moves, bucketed by edge and sorted: a sorted array is a binary heap.
        var edgeOfMove: [Int32] = []
        var perEdge = Array(repeating: 0, count: edgeCount + 1)
        var dearest = Array(repeating: [(cost: Double, arc: Int)](), count: m)
        for i in 0..<n where startArc[i] >= 0 {
            let a = startArc[i], j = network.school[a]
            dearest[j].append((cost[a], a))
            for b in network.arcs(of: i) where b != a {
                let e = Self.edge(from: j, to: network.school[b], start: start, target: target)
                edgeOfMove.append(Int32(e))
                perEdge[e + 1] += 1
            }
        }
        for e in 0..<edgeCount { perEdge[e + 1] += perEdge[e] }
        var slot = perEdge
        var seeded = Array(repeating: Move.none, count: edgeOfMove.count)
        var next = 0
        for i in 0..<n where startArc[i] >= 0 {
            let a = startArc[i]
            for b in network.arcs(of: i) where b != a {
                let e = Int(edgeOfMove[next])
                next += 1
                seeded[slot[e]] = Move(change: cost[b] - cost[a], leaving: Int32(a), taking: Int32(b))
                slot[e] += 1
            }
        }
        heaps = (0..<edgeCount).map { e in
            seeded[perEdge[e]..<perEdge[e + 1]].sorted { $0.change < $1.change }
        }
        for e in 0..<edgeCount { best[e] = heaps[e].first ?? .none }
        dearestHeaps = dearest.map { $0.sorted { $0.cost > $1.cost } }
    }

    deinit {
        start.deallocate()
        target.deallocate()
        best.deallocate()
        stale.deallocate()
    }

    /// The edge j → k (both candidates of some block, so it exists).
    func edge(from j: Int, to k: Int) -> Int {
        Self.edge(from: j, to: k, start: start, target: target)
    }

    private static func edge(from j: Int, to k: Int, start: UnsafeMutablePointer<Int>, target: UnsafeMutablePointer<Int32>) -> Int {
        var low = start[j], high = start[j + 1]
        let key = Int32(k)
        while low < high {
            let middle = (low + high) / 2
            if target[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    func offer(_ move: Move, on e: Int) {
        Self.push(move, on: &heaps[e]) { $0.change < $1.change }
        if !stale[e] && move.change < best[e].change { best[e] = move }
    }

    /// Arc `a` has no children left: the caches holding one of its moves are refilled when read.
    func emptied(_ a: Int, on e: Int) {
        if best[e].leaving == Int32(a) { stale[e] = true }
    }

    /// The least-change move of edge e whose block still has children at the edge's school.
    @inline(__always)
    func cheapest(_ e: Int, flow: UnsafeBufferPointer<Int>) -> Move {
        if stale[e] { refill(e, flow: flow) }
        return best[e]
    }

    private func refill(_ e: Int, flow: UnsafeBufferPointer<Int>) {
        while let top = heaps[e].first, flow[Int(top.leaving)] == 0 {
            Self.popTop(&heaps[e]) { $0.change < $1.change }
        }
        best[e] = heaps[e].first ?? .none
        stale[e] = false
    }

    func offerDearest(at j: Int, cost: Double, arc a: Int) {
        Self.push((cost, a), on: &dearestHeaps[j]) { $0.cost > $1.cost }
    }

    /// The dearest arc with children at school j.
    func dearest(at j: Int, flow: UnsafeBufferPointer<Int>) -> (cost: Double, arc: Int)? {
        while let top = dearestHeaps[j].first {
            if flow[top.arc] > 0 { return top }
            Self.popTop(&dearestHeaps[j]) { $0.cost > $1.cost }
        }
        return nil
    }

    /// Adds `item` to `heap` (one exclusive access: no second uniqueness check).
    private static func push<T>(_ item: T, on heap: inout [T], _ before: (T, T) -> Bool) {
        heap.append(item)
        var c = heap.count - 1
        while c > 0 {
            let p = (c - 1) / 2
            if !before(item, heap[p]) { break }
            heap[c] = heap[p]
            c = p
        }
        heap[c] = item
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
final class SchoolSearch {
    private let nodes: Int
    private let distances: UnsafeMutablePointer<Double>
    /// The arc a block leaves (at the parent school) and the arc it takes (−1: U), per node.
    private let outs: UnsafeMutablePointer<Int>
    private let intos: UnsafeMutablePointer<Int>
    private let seen: UnsafeMutablePointer<Int>
    private let done: UnsafeMutablePointer<Int>
    /// Nodes settled in this search, in order (each at most once).
    private let settledNodes: UnsafeMutablePointer<Int>
    private(set) var settledCount = 0
    private var stamp = 0
    private var heap: UnsafeMutablePointer<(distance: Double, node: Int)>
    private var heapCount = 0, heapCapacity: Int

    init(schools m: Int) {
        nodes = m + 1
        distances = .allocate(capacity: nodes)
        distances.initialize(repeating: .infinity, count: nodes)
        outs = .allocate(capacity: nodes)
        outs.initialize(repeating: -1, count: nodes)
        intos = .allocate(capacity: nodes)
        intos.initialize(repeating: -1, count: nodes)
        seen = .allocate(capacity: nodes)
        seen.initialize(repeating: 0, count: nodes)
        done = .allocate(capacity: nodes)
        done.initialize(repeating: 0, count: nodes)
        settledNodes = .allocate(capacity: nodes)
        heapCapacity = 4 * nodes
        heap = .allocate(capacity: heapCapacity)
    }

    deinit {
        distances.deallocate()
        outs.deallocate()
        intos.deallocate()
        seen.deallocate()
        done.deallocate()
        settledNodes.deallocate()
        heap.deallocate()
    }

    func begin() {
        stamp += 1
        settledCount = 0
        heapCount = 0
    }

    func distance(of k: Int) -> Double { distances[k] }
    func out(of k: Int) -> Int { outs[k] }
    func into(of k: Int) -> Int { intos[k] }
    func settled(_ index: Int) -> Int { settledNodes[index] }

    @inline(__always)
    func isSettled(_ k: Int) -> Bool { done[k] == stamp }

    func settle(_ k: Int) {
        done[k] = stamp
        settledNodes[settledCount] = k
        settledCount += 1
    }

    @inline(__always)
    func offer(_ k: Int, distance d: Double, out a: Int, into b: Int) {
        if seen[k] == stamp && distances[k] <= d { return }
        seen[k] = stamp
        distances[k] = d
        outs[k] = a
        intos[k] = b
        push(d, k)
    }

    private func push(_ d: Double, _ k: Int) {
        if heapCount == heapCapacity {
            let larger = UnsafeMutablePointer<(distance: Double, node: Int)>.allocate(capacity: 2 * heapCapacity)
            larger.moveInitialize(from: heap, count: heapCount)
            heap.deallocate()
            heap = larger
            heapCapacity *= 2
        }
        var c = heapCount
        heapCount += 1
        while c > 0 {
            let p = (c - 1) / 2
            if heap[p].distance <= d { break }
            heap[c] = heap[p]
            c = p
        }
        heap[c] = (d, k)
    }

    /// The nearest node not yet settled, with its distance.
    func pop() -> (Int, Double)? {
        while heapCount > 0 {
            let top = heap[0]
            heapCount -= 1
            let last = heap[heapCount]
            var p = 0
            while true {
                let l = 2 * p + 1, r = l + 1
                var least = l
                if l >= heapCount { break }
                if r < heapCount && heap[r].distance < heap[l].distance { least = r }
                if heap[least].distance >= last.distance { break }
                heap[p] = heap[least]
                p = least
            }
            if heapCount > 0 { heap[p] = last }
            if done[top.node] == stamp || top.distance > distances[top.node] { continue }
            return (top.node, top.distance)
        }
        return nil
    }
}
