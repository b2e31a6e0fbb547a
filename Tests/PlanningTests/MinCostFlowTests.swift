import Testing
@testable import Planning

@Suite("Min-cost flow")
struct MinCostFlowTests {
    @Test("the documented example")
    func example() {
        var network = MinCostFlow(nodes: 3)
        network.addEdge(from: 0, to: 1, capacity: 2, cost: 1)
        network.addEdge(from: 1, to: 2, capacity: 2, cost: 1)
        #expect(network.solve(from: 0, to: 2, amount: 2) == .init(flow: 2, cost: 4))
    }

    @Test("a cheaper long way is preferred, and flow reroutes through reverse edges")
    func rerouting() {
        // The classic case where the first shortest path must be partly undone.
        var network = MinCostFlow(nodes: 4)
        network.addEdge(from: 0, to: 1, capacity: 1, cost: 1)
        network.addEdge(from: 0, to: 2, capacity: 1, cost: 5)
        network.addEdge(from: 1, to: 2, capacity: 1, cost: 1)
        network.addEdge(from: 1, to: 3, capacity: 1, cost: 5)
        network.addEdge(from: 2, to: 3, capacity: 1, cost: 1)
        #expect(network.solve(from: 0, to: 3) == .init(flow: 2, cost: 12))
    }

    /// The least cost of sending `amount` by trying every integer flow on every edge.
    private func bruteForce(nodes: Int, edges: [(Int, Int, Int, Double)], amount: Int) -> Double? {
        var flows = Array(repeating: 0, count: edges.count)
        var best: Double?
        func visit(_ i: Int) {
            if i == edges.count {
                var balance = Array(repeating: 0, count: nodes)
                var cost = 0.0
                for (j, edge) in edges.enumerated() {
                    balance[edge.0] -= flows[j]
                    balance[edge.1] += flows[j]
                    cost += Double(flows[j]) * edge.3
                }
                guard balance[0] == -amount, balance[nodes - 1] == amount,
                      (1..<(nodes - 1)).allSatisfy({ balance[$0] == 0 }) else { return }
                if best == nil || cost < best! - 1e-12 { best = cost }
                return
            }
            for f in 0...edges[i].2 {
                flows[i] = f
                visit(i + 1)
            }
        }
        visit(0)
        return best
    }

    @Test("equals brute force on small random graphs", arguments: 0..<80)
    func againstBruteForce(seed: Int) {
        var random = TestRandom(seed: 5000 + seed)
        let nodes = random.int(2, 5)
        let edgeCount = random.int(1, 6)
        let edges = (0..<edgeCount).map { _ -> (Int, Int, Int, Double) in
            var to = random.int(0, nodes - 1)
            let from = random.int(0, nodes - 1)
            if to == from { to = (from + 1) % nodes }
            // Non-negative costs: no negative cycles by construction.
            return (from, to, random.int(0, 3), Double(random.int(0, 9)))
        }
        var maximum = MinCostFlow(nodes: nodes)
        for edge in edges { maximum.addEdge(from: edge.0, to: edge.1, capacity: edge.2, cost: edge.3) }
        let most = maximum.solve(from: 0, to: nodes - 1).flow
        for amount in 0...most {
            var network = MinCostFlow(nodes: nodes)
            let indices = edges.map { network.addEdge(from: $0.0, to: $0.1, capacity: $0.2, cost: $0.3) }
            let result = network.solve(from: 0, to: nodes - 1, amount: amount)
            #expect(result.flow == amount)
            let expected = bruteForce(nodes: nodes, edges: edges, amount: amount)
            #expect(expected.map { abs($0 - result.cost) < 1e-9 } == true, "amount \(amount): \(result.cost) vs \(String(describing: expected))")
            // The reported flows are within capacity and cost what is reported.
            let total = indices.enumerated().reduce(0.0) { $0 + Double(network.flow(on: $1.element)) * edges[$1.offset].3 }
            #expect(abs(total - result.cost) < 1e-9)
            for (i, index) in indices.enumerated() { #expect((0...edges[i].2).contains(network.flow(on: index))) }
        }
        // No more than the maximum can be sent.
        #expect(bruteForce(nodes: nodes, edges: edges, amount: most + 1) == nil)
    }

    // MARK: Against an independent reference

    /// A random network whose costs may be negative but whose cycles all cost ≥ 0: each cost is
    /// a non-negative part plus p(from) − p(to) for random node prices p (which cancel round a cycle).
    private func randomNetwork(_ random: inout TestRandom, nodes: Int, edges: Int, maxCapacity: Int, integerCosts: Bool) -> [(Int, Int, Int, Double)] {
        let price = (0..<nodes).map { _ in integerCosts ? Double(random.int(-6, 6)) : random.uniform(-3, 3) }
        return (0..<edges).map { _ in
            let from = random.int(0, nodes - 1)
            var to = random.int(0, nodes - 1)
            if to == from && random.int(0, 3) > 0 { to = (from + 1) % nodes }   // a few loops stay
            let base = integerCosts ? Double(random.int(0, 9)) : random.uniform(0, 5)
            return (from, to, random.int(0, maxCapacity), base + price[from] - price[to])
        }
    }

    /// Flow conservation, capacities, the reported cost, and no residual cycle of negative cost
    /// (Bellman–Ford from a virtual node joined to every node): the flow costs the least for its value.
    private func checkOptimal(_ network: MinCostFlow, _ indices: [Int], _ edges: [(Int, Int, Int, Double)], nodes: Int, source: Int, sink: Int, result: MinCostFlow.Result, returnCost: Double? = nil, amount: Int? = nil) {
        var balance = Array(repeating: 0, count: nodes)
        var total = 0.0
        for (i, index) in indices.enumerated() {
            let x = network.flow(on: index)
            #expect((0...edges[i].2).contains(x), "edge \(i): flow \(x) outside 0...\(edges[i].2)")
            balance[edges[i].0] -= x
            balance[edges[i].1] += x
            total += Double(x) * edges[i].3
        }
        #expect(abs(total - result.cost) < 1e-9)
        for v in 0..<nodes {
            #expect(balance[v] == (v == source ? -result.flow : v == sink ? result.flow : 0), "node \(v) unbalanced")
        }
        // Residual arcs; with `returnCost`, the return arc sink → source of the "only gains" mode too.
        var residual: [(Int, Int, Double)] = []
        for (i, index) in indices.enumerated() where edges[i].0 != edges[i].1 {
            let x = network.flow(on: index)
            if x < edges[i].2 { residual.append((edges[i].0, edges[i].1, edges[i].3)) }
            if x > 0 { residual.append((edges[i].1, edges[i].0, -edges[i].3)) }
        }
        if let returnCost {
            if result.flow > 0 { residual.append((source, sink, -returnCost)) }   // a unit fewer
            if result.flow < (amount ?? .max) { residual.append((sink, source, returnCost)) }   // a unit more
        }
        var distance = Array(repeating: 0.0, count: nodes)
        var improving = true
        for _ in 0...nodes where improving {
            improving = false
            for (u, v, c) in residual where distance[u] + c < distance[v] - 1e-9 {
                distance[v] = distance[u] + c
                improving = true
            }
        }
        #expect(!improving, "a residual cycle of negative cost remains")
    }

    /// Successive shortest paths with Bellman–Ford on the residual graph each time: slow, simple,
    /// and independent of the solver. Stops at `amount`, when no path is left, or (with `below`)
    /// at the first path costing `below` or more.
    private func reference(nodes: Int, edges: [(Int, Int, Int, Double)], source: Int, sink: Int, amount: Int?, below: Double?) -> (flow: Int, cost: Double) {
        var flow = Array(repeating: 0, count: edges.count)
        var sent = 0, cost = 0.0
        while sent < (amount ?? .max) {
            var distance = Array(repeating: Double.infinity, count: nodes)
            var via: [(edge: Int, forward: Bool)?] = Array(repeating: nil, count: nodes)
            distance[source] = 0
            for _ in 0..<nodes {
                for (i, e) in edges.enumerated() where e.0 != e.1 {
                    if flow[i] < e.2, distance[e.0] + e.3 < distance[e.1] - 1e-12 { distance[e.1] = distance[e.0] + e.3; via[e.1] = (i, true) }
                    if flow[i] > 0, distance[e.1] - e.3 < distance[e.0] - 1e-12 { distance[e.0] = distance[e.1] - e.3; via[e.0] = (i, false) }
                }
            }
            guard distance[sink] < .infinity else { break }
            if let below, distance[sink] >= below { break }
            var push = (amount ?? .max) - sent
            var v = sink
            while v != source {
                let (i, forward) = via[v]!
                push = min(push, forward ? edges[i].2 - flow[i] : flow[i])
                v = forward ? edges[i].0 : edges[i].1
            }
            v = sink
            while v != source {
                let (i, forward) = via[v]!
                flow[i] += forward ? push : -push
                v = forward ? edges[i].0 : edges[i].1
            }
            sent += push
            cost += Double(push) * distance[sink]
        }
        return (sent, cost)
    }

    @Test("negative costs, loops, parallel arcs: the same flow and cost as the reference, and optimal", arguments: 0..<120)
    func againstReference(seed: Int) {
        var random = TestRandom(seed: 9000 + seed)
        let nodes = random.int(2, 12)
        let integerCosts = seed % 2 == 0
        let edges = randomNetwork(&random, nodes: nodes, edges: random.int(1, 40), maxCapacity: 5, integerCosts: integerCosts)
        let source = random.int(0, nodes - 1)
        let sink = (source + random.int(1, nodes - 1)) % nodes
        let amount: Int? = random.int(0, 2) == 0 ? nil : random.int(0, 12)
        for below in [nil, 0.0, -2.5, 4.0] as [Double?] {
            var network = MinCostFlow(nodes: nodes)
            let indices = edges.map { network.addEdge(from: $0.0, to: $0.1, capacity: $0.2, cost: $0.3) }
            let result = network.solve(from: source, to: sink, amount: amount, below: below)
            let expected = reference(nodes: nodes, edges: edges, source: source, sink: sink, amount: amount, below: below)
            if below == nil {
                #expect(result.flow == expected.flow)
                #expect(abs(result.cost - expected.cost) < 1e-9, "cost \(result.cost) vs \(expected.cost)")
            } else {
                // Units whose marginal cost is exactly `below` may go either way; the value
                // C(F) − below·F is the same.
                #expect(abs((result.cost - below! * Double(result.flow)) - (expected.cost - below! * Double(expected.flow))) < 1e-9)
                #expect(result.flow <= (amount ?? .max))
            }
            checkOptimal(network, indices, edges, nodes: nodes, source: source, sink: sink, result: result, returnCost: below.map { -$0 }, amount: amount)
        }
    }

    @Test("the most flow at least cost when more is asked than the graph carries, or nothing can pass")
    func aboveMaximum() {
        var network = MinCostFlow(nodes: 4)
        network.addEdge(from: 0, to: 1, capacity: 2, cost: -1)
        network.addEdge(from: 1, to: 3, capacity: 1, cost: 5)
        network.addEdge(from: 0, to: 2, capacity: 3, cost: 2)
        network.addEdge(from: 2, to: 3, capacity: 1, cost: 1)
        network.addEdge(from: 1, to: 2, capacity: 1, cost: 0)
        #expect(network.solve(from: 0, to: 3, amount: 10) == .init(flow: 2, cost: 4))   // 0→1→3 (4) and 0→1→2→3 (0)
        #expect(network.solve(from: 0, to: 3, amount: 0) == .init(flow: 0, cost: 0))
        #expect(network.solve(from: 3, to: 0) == .init(flow: 0, cost: 0))
        // Only gains: the path 0 → 1 → 2 → 3 costs 0, not below 0; nothing is sent.
        #expect(network.solve(from: 0, to: 3, below: 0) == .init(flow: 0, cost: 0))
        #expect(network.solve(from: 0, to: 3, below: 0.5) == .init(flow: 1, cost: 0))
    }

    @Test("parallel arcs fill cheapest first; a negative loop is never used")
    func parallelArcs() {
        var network = MinCostFlow(nodes: 2)
        let dear = network.addEdge(from: 0, to: 1, capacity: 5, cost: 3)
        let cheap = network.addEdge(from: 0, to: 1, capacity: 2, cost: 1)
        let loop = network.addEdge(from: 1, to: 1, capacity: 4, cost: 0)
        #expect(network.solve(from: 0, to: 1, amount: 4) == .init(flow: 4, cost: 8))
        #expect(network.flow(on: cheap) == 2 && network.flow(on: dear) == 2 && network.flow(on: loop) == 0)
    }

    @Test("costs of order 1 that differ by 10⁻¹⁴ (the rotation model's tie-breaks) are told apart")
    func tieBreaks() {
        for flip in [false, true] {
            var network = MinCostFlow(nodes: 5)
            network.addEdge(from: 0, to: 1, capacity: 1, cost: -0.731)
            let a = network.addEdge(from: 1, to: 2, capacity: 1, cost: flip ? 0.42 - 1e-14 : 0.42)
            let b = network.addEdge(from: 1, to: 3, capacity: 1, cost: flip ? 0.42 : 0.42 - 1e-14)
            network.addEdge(from: 2, to: 4, capacity: 1, cost: 0.1)
            network.addEdge(from: 3, to: 4, capacity: 1, cost: 0.1)
            network.addEdge(from: 0, to: 4, capacity: 1, cost: 0.9)
            let result = network.solve(from: 0, to: 4, below: -1e-12)
            #expect(result.flow == 1)
            #expect(network.flow(on: flip ? a : b) == 1 && network.flow(on: flip ? b : a) == 0)
        }
    }

    /// A rotation-shaped network: source → giving schools (one unit arc each at a rising marginal
    /// cost, negative: giving lowers the objective) → hubs → taking schools (rising positive
    /// costs) → sink, with small distance costs on the unbounded hub arcs.
    private func rotationNetwork(_ random: inout TestRandom, schools: Int) -> (nodes: Int, edges: [(Int, Int, Int, Double)]) {
        var edges: [(Int, Int, Int, Double)] = []
        let givers = schools / 2, takers = schools - givers
        let hubs = 3
        let nodes = 2 + givers + takers + hubs * 2
        for g in 0..<givers {
            var c = -random.uniform(0.5, 2)
            for _ in 0..<random.int(1, 6) { edges.append((0, 2 + g, 1, c)); c += random.uniform(0.05, 0.6) }
            for h in 0..<hubs where random.int(0, 2) > 0 { edges.append((2 + g, 2 + schools + h, Int.max / 4, 1e-8 * random.uniform(0, 50))) }
        }
        for t in 0..<takers {
            var c = random.uniform(-0.2, 1)
            for _ in 0..<random.int(1, 6) { edges.append((2 + givers + t, 1, 1, c)); c += random.uniform(0.05, 0.6) }
            for h in 0..<hubs where random.int(0, 2) > 0 { edges.append((2 + schools + hubs + h, 2 + givers + t, random.int(1, 4), 0)) }
        }
        for h in 0..<hubs { edges.append((2 + schools + h, 2 + schools + hubs + h, Int.max / 4, 0)) }
        return (nodes, edges)
    }

    @Test("rotation-shaped networks: the reference's objective in both modes", arguments: 0..<20)
    func rotationShaped(seed: Int) {
        var random = TestRandom(seed: 12000 + seed)
        let (nodes, edges) = rotationNetwork(&random, schools: random.int(4, 40))
        for (amount, below) in [(nil, -1e-12), (random.int(1, 30), -1e-12), (random.int(1, 30), nil)] as [(Int?, Double?)] {
            var network = MinCostFlow(nodes: nodes)
            let indices = edges.map { network.addEdge(from: $0.0, to: $0.1, capacity: $0.2, cost: $0.3) }
            let result = network.solve(from: 0, to: 1, amount: amount, below: below)
            let expected = reference(nodes: nodes, edges: edges, source: 0, sink: 1, amount: amount, below: below)
            #expect(result.flow == expected.flow)
            #expect(abs(result.cost - expected.cost) < 1e-9, "cost \(result.cost) vs \(expected.cost)")
            checkOptimal(network, indices, edges, nodes: nodes, source: 0, sink: 1, result: result, returnCost: below.map { -$0 }, amount: amount)
        }
    }

    @Test("exactly the amount when its paths cost far more than the dearest arc (the unit's price is raised)", arguments: [3, 10, 100, 1_000])
    func longPaths(length: Int) {
        // Source 0 → sink 1 directly (capacity 1, cost 1), or along a chain of `length` arcs of cost
        // 1 each: the second unit costs `length`, above the first price 4·max |cost| = 4 when
        // `length` > 4 (one raise to 64 for 10, two for 100, three for 1,000).
        var network = MinCostFlow(nodes: length + 1)
        let direct = network.addEdge(from: 0, to: 1, capacity: 1, cost: 1)
        var previous = 0
        for k in 0..<length {
            let next = k == length - 1 ? 1 : k + 2
            network.addEdge(from: previous, to: next, capacity: 3, cost: 1)
            previous = next
        }
        #expect(network.solve(from: 0, to: 1, amount: 2) == .init(flow: 2, cost: 1 + Double(length)))
        #expect(network.flow(on: direct) == 1)
        #expect(network.solve(from: 0, to: 1) == .init(flow: 4, cost: 1 + 3 * Double(length)))
        // Only gains: no unit costs less than 0; below `length` + ½ takes both kinds.
        #expect(network.solve(from: 0, to: 1, below: 0) == .init(flow: 0, cost: 0))
        #expect(network.solve(from: 0, to: 1, below: Double(length) + 0.5) == .init(flow: 4, cost: 1 + 3 * Double(length)))
    }

    @Test("every cost 0: the most flow up to the amount")
    func zeroCosts() {
        var network = MinCostFlow(nodes: 4)
        network.addEdge(from: 0, to: 1, capacity: 2, cost: 0)
        network.addEdge(from: 0, to: 2, capacity: 2, cost: 0)
        network.addEdge(from: 1, to: 3, capacity: 1, cost: 0)
        network.addEdge(from: 2, to: 3, capacity: 5, cost: 0)
        network.addEdge(from: 1, to: 2, capacity: 1, cost: 0)
        #expect(network.solve(from: 0, to: 3) == .init(flow: 4, cost: 0))
        #expect(network.solve(from: 0, to: 3, amount: 3) == .init(flow: 3, cost: 0))
        #expect(network.solve(from: 0, to: 3, below: 0) == .init(flow: 0, cost: 0))
    }

    /// Layers of nodes from the source to the sink, arcs between consecutive layers and a few
    /// backwards (costs ≥ 0: no negative cycles), so that augmenting paths are long and cost many
    /// times the dearest arc.
    private func layeredNetwork(_ random: inout TestRandom) -> (nodes: Int, edges: [(Int, Int, Int, Double)]) {
        let layers = random.int(3, 14), width = random.int(1, 3)
        // Node 0 the source, 1 the sink, then `width` nodes per layer.
        func node(_ layer: Int, _ i: Int) -> Int { 2 + layer * width + i }
        var edges: [(Int, Int, Int, Double)] = []
        for i in 0..<width {
            edges.append((0, node(0, i), random.int(1, 4), Double(random.int(0, 9))))
            edges.append((node(layers - 1, i), 1, random.int(1, 4), Double(random.int(0, 9))))
        }
        for layer in 0..<(layers - 1) {
            for i in 0..<width {
                for j in 0..<width where random.int(0, 2) > 0 || i == j {
                    edges.append((node(layer, i), node(layer + 1, j), random.int(1, 3), Double(random.int(0, 9))))
                }
                if random.int(0, 4) == 0 { edges.append((node(layer + 1, i), node(layer, random.int(0, width - 1)), random.int(1, 2), Double(random.int(0, 9)))) }
            }
        }
        return (2 + layers * width, edges)
    }

    @Test("long layered networks, exactly the amount or the most: the reference's flow and cost, and optimal", arguments: 0..<40)
    func layered(seed: Int) {
        var random = TestRandom(seed: 18000 + seed)
        let (nodes, edges) = layeredNetwork(&random)
        for amount in [nil, random.int(1, 8)] as [Int?] {
            var network = MinCostFlow(nodes: nodes)
            let indices = edges.map { network.addEdge(from: $0.0, to: $0.1, capacity: $0.2, cost: $0.3) }
            let result = network.solve(from: 0, to: 1, amount: amount)
            let expected = reference(nodes: nodes, edges: edges, source: 0, sink: 1, amount: amount, below: nil)
            #expect(result.flow == expected.flow)
            #expect(abs(result.cost - expected.cost) < 1e-9, "cost \(result.cost) vs \(expected.cost)")
            checkOptimal(network, indices, edges, nodes: nodes, source: 0, sink: 1, result: result)
        }
    }

    @Test("the simplex's tree stays a strongly feasible spanning tree with a depth-first thread after every pivot", arguments: 0..<60)
    func treeAfterEveryPivot(seed: Int) {
        var random = TestRandom(seed: 21000 + seed)
        let (nodes, edges): (Int, [(Int, Int, Int, Double)]) = switch seed % 3 {
        case 0: rotationNetwork(&random, schools: random.int(4, 30))
        case 1: layeredNetwork(&random)
        default: { let n = random.int(2, 12); return (n, randomNetwork(&random, nodes: n, edges: random.int(1, 40), maxCapacity: 5, integerCosts: true)) }()
        }
        let arcs = edges.filter { $0.2 > 0 && $0.0 != $0.1 }
        let (source, sink) = (0, 1 % nodes)
        guard source != sink else { return }
        let largest = arcs.reduce(1.0) { max($0, abs($1.3)) }
        let simplex = NetworkSimplex(
            nodes: nodes, tail: arcs.map(\.0) + [sink], head: arcs.map(\.1) + [source],
            capacity: arcs.map(\.2) + [random.int(1, 20)], cost: arcs.map(\.3) + [seed % 2 == 0 ? 0.5 : -4 * largest],
            flow: Array(repeating: 0, count: arcs.count + 1))
        let slack = 1e-9 * largest
        #expect(simplex.isConsistent(slack: slack))
        simplex.hangShortestPaths(to: sink)
        #expect(simplex.isConsistent(slack: slack))
        var steps = 0
        while simplex.pivotOnce(tolerance: 1e-12), steps < 100_000 {
            steps += 1
            guard simplex.isConsistent(slack: slack) else {
                Issue.record("tree broken after pivot \(steps)")
                return
            }
        }
        // A new price for the return arc keeps the tree and rebuilds the potentials.
        simplex.setCost(of: arcs.count, to: -64 * largest)
        #expect(simplex.isConsistent(slack: slack))
        while simplex.pivotOnce(tolerance: 1e-12), steps < 200_000 { steps += 1 }
        #expect(simplex.isConsistent(slack: slack))
    }

    @Test("only gains equals the least cost over every amount, by brute force", arguments: 0..<40)
    func gainsAgainstBruteForce(seed: Int) {
        var random = TestRandom(seed: 15000 + seed)
        let nodes = random.int(2, 5)
        let edges = randomNetwork(&random, nodes: nodes, edges: random.int(1, 6), maxCapacity: 3, integerCosts: true)
        let amount = random.int(0, 4)
        var network = MinCostFlow(nodes: nodes)
        for edge in edges { network.addEdge(from: edge.0, to: edge.1, capacity: edge.2, cost: edge.3) }
        // Integer costs: "below −½" takes exactly the units of negative cost.
        let result = network.solve(from: 0, to: nodes - 1, amount: amount, below: -0.5)
        let best = (0...amount).compactMap { bruteForce(nodes: nodes, edges: edges, amount: $0) }.min() ?? 0
        #expect(abs(result.cost - min(best, 0)) < 1e-9, "\(result.cost) vs \(best)")
    }
}
