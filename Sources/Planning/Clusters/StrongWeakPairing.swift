import Domain

/// Strong–weak pairing proposals (强校带弱校, 001 §15): each school failing the school rule
/// (a weak unit) paired with a strong school of the same stage — one meeting every indicator —
/// within `maxKilometres`, the strong school taking at most `perStrong` weak ones.
///
/// A strong school meets every indicator, so it covers all of a weak school's unmet ones (what
/// it can lend: teachers, rooms, equipment). Among the allowed pairs the proposal pairs as many
/// weak schools as it can, those with the most unmet indicators first when strong places run
/// short, then with the least travel: a min-cost flow (source → weak, capacity 1; weak → strong,
/// cost −C·unmet + km; strong → sink, capacity `perStrong`), with C larger than any allowed
/// distance, so no saving in kilometres outweighs pairing a school with one more unmet indicator.
/// A weak school with no strong school in reach stays unpaired and is listed as such.
public enum StrongWeakPairing {
    /// A proposed pair.
    public struct Pair: Sendable, Hashable {
        public var stage: Stage
        /// The weak school's code, and the strong school's.
        public var weak: String
        public var strong: String
        /// Their distance (great circle).
        public var kilometres: Double
        /// The weak school's unmet indicators (indices into the standard's), all met by the strong one.
        public var covered: [Int]
    }

    /// The proposal for a county's evaluation `result` over its `schools` (their coordinates).
    /// - Returns: the pairs, by stage then weak school, and the weak schools left unpaired.
    public static func propose(_ result: CountyResult, schools: [SchoolYear], maxKilometres: Double, perStrong: Int) -> (pairs: [Pair], unpaired: [String]) {
        let places = Dictionary(schools.compactMap { row in row.coordinate.map { (row.schoolCode, $0) } }) { a, _ in a }
        var pairs: [Pair] = [], unpaired: [String] = []
        for stage in Stage.allCases {
            let units = result.units.filter { $0.unit.stage == stage }
            let weak = units.filter { $0.passes == false }
            let strong = units.filter { $0.passes == true && $0.unmet.isEmpty && !$0.met.contains(nil) }
            guard !weak.isEmpty else { continue }
            // Nodes: 0 source, 1 sink, weak 2..<2+w, strong after.
            var flow = MinCostFlow(nodes: 2 + weak.count + strong.count)
            let scale = maxKilometres + 1
            var edges: [(edge: Int, weak: Int, strong: Int, km: Double)] = []
            for (i, w) in weak.enumerated() {
                flow.addEdge(from: 0, to: 2 + i, capacity: 1, cost: 0)
                guard let from = places[w.unit.schoolCode] else { continue }
                for (j, s) in strong.enumerated() {
                    guard let to = places[s.unit.schoolCode], s.unit.schoolCode != w.unit.schoolCode else { continue }
                    let km = DistanceModel.greatCircle(from, to)
                    guard km <= maxKilometres else { continue }
                    let edge = flow.addEdge(from: 2 + i, to: 2 + weak.count + j, capacity: 1, cost: -scale * Double(w.unmet.count) + km)
                    edges.append((edge, i, j, km))
                }
            }
            for j in strong.indices { flow.addEdge(from: 2 + weak.count + j, to: 1, capacity: max(0, perStrong), cost: 0) }
            flow.solve(from: 0, to: 1, below: 0)
            var paired = Set<Int>()
            for edge in edges where flow.flow(on: edge.edge) > 0 {
                paired.insert(edge.weak)
                pairs.append(Pair(stage: stage, weak: weak[edge.weak].unit.schoolCode, strong: strong[edge.strong].unit.schoolCode,
                                  kilometres: edge.km, covered: weak[edge.weak].unmet))
            }
            unpaired += weak.indices.filter { !paired.contains($0) }.map { weak[$0].unit.schoolCode }
        }
        return (pairs.sorted { ($0.stage.rawValue, $0.weak) < ($1.stage.rawValue, $1.weak) }, unpaired)
    }
}
