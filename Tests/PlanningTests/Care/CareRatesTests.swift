import Domain
import Testing
@testable import Planning

/// The care rates and items (quality items 1 and 2, government item 15) against the worked
/// examples computed by hand.
@Suite struct CareRatesTests {
    static let items = ComputedItems(standard: try! Standard.builtIn("quality-2017"))
    static let born = CalendarDate(year: 2014, month: 5, day: 1)!

    static func child(_ id: String, school: String?, disability: Disability? = nil, placement: Placement? = nil, migrant: Bool = false,
                      leftBehind: LeftBehind = .no, partner: String? = nil, born: CalendarDate = born) -> Child {
        Child(id: id, name: "某", birthDate: born, countyCode: "341102", year: 2026, schoolCode: school, grade: school == nil ? nil : 6,
              leftBehind: leftBehind, migrant: migrant, disability: disability, placement: placement, partner: partner)
    }

    static let schools: [SchoolYear] = [("S1", Ownership.public), ("S2", .private), ("S3", .private)].map { code, ownership in
        var school = SchoolYear(year: 2026, countyCode: "341102", schoolCode: code, schoolName: code, type: .nineYear, locality: .rural)
        school.ownership = ownership
        return school
    }

    /// The type's worked example: 12 随班就读, 4 special school, 3 送教上门, 1 untaught → 19 ÷ 20
    /// = 95 %; a disabled child aged 17 (not school age) is left out of both counts.
    @Test func disabledEnrollmentIsTheWorkedExample() {
        var children = (0..<12).map { Self.child("R\($0)", school: "S1", disability: .physical, placement: .regularClass) }
        children += (0..<4).map { Self.child("P\($0)", school: "S1", disability: .intellectual, placement: .specialSchool) }
        children += (0..<3).map { Self.child("H\($0)", school: nil, disability: .multiple, placement: .homeTeaching) }
        children.append(Self.child("N0", school: nil, disability: .mental, placement: .notEnrolled))
        children.append(Self.child("O0", school: nil, disability: .mental, placement: .notEnrolled, born: CalendarDate(year: 2009, month: 1, day: 1)!))
        let rates = CareRates(children: children, schools: Self.schools)
        #expect(rates.disabledEnrollment == .init(numerator: 19, denominator: 20))
        #expect(rates.disabledEnrollment.percent == 95)
        #expect(rates.county.disabled == 21 && rates.county.disabledNotEnrolled == 2 && rates.county.homeTeaching == 3)
        let fact = Self.items.fromCare(rates, county: "341102", year: 2026).first { $0.item == "quality_02_disabled_enrollment" }
        #expect(fact?.value == .number(95) && fact?.source == .computed)
        #expect(fact?.evidence?.contains("适龄残疾儿童少年20人，入学19人（95.00%") == true)
    }

    /// Retention: (190 + 94 − 6 + 9) ÷ (200 + 100 − 1) = 287 ÷ 299; S2's graduates come from its
    /// school row when the file leaves them out.
    @Test func retentionIsTheWorkedExample() throws {
        var schools = Self.schools
        schools[1].graduates = 94
        let cohorts = [
            CohortRecord(countyCode: "341102", schoolCode: "S1", year: 2026, entrants: 200, graduates: 190, transfersIn: 4, transfersOut: 5, deaths: 1),
            CohortRecord(countyCode: "341102", schoolCode: "S2", year: 2026, entrants: 100, graduates: nil, transfersIn: 2, transfersOut: 4),
        ]
        let rates = CareRates(children: [], schools: schools, cohorts: cohorts)
        let retention = try #require(rates.retention)
        #expect(retention == .init(numerator: 287, denominator: 299))
        let fact = try #require(Self.items.fromCare(rates, county: "341102", year: 2026).first)
        #expect(fact.item == "quality_01_retention" && fact.value == .number(287.0 / 299.0 * 100))
        // Without S2's graduates anywhere the rate is not computed.
        let without = CareRates(children: [], schools: Self.schools, cohorts: cohorts)
        #expect(without.retention == nil && without.cohortsWithoutGraduates == ["S2"])
        #expect(Self.items.fromCare(without, county: "341102", year: 2026).isEmpty)
    }

    /// Migrant share: at public S1 (3), at private S2 bought by the county (1), at private S3
    /// (1), not enrolled (1): 4 ÷ 6 with S2 purchased, 3 ÷ 6 without.
    @Test func migrantShareCountsPublicAndPurchasedPlaces() {
        var children = (0..<3).map { Self.child("M\($0)", school: "S1", migrant: true) }
        children += [Self.child("M3", school: "S2", migrant: true), Self.child("M4", school: "S3", migrant: true),
                     Self.child("M5", school: nil, migrant: true), Self.child("X", school: "S3")]
        var rules = CareRules.defaults
        #expect(CareRates(children: children, schools: Self.schools, rules: rules).migrantPublicShare == .init(numerator: 3, denominator: 6))
        rules.purchasedServiceSchools = ["S2"]
        let rates = CareRates(children: children, schools: Self.schools, rules: rules)
        #expect(rates.migrantPublicShare == .init(numerator: 4, denominator: 6))
        let fact = Self.items.fromCare(rates, county: "341102", year: 2026).first { $0.item == "gov_15_migrant_public_share" }
        #expect(fact?.value == .number(4.0 / 6.0 * 100))
    }

    /// Left-behind care: 是 when every left-behind child at school has a partner; 否 with one
    /// unpaired. A left-behind child out of school is not paired (no teacher) and not counted.
    @Test func leftBehindCareNeedsEveryChildPaired() {
        var children = [
            Self.child("L1", school: "S1", leftBehind: .bothParentsAway, partner: "T1"),
            Self.child("L2", school: "S1", leftBehind: .oneParentAway, partner: "T2"),
            Self.child("L3", school: nil, leftBehind: .oneParentAway),
        ]
        func care(_ children: [Child]) -> CountyFact? {
            Self.items.fromCare(CareRates(children: children, schools: Self.schools), county: "341102", year: 2026)
                .first { $0.item == "gov_15_left_behind_care" }
        }
        #expect(care(children)?.value == .yes)
        children[1].partner = nil
        let fact = care(children)
        #expect(fact?.value == CountyFact.Value.no)
        #expect(fact?.evidence == "由儿童登记计算：需结对帮扶儿童2人（留守儿童3人），已结对1人，1人未结对")
        let rates = CareRates(children: children, schools: Self.schools)
        #expect(rates.schools.map(\.schoolCode) == ["S1", nil])
        #expect(rates.schools[0].needPartner == 2 && rates.schools[0].paired == 1)
    }

    @Test func schoolAgeIsCountedOnTheRulesDay() {
        let rules = CareRules.defaults
        // Six on 31 August 2026 exactly: school age; born a day later: not yet.
        #expect(rules.isSchoolAge(Self.child("a", school: nil, born: CalendarDate(year: 2020, month: 8, day: 31)!)))
        #expect(!rules.isSchoolAge(Self.child("b", school: nil, born: CalendarDate(year: 2020, month: 9, day: 1)!)))
        #expect(rules.isSchoolAge(Self.child("c", school: nil, born: CalendarDate(year: 2010, month: 9, day: 1)!)))
        #expect(!rules.isSchoolAge(Self.child("d", school: nil, born: CalendarDate(year: 2010, month: 8, day: 31)!)))
        #expect(CalendarDate(year: 2012, month: 2, day: 29)!.age(on: CalendarDate(year: 2013, month: 2, day: 28)!) == 0)
        #expect(CalendarDate(year: 2012, month: 2, day: 29)!.age(on: CalendarDate(year: 2013, month: 3, day: 1)!) == 1)
    }
}
