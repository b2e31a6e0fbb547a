import Domain
import Testing
import UseCases

@Suite("Budget input")
struct BudgetInputTests {
    @Test func readsEntriesWithTheUsualSeparatorsAndUnits() throws {
        let input = try #require(try BudgetInput.parse(" 2026:500万，2027：3000000.5元;2028=1.5亿\n2029:7 ", dataYear: 2025))
        #expect(input.budgets == [
            YearBudget(year: 2026, budget: 5_000_000), YearBudget(year: 2027, budget: 3_000_000.5),
            YearBudget(year: 2028, budget: 150_000_000), YearBudget(year: 2029, budget: 7),
        ])
        #expect(input.text == "2026:5000000, 2027:3000000.5, 2028:150000000, 2029:7")
        #expect(try BudgetInput.parse(input.text, dataYear: 2025) == input)
    }

    @Test func blankMeansNoSchedule() throws {
        #expect(try BudgetInput.parse(nil, dataYear: 2025) == nil)
        #expect(try BudgetInput.parse("  ", dataYear: 2025) == nil)
        #expect(try BudgetInput.parse(" , ", dataYear: 2025) == nil)
    }

    @Test func refusesWhatIsNotABudget() {
        #expect(throws: BudgetInput.Problem.self) { try BudgetInput.parse("2026:inf", dataYear: 2025) }
        #expect(throws: BudgetInput.Problem.self) { try BudgetInput.parse("2026:20000000000000", dataYear: 2025) }
        #expect(throws: BudgetInput.Problem.self) { try BudgetInput.parse("2201:1", dataYear: 2025) }
        #expect(throws: BudgetInput.Problem.self) { try BudgetInput.parse("2026:万", dataYear: 2025) }
        let many = (2026..<2026 + BudgetInput.maximumYears + 1).map { "\($0):1" }.joined(separator: ",")
        #expect(throws: BudgetInput.Problem.self) { try BudgetInput.parse(many, dataYear: 2025) }
    }
}
