import Domain
import Foundation
import Storage
import Testing

/// What every ``UnitCostStore`` promises for purchase units and yearly capacities (memory,
/// SQLite, PostgreSQL): they read back exactly and in key order, a replacement writes only
/// what changed together with the prices and records each change (field
/// `purchase_unit:RESOURCE` / `yearly_capacity:RESOURCE`, old → new), clearing works, other
/// counties keep theirs; the bounds are the domain's (``PurchaseSetting/violation``).
@Suite("Purchase setting store contract")
struct PurchaseSettingContractTests {
    static let t0 = UnitCostContractTests.t0
    static let county = UnitCostContractTests.county, other = UnitCostContractTests.other

    @Test(arguments: StoreKind.allCases)
    func settingsReadBackInKeyOrderAndEachChangeIsAudited(kind: StoreKind) async throws {
        try await UnitCostContractTests().withStore(kind) { store, planner in
            #expect(try await store.purchaseSettings(county: Self.county).isEmpty)
            let settings = [
                PurchaseSetting(.books, .purchaseUnit, 50),
                PurchaseSetting(.backboneTeachers, .yearlyCapacity, 0),
                PurchaseSetting(.teachingArea, .yearlyCapacity, 12_345.5),
                PurchaseSetting(.teachingArea, .purchaseUnit, UnitCosts.maximumPurchaseUnit),
            ]
            let own = CountyUnitCosts(prices: [UnitCostPrice(.books, yuan: 28)], settings: settings)
            let changes = try await store.replaceUnitCosts(county: Self.county, with: own, by: planner, at: Self.t0)
            let ordered = settings.sorted { $0.key < $1.key }
            #expect(ordered.map(\.key) == [
                .init(resource: .backboneTeachers, kind: .yearlyCapacity),
                .init(resource: .teachingArea, kind: .purchaseUnit), .init(resource: .teachingArea, kind: .yearlyCapacity),
                .init(resource: .books, kind: .purchaseUnit),
            ])
            #expect(changes.prices == [UnitCostChange(key: .init(resource: .books, locality: nil), old: nil, new: 28)])
            #expect(changes.settings == ordered.map { PurchaseSettingChange(key: $0.key, old: nil, new: $0.amount) })
            #expect(changes.count == 5)
            #expect(try await store.purchaseSettings(county: Self.county) == ordered)
            #expect(try await store.countyUnitCosts(county: Self.county) == CountyUnitCosts(prices: own.prices, settings: ordered))
            #expect(try await store.purchaseSettings(county: Self.other).isEmpty)

            let trail = try await store.auditTrail(AuditQuery(counties: [Self.county])).entries
            #expect(trail.count == 5)
            #expect(trail.allSatisfy { $0.action == .unitCost && $0.accountName == "李规划" && $0.at == Self.t0 && $0.year == 2027 })
            #expect(Set(trail.map { [$0.field ?? "", $0.oldValue ?? "-", $0.newValue ?? "-"] }) == [
                ["unit_cost:books", "-", "28"], ["purchase_unit:books", "-", "50"], ["yearly_capacity:backbone_teachers", "-", "0"],
                ["yearly_capacity:teaching_area", "-", "12345.5"], ["purchase_unit:teaching_area", "-", "100000000"],
            ])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aReplacementChangesClearsAndKeepsOtherCounties(kind: StoreKind) async throws {
        try await UnitCostContractTests().withStore(kind) { store, planner in
            let first = [PurchaseSetting(.computers, .purchaseUnit, 10), PurchaseSetting(.computers, .yearlyCapacity, 200),
                         PurchaseSetting(.teachers, .yearlyCapacity, 30)]
            _ = try await store.replaceUnitCosts(county: Self.county, with: CountyUnitCosts(settings: first), by: planner, at: Self.t0)
            _ = try await store.replaceUnitCosts(county: Self.other, with: CountyUnitCosts(settings: first), by: planner, at: Self.t0)
            // The same again: nothing changes, nothing is recorded.
            #expect(try await store.replaceUnitCosts(county: Self.county, with: CountyUnitCosts(settings: first.reversed()), by: planner, at: Self.t0).count == 0)
            #expect(try await store.auditTrail(AuditQuery()).total == 6)
            // Prices alone leave the settings as they are.
            _ = try await store.replaceUnitCostPrices(county: Self.county, with: [UnitCostPrice(.computers, yuan: 5_500)], by: planner, at: Self.t0)
            #expect(try await store.purchaseSettings(county: Self.county) == first.sorted { $0.key < $1.key })

            let later = Self.t0.addingTimeInterval(60)
            // One item loses its purchase unit but keeps its capacity (a row with one NULL),
            // another loses its only setting (no row), a third gains one.
            let second = [PurchaseSetting(.computers, .yearlyCapacity, 150), PurchaseSetting(.sportsArea, .purchaseUnit, 0.5)]
            let changes = try await store.replaceUnitCosts(
                county: Self.county, with: CountyUnitCosts(prices: [UnitCostPrice(.computers, yuan: 5_500)], settings: second), by: planner, at: later)
            #expect(changes.prices.isEmpty)
            #expect(changes.settings == [
                PurchaseSettingChange(key: .init(resource: .teachers, kind: .yearlyCapacity), old: 30, new: nil),
                PurchaseSettingChange(key: .init(resource: .sportsArea, kind: .purchaseUnit), old: nil, new: 0.5),
                PurchaseSettingChange(key: .init(resource: .computers, kind: .purchaseUnit), old: 10, new: nil),
                PurchaseSettingChange(key: .init(resource: .computers, kind: .yearlyCapacity), old: 200, new: 150),
            ])
            #expect(try await store.purchaseSettings(county: Self.county) == second.sorted { $0.key < $1.key })
            #expect(try await store.purchaseSettings(county: Self.other) == first.sorted { $0.key < $1.key })
            let recorded = try await store.auditTrail(AuditQuery(counties: [Self.county], limit: 4)).entries
            #expect(recorded.allSatisfy { $0.at == later })
            #expect(Set(recorded.map { [$0.field ?? "", $0.oldValue ?? "-", $0.newValue ?? "-"] }) == [
                ["yearly_capacity:teachers", "30", "-"], ["purchase_unit:sports_area", "-", "0.5"],
                ["purchase_unit:computers", "10", "-"], ["yearly_capacity:computers", "200", "150"],
            ])

            // Clearing everything: the defaults apply again, the prices go too.
            #expect(try await store.replaceUnitCosts(county: Self.county, with: CountyUnitCosts(), by: planner, at: later).count == 3)
            #expect(try await store.countyUnitCosts(county: Self.county) == CountyUnitCosts())
            #expect(try await store.purchaseSettings(county: Self.other).count == 3)
        }
    }

    @Test func boundsAreTheCostsFilesRules() {
        #expect(PurchaseSetting(.teachingArea, .purchaseUnit, 0).violation == .purchaseUnitNotPositive)
        #expect(PurchaseSetting(.teachingArea, .purchaseUnit, -1).violation == .purchaseUnitNotPositive)
        #expect(PurchaseSetting(.teachingArea, .purchaseUnit, .nan).violation == .purchaseUnitNotPositive)
        #expect(PurchaseSetting(.teachingArea, .purchaseUnit, 1e8 + 1).violation == .purchaseUnitTooLarge(1e8 + 1))
        #expect(PurchaseSetting(.teachingArea, .purchaseUnit, .infinity).violation == .purchaseUnitTooLarge(.infinity))
        #expect(PurchaseSetting(.teachingArea, .purchaseUnit, 0.5).isValid)
        #expect(PurchaseSetting(.books, .purchaseUnit, 2.5).violation == .purchaseUnitNotWhole(2.5, .books))
        #expect(PurchaseSetting(.computers, .purchaseUnit, 2.5).violation == .purchaseUnitNotWhole(2.5, .computers))
        #expect(PurchaseSetting(.teachingArea, .yearlyCapacity, 0).isValid, "0: none may be added")
        #expect(PurchaseSetting(.teachingArea, .yearlyCapacity, -0.5).violation == .capacityNegative)
        #expect(PurchaseSetting(.teachingArea, .yearlyCapacity, 1e8 + 1).violation == .capacityTooLarge(1e8 + 1))
        #expect(PurchaseSetting(.backboneTeachers, .yearlyCapacity, 1.5).violation == .capacityNotWhole(1.5, .backboneTeachers))
        #expect(PurchaseSetting(.sportsArea, .yearlyCapacity, 1.5).isValid)
        #expect(PurchaseSetting(.books, .purchaseUnit, 2.5).violation?.message(in: .chinese) == "图书按整数购置，购置单位不能是2.5")
    }

    @Test func trailFieldsNameTheirSetting() {
        for key in PurchaseSetting.Key.all {
            #expect(PurchaseSettingChange.key(ofField: PurchaseSettingChange.field(of: key)) == key)
            #expect(UnitCostChange.key(ofField: PurchaseSettingChange.field(of: key)) == nil, "not read as a price")
        }
        #expect(PurchaseSetting.Key.all == PurchaseSetting.Key.all.sorted())
        #expect(PurchaseSettingChange.field(of: .init(resource: .backboneTeachers, kind: .yearlyCapacity)) == "yearly_capacity:backbone_teachers")
        #expect(PurchaseSettingChange.key(ofField: "unit_cost:books") == nil)
        #expect(PurchaseSettingChange.key(ofField: "purchase_unit:books:rural") == nil)
        #expect(PurchaseSettingChange.key(ofField: "purchase_unit:nothing") == nil)
    }

    @Test func settingsCostLikeTheCostsFile() {
        let costs = UnitCosts.defaults.setting([
            PurchaseSetting(.teachingArea, .purchaseUnit, 10), PurchaseSetting(.backboneTeachers, .yearlyCapacity, 12),
            PurchaseSetting(.equipmentValue, .purchaseUnit, 100),
        ])
        #expect(costs.purchaseUnit(of: .teachingArea) == 10)
        #expect(costs.yearlyCapacity(of: .backboneTeachers) == 12)
        #expect(costs.yearlyCapacity(of: .teachers) == nil)
        #expect(costs.purchaseUnits[.equipmentValue] == nil, "the default is not kept as a setting")
    }
}
