/// The primal network simplex method (网络单纯形法) that ``MinCostFlow`` runs: it lowers the cost
/// of a feasible flow by pushing flow around cycles of negative reduced cost until none is left.
///
/// **The problem it solves.** Nodes 0 ..< n, arcs e = (tail, head) with integer capacity
/// u_e ≥ 1 and Double cost c_e, and a starting flow with every arc at one of its bounds
/// (x_e = 0 or x_e = u_e). It finds, among all flows with the same balance at every node as the
/// starting one, one of least cost Σ c_e·x_e. It never changes a node's balance: every step moves
/// flow around a cycle. So the caller chooses what is solved by the start: ``MinCostFlow`` gives
/// it the zero flow plus a return arc sink → source priced at −p, a min-cost circulation whose
/// flow round the return arc is what is sent; for "exactly the amount" it raises p between runs
/// (``setCost(of:to:)``) while a unit is missing and ``reaches(_:from:excluding:)`` finds a path.
///
/// **Basis.** A spanning tree over the nodes and an extra root r, joined at first by one
/// artificial arc v → r per node (cost 0, unbounded, flow 0), or by shortest paths where they
/// exist (``hangShortestPaths(to:)``). The root has no other arcs and balance 0, and all its
/// arcs point into it, so every feasible flow carries 0 on every artificial arc: they only hold
/// the tree together and are never priced. Each arc not in the tree sits at a
/// bound. Node potentials π make every tree arc's reduced cost c^π_e = c_e + π_tail − π_head zero
/// (π_r = 0; π_v = π_parent − c if v's tree arc points up to its parent, + c if down).
///
/// **Why the result is optimal (complementary slackness).** When no arc at its lower bound has
/// c^π_e < 0 and none at its upper bound has c^π_e > 0, for any flow x with the same balances
/// Σ c_e·x_e − Σ c_e·x*_e = Σ c^π_e·(x_e − x*_e) (the potentials cancel because the balances are
/// equal); tree arcs contribute 0, arcs at 0 contribute c^π_e·x_e ≥ 0, arcs at u_e contribute
/// c^π_e·(x_e − u_e) ≥ 0, artificial arcs 0 (both flows 0). So x* costs the least. Otherwise a
/// violating arc closes a cycle with the tree path between its ends whose cost per unit is its
/// reduced cost (< 0): the flow is pushed around it by as much as the cycle allows, the first
/// arc to reach a bound leaves the tree and the entering arc takes its place.
///
/// **Pivot rules.** Entering arc: block search (LEMON's default, Kovács 2015) — scan ⌈1.5·√m⌉
/// arcs from where the last scan stopped and take the most violating one in the block, scanning
/// on only when a block has none (1.5 rather than LEMON's 1: about a quarter fewer pivots on the
/// rotation benchmark's largest network, bench/rotation_flow.sh). Leaving arc: Cunningham's
/// rule — of the arcs that block the push, the last one met going round the cycle from the apex
/// (the join of the two tree paths) in the push direction. It keeps the tree *strongly feasible* (every tree arc at flow 0 points up,
/// every one at its capacity points down: a positive push from any node to the root along the
/// tree is possible), which rules out cycling on degenerate pivots (Cunningham 1976); the
/// artificial arcs, unbounded and pointing up, make the first tree strongly feasible.
///
/// **Work.** Each pivot costs a block of pricing, the cycle's length, and the size of the
/// subtree that is re-hung (its thread, depths and potentials are rebuilt); the number of pivots
/// depends on the network, not on the amount of flow — a pivot may move any amount at once. The
/// rotation networks are highly degenerate: 92–98 % of their pivots move no flow (BENCHMARKS.md),
/// so the constant per pivot is what counts: pricing runs over at most two runs of consecutive
/// arcs per block (no wrap-round test per arc), and a subtree whose path turns round is re-threaded
/// by relinking the ends of at most two runs per path node, then one pass for depths and
/// potentials (no child lists, no stack). Each of the two took about 15 % off the rotation
/// benchmark's solve times, with the same pivots.
///
/// **Doubles.** Costs are Doubles (the rotation model's marginal costs of sums of squares and its
/// 10⁻¹⁴ tie-breaks). Potentials are never accumulated across pivots: a re-hung node's potential
/// is recomputed from its new parent's, so each is the sum of the costs along its tree path, with
/// rounding of a few ulps per level, and it is the same number every time the tree is the same.
/// An arc enters only when its reduced cost violates optimality by more than `tolerance`
/// (``MinCostFlow`` uses 2⁻⁵⁰ ≈ 8.9·10⁻¹⁶ times the largest |cost|: costs of order 1 that differ by
/// 10⁻¹⁴ are still told apart). Should rounding ever make the pivots go round (more pivots than
/// ``pivotBudget``, far above any run seen), the tolerance is multiplied by 16 and the search goes on.
final class NetworkSimplex {
    /// Real nodes; the root is node `nodeCount`.
    let nodeCount: Int
    /// Arcs that are priced (real arcs); the artificial arc of node v is `pricedArcs + v`.
    let pricedArcs: Int
    private let tail: UnsafeMutablePointer<Int>
    private let head: UnsafeMutablePointer<Int>
    private let capacity: UnsafeMutablePointer<Int>
    private let cost: UnsafeMutablePointer<Double>
    /// The arcs' flows; read them after ``run(tolerance:)``.
    let flow: UnsafeMutablePointer<Int>
    /// +1 at the lower bound, −1 at the upper bound, 0 in the tree: the violation of arc e is
    /// state·c^π_e < 0.
    private let state: UnsafeMutablePointer<Double>

    private let parent: UnsafeMutablePointer<Int>
    /// The tree arc joining a node to its parent.
    private let pred: UnsafeMutablePointer<Int>
    /// +1 when `pred` points from the node up to its parent, −1 when down.
    private let direction: UnsafeMutablePointer<Int>
    /// The nodes in depth-first order, circular from the root; each subtree is contiguous.
    private let thread: UnsafeMutablePointer<Int>
    private let previous: UnsafeMutablePointer<Int>
    private let depth: UnsafeMutablePointer<Int>
    private let potential: UnsafeMutablePointer<Double>
    // Scratch for re-hanging a subtree.
    private let firstChild: UnsafeMutablePointer<Int>
    private let nextSibling: UnsafeMutablePointer<Int>
    private let stack: UnsafeMutablePointer<Int>
    private let subtree: UnsafeMutablePointer<Int>

    private let allocatedArcs: Int
    private let allocatedNodes: Int
    /// Where the next pricing scan starts.
    private var scanStart = 0
    /// How many arcs one pricing block scans.
    private let blockSize: Int
    /// Pivots done by the last ``run(tolerance:)``.
    private(set) var pivots = 0

    /// A network with `nodes` nodes and the given arcs at their starting flows (each 0 or its
    /// capacity; capacities ≥ 1; no loops).
    convenience init(nodes: Int, tail tails: [Int], head heads: [Int], capacity capacities: [Int], cost costs: [Double], flow flows: [Int]) {
        self.init(nodes: nodes, arcs: tails.count) { (tails[$0], heads[$0], capacities[$0], costs[$0], flows[$0]) }
    }

    /// The same, arc e given by `arc(e)` for e in 0 ..< `arcs` (no arrays to build first).
    init(nodes: Int, arcs m: Int, arc: (Int) -> (tail: Int, head: Int, capacity: Int, cost: Double, flow: Int)) {
        nodeCount = nodes
        pricedArcs = m
        allocatedArcs = m + nodes
        allocatedNodes = nodes + 1
        tail = .allocate(capacity: allocatedArcs)
        head = .allocate(capacity: allocatedArcs)
        capacity = .allocate(capacity: allocatedArcs)
        cost = .allocate(capacity: allocatedArcs)
        flow = .allocate(capacity: allocatedArcs)
        state = .allocate(capacity: allocatedArcs)
        parent = .allocate(capacity: allocatedNodes)
        pred = .allocate(capacity: allocatedNodes)
        direction = .allocate(capacity: allocatedNodes)
        thread = .allocate(capacity: allocatedNodes)
        previous = .allocate(capacity: allocatedNodes)
        depth = .allocate(capacity: allocatedNodes)
        potential = .allocate(capacity: allocatedNodes)
        firstChild = .allocate(capacity: allocatedNodes)
        nextSibling = .allocate(capacity: allocatedNodes)
        stack = .allocate(capacity: allocatedNodes)
        subtree = .allocate(capacity: allocatedNodes)
        blockSize = max(10, Int((1.5 * Double(m).squareRoot()).rounded(.up)))

        for e in 0..<m {
            let (u, v, c, w, x) = arc(e)
            precondition(u != v && c > 0 && (x == 0 || x == c))
            tail[e] = u
            head[e] = v
            capacity[e] = c
            cost[e] = w
            flow[e] = x
            state[e] = x == 0 ? 1 : -1
        }
        // The first tree: every node hangs from the root by its artificial arc.
        let root = nodes
        for v in 0..<nodes {
            let e = m + v
            tail[e] = v
            head[e] = root
            capacity[e] = .max
            cost[e] = 0
            flow[e] = 0
            state[e] = 0
            parent[v] = root
            pred[v] = e
            direction[v] = 1
            thread[v] = v + 1
            previous[v] = v == 0 ? root : v - 1
            depth[v] = 1
            potential[v] = 0
        }
        parent[root] = -1
        pred[root] = -1
        direction[root] = 0
        depth[root] = 0
        potential[root] = 0
        thread[root] = nodes == 0 ? root : 0
        previous[root] = nodes == 0 ? root : nodes - 1
        if nodes > 0 { thread[nodes - 1] = root }
    }

    deinit {
        for pointer in [tail, head, capacity, flow, parent, pred, direction, thread, previous, depth, firstChild, nextSibling, stack, subtree] {
            pointer.deallocate()
        }
        cost.deallocate()
        state.deallocate()
        potential.deallocate()
    }

    /// Replaces the first tree by shortest paths to `target` in the residual graph (an arc at 0
    /// leads tail → head at its cost, one at its capacity head → tail at minus its cost; arcs out
    /// of `target` are left out). Every tree arc then leads a node up to its parent, at 0 pointing
    /// up and at its capacity pointing down, so the tree is strongly feasible; nodes that cannot
    /// reach `target` keep their artificial arcs. Its potentials are minus the distances, so every
    /// arc between nodes of the shortest-path tree already has a reduced cost on the right side:
    /// the simplex starts where successive shortest paths would, without the dance of degenerate
    /// pivots a star of artificial arcs causes. Returns false (tree unchanged) if the residual
    /// graph has a cycle of negative cost, which queue-based Bellman–Ford notices when a path
    /// grows to n arcs.
    @discardableResult
    func hangShortestPaths(to target: Int) -> Bool {
        let n = nodeCount, m = pricedArcs
        // Residual arcs by the node they lead to (CSR): arc e leads to head[e] at 0, tail[e] at capacity.
        var start = Array(repeating: 0, count: n + 1)
        for e in 0..<m { start[(state[e] > 0 ? head[e] : tail[e]) + 1] += 1 }
        for v in 0..<n { start[v + 1] += start[v] }
        var fill = start
        var into = Array(repeating: 0, count: m)
        for e in 0..<m {
            let v = state[e] > 0 ? head[e] : tail[e]
            into[fill[v]] = e
            fill[v] += 1
        }
        var distance = Array(repeating: Double.infinity, count: n)
        var arcs = Array(repeating: 0, count: n)   // path length, to catch negative cycles
        var via = Array(repeating: -1, count: n)
        var queued = Array(repeating: false, count: n)
        var queue = Array(repeating: 0, count: n + 1)   // circular
        var read = 0, write = 1
        distance[target] = 0
        queue[0] = target
        queued[target] = true
        while read != write {
            let v = queue[read]
            read = read == n ? 0 : read + 1
            queued[v] = false
            for i in start[v]..<start[v + 1] {
                let e = into[i]
                let lower = state[e] > 0
                let u = lower ? tail[e] : head[e]
                if u == target { continue }
                let through = distance[v] + (lower ? cost[e] : -cost[e])
                if through < distance[u] {
                    distance[u] = through
                    via[u] = e
                    arcs[u] = arcs[v] + 1
                    if arcs[u] >= n { return false }
                    if !queued[u] {
                        queued[u] = true
                        queue[write] = u
                        write = write == n ? 0 : write + 1
                    }
                }
            }
        }
        // Parents and tree arcs; then children lists and one depth-first pass from the root for
        // the thread, depths and potentials.
        let root = n
        for v in 0..<n {
            let e = via[v]
            if e < 0 { continue }
            let lower = state[e] > 0
            state[m + v] = 1
            state[e] = 0
            pred[v] = e
            if lower {
                parent[v] = head[e]
                direction[v] = 1
            } else {
                parent[v] = tail[e]
                direction[v] = -1
            }
        }
        for v in 0...n { firstChild[v] = -1 }
        for v in stride(from: n - 1, through: 0, by: -1) {
            let p = parent[v]
            nextSibling[v] = firstChild[p]
            firstChild[p] = v
        }
        var last = root
        var size = 0
        var child = firstChild[root]
        while child >= 0 { stack[size] = child; size += 1; child = nextSibling[child] }
        while size > 0 {
            size -= 1
            let v = stack[size]
            thread[last] = v
            previous[v] = last
            last = v
            let p = parent[v]
            depth[v] = depth[p] + 1
            potential[v] = potential[p] - Double(direction[v]) * cost[pred[v]]
            child = firstChild[v]
            while child >= 0 { stack[size] = child; size += 1; child = nextSibling[child] }
        }
        thread[last] = root
        previous[root] = last
        return true
    }

    /// Gives arc `arc` a new cost. The flow and the tree stay (they do not depend on costs: the
    /// tree stays strongly feasible); the potentials are rebuilt in thread order, parents first,
    /// so that every tree arc's reduced cost is zero again.
    func setCost(of arc: Int, to newCost: Double) {
        cost[arc] = newCost
        let root = nodeCount
        var v = thread[root]
        while v != root {
            potential[v] = potential[parent[v]] - Double(direction[v]) * cost[pred[v]]
            v = thread[v]
        }
    }

    /// Whether the residual graph of the current flow has a path from `source` to `target`
    /// (an arc below its capacity leads tail → head, one above 0 head → tail), leaving out
    /// `excluded` (the return arc of a circulation). One breadth-first search, O(n + m).
    func reaches(_ target: Int, from source: Int, excluding excluded: Int) -> Bool {
        let n = nodeCount, m = pricedArcs
        var start = Array(repeating: 0, count: n + 1)
        for e in 0..<m where e != excluded {
            if flow[e] < capacity[e] { start[tail[e] + 1] += 1 }
            if flow[e] > 0 { start[head[e] + 1] += 1 }
        }
        for v in 0..<n { start[v + 1] += start[v] }
        var fill = start
        var next = Array(repeating: 0, count: start[n])
        for e in 0..<m where e != excluded {
            if flow[e] < capacity[e] { next[fill[tail[e]]] = head[e]; fill[tail[e]] += 1 }
            if flow[e] > 0 { next[fill[head[e]]] = tail[e]; fill[head[e]] += 1 }
        }
        var seen = Array(repeating: false, count: n)
        var queue = [source]
        seen[source] = true
        var read = 0
        while read < queue.count {
            let v = queue[read]
            read += 1
            if v == target { return true }
            for i in start[v]..<start[v + 1] where !seen[next[i]] {
                seen[next[i]] = true
                queue.append(next[i])
            }
        }
        return false
    }

    /// One pivot, if an arc violates optimality by more than `tolerance`; whether one was done.
    /// (``run(tolerance:)`` without its budget: for tests that check the tree between pivots.)
    func pivotOnce(tolerance: Double) -> Bool {
        guard let entering = entering(tolerance: tolerance) else { return false }
        pivot(entering)
        pivots += 1
        return true
    }

    /// Whether the basis is what every pivot must leave: the thread visits each node once from
    /// the root in a depth-first order (each node's parent is the node before it or one of that
    /// node's ancestors), `previous` is its inverse, depths count the tree path, every tree arc
    /// joins its node to the parent, is marked in the tree, and has reduced cost 0 (within
    /// `slack`), and the tree is strongly feasible (an arc at 0 points up, one at its capacity
    /// down). Flows are within bounds and every arc out of the tree is at the bound its state says.
    func isConsistent(slack: Double) -> Bool {
        let root = nodeCount
        var seen = Array(repeating: false, count: nodeCount + 1)
        var v = root, count = 0
        repeat {
            if seen[v] { return false }
            seen[v] = true
            count += 1
            let w = thread[v]
            if previous[w] != v { return false }
            if w != root {
                // DFS order: w's parent is v or an ancestor of v.
                var a = v
                while a != parent[w] && a != root { a = parent[a] }
                if a != parent[w] { return false }
            }
            v = w
        } while v != root
        guard count == nodeCount + 1, depth[root] == 0 else { return false }
        for u in 0..<nodeCount {
            let p = parent[u], e = pred[u]
            guard p >= 0, depth[u] == depth[p] + 1, state[e] == 0 else { return false }
            let up = direction[u] > 0
            guard (up ? tail[e] == u && head[e] == p : head[e] == u && tail[e] == p) else { return false }
            let reduced = cost[e] + potential[tail[e]] - potential[head[e]]
            guard abs(reduced) <= slack else { return false }
            if flow[e] == 0 && !up { return false }
            if flow[e] == capacity[e] && up { return false }
        }
        var inTree = 0
        for e in 0..<(pricedArcs + nodeCount) {
            guard (0...capacity[e]).contains(flow[e]) else { return false }
            if state[e] == 0 { inTree += 1 }
            if state[e] > 0 && flow[e] != 0 { return false }
            if state[e] < 0 && flow[e] != capacity[e] { return false }
        }
        return inTree == nodeCount
    }

    /// The pivots after which the tolerance is widened (see the type's note on Doubles).
    var pivotBudget: Int { 64 * (allocatedArcs + allocatedNodes) + 10_000 }

    /// Pivots until no priced arc violates optimality by more than `tolerance`.
    func run(tolerance: Double) {
        var tolerance = tolerance
        var budget = pivotBudget
        pivots = 0
        while let entering = entering(tolerance: tolerance) {
            pivot(entering)
            pivots += 1
            budget -= 1
            if budget == 0 {
                tolerance = max(tolerance * 16, .leastNormalMagnitude)
                budget = pivotBudget
            }
        }
    }

    /// The most violating arc of the first block (from where the last scan stopped) that has one.
    private func entering(tolerance: Double) -> Int? {
        let m = pricedArcs
        guard m > 0 else { return nil }
        var best = -1
        var bestValue = -tolerance
        var e = scanStart
        var scanned = 0
        while scanned < m {
            // One block of `blockSize` arcs (fewer at the end of a full round), in at most two
            // runs of consecutive arcs when it wraps round past the last arc: a branch-free
            // inner loop.
            var left = min(blockSize, m - scanned)
            while left > 0 {
                let end = min(e + left, m)
                for f in e..<end {
                    let violation = state[f] * (cost[f] + potential[tail[f]] - potential[head[f]])
                    if violation < bestValue {
                        bestValue = violation
                        best = f
                    }
                }
                left -= end - e
                scanned += end - e
                e = end == m ? 0 : end
            }
            if best >= 0 { break }
        }
        scanStart = e
        return best >= 0 ? best : nil
    }

    /// Pushes flow around the cycle `entering` closes and updates the tree.
    private func pivot(_ entering: Int) {
        let e = entering
        let raising = state[e] > 0
        // The push goes first → second along the entering arc, second → apex → first in the tree.
        let first = raising ? tail[e] : head[e]
        let second = raising ? head[e] : tail[e]
        var a = tail[e], b = head[e]
        while a != b {
            if depth[a] > depth[b] { a = parent[a] } else if depth[b] > depth[a] { b = parent[b] } else { a = parent[a]; b = parent[b] }
        }
        let apex = a

        // Cunningham's leaving arc: the last blocking arc from the apex in the push direction.
        var delta = capacity[e]
        var side = 0
        var leavingNode = -1
        var u = first
        while u != apex {   // apex → first: the flow runs down from the parent
            let arc = pred[u]
            let room = direction[u] > 0 ? flow[arc] : capacity[arc] - flow[arc]
            if room < delta { delta = room; leavingNode = u; side = 1 }
            u = parent[u]
        }
        u = second
        while u != apex {   // second → apex: the flow runs up to the parent
            let arc = pred[u]
            let room = direction[u] > 0 ? capacity[arc] - flow[arc] : flow[arc]
            if room <= delta { delta = room; leavingNode = u; side = 2 }
            u = parent[u]
        }

        if delta > 0 {
            let push = raising ? delta : -delta
            flow[e] += push
            u = tail[e]
            while u != apex { flow[pred[u]] -= direction[u] * push; u = parent[u] }
            u = head[e]
            while u != apex { flow[pred[u]] += direction[u] * push; u = parent[u] }
        }
        guard side != 0 else {
            // The entering arc itself blocks: it moves to its other bound, the tree stays.
            state[e] = -state[e]
            return
        }
        let leaving = pred[leavingNode]
        state[leaving] = flow[leaving] == 0 ? 1 : -1
        state[e] = 0
        // The subtree below the leaving arc holds `low`, the entering arc's end on its side.
        let low = side == 1 ? first : second
        let high = side == 1 ? second : first
        rehang(subtreeOf: leavingNode, at: low, under: high, by: e)
    }

    /// Cuts the subtree of `top` off its parent and hangs it from `high` by `arc`, with `low`
    /// (inside the subtree) as its new top: the tree path low → top turns round.
    private func rehang(subtreeOf top: Int, at low: Int, under high: Int, by arc: Int) {
        let topDepth = depth[top]
        if low == top {
            // No path to turn round (the common case): the subtree keeps its shape and its thread;
            // one pass in thread order (parents first) gives new depths and potentials, while the
            // old depths of the nodes ahead still tell where the subtree ends.
            parent[top] = high
            pred[top] = arc
            direction[top] = tail[arc] == top ? 1 : -1
            var v = top, last = top
            repeat {
                let p = parent[v]
                depth[v] = depth[p] + 1
                potential[v] = potential[p] - Double(direction[v]) * cost[pred[v]]
                last = v
                v = thread[v]
            } while depth[v] > topDepth
            let before = previous[top]
            thread[before] = v
            previous[v] = before
            let resume = thread[high]
            thread[high] = top
            previous[top] = high
            thread[last] = resume
            previous[resume] = last
            return
        }
        // The path turns round: the stem u_0 = low, u_1 = its parent, …, u_k = top. In the new
        // tree u_{i+1} hangs below u_i, so a depth-first order of the re-hung subtree is
        // seg(u_0), seg(u_1), …, seg(u_k), where seg(u_0) is the old subtree of low and seg(u_i)
        // the old subtree of u_i without that of u_{i−1}: each u_{i+1} comes after all of u_i's
        // other descendants, as its last child. In the old thread the subtree of u_i is one run
        // from u_i, and the subtree of u_{i−1} one run inside it, so seg(u_i) is at most two runs:
        // u_i … previous[u_{i−1}], then the nodes after the end of u_{i−1}'s subtree down to the
        // end of u_i's (found by the old depths). Only the runs' ends are relinked; no child
        // lists, no stack. Every boundary is found before any link or depth changes.
        let stem = stack, runEnd = firstChild, restStart = nextSibling, subtreeEnd = subtree
        var k = 0
        stem[0] = low
        while stem[k] != top {
            stem[k + 1] = parent[stem[k]]
            k += 1
        }
        for i in 0...k {
            let u = stem[i], uDepth = depth[u]
            var last: Int
            var w: Int
            if i == 0 {
                last = u
                w = thread[u]
            } else {
                runEnd[i] = previous[stem[i - 1]]
                last = subtreeEnd[i - 1]
                w = thread[last]
                restStart[i] = w
            }
            while depth[w] > uDepth {
                last = w
                w = thread[w]
            }
            subtreeEnd[i] = last
        }
        let before = previous[top], after = thread[subtreeEnd[k]]
        thread[before] = after
        previous[after] = before
        let resume = thread[high]
        var cursor = high
        func append(_ first: Int, _ last: Int) {
            thread[cursor] = first
            previous[first] = cursor
            cursor = last
        }
        append(low, subtreeEnd[0])
        if k > 0 {
            for i in 1...k {
                append(stem[i], runEnd[i])
                if subtreeEnd[i] != subtreeEnd[i - 1] { append(restStart[i], subtreeEnd[i]) }
            }
        }
        thread[cursor] = resume
        previous[resume] = cursor

        // Turn the path low → top round: each node's parent becomes the node below it.
        var node = low
        var newParent = high
        var newPred = arc
        var newDirection = tail[arc] == low ? 1 : -1
        while true {
            let oldParent = parent[node], oldPred = pred[node], oldDirection = direction[node]
            parent[node] = newParent
            pred[node] = newPred
            direction[node] = newDirection
            if node == top { break }
            newParent = node
            newPred = oldPred
            newDirection = -oldDirection
            node = oldParent
        }

        // Depths and potentials from each node's new parent, in the new thread order (parents first).
        var v = low
        while true {
            let p = parent[v]
            depth[v] = depth[p] + 1
            potential[v] = potential[p] - Double(direction[v]) * cost[pred[v]]
            if v == cursor { break }
            v = thread[v]
        }
    }
}
