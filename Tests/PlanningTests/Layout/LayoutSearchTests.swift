import Testing
@testable import Planning

/// The layout solvers against exhaustive search: every open set the target allows and, with
/// places, every whole-block assignment of it.
@Suite("Layout: location–allocation against exhaustive search")
struct LayoutSearchTests {
    /// A random small problem: integer km (so costs compare exactly), some pairs unreachable,
    /// places from short to ample, a forced site now and then.
    /// With `grows`, every site holds part of its places today and adds classes of 10 at 0–150
    /// yuan each for the rest.
    static func randomProblem(seed: Int, capacitated: Bool, budget: Bool = false, priced: Bool = false, grows: Bool = false) -> LayoutProblem {
        var rng = TestRandom(seed: 17_000 + seed)
        let n = rng.int(1, 7), m = rng.int(2, 6)
        let demand = (0..<n).map { _ in rng.int(0, 4) == 0 ? 0 : rng.int(1, 40) }
        let total = max(1, demand.reduce(0, +))
        let capacity = (0..<m).map { _ in
            capacitated ? max(1, Int(Double(total) * rng.uniform(0.2, 0.9))) : LayoutProblem.unlimited
        }
        let km = (0..<(n * m)).map { _ in rng.int(0, 7) == 0 ? Double.infinity : Double(rng.int(0, 30)) }
        let forced = (0..<m).map { _ in rng.int(0, 5) == 0 }
        let buildCost = (0..<m).map { forced[$0] ? 0 : Double(rng.int(0, 3) * 100) }
        let target: LayoutTarget = budget ? .budget(Double(rng.int(0, 4) * 100))
            : .open(min(m, max(forced.count(where: { $0 }), rng.int(1, m))))
        // A price of 1–20 yuan per child-km: 100 yuan of building weigh 5–100 child-km.
        let price: Double? = priced ? Double(rng.int(1, 20)) : nil
        guard grows else {
            return LayoutProblem(demand: demand, capacity: capacity, buildCost: buildCost, forced: forced, target: target, km: km, price: price)
        }
        let places = capacity.map { $0 == LayoutProblem.unlimited ? max(1, total / 3) : Int(Double($0) * rng.uniform(0.3, 1)) }
        let most = zip(capacity, places).map { $0 == LayoutProblem.unlimited ? $1 + 10 * rng.int(0, 4) : $0 }
        let classCost = (0..<m).map { _ in Double(rng.int(0, 3) * 50) }
        return LayoutProblem(demand: demand, capacity: most, buildCost: buildCost, forced: forced, target: target, km: km, price: price,
                             places: places, classPlaces: 10, classCost: classCost)
    }

    /// km between `blocks` and `sites` points drawn on a 20 × 20 km square (blocks × sites, row by row).
    static func plane(blocks n: Int, sites m: Int, _ rng: inout TestRandom) -> [Double] {
        let x = (0..<(n + m)).map { _ in (rng.uniform(0, 20), rng.uniform(0, 20)) }
        return (0..<n).flatMap { i in (0..<m).map { j in
            let a = x[i], b = x[n + j]
            return ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot()
        } }
    }

    /// The best (unplaced, cost) over every allowed open set and every assignment.
    static func exhaustive(_ problem: LayoutProblem) -> (unplaced: Int, cost: Double)? {
        let n = problem.blockCount, m = problem.siteCount
        var best: (unplaced: Int, cost: Double)?
        for mask in 0..<(1 << m) {
            let open = (0..<m).map { mask & (1 << $0) != 0 }
            guard problem.allows(open) else { continue }
            // Each block: one of the open sites it reaches, or unplaced (−1).
            var choice = Array(repeating: -1, count: n)
            func visit(_ i: Int, _ load: [Int]) {
                if i == n {
                    let plan = LayoutSolution(open: open, siteOf: choice, problem: problem)
                    guard plan.affordable else { return }
                    if let b = best, (b.unplaced, b.cost) <= (plan.unplaced, plan.cost) { return }
                    best = (plan.unplaced, plan.cost)
                    return
                }
                choice[i] = -1
                visit(i + 1, load)
                for j in 0..<m where open[j] && problem.km(i, j).isFinite && load[j] + problem.demand[i] <= problem.capacity[j] {
                    var next = load
                    next[j] += problem.demand[i]
                    choice[i] = j
                    visit(i + 1, next)
                }
                choice[i] = -1
            }
            visit(0, Array(repeating: 0, count: m))
        }
        return best
    }

    private func check(_ problem: LayoutProblem, seed: Int) {
        let outcome = LayoutSearch(problem: problem).solve()
        let plan = outcome.solution
        #expect(plan.holds(problem), "seed \(seed)")
        #expect(problem.allows(plan.open), "seed \(seed)")
        #expect(plan.siteOf.count == problem.blockCount)
        guard let truth = Self.exhaustive(problem) else {
            Issue.record("seed \(seed): the generator made a problem with no allowed open set")
            return
        }
        #expect(outcome.optimal, "seed \(seed)")
        #expect(plan.unplaced == truth.unplaced, "seed \(seed)")
        #expect(abs(plan.cost - truth.cost) <= 1e-9 * max(1, truth.cost), "seed \(seed): \(plan.cost) vs \(truth.cost)")
        if let bound = outcome.bound { #expect(bound <= plan.cost + 1e-9 * max(1, plan.cost), "seed \(seed)") }
    }

    @Test("p-median without places: the optimum of exhaustive search", arguments: 0..<60)
    func uncapacitated(seed: Int) {
        check(Self.randomProblem(seed: seed, capacitated: false), seed: seed)
    }

    @Test("single-source capacitated p-median: the optimum of exhaustive search", arguments: 0..<60)
    func capacitated(seed: Int) {
        check(Self.randomProblem(seed: 1_000 + seed, capacitated: true), seed: seed)
    }

    @Test("under a budget, with and without places: the optimum of exhaustive search", arguments: 0..<40)
    func budget(seed: Int) {
        check(Self.randomProblem(seed: 2_000 + seed, capacitated: seed % 2 == 0, budget: true), seed: seed)
    }

    @Test("with a price per child-km, budget or count, with and without places: the optimum of exhaustive search", arguments: 0..<60)
    func priced(seed: Int) {
        let problem = Self.randomProblem(seed: 3_000 + seed, capacitated: seed % 3 == 0, budget: seed % 2 == 0, priced: true)
        check(problem, seed: seed)
        // The plan's cost is its child-km plus its open sites' build costs at the price.
        let plan = LayoutSearch(problem: problem).solve().solution
        #expect(abs(plan.cost - plan.childKm - problem.opening(plan.open)) <= 1e-9 * max(1, plan.cost))
    }

    @Test("with added classes paid from a budget or weighed at a price: the optimum of exhaustive search", arguments: 0..<60)
    func classes(seed: Int) {
        let problem = Self.randomProblem(seed: 4_000 + seed, capacitated: seed % 3 != 0, budget: seed % 2 == 0,
                                         priced: seed % 4 < 2, grows: true)
        check(problem, seed: seed)
        let plan = LayoutSearch(problem: problem).solve().solution
        var load = Array(repeating: 0, count: problem.siteCount)
        for (i, j) in plan.siteOf.enumerated() where j >= 0 { load[j] += problem.demand[i] }
        let classes = (0..<problem.siteCount).map { Double(problem.addedClasses($0, load: load[$0])) }
        let yuan = (0..<problem.siteCount).reduce(0.0) { $0 + classes[$1] * problem.classCost[$1] }
        #expect(abs(plan.spent - problem.spent(plan.open) - yuan) <= 1e-9 * max(1, plan.spent), "seed \(seed)")
        let weighed = (0..<problem.siteCount).reduce(0.0) { $0 + classes[$1] * problem.classKm[$1] }
        #expect(abs(plan.cost - plan.childKm - problem.opening(plan.open) - weighed) <= 1e-9 * max(1, plan.cost), "seed \(seed)")
    }

    /// Above ``LayoutAssignment/exactBlocks`` the classes are chosen by the descent. Today's
    /// places hold 90 % of the children, so classes must be bought: the plan places every
    /// child, keeps places and budget, and at a ruinous class price buys at most one class
    /// above the county's shortfall.
    @Test("added classes on counties too large to prove: budget and places kept, at a ruinous price at most one class above the shortfall", arguments: 0..<8)
    func classDescent(seed: Int) {
        var rng = TestRandom(seed: 33_000 + seed)
        let n = 40, m = 8
        let demand = (0..<n).map { _ in rng.int(5, 60) }
        let total = demand.reduce(0, +)
        let km = Self.plane(blocks: n, sites: m, &rng)
        let places = (0..<m).map { _ in Int(Double(total) / Double(m) * 0.9) }
        let classCost = (0..<m).map { _ in Double(rng.int(5, 15)) * 100_000 }
        func solve(_ target: LayoutTarget, price: Double?) -> (problem: LayoutProblem, outcome: LayoutSearch.Outcome, classes: Int) {
            let problem = LayoutProblem(demand: demand, capacity: places.map { $0 + 6 * 45 }, buildCost: Array(repeating: 0, count: m),
                                        forced: Array(repeating: true, count: m), target: target, km: km, price: price,
                                        places: places, classPlaces: 45, classCost: classCost)
            var search = LayoutSearch(problem: problem)
            search.exactSets = 0
            let outcome = search.solve()
            var load = Array(repeating: 0, count: m)
            for (i, j) in outcome.solution.siteOf.enumerated() where j >= 0 { load[j] += problem.demand[i] }
            return (problem, outcome, (0..<m).reduce(0) { $0 + problem.addedClasses($1, load: load[$1]) })
        }
        let runs = [solve(.budget(20_000_000), price: nil), solve(.open(m), price: 1e-6), solve(.open(m), price: 1e12)]
        for (problem, outcome, classes) in runs {
            #expect(problem.chargesClasses)
            #expect(outcome.solution.holds(problem), "seed \(seed)")
            #expect(outcome.solution.unplaced == 0, "seed \(seed)")
            #expect(classes > 0, "seed \(seed): today's places are short")
            if let bound = outcome.bound { #expect(bound <= outcome.solution.cost * (1 + 1e-9), "seed \(seed)") }
        }
        #expect(runs[0].outcome.solution.spent <= 20_000_000)
        // At a ruinous price the descent buys at most one class above the county's shortfall (the
        // first zoning, free to grow, buys about as many as when classes are nearly free).
        let shortfall = (total - places.reduce(0, +) + 44) / 45
        #expect(runs[1].classes <= shortfall + 1, "seed \(seed): \(runs[1].classes) classes for a shortfall of \(shortfall)")
        #expect(runs[1].classes <= runs[2].classes, "seed \(seed)")
    }

    @Test("the worked example of ZoneClassCharge: 1,400 children above 1,350 places add 2 classes of 45")
    func classChargeExample() {
        let charge = ZoneClassCharge(base: [1_350], classPlaces: 45, cost: [0], spend: [800_000], spendLimit: .infinity)
        #expect(charge.classes(0, load: 1_400) == 2)
        #expect(charge.classes(0, load: 1_395) == 1)
        #expect(charge.classes(0, load: 1_350) == 0)
        #expect(charge.totals([1_400]).spend == 1_600_000)
    }

    /// Without the exact search (exactSets 0), the heuristic's bound must still hold on
    /// problems too large for brute force, and the Lagrangian bound must never pass the plan.
    @Test("the Lagrangian bound never exceeds a plan's cost", arguments: 0..<8)
    func boundHolds(seed: Int) {
        var rng = TestRandom(seed: 31_000 + seed)
        let n = 60, m = 15
        let demand = (0..<n).map { _ in rng.int(1, 50) }
        let total = demand.reduce(0, +)
        let p = rng.int(2, 6)
        let capacitated = seed % 2 == 1
        let capacity = (0..<m).map { _ in capacitated ? Int(Double(total) / Double(p) * rng.uniform(1.1, 1.6)) : LayoutProblem.unlimited }
        let km = Self.plane(blocks: n, sites: m, &rng)
        let problem = LayoutProblem(demand: demand, capacity: capacity, buildCost: Array(repeating: 0, count: m),
                                    forced: Array(repeating: false, count: m), target: .open(p), km: km)
        var search = LayoutSearch(problem: problem)
        search.exactSets = 0
        let outcome = search.solve()
        #expect(outcome.solution.holds(problem))
        #expect(outcome.solution.unplaced == 0)
        let bound = try! #require(outcome.bound)
        #expect(bound <= outcome.solution.cost * (1 + 1e-9))
        #expect(bound > 0)
        // The optimum lies between: any other allowed set zoned to its nearest site costs at least the bound.
        if !capacitated {
            for first in 0..<m {
                var open = Array(repeating: false, count: m)
                for k in 0..<p { open[(first + k * 3) % m] = true }
                guard problem.allows(open) else { continue }
                #expect(LayoutAssignment.nearest(open, in: problem).cost >= bound * (1 - 1e-9))
            }
        }
    }

    @Test("the worked example of LayoutBound: two blocks, two sites, p = 1, bound 10 = optimum")
    func workedExample() {
        let problem = LayoutProblem(demand: [1, 1], capacity: [LayoutProblem.unlimited, LayoutProblem.unlimited],
                                    buildCost: [0, 0], forced: [false, false], target: .open(1), km: [0, 10, 10, 0])
        var bound = LayoutBound(problem: problem)
        bound.improve(upper: 10) { _ in 10 }
        #expect(abs(bound.value - 10) < 1e-6)
        let outcome = LayoutSearch(problem: problem).solve()
        #expect(outcome.solution.cost == 10)
        #expect(outcome.optimal)
    }

    @Test("a swap's profit is the cost's fall, for every swap (priced and under a budget too)", arguments: 0..<40)
    func swapProfitIsExact(seed: Int) {
        let problem = Self.randomProblem(seed: 5_000 + seed, capacitated: false, budget: seed % 4 == 3, priced: seed % 2 == 1)
        var open = problem.forced
        switch problem.target {
        case .open(let p):
            guard p < problem.siteCount else { return }
            for j in 0..<problem.siteCount where open.count(where: { $0 }) < p && !open[j] { open[j] = true }
        case .budget:
            // Every site that costs nothing, so that closing moves exist too.
            for j in 0..<problem.siteCount where problem.buildCost[j] == 0 { open[j] = true }
        }
        var swap = LayoutSwap(problem: problem, open: open)
        let before = swap.weightedCost
        for move in swap.moves(above: -.infinity) {
            var after = LayoutSwap(problem: problem, open: open)
            after.apply(open: move.open, close: move.close)
            #expect(abs((before - after.weightedCost) - move.profit) <= 1e-6 * max(1, before), "seed \(seed) move \(move)")
        }
    }
}
