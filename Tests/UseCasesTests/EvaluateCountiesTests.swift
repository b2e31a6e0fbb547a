import Domain
import Interchange
import Testing
import UseCases

@Suite("Evaluating counties")
struct EvaluateCountiesTests {
    @Test func fromTheStoreAndFromAFileTheSameResult() async throws {
        let fixture = try await DemoStore()
        let evaluate = EvaluateCounties(standard: DemoStore.standard)
        let stored = try await evaluate.evaluate(county: fixture.countyA, year: 2025, store: fixture.store)

        // The same rows and facts written to files and read back, as `junheng evaluate` reads them.
        let schoolsFile = try SchoolsWriter().write(fixture.rows)
        let factsFile = try FactsWriter().write(fixture.facts)
        let rows = try SchoolsReader().read(schoolsFile, file: "schools.csv").schools
        let facts = try FactsReader(standard: DemoStore.standard).read(factsFile, file: "facts.csv").facts
        let (schools, results) = evaluate.evaluate(rows, facts: facts, year: 2025, county: fixture.countyA)

        #expect(schools == stored.schools)
        #expect(results == [stored.result])
        #expect(stored.year == 2025 && stored.years == [2024, 2025])
        #expect(stored.title.contains(fixture.countyA))
    }

    @Test func aFileMayHoldAProvince() throws {
        let rows = try DemoFixture.rows()
        let (schools, results) = EvaluateCounties(standard: DemoStore.standard).evaluate(rows, facts: nil, year: nil, county: nil)
        #expect(schools == rows)
        #expect(Set(results.map(\.countyCode)) == Set(rows.map(\.countyCode)))
        #expect(EvaluateCounties(standard: DemoStore.standard).evaluate(rows, facts: nil, year: 2019, county: nil).results.isEmpty)
    }

    @Test func aMissingCountyYearIsTheChoiceError() async throws {
        let fixture = try await DemoStore()
        let evaluate = EvaluateCounties(standard: DemoStore.standard)
        let error = try await #require(throws: CountyYearChoiceError.self) {
            try await evaluate.evaluate(county: fixture.countyB, year: 2023, store: fixture.store)
        }
        let message = error.message(in: .english)
        #expect(message.hasPrefix("county \(fixture.countyB) has no school rows for 2023; the data holds: \(fixture.countyB) 2024"))
        #expect(message.contains("\(fixture.countyB) 2025") && !message.contains(fixture.countyA))
    }
}
