/// The Lagrangian lower bound of a ``LayoutProblem`` (拉格朗日下界), by subgradient
/// optimisation, as Beasley ("Lagrangean heuristics for location problems", 1993) does for the
/// p-median and the capacitated problems.
///
/// With xᵢⱼ (block i zoned to site j), yⱼ (site j open) and cᵢⱼ = dᵢ · kmᵢⱼ, the problem is
///
///     min Σᵢⱼ cᵢⱼ xᵢⱼ   s.t.  Σⱼ xᵢⱼ = 1,  xᵢⱼ ≤ yⱼ,  Σᵢ dᵢ xᵢⱼ ≤ Qⱼ yⱼ,  y ∈ Y,  x, y ∈ {0, 1}
///
/// where Y says |S| = p (or Σ fⱼ yⱼ ≤ B) with the forced sites open. Moving the assignment
/// rows into the objective with multipliers λᵢ gives, for any λ,
///
///     L(λ) = Σᵢ λᵢ + min_{y ∈ Y} Σⱼ ρⱼ(λ) yⱼ,   ρⱼ(λ) = gⱼ + min { Σᵢ (cᵢⱼ − λᵢ) xᵢⱼ : Σᵢ dᵢ xᵢⱼ ≤ Qⱼ, 0 ≤ x ≤ 1 }
///
/// with gⱼ = fⱼ / price the site's build cost in child-km when the rules set a price (else 0).
///
/// **Why it is a lower bound.** Every plan is feasible here and pays exactly its cost (its
/// rows Σⱼ xᵢⱼ − 1 are zero), and the minimum over a larger set — x fractional in each site's
/// knapsack, the budget's last candidate taken whole — can only be lower. So L(λ) ≤ the optimum for every λ,
/// and the best L seen is the bound — of the plans that place every child some site reaches
/// (a block no site reaches is left out). When places never bind, ρⱼ = Σᵢ min(0, cᵢⱼ − λᵢ); otherwise
/// ρⱼ is the fractional knapsack, filled by most negative (cᵢⱼ − λᵢ)/dᵢ first. Only sites with
/// cᵢⱼ < λᵢ enter ρⱼ, so each block's km-ordered list is walked only that far.
///
/// **Step.** λᵢ += t · gᵢ with gᵢ = 1 − Σⱼ xᵢⱼ yⱼ (a subgradient of the concave L) and
/// t = θ (UB − L) / ‖g‖², θ from 2, halved after 20 rounds without a better L (Held–Wolfe–
/// Crowder); the search stops when θ < 10⁻⁴, the gap closes, or after `rounds` rounds. The open
/// set of each round is handed to `visit`, the caller's primal heuristic, which returns a better
/// upper bound when it finds a plan.
///
/// Worked example (tested): two blocks of 1 child, at 0 and 10 km from site A and 10 and 0 km
/// from site B, p = 1. Any plan costs 10. With λ = (10, 10): ρ_A = min(0, 0 − 10) + min(0, 10 −
/// 10) = −10, ρ_B = −10, L = 20 − 10 = 10 — the bound meets the optimum.
struct LayoutBound {
    let problem: LayoutProblem
    /// The best L(λ) found.
    private(set) var value = -Double.infinity
    /// λ at the best L.
    private(set) var multipliers: [Double] = []

    init(problem: LayoutProblem) {
        self.problem = problem
    }

    /// Raises the bound by subgradient rounds against `upper` (the best plan's cost), calling
    /// `visit` with each round's open set; `visit` returns the new best cost (or `upper`).
    mutating func improve(upper: Double, rounds: Int = 600, visit: ([Bool]) -> Double) {
        let n = problem.blockCount, m = problem.siteCount
        var upper = upper
        var λ = multipliers.isEmpty ? start() : multipliers
        var θ = 2.0, stale = 0
        var ρ = Array(repeating: 0.0, count: m)
        var items = Array(repeating: [(block: Int32, cost: Double)](), count: m)
        var share = Array(repeating: [Double](), count: m)
        var covered = Array(repeating: 0.0, count: n)
        // A block no site reaches is unplaced in every plan: it is left out of the bound.
        let active = (0..<n).filter { problem.demand[$0] > 0 && !problem.nearest($0).isEmpty }
        for _ in 0..<rounds {
            // ρⱼ(λ) and each site's x in it.
            for j in 0..<m { items[j].removeAll(keepingCapacity: true) }
            for i in active {
                let d = Double(problem.demand[i])
                for j32 in problem.nearest(i) {
                    let reduced = d * problem.km(i, Int(j32)) - λ[i]
                    if reduced >= 0 { break }
                    items[Int(j32)].append((Int32(i), reduced))
                }
            }
            for j in 0..<m {
                (ρ[j], share[j]) = knapsack(site: j, items: &items[j])
                ρ[j] += problem.openingKm[j]
            }
            let open = choose(ρ)
            var value = active.reduce(0.0) { $0 + λ[$1] }
            for j in 0..<m where open[j] { value += ρ[j] }
            if self.value == -.infinity || value > self.value + 1e-12 * max(1, abs(self.value)) {
                self.value = value
                multipliers = λ
                stale = 0
            } else {
                stale += 1
                if stale >= 20 { θ /= 2; stale = 0 }
            }
            upper = min(upper, visit(open))
            if upper - self.value <= 1e-9 * max(1, abs(upper)) || θ < 1e-4 { break }
            // gᵢ = 1 − Σⱼ xᵢⱼ yⱼ.
            for i in 0..<n { covered[i] = 0 }
            for j in 0..<m where open[j] {
                for (k, item) in items[j].enumerated() { covered[Int(item.block)] += share[j][k] }
            }
            var norm = 0.0
            for i in active { norm += (1 - covered[i]) * (1 - covered[i]) }
            if norm <= 1e-18 { break }
            let step = θ * max(upper - value, 1e-9 * max(1, abs(upper))) / norm
            for i in active { λ[i] += step * (1 - covered[i]) }
        }
    }

    /// λᵢ at the start: dᵢ × the km to block i's ⌈sites / open⌉-th nearest site, about what it
    /// pays in a plan of that many sites.
    private func start() -> [Double] {
        let open: Int = switch problem.target {
        case .open(let p): max(1, p)
        case .budget: max(1, problem.siteCount / 4)
        }
        let rank = min(problem.siteCount, (problem.siteCount + open - 1) / open + 1)
        return (0..<problem.blockCount).map { i in
            let near = problem.nearest(i)
            guard !near.isEmpty else { return 0 }
            let j = near[near.startIndex + min(rank, near.count) - 1]
            return Double(problem.demand[i]) * problem.km(i, Int(j))
        }
    }

    /// ρⱼ and the share xᵢⱼ of each item (in `items`' order after sorting by cost per child).
    /// When classes are charged the knapsack has two tiers: today's places Pⱼ at the item's
    /// cost, then up to Qⱼ at eⱼ / (price · s) more per child — the linear relaxation of
    /// ⌈(load − Pⱼ)⁺ / s⌉ classes, so still below what any plan pays. The premium is the same
    /// for every child, so filling by cost per child stays optimal in both tiers.
    private func knapsack(site j: Int, items: inout [(block: Int32, cost: Double)]) -> (Double, [Double]) {
        let q = problem.capacity[j], base = min(problem.basePlaces[j], q)
        let premium = problem.classKm[j] / Double(problem.classPlaces)
        var total = 0
        for item in items { total += problem.demand[Int(item.block)] }
        if total <= base || (premium <= 0 && total <= q) {
            return (items.reduce(0) { $0 + $1.cost }, Array(repeating: 1, count: items.count))
        }
        items.sort { $0.cost / Double(problem.demand[Int($0.block)]) < $1.cost / Double(problem.demand[Int($1.block)]) }
        var room = Double(base), extra = Double(q - base), sum = 0.0
        var share = Array(repeating: 0.0, count: items.count)
        for (k, item) in items.enumerated() {
            let d = Double(problem.demand[Int(item.block)])
            var x = room > 0 ? min(1, room / d) : 0
            room -= x * d
            sum += x * item.cost
            if x < 1, extra > 0, item.cost + d * premium < 0 {
                let more = min(1 - x, extra / d)
                extra -= more * d
                sum += more * (item.cost + d * premium)
                x += more
            }
            share[k] = x
            if room <= 0 && (extra <= 0 || item.cost + d * premium >= 0) { break }
        }
        return (sum, share)
    }

    /// The open set minimising Σ ρⱼ yⱼ over Y. Under a budget the candidates are taken by most
    /// negative ρⱼ per yuan, and the one that crosses the budget is taken whole: that value is at
    /// most the fractional knapsack's, so it is still a lower bound.
    private func choose(_ ρ: [Double]) -> [Bool] {
        let m = problem.siteCount
        var open = problem.forced
        switch problem.target {
        case .open(let p):
            let free = (0..<m).filter { !open[$0] }.sorted { ρ[$0] != ρ[$1] ? ρ[$0] < ρ[$1] : $0 < $1 }
            for j in free.prefix(max(0, p - open.count(where: { $0 }))) { open[j] = true }
        case .budget(let budget):
            var room = budget - problem.spent(open)
            for j in 0..<m where !open[j] && problem.buildCost[j] <= 0 && ρ[j] < 0 { open[j] = true }
            let paid = (0..<m).filter { !open[$0] && ρ[$0] < 0 }
                .sorted { ρ[$0] / problem.buildCost[$0] < ρ[$1] / problem.buildCost[$1] }
            for j in paid where room > 0 {
                open[j] = true
                room -= problem.buildCost[j]
            }
        }
        return open
    }
}
