import Domain
import Planning
import Testing
import UseCases

@Suite("Planning investment")
struct PlanInvestmentTests {
    @Test func theStoredCountyYearIsPlannedAsItsRowsAre() async throws {
        let fixture = try await DemoStore()
        let planning = PlanInvestment(standard: DemoStore.standard)
        let budgets = [YearBudget(year: 2026, budget: 2_000_000), YearBudget(year: 2027, budget: 2_000_000)]
        let rows = fixture.rows(county: fixture.countyA, year: 2025)
        let direct = planning.plan(rows, budgets: budgets)
        let chosen = try await LoadCountyYear(store: fixture.store).choose(county: fixture.countyA, year: nil)
        let stored = try await planning.plan(chosen, budgets: budgets, store: fixture.store, work: InlineWork())

        #expect(stored.year == 2025 && stored.countyCode == fixture.countyA)
        #expect(try stored.plan.get() == direct.plan.get())
        #expect(try stored.schedule?.get() == direct.schedule?.get())
        #expect(stored.schedule != nil)
        #expect(try stored.plan.get().countyCode == fixture.countyA)
    }

    @Test func noBudgetNoSchedule_andAPlanningErrorIsPartOfTheAnswer() throws {
        let rows = try DemoFixture.rows()
        let county = rows[0].countyCode
        let one = rows.filter { $0.countyCode == county }
        #expect(PlanInvestment(standard: DemoStore.standard).plan(one, budgets: nil).schedule == nil)
        // Two counties at once cannot be planned: the refusal comes back as the result.
        let both = PlanInvestment(standard: DemoStore.standard).plan(rows, budgets: nil)
        #expect(throws: PlanningError.self) { try both.plan.get() }
        #expect(both.schedule == nil)
    }
}
