import Domain
import Foundation

extension InMemoryStore: UnitCostStore {
    public func unitCostPrices(county: String) -> [UnitCostPrice] {
        (unitCosts[county] ?? [:]).map { UnitCostPrice($0.key.resource, in: $0.key.locality, yuan: $0.value) }.sorted { $0.key < $1.key }
    }

    public func replaceUnitCostPrices(county: String, with prices: [UnitCostPrice], by account: Account, at time: Date) -> [UnitCostChange] {
        let changes = UnitCostChange.between(unitCostPrices(county: county), prices)
        guard !changes.isEmpty else { return [] }
        unitCosts[county] = Dictionary(prices.map { ($0.key, $0.yuan) }, uniquingKeysWith: { _, later in later })
        for change in changes { append(change.auditEntry(county: county, by: account, at: time)) }
        return changes
    }
}
