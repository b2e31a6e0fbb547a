/// The exact whole-block plan of a small zoning problem (分支定界): depth-first over the blocks,
/// largest first, each either zoned to one of its schools (cheapest first) or left unplaced.
///
/// **Bound.** A partial plan costs at least what it has spent plus, for each block still open,
/// its cheapest school that has room *now* — rooms only shrink deeper in the tree, so that is a
/// lower bound of the block's cost in every completion; a block with no school that has room
/// will be unplaced in every completion. The bound is compared lexicographically (unplaced
/// children, then cost) with the best plan known (first the local search's), and a subtree
/// that cannot do better is cut. With contiguity, a complete plan counts only if it keeps the
/// rule (checked at the leaves; the bound ignores it, so it stays a lower bound).
///
/// **Classes.** With a ``ZoneClassCharge`` (a layout that grows schools) each zoning also pays
/// the classes it makes its school add, and a zoning whose classes pass the spend limit is not
/// made. Both are nondecreasing in the loads, so the cuts stay valid.
///
/// **Guarantee.** When the search finishes within its node budget the plan is optimal; the
/// caller then reports the gap as 0. Otherwise the best plan found is kept and nothing is claimed.
struct ZoneBranchAndBound {
    let network: ZoneNetwork
    let contiguity: ZoneContiguity?
    /// Nodes visited before the search gives up.
    let budget: Int
    /// What added classes cost, when schools may grow.
    var charge: ZoneClassCharge? = nil

    /// The best plan as the arc of each block (−1 unplaced), its unplaced children and cost; and
    /// whether the search finished (the plan is then optimal).
    struct Outcome {
        var arcOf: [Int]
        var unplaced: Int
        var cost: Double
        var finished: Bool
    }

    func solve(startingFrom incumbent: WholeBlockZoning) -> Outcome {
        let n = network.blockCount
        let order = (0..<n).sorted { network.demand[$0] != network.demand[$1] ? network.demand[$0] > network.demand[$1] : $0 < $1 }
        // A start with islands is no incumbent when the rule is on: the search must find one that
        // keeps it (the start is returned only if none exists within the budget).
        // So is a start whose classes cost more than the charge allows.
        var load = Array(repeating: 0, count: network.schoolCount)
        var startCost = incumbent.cost, affordable = true
        if let charge {
            for (i, a) in incumbent.arcOf.enumerated() where a >= 0 { load[network.school[a]] += network.demand[i] }
            let (cost, spend) = charge.totals(load)
            startCost += cost
            affordable = charge.affords(spend)
            load = Array(repeating: 0, count: network.schoolCount)
        }
        let startCounts = (contiguity == nil || incumbent.islands.isEmpty) && affordable
        var best = Outcome(arcOf: incumbent.arcOf, unplaced: startCounts ? incumbent.unplaced : .max,
                           cost: startCounts ? startCost : .infinity, finished: false)
        var arcOf = Array(repeating: -1, count: n)
        var spent = 0.0
        var nodes = 0
        let tolerance = 1e-9 * max(1, startCost)

        // Whether (u, c) can beat the best.
        func better(_ u: Int, _ c: Double) -> Bool {
            u < best.unplaced || (u == best.unplaced && c < best.cost - tolerance)
        }

        func bound(from depth: Int, unplaced: Int, cost: Double) -> (Int, Double) {
            var u = unplaced, c = cost
            for i in order[depth...] {
                let d = network.demand[i]
                if let a = network.arcs(of: i).first(where: { load[network.school[$0]] + d <= network.capacity[network.school[$0]] }) {
                    c += Double(d) * network.unitCost(a, of: i)
                } else {
                    u += d
                }
            }
            return (u, c)
        }

        func search(_ depth: Int, unplaced: Int, cost: Double) -> Bool {
            nodes += 1
            if nodes > budget { return false }
            if depth == n {
                if better(unplaced, cost) && keepsContiguity(arcOf) {
                    best = Outcome(arcOf: arcOf, unplaced: unplaced, cost: cost, finished: false)
                }
                return true
            }
            let (u, c) = bound(from: depth, unplaced: unplaced, cost: cost)
            if !better(u, c) { return true }
            let i = order[depth], d = network.demand[i]
            for a in network.arcs(of: i) {
                let j = network.school[a]
                guard load[j] + d <= network.capacity[j] else { continue }
                var classCost = 0.0, classSpend = 0.0
                if let charge {
                    let added = Double(charge.classes(j, load: load[j] + d) - charge.classes(j, load: load[j]))
                    classCost = added * charge.cost[j]
                    classSpend = added * charge.spend[j]
                    guard charge.affords(spent + classSpend) else { continue }
                }
                arcOf[i] = a
                load[j] += d
                spent += classSpend
                let going = search(depth + 1, unplaced: unplaced, cost: cost + Double(d) * network.unitCost(a, of: i) + classCost)
                spent -= classSpend
                load[j] -= d
                arcOf[i] = -1
                if !going { return false }
            }
            // A block without children is zoned, never left out, when it has a school.
            if d == 0 && !network.arcs(of: i).isEmpty { return true }
            return search(depth + 1, unplaced: unplaced + d, cost: cost)
        }

        best.finished = search(0, unplaced: 0, cost: 0)
        if best.unplaced == .max {
            best = Outcome(arcOf: incumbent.arcOf, unplaced: incumbent.unplaced, cost: startCost, finished: false)
        }
        return best
    }

    /// Whether a complete plan keeps the no-islands rule.
    private func keepsContiguity(_ arcOf: [Int]) -> Bool {
        guard let contiguity else { return true }
        var plan = WholeBlockZoning(network: network, contiguity: contiguity)
        for (i, a) in arcOf.enumerated() where a >= 0 { plan.assign(i, arc: a) }
        return plan.islands.isEmpty
    }
}
