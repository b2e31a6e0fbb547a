/// The exact layout of a small problem (分支定界): depth-first over the sites that may open or
/// close, each first opened then closed, the open sets the target allows evaluated at the leaves.
///
/// **Bound.** Every completion of a node opens a subset of the sites not closed there, and a
/// block pays at least dᵢ × its km to the nearest of those (places only raise it). So
/// Σᵢ dᵢ · min_{j not closed} kmᵢⱼ, with the children no such site reaches counted unplaced,
/// bounds every leaf below the node lexicographically — plus, with a price per child-km, the
/// build costs of the sites already open there, which every leaf below keeps open — and a node
/// that cannot beat the best plan is cut. A count or budget that cannot be met below a node cuts it too.
///
/// **Guarantee.** Leaves are assigned by ``LayoutAssignment``: nearest open site without
/// binding places (optimal for the set), otherwise the capacitated assignment, proven for at
/// most ``LayoutAssignment/exactBlocks`` blocks. When every leaf reached was proven and the
/// search ended within `leaves`, the best plan is optimal.
struct LayoutBranchAndBound {
    let problem: LayoutProblem
    /// Leaves evaluated before the search gives up.
    let leaves: Int

    /// The number of open sets the target allows, or nil above `limit`.
    static func openSets(_ problem: LayoutProblem, limit: Int) -> Int? {
        let free = (0..<problem.siteCount).count { !problem.forced[$0] }
        switch problem.target {
        case .open(let p):
            let k = p - problem.forced.count(where: { $0 })
            guard k >= 0, k <= free else { return 0 }
            var count = 1.0
            for t in 0..<min(k, free - k) { count = count * Double(free - t) / Double(t + 1) }
            return count <= Double(limit) ? Int(count.rounded()) : nil
        case .budget:
            return free <= 20 && (1 << free) <= limit ? 1 << free : nil
        }
    }

    /// The best plan and whether it is proven optimal.
    func solve(startingFrom incumbent: LayoutSolution) -> (solution: LayoutSolution, proven: Bool) {
        let m = problem.siteCount, n = problem.blockCount
        let free = (0..<m).filter { !problem.forced[$0] }
        var open = problem.forced
        var closed = Array(repeating: false, count: m)
        var best = incumbent
        var allProven = true
        var evaluated = 0
        let wanted: Int? = if case .open(let p) = problem.target { p } else { nil }

        func bound() -> (unplaced: Int, cost: Double) {
            var unplaced = 0, cost = 0.0
            for i in 0..<n where problem.demand[i] > 0 {
                if let j = problem.nearest(i).first(where: { !closed[Int($0)] }) {
                    cost += Double(problem.demand[i]) * problem.km(i, Int(j))
                } else {
                    unplaced += problem.demand[i]
                }
            }
            return (unplaced, cost + problem.opening(open))
        }

        func search(_ depth: Int, opened: Int) -> Bool {
            let (u, c) = bound()
            if u > best.unplaced || (u == best.unplaced && c >= best.cost - 1e-9 * max(1, abs(best.cost))) { return true }
            if let wanted, opened > wanted || opened + (free.count - depth) < wanted { return true }
            if depth == free.count {
                guard problem.allows(open) else { return true }
                evaluated += 1
                if evaluated > leaves { return false }
                let (solution, proven) = LayoutAssignment.assign(open, in: problem)
                allProven = allProven && proven
                if solution.beats(best) { best = solution }
                return true
            }
            let j = free[depth]
            open[j] = true
            if case .budget(let budget) = problem.target, problem.spent(open) > budget * (1 + 1e-12) {
                open[j] = false
            } else {
                let finished = search(depth + 1, opened: opened + 1)
                open[j] = false
                if !finished { return false }
            }
            closed[j] = true
            let finished = search(depth + 1, opened: opened)
            closed[j] = false
            return finished
        }

        let finished = search(0, opened: open.count(where: { $0 }))
        return (best, finished && allProven)
    }
}
