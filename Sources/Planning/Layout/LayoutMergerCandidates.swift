/// What closing each 过渡性保留 school would do (撤并测算): the plan keeps these schools open
/// though they hold fewer children than the merger threshold, and the bureau must show why —
/// or plan their merger next.
///
/// For each such site, its blocks move (most children first) to the nearest other open site
/// that still has room within the places it can grow to, else to the nearest other open site at
/// all; a block with no other open site in reach is stranded. The result is a ``LayoutMerger``
/// as the plan's own mergers are: receivers, the child-km added (km to the receiver − km to the
/// school, × children), the places the receivers must gain beyond what they hold and the plan
/// already zones to them, the children moved beyond the school-run limit, and the year it could
/// close in the sequence (1 when the receivers need no places, else 2, after they are built).
enum LayoutMergerCandidates {
    static func evaluate(problem: LayoutProblem, solution: LayoutSolution, sites: [LayoutPlannedSite], limit: Double) -> [LayoutMerger] {
        var load = Array(repeating: 0, count: problem.siteCount)
        for (i, j) in solution.siteOf.enumerated() where j >= 0 { load[j] += problem.demand[i] }
        return sites.indices.filter { sites[$0].status == .transitional }.map { s in
            let members = solution.siteOf.indices.filter { solution.siteOf[$0] == s }
                .sorted { problem.demand[$0] != problem.demand[$1] ? problem.demand[$0] > problem.demand[$1] : $0 < $1 }
            var received: [Int: Int] = [:]
            var added = 0.0, beyond = 0, stranded = 0
            for i in members {
                let d = problem.demand[i]
                let others = problem.nearest(i).lazy.map(Int.init).filter { $0 != s && solution.open[$0] }
                let roomy = others.first { j in
                    let (after, overflow) = (load[j] + received[j, default: 0]).addingReportingOverflow(d)
                    return !overflow && after <= problem.capacity[j]
                }
                guard let r = roomy ?? others.first else { stranded += d; continue }
                received[r, default: 0] += d
                let km = problem.km(i, r)
                added += Double(d) * (km - problem.km(i, s))
                if km > limit { beyond += d }
            }
            let needed = received.reduce(0) { total, r in
                guard let places = sites[r.key].places else { return total }
                return total + max(0, load[r.key] + r.value - max(places, load[r.key]))
            }
            return LayoutMerger(
                site: sites[s].id, receivers: received.sorted { $0.key < $1.key }.map { (site: sites[$0.key].id, children: $0.value) },
                children: members.reduce(0) { $0 + problem.demand[$1] }, addedChildKm: added, placesNeeded: needed,
                year: needed == 0 ? 1 : 2, beyondLimit: beyond, stranded: stranded)
        }
    }
}
