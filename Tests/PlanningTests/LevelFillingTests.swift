import Testing
@testable import Planning

@Suite("Level filling")
struct LevelFillingTests {
    @Test("a county already within its limit gets nothing beyond its thresholds")
    func nothingToRaise() {
        let problem = FillingProblem(students: [100, 100], amounts: [400, 450], required: [450, 450], unitCosts: [1, 1], cvLimit: 0.5)
        let filling = LevelFilling.solve(problem)
        #expect(filling.additions == [50, 0])
        #expect(filling.isOptimal)
    }
}
