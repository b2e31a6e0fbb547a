import Demo
import Domain
@testable import Planning
import Testing

/// The rotation plan as the first teacher lever of the investment plan (issue 15).
@Suite("Rotation as the first teacher lever")
struct RotationLeverTests {
    @Test("moves are free swaps that keep each school's teachers, come first, and the plan with them still passes in any order", arguments: [UInt64(1), 3])
    func movesComeFirst(seed: UInt64) throws {
        let generator = DemoGenerator(seed: seed, counties: 3)
        let data = generator.generate()
        let teachers = generator.teachers(of: data)
        let planner = InvestmentPlanner(standard: .quality2017)
        for code in Set(data.schools.map(\.countyCode)).sorted() {
            let county = data.schools.filter { $0.countyCode == code }
            let codes = Set(county.map(\.schoolCode))
            let rotation = RotationPlanner(rules: .defaults, standard: .quality2017)
                .plan(schools: county, teachers: teachers.filter { codes.contains($0.schoolCode) }, year: county[0].year)
            let plan = try planner.plan(county, rotation: rotation)
            let moved = plan.items.filter { $0.lever == .rotation }
            #expect(!moved.isEmpty)
            #expect(moved.allSatisfy { $0.cost == 0 && $0.yearlyCost == 0 && $0.amount != 0 && $0.id.hasSuffix("/rotation") })
            // Swaps are one for one: per stage and resource, what arrives is what leaves, and
            // no school gains or loses full-time teachers.
            var net: [String: Double] = [:]
            for item in moved { net["\(item.resource.rawValue)/\(item.stage!.rawValue)", default: 0] += item.amount }
            #expect(net.values.allSatisfy { $0 == 0 }, "\(net)")
            #expect(!moved.contains { $0.resource == .teachers })
            let applied = Whatif.apply(moved, to: county)
            for (before, after) in zip(county, applied) {
                #expect(before.primary.teachers == after.primary.teachers && before.junior.teachers == after.junior.teachers)
            }
            // Every lever after the moves is bought as the costs say, and the whole plan passes,
            // also evaluated in another order.
            #expect(plan.items.filter { $0.lever != .rotation }.allSatisfy { $0.lever == PlanLever.bought($0.resource) })
            #expect(ResourceCheck(plan.after).passes)
            #expect(ExactPlanTests.failuresInAnotherOrder(Whatif.apply(plan.items, to: county), standard: .quality2017) == [])
            #expect(plan.rotation?.teacherMovers == rotation.teacherMovers)
            // The schedule does the moves in its first year, whatever the budget.
            let schedule = try BudgetSchedule(plan: plan, budgets: [YearBudget(year: 2026, budget: 1), YearBudget(year: 2027, budget: 1)],
                                              standard: .quality2017, schools: county)
            #expect(Set(schedule.years[0].items.filter { $0.lever == .rotation }.map(\.id)) == Set(moved.map(\.id)))
        }
    }
}
