import Domain
import Foundation
import Testing
@testable import Planning

/// The funding formula (生均公用经费核定): each rule by a hand-computed example, the shortfall
/// rule under a budget, and its invariants on generated counties.
@Suite struct FundingAllocationTests {
    static func school(_ code: String, _ type: SchoolType, _ locality: Locality, primary: Int = 0, junior: Int = 0,
                       boarders: Int? = nil, special: Int? = nil, funds: Double? = nil) -> SchoolYear {
        var row = SchoolYear(year: 2026, countyCode: "430102", schoolCode: code, schoolName: code, type: type, locality: locality,
                             primary: StageRecord(students: primary), junior: StageRecord(students: junior), publicFunds: funds)
        row.boarders = boarders
        row.specialPupils = special
        return row
    }

    /// The doc comment's worked example, and the rules it leaves out.
    @Test func eachRuleByHand() {
        let rows = [
            Self.school("V", .primary, .rural, primary: 60),                                       // floor: 100 × 600
            Self.school("T", .primary, .town, primary: 60),                                        // a town school: no floor
            Self.school("P", .teachingPoint, .rural, primary: 12),                                 // a teaching point: floor
            Self.school("J", .junior, .urban, junior: 900, boarders: 300, special: 4),             // 896 × 800 + 4 × 6,000 + 300 × 200
            Self.school("S", .special, .urban, primary: 80, junior: 40),                           // 120 × 6,000
            Self.school("N", .nineYear, .urban, primary: 300, junior: 100),                        // 300 × 600 + 100 × 800
            Self.school("H", .completeSecondary, .urban),                                          // no compulsory pupils: left out
        ]
        let a = FundingAllocation.allocate(rows, rules: .defaults)
        #expect(a.schools.map(\.schoolCode) == ["V", "T", "P", "J", "S", "N"])
        #expect(a.schools.map(\.entitlement) == [60_000, 36_000, 60_000, 800_800, 720_000, 260_000])
        #expect(a.schools.map(\.fundedPupils) == [100, 60, 100, 900, 120, 400])
        #expect(a.schools.map(\.atFloor) == [true, false, true, false, false, false])
        #expect(a.schools[0].floorAdded == 24_000 && a.schools[3].boarding == 60_000 && a.schools[3].specialEducation == 24_000)
        #expect(a.need == 1_936_800 && a.protected == 60_000 + 60_000 + 24_000 + 720_000)
        #expect(a.schools.allSatisfy { $0.allocated == $0.entitlement && $0.shortfall == 0 })

        var east = FundingRules.defaults
        east.region = .east
        east.ruralUpliftShare = 0.1
        let eastern = FundingAllocation.allocate([rows[0], rows[5]], rules: east)
        // 100 × 650 × 1.1 for the village school; the urban one has no uplift: 300 × 650 + 100 × 850.
        #expect(eastern.schools.map(\.entitlement) == [71_500, 280_000])
    }

    /// Budget 1,000,000 of a need of 1,936,800: the protected 864,000 first, then 136,000 of the
    /// other 1,072,800 pro rata (12.677 %). Budget 432,000: half of each protected amount.
    @Test func theShortfallRule() {
        let rows = [
            Self.school("V", .primary, .rural, primary: 60), Self.school("T", .primary, .town, primary: 60),
            Self.school("P", .teachingPoint, .rural, primary: 12), Self.school("J", .junior, .urban, junior: 900, boarders: 300, special: 4),
            Self.school("S", .special, .urban, primary: 80, junior: 40), Self.school("N", .nineYear, .urban, primary: 300, junior: 100),
        ]
        let short = FundingAllocation.allocate(rows, rules: .defaults, budget: 1_000_000)
        let share = 136_000.0 / 1_072_800.0
        let expected = [60_000, 36_000 * share, 60_000, 24_000 + 776_800 * share, 720_000, 260_000 * share]
        for (got, want) in zip(short.schools.map(\.allocated), expected) { #expect(abs(got - want) < 1e-6) }
        #expect(abs(short.allocated - 1_000_000) < 1e-6 && short.shortfall == 936_800)
        #expect(short.schools[0].shortfall == 0 && abs(short.schools[1].shortfall - 36_000 * (1 - share)) < 1e-6)

        let scarce = FundingAllocation.allocate(rows, rules: .defaults, budget: 432_000)
        #expect(scarce.schools.map(\.allocated) == [30_000, 0, 30_000, 12_000, 360_000, 0])
        let plenty = FundingAllocation.allocate(rows, rules: .defaults, budget: 5_000_000)
        #expect(plenty.schools.allSatisfy { $0.shortfall == 0 } && plenty.shortfall == 0)
    }

    /// On generated counties: what is allocated is min(budget, need), no school gets more than its
    /// entitlement or less than under a smaller budget, protected amounts are whole before any
    /// other is paid.
    @Test(arguments: 0..<150)
    func invariants(seed: Int) {
        var rng = TestRandom(seed: 70_000 + seed)
        let types: [SchoolType] = [.primary, .junior, .nineYear, .teachingPoint, .special]
        let localities: [Locality] = [.urban, .town, .rural]
        let rows = (0..<rng.int(1, 12)).map { k -> SchoolYear in
            let type = types[rng.int(0, 4)]
            let junior = type == .junior || type == .nineYear || type == .special ? rng.int(0, 300) : 0
            return Self.school("S\(k)", type, localities[rng.int(0, 2)], primary: type == .junior ? 0 : rng.int(0, 400), junior: junior,
                               boarders: rng.int(0, 1) == 0 ? rng.int(0, 50) : nil, special: rng.int(0, 2))
        }
        let full = FundingAllocation.allocate(rows, rules: .defaults)
        let budget = full.need * Double(rng.int(0, 150)) / 100
        let a = FundingAllocation.allocate(rows, rules: .defaults, budget: budget)
        let tolerance = 1e-6 * max(1, full.need)
        #expect(abs(a.allocated - min(budget, full.need)) <= tolerance)
        #expect(a.schools.allSatisfy { $0.allocated <= $0.entitlement + tolerance && $0.allocated >= -tolerance })
        if budget >= a.protected {
            #expect(a.schools.allSatisfy { $0.allocated >= $0.protected - tolerance })
        } else {
            #expect(a.schools.allSatisfy { $0.allocated <= $0.protected + tolerance })
        }
        let less = FundingAllocation.allocate(rows, rules: .defaults, budget: budget * 0.9)
        #expect(zip(less.schools, a.schools).allSatisfy { $0.allocated <= $1.allocated + tolerance })
    }

    @Test func rulesReadFromAFile() throws {
        let read = try JSONDecoder().decode(FundingRules.self, from: Data(#"{"region": "east", "base_rates": {"east": {"primary": 700, "junior": 900}}, "boarder_extra": 300}"#.utf8))
        #expect(read.region == .east && read.rates == .init(primary: 700, junior: 900) && read.boarderExtra == 300)
        #expect(read.baseRates["central_west"] == .init(primary: 600, junior: 800) && read.specialPerPupil == 6_000)
        for bad in [#"{"training_share": 1.5}"#, #"{"base_rates": {"north": {"primary": 1, "junior": 1}}}"#, #"{"boarder_extra": -1}"#, #"{"classes_per_room": 0}"#] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(FundingRules.self, from: Data(bad.utf8)) }
        }
        let round = try JSONDecoder().decode(FundingRules.self, from: JSONEncoder().encode(FundingRules.defaults))
        #expect(round == .defaults)
    }
}
