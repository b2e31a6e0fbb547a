import Domain
import Foundation
import Storage
import Testing

/// ``SchoolDataStore/dataRevision(county:)`` on every ``StoreKind``: it moves with every write
/// a county's pages show (rows, facts, locks), only then, and only for that county — what lets
/// a server keep a page until the data under it changes, even when another server wrote it.
@Suite("Store contract: data revisions")
struct DataRevisionContractTests {
    static let t0 = StoreContractTests.t0
    static let demo = StoreContractTests.demo
    static let counties = Set(demo.map(\.countyCode)).sorted()

    /// Runs `body` on a fresh store of `kind` holding the demo counties.
    func withImported(_ kind: StoreKind, _ body: (any Store, Account) async throws -> Void) async throws {
        try await StoreContractTests().withStore(kind) { store, admin in
            #expect(try await store.dataRevision(county: Self.counties[0]) == 0)
            _ = try await store.importData(ImportBatch(schools: Self.demo, source: "demo.csv"), by: admin, at: Self.t0)
            try await body(store, admin)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func importsMoveOnlyTheirCounties(kind: StoreKind) async throws {
        try await withImported(kind) { store, admin in
            let (a, b) = (Self.counties[0], Self.counties[1])
            let startA = try await store.dataRevision(county: a), startB = try await store.dataRevision(county: b)
            #expect(startA > 0 && startB > 0)
            var row = try #require(Self.demo.first { $0.countyCode == a && $0.year == 2025 })
            row.facilities.sportsArea = (row.facilities.sportsArea ?? 0) + 10
            _ = try await store.importData(ImportBatch(schools: [row], source: "a.csv"), by: admin, at: Self.t0)
            let afterA = try await store.dataRevision(county: a)
            #expect(afterA > startA)
            #expect(try await store.dataRevision(county: b) == startB)
            // A county fact alone is data the evaluation reads.
            let fact = CountyFact(year: 2025, countyCode: b, item: "fact", value: .number(1))
            _ = try await store.importData(ImportBatch(schools: [], facts: [fact], source: "f.csv"), by: admin, at: Self.t0)
            #expect(try await store.dataRevision(county: b) > startB)
            #expect(try await store.dataRevision(county: a) == afterA)
            #expect(try await store.dataRevision(county: "999999") == 0)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func editsAndLocksMoveItRefusedWritesDoNot(kind: StoreKind) async throws {
        try await withImported(kind) { store, admin in
            var row = try #require(Self.demo.first { $0.year == 2025 })
            let county = row.countyCode
            var revision = try await store.dataRevision(county: county)
            #expect(try await store.updateSchoolYear(row, by: admin, at: Self.t0).isEmpty)
            #expect(try await store.dataRevision(county: county) == revision, "an edit that changes nothing")
            row.schoolName = "改名"
            _ = try await store.updateSchoolYear(row, by: admin, at: Self.t0)
            #expect(try await store.dataRevision(county: county) > revision)
            revision = try await store.dataRevision(county: county)
            _ = try await store.lockYear(county: county, year: 2025, by: admin, at: Self.t0)
            #expect(try await store.dataRevision(county: county) > revision)
            revision = try await store.dataRevision(county: county)
            row.schoolName = "再改名"
            await #expect(throws: StoreError.self) { _ = try await store.updateSchoolYear(row, by: admin, at: Self.t0) }
            await #expect(throws: StoreError.self) {
                _ = try await store.importData(ImportBatch(schools: [row], source: "x.csv"), by: admin, at: Self.t0)
            }
            #expect(try await store.dataRevision(county: county) == revision, "refused writes change nothing")
            try await store.unlockYear(county: county, year: 2025, by: admin, at: Self.t0)
            #expect(try await store.dataRevision(county: county) > revision)
        }
    }
}
