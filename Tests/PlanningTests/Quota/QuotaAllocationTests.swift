import Domain
import Testing
@testable import Planning

/// 指标到校: each high school's allocated places shared among junior schools, and the county's
/// figures for government item 14.
@Suite("Quota: high-school places to junior schools")
struct QuotaAllocationTests {
    @Test("the worked example: 120 places, 300 urban and 100 rural eligible, rural weight 0.2 → 86 / 34, the tilt holds")
    func workedExample() throws {
        let quota = HighSchoolQuota(highSchool: "一中", year: 2026, totalPlaces: 240, allocatedShare: 0.5, ruralWeight: 0.2)
        let schools = [
            JuniorGraduates(schoolCode: "A", schoolName: "城关初中", graduates: 300, eligible: 300, rural: false),
            JuniorGraduates(schoolCode: "B", schoolName: "河西初中", graduates: 100, eligible: 100, rural: true),
        ]
        let allocation = try QuotaAllocation.allocate([quota], among: schools, rules: .defaults)
        let plan = try #require(allocation.plans.first)
        #expect(plan.allocated == 120)
        #expect(plan.lines.map(\.weight) == [300, 120])
        #expect(plan.lines.map(\.places) == [86, 34])
        #expect(abs(plan.lines[0].quota - 85.714_285_714) < 1e-6)
        #expect(allocation.allocatedShare == 0.5)
        #expect(allocation.ruralShareOfGraduates == 0.25)
        #expect(abs(allocation.ruralShareOfPlaces! - 34.0 / 120) < 1e-12)
        #expect(allocation.ruralTiltHolds)
        // Without the weight the rural school's 25 % of the graduates get 30 places, 25 %: still held (equal).
        var plain = quota
        plain.ruralWeight = nil
        let even = try QuotaAllocation.allocate([plain], among: schools, rules: .defaults)
        #expect(even.plans[0].lines.map(\.places) == [90, 30] && even.ruralTiltHolds)
    }

    @Test("allocated places round up so the share is never short: 50 % of 301 is 151; 70 % of 10 is 7")
    func allocatedPlaces() {
        #expect(HighSchoolQuota(highSchool: "一中", year: 2026, totalPlaces: 301, allocatedShare: 0.5).allocatedPlaces == 151)
        #expect(HighSchoolQuota(highSchool: "一中", year: 2026, totalPlaces: 10, allocatedShare: 0.7).allocatedPlaces == 7)
        #expect(HighSchoolQuota(highSchool: "一中", year: 2026, totalPlaces: 10, allocatedShare: 1).allocatedPlaces == 10)
        #expect(HighSchoolQuota(highSchool: "一中", year: 2026, totalPlaces: 0, allocatedShare: 0.5).allocatedPlaces == 0)
    }

    @Test("small schools under half a place share one: grouped they get a place, alone none")
    func smallSchoolsGrouped() throws {
        let quota = HighSchoolQuota(highSchool: "一中", year: 2026, totalPlaces: 100, allocatedShare: 1)
        let schools = [("A", 500), ("B", 480), ("C", 4), ("D", 3), ("E", 2)].map {
            JuniorGraduates(schoolCode: $0.0, schoolName: $0.0, graduates: $0.1, eligible: $0.1, rural: false)
        }
        let alone = try QuotaAllocation.allocate([quota], among: schools, rules: .defaults)
        #expect(alone.plans[0].lines.map(\.places) == [51, 49, 0, 0, 0])
        let grouped = try QuotaAllocation.allocate([quota], among: schools, rules: QuotaRules(groupSmallSchools: true))
        #expect(grouped.plans[0].lines.map(\.places) == [51, 48, 1, 0, 0])
        #expect(grouped.plans[0].lines.map(\.group) == [nil, nil, "小规模学校联合组", "小规模学校联合组", "小规模学校联合组"])
    }

    @Test("every plan gives out exactly its allocated places, minimums held, under every method", arguments: 0..<60)
    func totals(seed: Int) throws {
        var rng = TestRandom(seed: 93_000 + seed)
        let schools = (0..<rng.int(1, 15)).map { k in
            let graduates = rng.int(0, 400)
            return JuniorGraduates(schoolCode: "J\(k)", schoolName: "初中\(k)", graduates: graduates,
                                   eligible: rng.int(0, graduates), rural: rng.int(0, 1) == 0)
        }
        guard schools.contains(where: { $0.eligible > 0 }) else { return }
        let quotas = (0..<rng.int(1, 4)).map { h in
            HighSchoolQuota(highSchool: "高中\(h)", year: 2026, totalPlaces: rng.int(0, 600), allocatedShare: rng.uniform(0.5, 1),
                            minimumPerSchool: rng.int(0, 2) == 0 ? 1 : nil, ruralWeight: rng.int(0, 1) == 0 ? rng.uniform(0, 0.5) : nil)
        }
        for method in ApportionmentMethod.allCases {
            let rules = QuotaRules(method: method, groupSmallSchools: seed % 2 == 0)
            let allocation: QuotaAllocation
            do {
                allocation = try QuotaAllocation.allocate(quotas, among: schools, rules: rules)
            } catch {
                // Only the minimums can make a quota impossible: one place each for more schools than places.
                #expect(quotas.contains { ($0.minimumPerSchool ?? 0) * schools.count > $0.allocatedPlaces }, "seed \(seed) \(method): \(error)")
                continue
            }
            for plan in allocation.plans {
                #expect(plan.lines.reduce(0) { $0 + $1.places } == plan.allocated, "seed \(seed) \(method)")
                #expect(plan.lines.allSatisfy { $0.places >= (plan.quota.minimumPerSchool ?? 0) })
                #expect(Double(plan.allocated) >= plan.quota.allocatedShare * Double(plan.quota.totalPlaces) - 1e-9)
            }
            #expect(allocation.allocatedShare.map { $0 >= 0.5 - 1e-12 } ?? true)
        }
    }
}
