import Domain
import Foundation
import Storage
import Testing

/// What every ``UnitCostStore`` promises (memory, SQLite, PostgreSQL): a county's prices read
/// back exactly and in key order, a replacement writes only what changed and records each
/// change (who, when, old → new) in the trail, other counties keep theirs, and a year lock
/// does not freeze prices.
@Suite("Unit cost store contract")
struct UnitCostContractTests {
    /// 2026-12-31 17:00 UTC: already 2027 in Beijing.
    static let t0 = Date(timeIntervalSince1970: 1_798_736_400)
    static let county = "341170", other = "341171"

    func withStore(_ kind: StoreKind, _ body: (any Store, Account) async throws -> Void) async throws {
        let (store, close) = try await kind.makeStore()
        do {
            let planner = try await store.createAccount(
                NewAccount(name: "李规划", role: .planner, counties: [Self.county], passwordHash: "$2b$04$x"), at: Self.t0)
            try await body(store, planner)
        } catch {
            try await close()
            throw error
        }
        try await close()
    }

    @Test(arguments: StoreKind.allCases)
    func pricesReadBackExactlyInKeyOrderAndEachChangeIsAudited(kind: StoreKind) async throws {
        try await withStore(kind) { store, planner in
            #expect(try await store.unitCostPrices(county: Self.county).isEmpty)
            let prices = [
                UnitCostPrice(.books, yuan: 0),
                UnitCostPrice(.teachingArea, in: .rural, yuan: 3_812.345678),
                UnitCostPrice(.teachingArea, yuan: 4_200),
                UnitCostPrice(.teachers, yuan: UnitCostPrice.maximumYuan),
            ]
            let changes = try await store.replaceUnitCostPrices(county: Self.county, with: prices, by: planner, at: Self.t0)
            let ordered = prices.sorted { $0.key < $1.key }
            #expect(ordered.map(\.resource) == [.teachers, .teachingArea, .teachingArea, .books])
            #expect(changes == ordered.map { UnitCostChange(key: $0.key, old: nil, new: $0.yuan) })
            #expect(try await store.unitCostPrices(county: Self.county) == ordered)
            #expect(try await store.unitCostPrices(county: Self.other).isEmpty)

            let trail = try await store.auditTrail(AuditQuery(counties: [Self.county])).entries
            #expect(trail.count == 4)
            #expect(trail.allSatisfy { $0.action == .unitCost && $0.accountName == "李规划" && $0.at == Self.t0 && $0.countyCode == Self.county })
            #expect(trail.allSatisfy { $0.year == 2027 }, "the year of the change in Beijing")
            #expect(Set(trail.map(\.field)) == ["unit_cost:teachers", "unit_cost:teaching_area", "unit_cost:teaching_area:rural", "unit_cost:books"])
            let rural = try #require(trail.first { $0.field == "unit_cost:teaching_area:rural" })
            #expect(rural.oldValue == nil && rural.newValue == "3812.346")
            #expect(try await store.auditTrail(AuditQuery(year: 2027)).total == 4)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aReplacementWritesAndRecordsOnlyWhatChanged(kind: StoreKind) async throws {
        try await withStore(kind) { store, planner in
            let first = [UnitCostPrice(.teachingArea, yuan: 4_200), UnitCostPrice(.computers, yuan: 5_500), UnitCostPrice(.books, in: .town, yuan: 25)]
            _ = try await store.replaceUnitCostPrices(county: Self.county, with: first, by: planner, at: Self.t0)
            _ = try await store.replaceUnitCostPrices(county: Self.other, with: first, by: planner, at: Self.t0)
            // Same prices again: nothing changes, nothing is recorded.
            #expect(try await store.replaceUnitCostPrices(county: Self.county, with: first.reversed(), by: planner, at: Self.t0).isEmpty)
            #expect(try await store.auditTrail(AuditQuery()).total == 6)

            let later = Self.t0.addingTimeInterval(60)
            let second = [UnitCostPrice(.teachingArea, yuan: 4_000), UnitCostPrice(.books, in: .town, yuan: 25), UnitCostPrice(.sportsArea, in: .urban, yuan: 280)]
            let changes = try await store.replaceUnitCostPrices(county: Self.county, with: second, by: planner, at: later)
            #expect(changes == [
                UnitCostChange(key: .init(resource: .teachingArea, locality: nil), old: 4_200, new: 4_000),
                UnitCostChange(key: .init(resource: .sportsArea, locality: .urban), old: nil, new: 280),
                UnitCostChange(key: .init(resource: .computers, locality: nil), old: 5_500, new: nil),
            ])
            #expect(try await store.unitCostPrices(county: Self.county) == second.sorted { $0.key < $1.key })
            #expect(try await store.unitCostPrices(county: Self.other) == first.sorted { $0.key < $1.key })
            let recorded = try await store.auditTrail(AuditQuery(counties: [Self.county], limit: 3)).entries
            #expect(recorded.allSatisfy { $0.at == later })
            #expect(Set(recorded.map { [$0.field ?? "", $0.oldValue ?? "-", $0.newValue ?? "-"] }) == [
                ["unit_cost:teaching_area", "4200", "4000"], ["unit_cost:sports_area:urban", "-", "280"], ["unit_cost:computers", "5500", "-"],
            ])

            // Removing every price: the defaults apply again.
            #expect(try await store.replaceUnitCostPrices(county: Self.county, with: [], by: planner, at: later).count == 3)
            #expect(try await store.unitCostPrices(county: Self.county).isEmpty)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aYearLockDoesNotFreezePrices(kind: StoreKind) async throws {
        try await withStore(kind) { store, planner in
            _ = try await store.lockYear(county: Self.county, year: 2025, by: planner, at: Self.t0)
            let revision = try await store.dataRevision(county: Self.county)
            _ = try await store.replaceUnitCostPrices(county: Self.county, with: [UnitCostPrice(.books, yuan: 28)], by: planner, at: Self.t0)
            #expect(try await store.unitCostPrices(county: Self.county) == [UnitCostPrice(.books, yuan: 28)])
            #expect(try await store.dataRevision(county: Self.county) == revision, "no cached page shows prices")
        }
    }

    @Test func trailFieldsNameTheirPrice() {
        for key in UnitCostPrice.Key.all {
            #expect(UnitCostChange.key(ofField: UnitCostChange.field(of: key)) == key)
        }
        #expect(UnitCostPrice.Key.all.count == Resource.allCases.count * 4)
        #expect(UnitCostPrice.Key.all == UnitCostPrice.Key.all.sorted())
        #expect(UnitCostChange.key(ofField: "teaching_area") == nil)
        #expect(UnitCostChange.key(ofField: "unit_cost:teaching_area:moon") == nil)
        #expect(UnitCostChange.key(ofField: "unit_cost:nothing") == nil)
    }
}
