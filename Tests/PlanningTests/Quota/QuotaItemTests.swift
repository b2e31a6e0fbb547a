import Domain
import Testing
@testable import Planning

/// Government item 14 computed from the quota allocations (``ComputedItems/fromQuota(_:county:year:)``).
@Suite struct QuotaItemTests {
    static let items = ComputedItems(standard: try! Standard.builtIn("quality-2017"))

    /// Schools A (urban, 300 graduates) and B (rural, 100): B has 25 % of the graduates.
    static func schools(county: String = "430102") -> [SchoolYear] {
        [("A", Locality.urban, 300), ("B", .rural, 100)].map { code, locality, graduates in
            var school = SchoolYear(year: 2026, countyCode: county, schoolCode: code, schoolName: code, type: .junior, locality: locality,
                                    junior: StageRecord(students: graduates * 3))
            school.graduates = graduates
            return school
        }
    }

    /// The worked example of the doc comment: 240 × 50 % + 200 × 60 % = 240 of 440 (54.5 %);
    /// with a rural weight of 2, B's places are 30 % (36 of 120 and 36 of 120 … by the largest
    /// remainder), above its 25 % of the graduates: met.
    @Test func theSharePassesWithTheTilt() throws {
        let quotas = [
            HighSchoolQuota(countyCode: "430102", highSchool: "一中", year: 2026, totalPlaces: 240, allocatedShare: 0.5, ruralWeight: 0.3),
            HighSchoolQuota(countyCode: "430102", highSchool: "二中", year: 2026, totalPlaces: 200, allocatedShare: 0.6, ruralWeight: 0.3),
        ]
        let allocations = try QuotaAllocation.allocations(quotas, schools: Self.schools(), rules: .defaults)
        #expect(allocations.count == 1)
        // Weights 300 and 130: 120 × 130 / 430 = 36.28 → 36 places to B from each school.
        #expect(allocations[0].plans.map { $0.lines.map(\.places) } == [[84, 36], [84, 36]])
        let fact = try #require(Self.items.fromQuota(allocations, county: "430102", year: 2026))
        #expect(fact.item == "gov_14_quota_allocation" && fact.source == .computed)
        #expect(fact.value == .number(240.0 / 440.0 * 100))
        #expect(fact.evidence == "由指标到校分配计算：2所优质高中招生计划440人，分配到初中学校240人（54.5%）；农村初中毕业生占25.0%，获得名额30.0%")
        #expect(Self.items.fromQuota(allocations, county: "430102", year: 2025) == nil)
        #expect(Self.items.fromQuota(allocations, county: "430103", year: 2026) == nil)
    }

    /// Without a rural weight B gets 25 % exactly (30 of 120): the tilt holds (≥). Give B's
    /// graduates 1 more eligible-less pupil and it falls below: 否.
    @Test func aShareBelowTheGraduatesFailsTheItem() throws {
        var schools = Self.schools()
        schools[1].eligibleGraduates = 90   // B: 100 graduates, 90 eligible → fewer places than its graduates' share
        let quota = [HighSchoolQuota(countyCode: "430102", highSchool: "一中", year: 2026, totalPlaces: 240, allocatedShare: 0.5)]
        let allocations = try QuotaAllocation.allocations(quota, schools: schools, rules: .defaults)
        #expect(allocations[0].plans[0].lines.map(\.places) == [92, 28])
        let fact = try #require(Self.items.fromQuota(allocations, county: "430102", year: 2026))
        #expect(fact.value == .no)
        #expect((fact.evidence ?? "").hasSuffix("农村初中毕业生占25.0%，获得名额23.3%，未向农村初中倾斜"))
        let even = try QuotaAllocation.allocations(quota, schools: Self.schools(), rules: .defaults)
        #expect(Self.items.fromQuota(even, county: "430102", year: 2026)?.value == .number(50))
    }

    /// A city-wide plan (no county) counts for every county whose schools share it, each
    /// judged on its own schools' tilt.
    @Test func aCityWidePlanCountsForEachCounty() throws {
        let schools = Self.schools() + Self.schools(county: "430103").map { school in
            var s = school
            s.schoolCode += "2"
            return s
        }
        let quota = [HighSchoolQuota(highSchool: "市一中", year: 2026, totalPlaces: 480, allocatedShare: 0.5, ruralWeight: 0.3)]
        let allocations = try QuotaAllocation.allocations(quota, schools: schools, rules: .defaults)
        #expect(allocations.count == 1 && allocations[0].countyCode == nil && allocations[0].plans[0].lines.count == 4)
        for county in ["430102", "430103"] {
            let fact = try #require(Self.items.fromQuota(allocations, county: county, year: 2026))
            #expect(fact.value == .number(50))
            #expect((fact.evidence ?? "").contains("农村初中毕业生占25.0%"))
        }
    }
}
