import Domain
import Testing
@testable import Planning

@Suite("Budget schedule")
struct ScheduleTests {
    @Test("never over a year's budget, never an item twice, every item accounted for", arguments: 0..<25)
    func budgetsHold(seed: Int) throws {
        var random = TestRandom(seed: 1200 + seed)
        let county = random.primaryCounty(random.int(3, 40))
        let plan = try InvestmentPlanner(standard: .quality2017).plan(county)
        let years = random.int(1, 6)
        let budgets = (0..<years).map { YearBudget(year: 2026 + $0, budget: plan.cost * random.uniform(0.05, 0.6) + 1) }
        let schedule = try BudgetSchedule(plan: plan, budgets: budgets, standard: .quality2017, schools: county)
        var seen = Set<String>()
        for (year, budget) in zip(schedule.years, budgets) {
            #expect(year.year == budget.year)
            #expect(year.spent <= budget.budget * (1 + 1e-12))
            #expect(abs(year.spent - year.items.reduce(0) { $0 + $1.cost }) <= 1e-6)
            for item in year.items { #expect(seen.insert(item.id).inserted, "\(item.id) scheduled twice") }
        }
        for item in schedule.unscheduled { #expect(seen.insert(item.id).inserted) }
        #expect(seen == Set(plan.items.map(\.id)))
        // When everything is done, the county passes in the year the last item is done.
        if schedule.unscheduled.isEmpty {
            #expect(schedule.firstPassingYear != nil)
            #expect(schedule.years.last?.check.passes == true)
        } else {
            #expect(schedule.shortfall > 0)
        }
    }

    @Test("a budget as large as the plan does it in the first year")
    func oneYearIsEnough() throws {
        var random = TestRandom(seed: 77)
        let county = random.primaryCounty(20)
        let plan = try InvestmentPlanner(standard: .quality2017).plan(county)
        let schedule = try BudgetSchedule(plan: plan, budgets: [YearBudget(year: 2026, budget: plan.cost + 1)], standard: .quality2017, schools: county)
        #expect(schedule.unscheduled.isEmpty)
        #expect(schedule.firstPassingYear == 2026)
        #expect(schedule.years[0].check.passes)
    }

    @Test("most deficient first")
    func order() {
        func item(_ code: String, attainment: Double?, cost: Double, reason: PlanReason) -> PlanItem {
            PlanItem(schoolCode: code, schoolName: code, locality: .rural, resource: .teachingArea, stage: nil, amount: 1,
                     unitCost: cost, cost: cost, reason: reason, indicators: [3], attainment: attainment)
        }
        let ordered = BudgetSchedule.priorityOrder([
            item("a", attainment: 0.95, cost: 1, reason: .balance),
            item("b", attainment: 0.90, cost: 5, reason: .belowThreshold),
            item("c", attainment: 0.60, cost: 9, reason: .belowFloor),
            item("d", attainment: 0.90, cost: 2, reason: .belowThreshold),
        ])
        #expect(ordered.map(\.schoolCode) == ["c", "d", "b", "a"])
    }

    @Test("bad budgets are refused with the reason")
    func refusals() throws {
        var random = TestRandom(seed: 78)
        let county = random.primaryCounty(5)
        let plan = try InvestmentPlanner(standard: .quality2017).plan(county)
        func refusal(_ budgets: [YearBudget]) -> String? {
            do {
                _ = try BudgetSchedule(plan: plan, budgets: budgets, standard: .quality2017, schools: county)
                return nil
            } catch {
                return error.message(in: .english)
            }
        }
        #expect(refusal([])?.contains("no year") == true)
        #expect(refusal([YearBudget(year: 2026, budget: 0)])?.contains("not positive") == true)
        #expect(refusal([YearBudget(year: 2026, budget: 5), YearBudget(year: 2026, budget: 6)])?.contains("twice") == true)
    }
}
