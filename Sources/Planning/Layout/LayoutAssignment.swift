/// Zones every block to an open site (划片), for a fixed open set of a ``LayoutProblem``.
///
/// Without binding places each block goes to its nearest open site — optimal for the set. With
/// places, this is the single-source capacitated assignment (generalised assignment), solved
/// by the zone planner's machinery: the split relaxation (``ZoneRelaxation``), its rounding and
/// local search (``WholeBlockZoning``), and for at most ``exactBlocks`` blocks with children
/// the exact search (``ZoneBranchAndBound``).
enum LayoutAssignment {
    /// Blocks with children up to which a capacitated assignment is proven optimal.
    static let exactBlocks = 16

    /// The best assignment found for `open`, and whether it is proven optimal for that set.
    static func assign(_ open: [Bool], in problem: LayoutProblem) -> (solution: LayoutSolution, proven: Bool) {
        problem.capacitated ? capacitated(open, in: problem) : (nearest(open, in: problem), true)
    }

    /// Each block at its nearest open site (unplaced when it reaches none).
    static func nearest(_ open: [Bool], in problem: LayoutProblem) -> LayoutSolution {
        let siteOf = (0..<problem.blockCount).map { i in
            problem.nearest(i).first { open[Int($0)] }.map(Int.init) ?? -1
        }
        return LayoutSolution(open: open, siteOf: siteOf, problem: problem)
    }

    /// Whole blocks within the open sites' places (as many children placed as whole blocks
    /// allow, then least km), proven optimal when the county is small.
    static func capacitated(_ open: [Bool], in problem: LayoutProblem) -> (solution: LayoutSolution, proven: Bool) {
        let sites = (0..<problem.siteCount).filter { open[$0] }
        var local = Array(repeating: -1, count: problem.siteCount)
        for (k, j) in sites.enumerated() { local[j] = k }
        let candidates: [[(school: Int, km: Double)]] = (0..<problem.blockCount).map { i in
            problem.nearest(i).compactMap { j in local[Int(j)] < 0 ? nil : (local[Int(j)], problem.km(i, Int(j))) }
        }
        let network = ZoneNetwork(
            demand: problem.demand, capacity: sites.map { min(problem.capacity[$0], problem.totalDemand) },
            current: Array(repeating: -1, count: problem.blockCount), moveWeight: 0, candidates: candidates)
        var whole = WholeBlockZoning.rounding(ZoneRelaxation(network), network: network, contiguity: nil)
        whole.improve()
        var arcOf = whole.arcOf
        var proven = false
        if problem.demand.count(where: { $0 > 0 }) <= exactBlocks {
            let outcome = ZoneBranchAndBound(network: network, contiguity: nil, budget: 2_000_000).solve(startingFrom: whole)
            arcOf = outcome.arcOf
            proven = outcome.finished
        }
        let siteOf = arcOf.map { $0 < 0 ? -1 : sites[network.school[$0]] }
        return (LayoutSolution(open: open, siteOf: siteOf, problem: problem), proven)
    }
}
