import Domain
import Testing
import UseCases

@Suite("Ranking the province")
struct RankProvinceTests {
    @Test func theProvinceShowsOnlyTheCountiesAnAccountMayRead() async throws {
        let fixture = try await DemoStore()
        let rank = RankProvince(standard: DemoStore.standard, store: fixture.store, work: InlineWork())
        let all = try await rank.rank(year: nil, for: fixture.admin)
        #expect(all.year == 2025 && all.years == [2024, 2025])
        #expect(Set(all.rows.map(\.countyCode)) == [fixture.countyA, fixture.countyB])
        #expect(all.rows.map(\.rank) == [1, 2])
        let expected = ProvinceRanking.rank(results: Evaluator(standard: DemoStore.standard).evaluate(
            fixture.rows.filter { $0.year == 2025 }, facts: fixture.facts))
        #expect(all.rows == expected)

        let own = try await rank.rank(year: 2024, for: fixture.supervisorB)
        #expect(own.year == 2024 && own.rows.map(\.countyCode) == [fixture.countyB])
        let none = try await rank.rank(year: 2019, for: fixture.admin)
        #expect(none.year == 2019 && none.rows.isEmpty)
    }
}
