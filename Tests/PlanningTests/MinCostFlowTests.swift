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
}
