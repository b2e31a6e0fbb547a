import Demo
import Domain
import Testing
@testable import Planning

/// On demo counties the items computed from the rows agree with the facts the demo types from
/// the same rows (its own, separate reckoning of rooms, small schools, special schools and
/// training funds), and the funding formula's need is what the rows' pupils make by hand.
@Suite struct FundingDemoTests {
    @Test func computedItemsAgreeWithTheDemosFacts() {
        let standard = try! Standard.builtIn("quality-2017")
        let data = DemoGenerator(seed: 1, counties: 40, year: 2025).generate()
        let items = ComputedItems(standard: standard)
        let typed = Dictionary(data.facts.map { ("\($0.countyCode) \($0.item)", $0.value) }, uniquingKeysWith: { a, _ in a })
        var compared = 0
        for county in data.counties {
            for fact in items.fromFunding(data.schools, county: county.code, year: 2025) {
                compared += 1
                let want = typed["\(county.code) \(fact.item)"]
                switch (fact.value, want) {
                case let (.number(got), .number(expected)?): #expect(abs(got - expected) < 0.5, "\(county.code) \(fact.item)")
                default: #expect(fact.value == want, "\(county.code) \(fact.item): \(fact.evidence ?? "")")
                }
            }
        }
        #expect(compared >= 3 * 40)

        // The need by hand for the first county: 600 per primary pupil, 800 per junior pupil
        // (随班就读 ones at 6,000), +200 per boarder, special schools at 6,000, the floor at 100.
        let rows = data.schools.filter { $0.countyCode == data.counties[0].code }
        var need = 0.0
        for row in rows {
            let p = row.primary.students ?? 0, j = row.junior.students ?? 0
            guard p + j > 0 || FundingAllocation.floorApplies(to: row) else { continue }
            if row.type == .special { need += Double(p + j) * 6_000; continue }
            let special = min(row.specialPupils ?? 0, p + j)
            let average = p + j > 0 ? (Double(p) * 600 + Double(j) * 800) / Double(p + j) : 600
            need += Double(p + j - special) * average + Double(special) * 6_000 + Double(min(row.boarders ?? 0, p + j)) * 200
            if FundingAllocation.floorApplies(to: row), p + j < 100 { need += Double(100 - p - j) * 600 }
        }
        let allocation = FundingAllocation.allocate(rows, rules: .defaults)
        #expect(abs(allocation.need - need) < 1e-6 * need)
        #expect(allocation.schools.contains { $0.atFloor } && allocation.schools.contains { $0.boarding > 0 } && allocation.schools.contains { $0.specialEducation > 0 })
    }
}
