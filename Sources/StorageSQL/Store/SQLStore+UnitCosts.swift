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
}
