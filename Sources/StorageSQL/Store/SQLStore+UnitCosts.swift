import Domain
import Foundation
import Storage

extension SQLStore: UnitCostStore {
    /// A county's prices, in key order.
    public func unitCostPrices(county: String) async throws -> [UnitCostPrice] {
        try await reading { try await $0.unitCostPrices(county: county) }
    }

    /// Compares with the stored prices, writes the changes and their trail entries in one
    /// exclusive transaction (so two editors' changes are recorded against what each replaced).
    public func replaceUnitCostPrices(county: String, with prices: [UnitCostPrice], by account: Account, at time: Date) async throws
        -> [UnitCostChange]
    {
        try await writing { session in
            let changes = UnitCostChange.between(try await session.unitCostPrices(county: county), prices)
            guard !changes.isEmpty else { return [] }
            try await session.applyUnitCostChanges(changes, county: county)
            try await session.appendAudit(changes.map { $0.auditEntry(county: county, by: account, at: time) })
            return changes
        }
    }

    /// A county's purchase units and yearly capacities, in key order.
    public func purchaseSettings(county: String) async throws -> [PurchaseSetting] {
        try await reading { try await $0.purchaseSettings(county: county) }
    }

    /// Compares the prices and the settings with the stored ones, writes the changes and their
    /// trail entries in one exclusive transaction.
    public func replaceUnitCosts(county: String, with own: CountyUnitCosts, by account: Account, at time: Date) async throws
        -> UnitCostChanges
    {
        try await writing { session in
            let stored = CountyUnitCosts(prices: try await session.unitCostPrices(county: county),
                                         settings: try await session.purchaseSettings(county: county))
            let changes = UnitCostChanges.between(stored, own)
            guard changes.count > 0 else { return changes }
            try await session.applyUnitCostChanges(changes.prices, county: county)
            try await session.applyPurchaseSettingChanges(changes.settings, settings: own.settings, county: county)
            try await session.appendAudit(changes.auditEntries(county: county, by: account, at: time))
            return changes
        }
    }
}
