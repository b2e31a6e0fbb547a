/// How many sites a layout opens (布局调整的约束): exactly `n` in all (the p-median), or every
/// existing school plus the candidates whose 新建费用 fit a budget.
public enum LayoutTarget: Sendable, Hashable {
    /// Exactly this many sites open (`--open N`).
    case open(Int)
    /// Candidates built for at most this many yuan (`--budget YUAN`); existing schools stay open.
    case budget(Double)
}

/// The numbers of one location–allocation problem (布点与划片), as the solvers see them.
///
/// Block i has dᵢ children; site j has Qⱼ places (``unlimited`` when the file leaves them
/// empty), a build cost fⱼ (yuan, 0 for a school that stands) and may be forced open
/// (必须保留). A plan opens a set S of sites — |S| = p, or Σ_{j∈S} fⱼ ≤ B — and zones every
/// block wholly to one open site it can reach, with no site above its places, minimising
///
///     Σᵢ dᵢ · km(i, site(i))  +  Σ_{j∈S} fⱼ / price
///
/// lexicographically after the children left unplaced (a child is never left out to save
/// distance). The second term is there only when the rules set a price per child-km
/// (`price_per_child_km`, yuan): a site is then built only where the child-km it saves are worth
/// its cost; without a price it is 0, and the plan is the least child-distance the target allows.
/// A pair with no km (no coordinates and no distances row, or beyond an enforced school-run
/// limit) is unreachable.
///
/// **Added classes (扩班).** A site that may grow holds Pⱼ places today and up to Qⱼ after
/// adding classes of s children at eⱼ yuan each (每增一班费用); a plan adds the fewest that hold
/// its children, cⱼ = ⌈(loadⱼ − Pⱼ)⁺ / s⌉. Their yuan count against the budget with the build
/// costs (Σ fⱼ + Σ eⱼ cⱼ ≤ B), and with a price they join the objective (+ Σ eⱼ cⱼ / price).
/// With neither, classes cost the plan nothing: it grows sites up to Qⱼ as it needs, and
/// reports the cost.
///
/// Each block's reachable sites are kept in km order (``nearest(_:)``): the swap search and the
/// Lagrangian bound walk them only as far as a threshold, which is what makes them fast.
struct LayoutProblem: Sendable {
    /// Places of a site whose file leaves them empty.
    static let unlimited = Int.max

    /// Children per block (dᵢ).
    let demand: [Int]
    /// Places per site (Qⱼ).
    let capacity: [Int]
    /// Build cost per site (fⱼ, yuan).
    let buildCost: [Double]
    /// Sites that may not close.
    let forced: [Bool]
    /// Places per site before any class is charged (Pⱼ; = Qⱼ when classes are free).
    let basePlaces: [Int]
    /// Children per added class (s).
    let classPlaces: Int
    /// Yuan per added class (eⱼ; 0 when classes are free).
    let classCost: [Double]
    /// eⱼ / price: an added class in child-km (0 without a price).
    let classKm: [Double]
    /// Whether added classes cost the plan something: some site may grow at a cost, and a budget
    /// or a price counts it.
    let chargesClasses: Bool
    /// fⱼ / price: a site's build cost in child-km (all 0 without a price).
    let openingKm: [Double]
    /// Whether a price per child-km weighs build costs against distance (some gⱼ > 0).
    let priced: Bool
    /// What the plan opens.
    let target: LayoutTarget
    /// km(i, j) at i × sites + j; +∞ when unreachable.
    private let km: [Double]
    /// Block i's reachable sites, nearest first, are `order[start[i] ..< start[i + 1]]`.
    private let start: [Int]
    private let order: [Int32]

    var blockCount: Int { demand.count }
    var siteCount: Int { capacity.count }
    /// Σ dᵢ.
    let totalDemand: Int
    /// Whether any site's places can bind: Qⱼ below the children of the county.
    let capacitated: Bool
    /// The cost charged per unplaced child by searches that weigh placing against km: above
    /// any total of km a plan can change, so one more child placed always wins (lexicographic).
    let unplacedKm: Double

    /// A problem over `km` (blocks × sites, row by row; nil or non-finite = unreachable), with
    /// build costs weighed at `price` yuan per child-km when given. A site with `places` below
    /// its `capacity` grows to it by classes of `classPlaces` children at `classCost` yuan each.
    init(demand: [Int], capacity: [Int], buildCost: [Double], forced: [Bool], target: LayoutTarget, km: [Double], price: Double? = nil,
         places: [Int]? = nil, classPlaces: Int = 1, classCost: [Double]? = nil) {
        let n = demand.count, m = capacity.count
        precondition(km.count == n * m && buildCost.count == m && forced.count == m)
        precondition(places.map { $0.count == m } ?? true && classCost.map { $0.count == m } ?? true && classPlaces >= 1)
        let perChildKm: (Double) -> Double = { cost in price.map { $0 > 0 && $0.isFinite ? max(0, cost) / $0 : 0 } ?? 0 }
        openingKm = buildCost.map(perChildKm)
        priced = openingKm.contains { $0 > 0 }
        let places = places.map { zip($0, capacity).map { min($0, $1) } } ?? capacity
        let classCost = (classCost ?? Array(repeating: 0, count: m)).map { max(0, $0) }
        let counted: Bool = if case .budget = target { true } else { price.map { $0 > 0 && $0.isFinite } ?? false }
        chargesClasses = counted && (0..<m).contains { places[$0] < capacity[$0] && classCost[$0] > 0 }
        basePlaces = chargesClasses ? places : capacity
        self.classPlaces = classPlaces
        self.classCost = chargesClasses ? classCost : Array(repeating: 0, count: m)
        classKm = chargesClasses ? classCost.map(perChildKm) : Array(repeating: 0, count: m)
        self.demand = demand
        self.capacity = capacity
        self.buildCost = buildCost
        self.forced = forced
        self.target = target
        let km = km.map { $0.isFinite && $0 >= 0 ? $0 : .infinity }
        self.km = km
        var start = [0], order: [Int32] = []
        start.reserveCapacity(n + 1)
        var longest = 0.0
        for i in 0..<n {
            let row = i * m
            let reachable = (0..<m).filter { km[row + $0].isFinite }
                .sorted { km[row + $0] != km[row + $1] ? km[row + $0] < km[row + $1] : $0 < $1 }
            order.append(contentsOf: reachable.map(Int32.init))
            start.append(order.count)
            if let last = reachable.last { longest = max(longest, km[row + last]) }
        }
        self.start = start
        self.order = order
        let total = demand.reduce(0, +)
        totalDemand = total
        capacitated = basePlaces.contains { $0 < total }
        unplacedKm = Double(total) * longest + 1
    }

    /// km from block i to site j (+∞ when unreachable).
    @inline(__always) func km(_ i: Int, _ j: Int) -> Double { km[i * siteCount + j] }

    /// Block i's reachable sites, nearest first (ties by site index).
    @inline(__always) func nearest(_ i: Int) -> ArraySlice<Int32> { order[start[i]..<start[i + 1]] }

    /// Whether site j may be closed by a search.
    func closable(_ j: Int) -> Bool { !forced[j] }

    /// Whether the open set `open` (a flag per site) is allowed by the target.
    func allows(_ open: [Bool]) -> Bool {
        for j in 0..<siteCount where forced[j] && !open[j] { return false }
        switch target {
        case .open(let p): return open.count(where: { $0 }) == p
        case .budget(let budget): return spent(open) <= budget * (1 + 1e-12)
        }
    }

    /// Σ fⱼ over the open sites.
    func spent(_ open: [Bool]) -> Double {
        (0..<siteCount).reduce(0.0) { open[$1] ? $0 + buildCost[$1] : $0 }
    }

    /// Σ fⱼ / price over the open sites (0 without a price).
    func opening(_ open: [Bool]) -> Double {
        priced ? (0..<siteCount).reduce(0.0) { open[$1] ? $0 + openingKm[$1] : $0 } : 0
    }

    /// Classes site j adds to hold `load` children (cⱼ; 0 when classes are free).
    func addedClasses(_ j: Int, load: Int) -> Int {
        ZoneClassCharge.classes(load: load, base: basePlaces[j], classPlaces: classPlaces)
    }

    /// Yuan the added classes may cost beside the build costs of `open` (+∞ without a budget).
    func classBudget(_ open: [Bool]) -> Double {
        if case .budget(let budget) = target { return max(0, budget - spent(open)) }
        return .infinity
    }

    /// The charge of added classes for the sites `sites` of an open set (its zoning's schools),
    /// with the yuan left by `open`'s build costs — nil when classes are free.
    func classCharge(sites: [Int], open: [Bool]) -> ZoneClassCharge? {
        guard chargesClasses else { return nil }
        return ZoneClassCharge(base: sites.map { basePlaces[$0] }, classPlaces: classPlaces, cost: sites.map { classKm[$0] },
                               spend: sites.map { classCost[$0] }, spendLimit: classBudget(open))
    }

    /// Σ Qⱼ over the open sites, saturating.
    func places(_ open: [Bool]) -> Int {
        var total = 0
        for j in 0..<siteCount where open[j] {
            let (sum, overflow) = total.addingReportingOverflow(capacity[j])
            total = overflow ? .max : sum
        }
        return total
    }
}

/// A plan of a ``LayoutProblem``: the open sites and each block's site (−1: unplaced), with its
/// unplaced children, Σ children × km and its cost (the same plus, when priced, the open sites'
/// build costs and the added classes' costs in child-km).
struct LayoutSolution: Sendable, Hashable {
    var open: [Bool]
    var siteOf: [Int]
    var unplaced: Int
    /// Σ dᵢ · km.
    var childKm: Double
    /// childKm + Σ_open fⱼ / price + Σ eⱼ cⱼ / price: what the searches minimise.
    var cost: Double
    /// Σ_open fⱼ + Σ eⱼ cⱼ (yuan).
    var spent: Double
    /// Whether `spent` keeps within the budget (always, without one).
    var affordable: Bool

    /// The plan of `siteOf` under `open`, its totals counted from the problem.
    init(open: [Bool], siteOf: [Int], problem: LayoutProblem) {
        self.open = open
        self.siteOf = siteOf
        var unplaced = 0, cost = 0.0
        var load = problem.chargesClasses ? Array(repeating: 0, count: problem.siteCount) : []
        for (i, j) in siteOf.enumerated() {
            if j < 0 {
                unplaced += problem.demand[i]
            } else {
                cost += Double(problem.demand[i]) * problem.km(i, j)
                if problem.chargesClasses { load[j] += problem.demand[i] }
            }
        }
        self.unplaced = unplaced
        childKm = cost
        var classKm = 0.0, classYuan = 0.0
        for (j, load) in load.enumerated() {
            let c = Double(problem.addedClasses(j, load: load))
            classKm += c * problem.classKm[j]
            classYuan += c * problem.classCost[j]
        }
        self.cost = cost + problem.opening(open) + classKm
        spent = problem.spent(open) + classYuan
        affordable = if case .budget(let budget) = problem.target { spent <= budget * (1 + 1e-12) } else { true }
    }

    /// Whether this plan beats `other`: within the budget, then fewer children unplaced, then
    /// less cost (10⁻⁹ relative).
    func beats(_ other: LayoutSolution?) -> Bool {
        guard let other else { return true }
        if affordable != other.affordable { return affordable }
        if unplaced != other.unplaced { return unplaced < other.unplaced }
        return cost < other.cost - 1e-9 * max(1, abs(other.cost))
    }

    /// Every block assigned at most once to an open site it can reach, no site above its places,
    /// the budget kept.
    func holds(_ problem: LayoutProblem) -> Bool {
        var load = Array(repeating: 0, count: problem.siteCount)
        for (i, j) in siteOf.enumerated() where j >= 0 {
            guard open[j], problem.km(i, j).isFinite else { return false }
            load[j] += problem.demand[i]
        }
        return affordable && (0..<problem.siteCount).allSatisfy { load[$0] <= problem.capacity[$0] }
    }
}
