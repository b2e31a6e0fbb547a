import Foundation
import Storage
import Testing

/// What every ``PlanAdoptionStore`` promises: each adoption is the next version of its county,
/// kind and year, reads back with its items, and is in the trail; an empty plan is refused.
@Suite("Plan adoption store contract")
struct PlanAdoptionContractTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    @Test(arguments: StoreKind.allCases)
    func adoptionsAreVersioned(kind: StoreKind) async throws {
        let (store, close) = try await kind.makeStore()
        do {
            let planner = try await store.createAccount(NewAccount(name: "李规划", role: .planner, counties: ["341102"], passwordHash: "$2b$04$x"), at: Self.t0)
            let items = [AdoptedPlan.Item(key: "3411020001/teaching_area", text: "某小学：教学及辅助用房 320 m²，96 万元", schoolCode: "3411020001"),
                         AdoptedPlan.Item(key: "3411020002/computers", text: "某中学：计算机 40 台", schoolCode: nil)]
            let draft = AdoptedPlan(countyCode: "341102", year: 2025, kind: .investment, version: 0, title: "2025 年度资源配置达标投入方案",
                                    adoptedBy: planner.name, adoptedAt: Self.t0, items: items)
            let first = try await store.adoptPlan(draft, by: planner)
            let second = try await store.adoptPlan(draft, by: planner)
            var rotation = draft
            rotation.kind = .rotation
            let other = try await store.adoptPlan(rotation, by: planner)
            #expect(first.version == 1 && second.version == 2 && other.version == 1)
            await #expect(throws: StoreError.self) {
                var empty = draft
                empty.items = []
                _ = try await store.adoptPlan(empty, by: planner)
            }
            #expect(try await store.adoptedPlans(county: "341102") == [first, second, other])
            #expect(try await store.adoptedPlans(county: "341101").isEmpty)
            #expect(first.ledgerKey(of: items[0]) == "plan:investment:2025:v1:3411020001/teaching_area")
            let trail = try await store.auditTrail(AuditQuery(counties: ["341102"])).entries
            #expect(trail.map(\.action) == [.adoptPlan, .adoptPlan, .adoptPlan] && trail.last?.newValue?.hasPrefix("v1") == true)
        } catch {
            try await close()
            throw error
        }
        try await close()
    }
}
