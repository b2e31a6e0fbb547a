/// Swap-based local search for the open set (交换邻域搜索), in the style of Resende and Werneck
/// ("A fast swap-based local search procedure for location problems", 2007): each round prices
/// every swap — open a closed site k, close an open site r — at once from three tables, and makes
/// the best one, until none lowers Σ dᵢ · km. Places are ignored here (each block goes to its
/// nearest open site); with places the tables rank the swaps that ``LayoutSearch`` then checks.
///
/// With φ₁(i), φ₂(i) block i's nearest and second-nearest open sites and c(i, ·) = dᵢ · km
/// (c(i, none) = dᵢ · ``LayoutProblem/unplacedKm``):
///
///     gain(k)     = Σᵢ max(0, c(i, φ₁) − c(i, k))                         opening k alone
///     loss(r)     = Σ_{φ₁(i)=r} (c(i, φ₂) − c(i, r))                       closing r alone
///     extra(k, r) = Σ_{φ₁(i)=r, c(i,k)<c(i,φ₂)} (c(i, φ₂) − max(c(i, k), c(i, r)))
///     profit(k, r) = gain(k) − loss(r) + extra(k, r)
///
/// **Why profit is exact.** A block whose φ₁ is not r keeps φ₁ or moves to k: it saves
/// max(0, c(i, φ₁) − c(i, k)), its gain term. A block with φ₁ = r goes to the nearer of k and φ₂
/// and saves c(i, r) − min(c(i, k), c(i, φ₂)); its three terms add up to exactly that in each of
/// the cases c(i,k) < c(i,r), c(i,r) ≤ c(i,k) < c(i,φ₂) and c(i,k) ≥ c(i,φ₂). So profit(k, r) is
/// the objective's fall, and the search stops at a local optimum of the swap neighbourhood.
///
/// A round walks each block's sites only up to φ₂ (the terms are zero beyond), so it costs
/// O(Σᵢ |{k : km(i,k) < km(i,φ₂)}| + sites × open) — far below blocks × sites.
///
/// Under a budget, a swap must keep Σ fⱼ within it, and opening k alone (profit gain(k)) is a
/// move as well when the budget allows. With a price per child-km each move's profit also
/// counts the build costs it adds and saves (− f_k / price + f_r / price), and closing r alone
/// (profit −loss(r) + f_r / price) is a move under a budget.
struct LayoutSwap {
    let problem: LayoutProblem
    private(set) var open: [Bool]
    /// φ₁, φ₂ per block (−1: none).
    private var first: [Int]
    private var second: [Int]
    private var gain: [Double]
    private var loss: [Double]
    /// extra(k, r) at k × sites + r, touched entries listed in `touched` to reset them.
    private var extra: [Double]
    private var touched: [Int] = []

    init(problem: LayoutProblem, open: [Bool]) {
        self.problem = problem
        self.open = open
        let n = problem.blockCount, m = problem.siteCount
        first = Array(repeating: -1, count: n)
        second = Array(repeating: -1, count: n)
        gain = Array(repeating: 0, count: m)
        loss = Array(repeating: 0, count: m)
        extra = Array(repeating: 0, count: m * m)
        settle()
    }

    /// c(i, j) with j = −1 unplaced.
    @inline(__always) private func c(_ i: Int, _ j: Int) -> Double {
        Double(problem.demand[i]) * (j < 0 ? problem.unplacedKm : problem.km(i, j))
    }

    /// Σᵢ c(i, φ₁(i)), unplaced children weighed by ``LayoutProblem/unplacedKm``, plus the open
    /// sites' build costs in child-km.
    var weightedCost: Double { (0..<problem.blockCount).reduce(0.0) { $0 + c($1, first[$1]) } + problem.opening(open) }

    /// The plan: each block at its nearest open site.
    var solution: LayoutSolution { LayoutSolution(open: open, siteOf: first, problem: problem) }

    /// φ₁ and φ₂ of every block from `open`.
    private mutating func settle() {
        for i in 0..<problem.blockCount {
            var a = -1, b = -1
            for j32 in problem.nearest(i) where open[Int(j32)] {
                if a < 0 { a = Int(j32) } else { b = Int(j32); break }
            }
            first[i] = a
            second[i] = b
        }
    }

    /// Fills gain, loss and extra for the current open set.
    private mutating func tabulate() {
        for t in touched { extra[t] = 0 }
        touched.removeAll(keepingCapacity: true)
        for j in 0..<problem.siteCount { gain[j] = 0; loss[j] = 0 }
        let m = problem.siteCount
        for i in 0..<problem.blockCount where problem.demand[i] > 0 {
            let r = first[i], c1 = c(i, r), c2 = c(i, second[i])
            if r >= 0 { loss[r] += c2 - c1 }
            for k32 in problem.nearest(i) {
                let k = Int(k32)
                let ck = c(i, k)
                if ck >= c2 { break }
                if open[k] { continue }
                if ck < c1 { gain[k] += c1 - ck }
                if r >= 0 {
                    let t = k * m + r
                    if extra[t] == 0 { touched.append(t) }
                    extra[t] += c2 - max(ck, c1)
                }
            }
        }
    }

    /// The swaps of the current set, best first: (k opened or −1, r closed or −1, profit).
    /// Only moves the target allows are listed, and only those with profit above `floor`.
    mutating func moves(above floor: Double = 0, limit: Int = .max) -> [(open: Int, close: Int, profit: Double)] {
        tabulate()
        let m = problem.siteCount
        let closable = (0..<m).filter { open[$0] && problem.closable($0) }
        let spent = problem.spent(open)
        let f = problem.openingKm
        var found: [(open: Int, close: Int, profit: Double)] = []
        if case .budget = problem.target, problem.priced {
            for r in closable where f[r] - loss[r] > floor { found.append((-1, r, f[r] - loss[r])) }
        }
        for k in 0..<m where !open[k] {
            if case .budget(let budget) = problem.target {
                if spent + problem.buildCost[k] <= budget * (1 + 1e-12), gain[k] - f[k] > floor { found.append((k, -1, gain[k] - f[k])) }
                for r in closable where spent - problem.buildCost[r] + problem.buildCost[k] <= budget * (1 + 1e-12) {
                    let profit = gain[k] - loss[r] + extra[k * m + r] - f[k] + f[r]
                    if profit > floor { found.append((k, r, profit)) }
                }
            } else {
                for r in closable {
                    let profit = gain[k] - loss[r] + extra[k * m + r] - f[k] + f[r]
                    if profit > floor { found.append((k, r, profit)) }
                }
            }
        }
        found.sort { $0.profit != $1.profit ? $0.profit > $1.profit : ($0.open, $0.close) < ($1.open, $1.close) }
        return Array(found.prefix(limit))
    }

    /// Opens k (if ≥ 0) and closes r (if ≥ 0).
    mutating func apply(open k: Int, close r: Int) {
        if k >= 0 { open[k] = true }
        if r >= 0 { open[r] = false }
        settle()
    }

    /// Makes the best move until none lowers the cost by more than 10⁻⁹ of it.
    mutating func descend() {
        while true {
            let floor = 1e-9 * max(1, weightedCost)
            guard let best = moves(above: floor, limit: 1).first else { return }
            apply(open: best.open, close: best.close)
        }
    }

    /// Greedy start: from the forced sites (and under a budget every site costing nothing), open
    /// the site of largest gain until the target's count or budget is reached.
    static func greedy(_ problem: LayoutProblem) -> LayoutSwap {
        var open = problem.forced
        if case .budget = problem.target {
            for j in 0..<problem.siteCount where problem.buildCost[j] <= 0 { open[j] = true }
        }
        var search = LayoutSwap(problem: problem, open: open)
        while true {
            if case .open(let p) = problem.target, search.open.count(where: { $0 }) >= p { break }
            guard let add = search.additions().first else { break }
            search.apply(open: add, close: -1)
        }
        return search
    }

    /// Closed sites the target lets open now, largest net gain (gain − fⱼ / price) first (with
    /// the others last, so a p-median still reaches p sites).
    private mutating func additions() -> [Int] {
        tabulate()
        let spent = problem.spent(open)
        let net = (0..<problem.siteCount).map { gain[$0] - problem.openingKm[$0] }
        var sites = (0..<problem.siteCount).filter { !open[$0] }
        if case .budget(let budget) = problem.target {
            sites = sites.filter { spent + problem.buildCost[$0] <= budget * (1 + 1e-12) && net[$0] > 0 }
        }
        return sites.sorted { net[$0] != net[$1] ? net[$0] > net[$1] : $0 < $1 }
    }
}
