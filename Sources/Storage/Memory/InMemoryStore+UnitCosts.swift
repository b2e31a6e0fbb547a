import Domain
import Foundation

extension InMemoryStore: UnitCostStore {
    public func unitCostPrices(county: String) -> [UnitCostPrice] {
        (unitCosts[county] ?? [:]).map { UnitCostPrice($0.key.resource, in: $0.key.locality, yuan: $0.value) }.sorted { $0.key < $1.key }
    }

    public func replaceUnitCostPrices(county: String, with prices: [UnitCostPrice], by account: Account, at time: Date) -> [UnitCostChange] {
        replaceUnitCosts(county: county, with: CountyUnitCosts(prices: prices, settings: purchaseSettings(county: county)), by: account, at: time)
            .prices
    }

    public func purchaseSettings(county: String) -> [PurchaseSetting] {
        (purchaseSettingsByCounty[county] ?? [:]).map { PurchaseSetting($0.key.resource, $0.key.kind, $0.value) }.sorted { $0.key < $1.key }
    }

    public func replaceUnitCosts(county: String, with own: CountyUnitCosts, by account: Account, at time: Date) -> UnitCostChanges {
        let changes = UnitCostChanges.between(ownUnitCosts(county: county), own)
        guard changes.count > 0 else { return changes }
        unitCosts[county] = Dictionary(own.prices.map { ($0.key, $0.yuan) }, uniquingKeysWith: { _, later in later })
        purchaseSettingsByCounty[county] = Dictionary(own.settings.map { ($0.key, $0.amount) }, uniquingKeysWith: { _, later in later })
        for entry in changes.auditEntries(county: county, by: account, at: time) { append(entry) }
        return changes
    }

    /// The county's prices and settings (no suspension point: one actor turn).
    func ownUnitCosts(county: String) -> CountyUnitCosts {
        CountyUnitCosts(prices: unitCostPrices(county: county), settings: purchaseSettings(county: county))
    }
}
