import Testing
@testable import Planning

/// The water-filling solution against its optimality certificate (the KKT conditions of the
/// convex problem, see ``LevelFilling``) on random problems.
@Suite("Level filling")
struct LevelFillingTests {
    @Test("a county already within its limit gets only what its thresholds require")
    func nothingToRaise() {
        let problem = FillingProblem(students: [100, 100], amounts: [400, 450], required: [450, 450], unitCosts: [1, 1], cvLimit: 0.5)
        let filling = LevelFilling.solve(problem)
        #expect(filling.additions == [50, 0])
        #expect(filling.isOptimal)
    }

    @Test("a hand-checked case: the poorest unit is raised to the level where CV = κ")
    func handChecked() throws {
        // Values 1, 10, 10 with equal weights; κ = 0.2. Raising the first to h gives
        // mean m = (h+20)/3 and variance 2(10−h)²/9, so CV = √2(10−h)/(h+20) = 0.2 at
        // h = (10√2 − 4)/(√2 + 0.2) = 6.2838…
        let problem = FillingProblem(students: [1, 1, 1], amounts: [1, 10, 10], required: [0, 0, 0], unitCosts: [1, 1, 1], cvLimit: 0.2)
        let filling = LevelFilling.solve(problem)
        let h = (10 * 2.0.squareRoot() - 4) / (2.0.squareRoot() + 0.2)
        #expect(abs(filling.additions[0] - (h - 1)) < 1e-9)
        #expect(filling.additions[1] == 0 && filling.additions[2] == 0)
    }

    @Test("random problems: feasible, one common level, the limit active, and no lower level feasible", arguments: 0..<200)
    func certificate(seed: Int) {
        var random = TestRandom(seed: seed)
        let n = random.int(1, 40)
        let students = (0..<n).map { _ in Double(random.int(20, 1500)) }
        let amounts = students.map { $0 * random.uniform(0, 12) }
        let required = students.map { $0 * random.uniform(0, 6) }
        let kappa = random.uniform(0.05, 0.6)
        let problem = FillingProblem(students: students, amounts: amounts, required: required, unitCosts: Array(repeating: 3, count: n), cvLimit: kappa)
        let filling = LevelFilling.solve(problem)
        let lower = problem.lowerValues
        let values = (0..<n).map { (amounts[$0] + filling.additions[$0]) / students[$0] }
        #expect(problem.withinLimit(values))
        for i in 0..<n { #expect(values[i] >= lower[i] * (1 - 1e-12)) }
        let raised = (0..<n).filter { values[$0] > lower[$0] * (1 + 1e-12) + 1e-12 }
        guard let level = raised.first.map({ values[$0] }) else {
            #expect(problem.withinLimit(lower))
            return
        }
        // KKT: every raised unit at one level h, every other unit at or above it …
        for i in raised { #expect(abs(values[i] - level) <= 1e-9 * level) }
        for i in 0..<n where !raised.contains(i) { #expect(lower[i] >= level * (1 - 1e-9)) }
        // … the CV constraint active (μ > 0), and h ≤ X̄ so that μ ≥ 0.
        let mean = (0..<n).reduce(0) { $0 + students[$1] * values[$1] } / students.reduce(0, +)
        #expect(level <= mean * (1 + 1e-12))
        let lowered = (0..<n).map { max(lower[$0], level * (1 - 1e-7)) }
        #expect(!problem.withinLimit(lowered))
    }

    @Test("cost-aware search agrees with the closed form when prices are equal", arguments: 0..<40)
    func costAwareAgrees(seed: Int) {
        var random = TestRandom(seed: 1000 + seed)
        let n = random.int(2, 30)
        let students = (0..<n).map { _ in Double(random.int(20, 1500)) }
        let problem = FillingProblem(
            students: students, amounts: students.map { $0 * random.uniform(0, 10) },
            required: students.map { $0 * random.uniform(0, 5) }, unitCosts: Array(repeating: 2, count: n),
            cvLimit: random.uniform(0.1, 0.5))
        let exact = LevelFilling.solve(problem)
        let searched = CostAwareFilling.solve(problem)
        #expect(abs(searched.cost - exact.cost) <= 1e-6 * max(1, exact.cost))
    }

    @Test("with prices by locality: feasible, never dearer than ignoring prices, never below its bound", arguments: 0..<40)
    func costAwareBounds(seed: Int) {
        var random = TestRandom(seed: 2000 + seed)
        let n = random.int(2, 30)
        let students = (0..<n).map { _ in Double(random.int(20, 1500)) }
        let costs = (0..<n).map { _ in [0.8, 1.0, 1.3][random.int(0, 2)] }
        let problem = FillingProblem(
            students: students, amounts: students.map { $0 * random.uniform(0, 10) },
            required: students.map { $0 * random.uniform(0, 5) }, unitCosts: costs, cvLimit: random.uniform(0.1, 0.5))
        let searched = CostAwareFilling.solve(problem)
        let values = (0..<n).map { (problem.amounts[$0] + searched.additions[$0]) / students[$0] }
        #expect(problem.withinLimit(values))
        let level = LevelFilling.solve(problem)
        #expect(searched.cost <= problem.cost(of: level.additions) * (1 + 1e-9))
        #expect(searched.lowerBound <= searched.cost * (1 + 1e-12))
    }
}

@Suite("The dual bound of a filling problem")
struct DualBoundTests {
    @Test("the documented example: the dual at the optimum is the optimum")
    func example() {
        let problem = FillingProblem(students: [100, 100], amounts: [0, 10], required: [0, 10], unitCosts: [1, 1], cvLimit: 0.5)
        #expect(abs(problem.dualBound(numerators: [10.0 / 3, 10]) - 10.0 / 3) < 1e-6)
        #expect(abs(problem.solve().cost - 10.0 / 3) < 1e-9)
    }

    @Test("never above the optimum, from any reference; at the search's point within 10⁻⁵ of it", arguments: 0..<40)
    func validAndTight(seed: Int) {
        var random = TestRandom(seed: 4400 + seed)
        let n = random.int(2, 7)
        let students = (0..<n).map { _ in Double(random.int(50, 900)) }
        let amounts = (0..<n).map { students[$0] * random.uniform(0.2, 3) }
        let required = amounts.map { $0 * random.uniform(0.8, 1.1) }
        let costs = (0..<n).map { _ in [300.0, 450, 850][random.int(0, 2)] }
        let problem = FillingProblem(students: students, amounts: amounts, required: required, unitCosts: costs, cvLimit: 0.2)
        let solved = problem.solve()
        // Brute force over a fine grid is too slow; the search's cost bounds the optimum from above.
        for _ in 0..<20 {
            let reference = (0..<n).map { amounts[$0] * random.uniform(0.5, 2) }
            #expect(problem.dualBound(numerators: reference) <= solved.cost * (1 + 1e-9) + 1e-9)
        }
        #expect(solved.lowerBound <= solved.cost * (1 + 1e-12) + 1e-12)
        let atOptimum = problem.dualBound(numerators: (0..<n).map { amounts[$0] + solved.additions[$0] })
        #expect(atOptimum >= solved.cost - 1e-5 * max(1, solved.cost), "dual \(atOptimum) vs \(solved.cost)")
    }
}
