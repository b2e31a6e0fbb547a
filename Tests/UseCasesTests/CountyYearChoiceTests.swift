import Demo
import Domain
import Storage
import Testing
import UseCases

@Suite("Choosing a county and year")
struct CountyYearChoiceTests {
    /// Two counties, one with two years.
    static let counties = [
        CountySummary(code: "430250", name: "甲县", years: [2024, 2025]),
        CountySummary(code: "451044", name: nil, years: [2025]),
    ]

    static func refusal(_ choice: CountyYearChoice, county: String?, year: Int?) throws -> CountyYearChoiceError {
        try #require(throws: CountyYearChoiceError.self) { try choice.choose(county: county, year: year) }
    }

    @Test func aFileMustNameOneCountyAndYear() throws {
        let file = CountyYearChoice(counties: Self.counties, latestYearByDefault: false, listsEveryCounty: true)
        let only = try file.choose(county: "451044", year: nil)
        #expect(only.county == Self.counties[1] && only.year == 2025)
        #expect(try file.choose(county: "430250", year: 2024).year == 2024)

        let several = try Self.refusal(file, county: nil, year: 2025)
        #expect(several.needsNarrowing)
        #expect(several.message(in: .english) == "the data holds several counties or years: 430250 2025 (甲县), 451044 2025. Choose one")
        // The county's two years need a choice too: a file's choice does not guess the latest.
        #expect(try Self.refusal(file, county: "430250", year: nil).needsNarrowing)
    }

    @Test func theStoreDefaultsToTheLatestYear() throws {
        let store = CountyYearChoice(counties: Self.counties, latestYearByDefault: true, listsEveryCounty: false)
        #expect(try store.choose(county: "430250", year: nil).year == 2025)
        #expect(try store.choose(county: "430250", year: 2024).years == [2024, 2025])
    }

    @Test func refusalsNameWhatIsMissingAndWhatThereIs() throws {
        let file = CountyYearChoice(counties: Self.counties, latestYearByDefault: false, listsEveryCounty: true)
        let noCounty = try Self.refusal(file, county: "999999", year: nil)
        #expect(!noCounty.needsNarrowing)
        #expect(noCounty.message(in: .english)
            == "no school rows of county 999999; the data holds: 430250 2024 (甲县), 430250 2025 (甲县), 451044 2025")
        #expect(noCounty.message(in: .chinese).hasPrefix("没有县区 999999 的学校记录；数据含：430250 2024（甲县）、"))
        let noYear = try Self.refusal(file, county: "451044", year: 2019)
        #expect(noYear.message(in: .english).hasPrefix("county 451044 has no school rows for 2019; the data holds: "))
        #expect(try Self.refusal(file, county: nil, year: 2019).message(in: .english).hasPrefix("no school rows for 2019"))
    }

    @Test func theStoreNamesNoOtherCounty() throws {
        // Someone asking for a county they may not know of learns nothing of the others.
        let store = CountyYearChoice(counties: Self.counties, latestYearByDefault: true, listsEveryCounty: false)
        #expect(try Self.refusal(store, county: "999999", year: nil).message(in: .english) == "no school rows of county 999999")
        let noYear = try Self.refusal(store, county: "451044", year: 2024).message(in: .english)
        #expect(noYear == "county 451044 has no school rows for 2024; the data holds: 451044 2025")
    }

    @Test func rowsOfAFileAreChosenTheSameWay() throws {
        let demo = try DemoFixture.rows()
        let county = demo[0].countyCode
        let chosen = try CountyYearChoice.rows(demo, county: county, year: nil)
        #expect(!chosen.isEmpty && chosen == demo.filter { $0.countyCode == county })
        #expect(try CountyYearChoice.rows([], county: "999999", year: 2019).isEmpty)
        #expect(throws: CountyYearChoiceError.self) { try CountyYearChoice.rows(demo, county: nil, year: nil) }
        // Named after the rows that name the county.
        let choice = CountyYearChoice(rows: demo)
        #expect(choice.counties.map(\.code) == Array(Set(demo.map(\.countyCode))).sorted())
        #expect(choice.counties.allSatisfy { $0.years == [2025] && $0.name != nil })
    }

    @Test func loadingFromTheStoreRefusesTheSameWay() async throws {
        let fixture = try await DemoStore()
        let load = LoadCountyYear(store: fixture.store)
        let data = try await load.load(county: fixture.countyA, year: nil)
        #expect(data.chosen.year == 2025 && data.chosen.years == [2024, 2025])
        #expect(data.schools == fixture.rows(county: fixture.countyA, year: 2025))
        #expect(data.lock == nil)
        await #expect(throws: CountyYearChoiceError.self) { try await load.load(county: fixture.countyA, year: 2019) }
        await #expect(throws: CountyYearChoiceError.self) { try await load.choose(county: "999999", year: nil) }
    }
}

/// The demo's rows without a store.
enum DemoFixture {
    static func rows() throws -> [SchoolYear] {
        DemoGenerator(seed: 11, counties: 2, year: 2025).schools()
    }
}
