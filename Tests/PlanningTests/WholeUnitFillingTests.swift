import Testing
@testable import Planning

@Suite("Whole-unit filling")
struct WholeUnitFillingTests {
    /// The least cost over every allocation of up to `extra` units beyond each unit's need.
    private func bruteForce(_ problem: FillingProblem, needs: [Int], extra: Int) -> Double? {
        var best: Double?
        var counts = needs
        func visit(_ i: Int) {
            if i == counts.count {
                let values = counts.indices.map { (problem.amounts[$0] + Double(counts[$0])) / problem.students[$0] }
                guard problem.withinLimit(values) else { return }
                let cost = problem.cost(of: counts.map(Double.init))
                if best == nil || cost < best! { best = cost }
                return
            }
            for n in needs[i]...(needs[i] + extra) {
                counts[i] = n
                visit(i + 1)
            }
        }
        visit(0)
        return best
    }

    @Test("equals brute force on small problems (teachers per stage, one price)", arguments: 0..<60)
    func exactAgainstBruteForce(seed: Int) throws {
        var random = TestRandom(seed: 3000 + seed)
        let n = random.int(1, 4)
        let students = (0..<n).map { _ in Double(random.int(30, 400)) }
        let amounts = students.map { Double(Int($0 * random.uniform(0, 0.06))) }
        let required = students.map { $0 * random.uniform(0, 0.045) }
        let problem = FillingProblem(students: students, amounts: amounts, required: required, unitCosts: Array(repeating: 100, count: n), cvLimit: random.uniform(0.1, 0.5))
        let steps = Array(repeating: 1.0, count: n)
        let (counts, filling) = WholeUnitFilling.solve(problem, steps: steps)
        let needs = (0..<n).map { WholeUnitFilling.shortfall(problem, $0, 1) }
        let extra = 8
        // Compare only where the optimum lies inside the enumerated box.
        guard counts.indices.allSatisfy({ counts[$0] <= needs[$0] + extra }) else { return }
        let best = try #require(bruteForce(problem, needs: needs, extra: extra))
        #expect(abs(filling.cost - best) < 1e-6)
        #expect(filling.isOptimal)
    }

    @Test("rounded and repaired plans are feasible and whole", arguments: 0..<40)
    func repairedIsFeasible(seed: Int) {
        var random = TestRandom(seed: 4000 + seed)
        let n = random.int(2, 25)
        let students = (0..<n).map { _ in Double(random.int(30, 900)) }
        let steps = (0..<n).map { _ in [1.0, 0.476, 0.524][random.int(0, 2)] }
        let problem = FillingProblem(
            students: students, amounts: students.map { Double(Int($0 * random.uniform(0, 0.05))) },
            required: students.map { $0 * random.uniform(0, 0.03) },
            unitCosts: (0..<n).map { _ in [80.0, 100, 120][random.int(0, 2)] }, cvLimit: random.uniform(0.1, 0.5))
        let (counts, filling) = WholeUnitFilling.solve(problem, steps: steps)
        let values = (0..<n).map { (problem.amounts[$0] + Double(counts[$0]) * steps[$0]) / students[$0] }
        #expect(problem.withinLimit(values))
        for i in 0..<n { #expect(problem.amounts[i] + Double(counts[i]) * steps[i] >= problem.required[i] - 1e-9) }
        #expect(filling.lowerBound <= filling.cost + 1e-9)
    }
}
