/// What a county keeps as its own unit costs (本县单位成本) — the rows of a costs file as the
/// web app stores them: its prices (``UnitCostPrice``, by item and 城乡类型) and its items'
/// purchase units and yearly capacities (``PurchaseSetting``). Whatever it does not set takes
/// ``UnitCosts/defaults``.
///
/// ```swift
/// let costs = UnitCosts.defaults.setting(own)   // what the costs file's reader answers for the same file
/// ```
public struct CountyUnitCosts: Sendable, Hashable {
    /// The prices set.
    public var prices: [UnitCostPrice]
    /// The purchase units and yearly capacities set.
    public var settings: [PurchaseSetting]

    public init(prices: [UnitCostPrice] = [], settings: [PurchaseSetting] = []) {
        self.prices = prices
        self.settings = settings
    }
}

extension UnitCosts {
    /// These costs with a county's own prices and settings applied.
    public func setting(_ own: CountyUnitCosts) -> UnitCosts {
        setting(own.prices).setting(own.settings)
    }
}
