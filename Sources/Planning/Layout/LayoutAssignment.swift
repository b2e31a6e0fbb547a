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
    ///
    /// **Added classes.** When they are charged (``LayoutProblem/chargesClasses``) the sites'
    /// places are decided too. The first zoning may grow every site to its most; then, while it
    /// pays, one class less: the site whose last class holds the fewest children is zoned again
    /// without it (at most ``classTrials`` zonings), and the zoning without any class is tried —
    /// the one plan that always keeps the budget. The exact search charges the classes as it
    /// zones (``ZoneClassCharge``), so small counties are still proven.
    static func capacitated(_ open: [Bool], in problem: LayoutProblem) -> (solution: LayoutSolution, proven: Bool) {
        let sites = (0..<problem.siteCount).filter { open[$0] }
        var local = Array(repeating: -1, count: problem.siteCount)
        for (k, j) in sites.enumerated() { local[j] = k }
        let candidates: [[(school: Int, km: Double)]] = (0..<problem.blockCount).map { i in
            problem.nearest(i).compactMap { j in local[Int(j)] < 0 ? nil : (local[Int(j)], problem.km(i, Int(j))) }
        }
        func network(_ places: [Int]) -> ZoneNetwork {
            ZoneNetwork(demand: problem.demand, capacity: places.map { min($0, problem.totalDemand) },
                        current: Array(repeating: -1, count: problem.blockCount), moveWeight: 0, candidates: candidates)
        }
        func zoned(_ places: [Int]) -> (zoning: WholeBlockZoning, solution: LayoutSolution) {
            let network = network(places)
            var whole = WholeBlockZoning.rounding(ZoneRelaxation(network), network: network, contiguity: nil)
            whole.improve()
            let siteOf = whole.arcOf.map { $0 < 0 ? -1 : sites[network.school[$0]] }
            return (whole, LayoutSolution(open: open, siteOf: siteOf, problem: problem))
        }

        let most = sites.map { problem.capacity[$0] }
        var (whole, best) = zoned(most)
        if problem.chargesClasses { (whole, best) = fewerClasses(than: (whole, best), sites: sites, in: problem, zoned: zoned) }
        var proven = false
        if problem.demand.count(where: { $0 > 0 }) <= exactBlocks {
            var exact = ZoneBranchAndBound(network: network(most), contiguity: nil, budget: 2_000_000)
            exact.charge = problem.classCharge(sites: sites, open: open)
            let outcome = exact.solve(startingFrom: whole)
            let siteOf = outcome.arcOf.map { $0 < 0 ? -1 : sites[exact.network.school[$0]] }
            best = LayoutSolution(open: open, siteOf: siteOf, problem: problem)
            proven = outcome.finished
        }
        return (best, proven)
    }

    /// Zonings beyond the first tried per open set to add fewer classes.
    static let classTrials = 8

    /// The zoning `start` with fewer added classes, while that beats it (see ``capacitated(_:in:)``).
    private static func fewerClasses(than start: (zoning: WholeBlockZoning, solution: LayoutSolution), sites: [Int], in problem: LayoutProblem,
                                     zoned: ([Int]) -> (zoning: WholeBlockZoning, solution: LayoutSolution))
        -> (zoning: WholeBlockZoning, solution: LayoutSolution) {
        var best = start
        var trials = 0
        func load(_ solution: LayoutSolution) -> [Int] {
            var load = Array(repeating: 0, count: problem.siteCount)
            for (i, j) in solution.siteOf.enumerated() where j >= 0 { load[j] += problem.demand[i] }
            return load
        }
        improving: while trials < classTrials {
            let load = load(best.solution)
            let classes = sites.map { problem.addedClasses($0, load: load[$0]) }
            // The children in each site's last class: the fewer, the cheaper it is to do without.
            let order = sites.indices.filter { classes[$0] > 0 && problem.classCost[sites[$0]] > 0 }
                .sorted { a, b in
                    let la = load[sites[a]] - problem.basePlaces[sites[a]] - (classes[a] - 1) * problem.classPlaces
                    let lb = load[sites[b]] - problem.basePlaces[sites[b]] - (classes[b] - 1) * problem.classPlaces
                    return la != lb ? la < lb : a < b
                }
            for k in order {
                guard trials < classTrials else { break improving }
                trials += 1
                let places = sites.indices.map { s in
                    min(problem.capacity[sites[s]], problem.basePlaces[sites[s]] + (classes[s] - (s == k ? 1 : 0)) * problem.classPlaces)
                }
                let plan = zoned(places)
                if plan.solution.beats(best.solution) {
                    best = plan
                    continue improving
                }
            }
            break
        }
        let bare = zoned(sites.map { problem.basePlaces[$0] })
        return bare.solution.beats(best.solution) ? bare : best
    }
}
