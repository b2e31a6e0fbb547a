/// Solves a ``LayoutProblem``: the best plan found, its lower bound and whether it is optimal.
///
/// 1. **Start.** Greedy opening, then the swap search (``LayoutSwap``) to a local optimum;
///    with binding places its open set is zoned by ``LayoutAssignment``.
/// 2. **Bound and Lagrangian heuristic.** Subgradient rounds (``LayoutBound``) raise the lower
///    bound; each round's open set is a plan to try — without places zoned to the nearest open
///    site every round and driven to a swap optimum every ``descentEvery`` rounds; with places
///    zoned by the capacitated assignment every ``descentEvery`` rounds, when it is new and has
///    room for every child.
/// 3. **Capacitated swaps.** With binding places, the swap tables rank the moves of the best
///    set; the best ``checkedSwaps`` are zoned for real and the first that lowers the cost is
///    made, until none does.
/// 4. **Exact.** While a gap is left and the target allows at most ``exactSets`` open sets,
///    branch and bound (``LayoutBranchAndBound``) settles it.
///
/// The plan is **optimal** when the bound meets it (10⁻⁹ relative) or the exact search proved
/// it, and otherwise **bounded**: its gap (cost − bound) / cost is the most it can be above the
/// optimum. The bound counts plans that place every child some site reaches; when the best plan
/// leaves such children out (places are short) no bound is claimed.
struct LayoutSearch {
    let problem: LayoutProblem
    /// Open sets up to which branch and bound proves the plan.
    var exactSets = 20_000
    /// Lagrangian rounds.
    var rounds = 600
    /// Rounds between plans tried from the Lagrangian open set (swap descents without binding
    /// places, capacitated assignments with).
    var descentEvery = 10
    /// Moves zoned for real per capacitated swap round.
    var checkedSwaps = 8

    struct Outcome {
        var solution: LayoutSolution
        /// nil when the plan leaves reachable children unplaced.
        var bound: Double?
        var optimal: Bool
    }

    func solve() -> Outcome {
        var swap = LayoutSwap.greedy(problem)
        swap.descend()
        var best = LayoutAssignment.assign(swap.open, in: problem).solution
        var tried = Set<[Bool]>([swap.open])

        var bound = LayoutBound(problem: problem)
        var round = 0
        bound.improve(upper: best.cost, rounds: rounds) { open in
            round += 1
            guard problem.allows(open) else { return best.cost }
            if problem.capacitated {
                if round % descentEvery == 0, problem.places(open) >= problem.totalDemand, tried.insert(open).inserted {
                    let plan = LayoutAssignment.capacitated(open, in: problem).solution
                    if plan.beats(best) { best = plan }
                }
            } else {
                let plan = LayoutAssignment.nearest(open, in: problem)
                if plan.beats(best) { best = plan }
                if round % descentEvery == 0, tried.insert(open).inserted {
                    var local = LayoutSwap(problem: problem, open: open)
                    local.descend()
                    if local.solution.beats(best) { best = local.solution }
                }
            }
            return best.unplaced == 0 && best.affordable ? best.cost : .infinity
        }
        if problem.capacitated { best = capacitatedSwaps(from: best) }

        let reachable = (0..<problem.blockCount).reduce(0) { problem.nearest($1).isEmpty ? $0 + problem.demand[$1] : $0 }
        let placesAll = best.unplaced == reachable
        var lower: Double? = placesAll ? min(bound.value, best.cost) : nil
        var optimal = lower.map { best.cost - $0 <= 1e-9 * max(1, best.cost) } ?? false
        if !optimal, LayoutBranchAndBound.openSets(problem, limit: exactSets) != nil {
            let exact = LayoutBranchAndBound(problem: problem, leaves: exactSets).solve(startingFrom: best)
            best = exact.solution
            if exact.proven {
                optimal = true
                lower = best.cost
            }
        }
        if optimal { lower = best.cost }
        return Outcome(solution: best, bound: lower, optimal: optimal)
    }

    /// Swaps of the best open set, ranked by the uncapacitated tables, checked by zoning.
    private func capacitatedSwaps(from start: LayoutSolution) -> LayoutSolution {
        var best = start
        var tried = Set<[Bool]>([start.open])
        for _ in 0..<200 {
            var ranking = LayoutSwap(problem: problem, open: best.open)
            var improved = false, checked = 0
            for move in ranking.moves(above: -.infinity, limit: 4 * checkedSwaps) {
                var open = best.open
                if move.open >= 0 { open[move.open] = true }
                if move.close >= 0 { open[move.close] = false }
                guard problem.places(open) >= problem.totalDemand, tried.insert(open).inserted else { continue }
                let plan = LayoutAssignment.capacitated(open, in: problem).solution
                if plan.beats(best) {
                    best = plan
                    improved = true
                    break
                }
                checked += 1
                if checked >= checkedSwaps { break }
            }
            if !improved { break }
        }
        return best
    }
}
