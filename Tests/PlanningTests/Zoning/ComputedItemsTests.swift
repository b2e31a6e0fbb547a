import Domain
import Testing
@testable import Planning

@Suite("Items computed from the data (items 4, 5, 13, 15)")
struct ComputedItemsTests {
    private let items = ComputedItems(standard: try! Standard.builtIn("quality-2017"))

    private func row(_ code: String, _ type: SchoolType, primary: Int?, junior: Int? = nil, largest: Int? = 40) -> SchoolYear {
        SchoolYear(year: 2025, countyCode: "430102", schoolCode: code, schoolName: code, type: type, locality: .urban,
                   primary: StageRecord(students: primary, classes: 10, largestClass: largest),
                   junior: StageRecord(students: junior, classes: junior == nil ? nil : 10, largestClass: junior == nil ? nil : 48))
    }

    @Test("item 4: 2,000 for a primary school, 2,500 for a nine-year school's compulsory stages")
    func schoolSize() {
        let fine = items.fromSchools([row("A", .primary, primary: 2000), row("B", .nineYear, primary: 1500, junior: 1000)], county: "430102", year: 2025)
        #expect(fine.first { $0.item == ComputedItems.schoolSize }?.value == .yes)
        #expect(fine.allSatisfy { $0.source == .computed })
        let over = items.fromSchools([row("A", .primary, primary: 2001), row("B", .nineYear, primary: 1500, junior: 1000)], county: "430102", year: 2025)
        let fact = over.first { $0.item == ComputedItems.schoolSize }!
        #expect(fact.value == .no)
        #expect(fact.evidence!.contains("A（A）2001人"))
        // A school without its students leaves the item to the typed fact.
        #expect(items.fromSchools([row("A", .primary, primary: nil)], county: "430102", year: 2025).allSatisfy { $0.item != ComputedItems.schoolSize })
    }

    @Test("item 5: 45 primary, 50 junior; the enrollment file fills a row without 最大班额")
    func classSize() {
        #expect(items.fromSchools([row("A", .primary, primary: 400, largest: 45)], county: "430102", year: 2025).first { $0.item == ComputedItems.classSize }?.value == .yes)
        #expect(items.fromSchools([row("A", .primary, primary: 400, largest: 46)], county: "430102", year: 2025).first { $0.item == ComputedItems.classSize }?.value == .no)
        let unknown = [row("A", .primary, primary: 400, largest: nil)]
        #expect(items.fromSchools(unknown, county: "430102", year: 2025).allSatisfy { $0.item != ComputedItems.classSize })
        let file = [EnrollmentRecord(year: 2025, schoolCode: "A", grade: 3, students: 94, classes: 2, largestClass: 47)]
        #expect(items.fromSchools(unknown, county: "430102", year: 2025, enrollment: file).first { $0.item == ComputedItems.classSize }?.value == .no)
    }

    @Test("items 13 and 15 from today's zones when the blocks name them")
    func zones() {
        let county = ZoningCounty(seed: 11, schools: 4, blocks: 40, slack: 1.5)
        let plan = ZonePlanner(rules: .defaults).plan(stage: .primary, county: "430102", blocks: county.blocks, schools: county.schools, distances: [])
        let facts = items.fromZones([plan], year: 2025)
        let nearby = facts.first { $0.item == ComputedItems.nearbyPrimary }!
        let today = plan.current!
        #expect(nearby.value == .number(today.urbanTownNearbyShare! * 100))
        #expect(nearby.evidence!.contains("现行学区"))
        let migrant = facts.first { $0.item == ComputedItems.migrantShare }!
        #expect(migrant.value == .number(Double(today.migrantsPlaced) / Double(today.migrants) * 100))
        // Merged over typed facts: the computed one replaces the typed one of the same item.
        let typed = [CountyFact(year: 2025, countyCode: "430102", item: ComputedItems.nearbyPrimary, value: .number(100)),
                     CountyFact(year: 2025, countyCode: "430102", item: "gov_01_layout", value: .yes)]
        let merged = CountyFact.merging(recorded: typed, computed: facts)
        #expect(merged.filter { $0.item == ComputedItems.nearbyPrimary }.map(\.source) == [.computed])
        #expect(merged.contains { $0.item == "gov_01_layout" && $0.source == .recorded })
    }
}
