import Foundation
import Storage
import Testing

/// What every ``PublicationStore`` promises: a published document reads back exactly, publishing
/// again replaces it, withdrawing removes it, each recorded in the trail; an empty document is
/// refused and changes nothing.
@Suite("Publication store contract")
struct PublicationContractTests {
    static let t0 = Date(timeIntervalSince1970: 1_798_736_400)

    @Test(arguments: StoreKind.allCases)
    func publishAgainAndWithdraw(kind: StoreKind) async throws {
        let (store, close) = try await kind.makeStore()
        do {
            let planner = try await store.createAccount(
                NewAccount(name: "李规划", role: .planner, counties: ["341102"], passwordHash: "$2b$04$x"), at: Self.t0)
            let report = PublishedReport(countyCode: "341102", year: 2025, title: "某县 2025", publishedAt: Self.t0, accountName: planner.name)
            #expect(try await store.publishedDocument(county: "341102", year: 2025) == nil)
            try await store.publish(report, document: "<html>一</html>", by: planner)
            var later = report
            later.publishedAt = Self.t0.addingTimeInterval(60)
            later.title = "某县 2025（修订）"
            try await store.publish(later, document: "<html>二 🏫</html>", by: planner)
            try await store.publish(PublishedReport(countyCode: "341101", year: 2024, title: "另一县", publishedAt: Self.t0, accountName: planner.name),
                                    document: "<p>x</p>", by: planner)
            #expect(try await store.publishedDocument(county: "341102", year: 2025) == "<html>二 🏫</html>")
            #expect(try await store.publishedReports(counties: nil) == [
                PublishedReport(countyCode: "341101", year: 2024, title: "另一县", publishedAt: Self.t0, accountName: planner.name), later,
            ])
            #expect(try await store.publishedReports(counties: ["341102"]) == [later])
            await #expect(throws: StoreError.self) { try await store.publish(report, document: "", by: planner) }
            #expect(try await store.unpublish(county: "341102", year: 2025, by: planner, at: Self.t0))
            #expect(try await !store.unpublish(county: "341102", year: 2025, by: planner, at: Self.t0))
            #expect(try await store.publishedDocument(county: "341102", year: 2025) == nil)
            let trail = try await store.auditTrail(AuditQuery(counties: ["341102"])).entries.map(\.action)
            #expect(trail == [.unpublish, .publish, .publish])
        } catch {
            try await close()
            throw error
        }
        try await close()
    }
}
