extension Migration {
    /// Version 5: each county's purchase units and yearly capacities (购置单位, 每年限额,
    /// ``Storage/UnitCostStore/purchaseSettings(county:)``): one row per county and item,
    /// each setting NULL when the county set none (the default purchase unit, no yearly limit).
    ///
    /// A row with both NULL is never written (the store deletes it); the checks keep the
    /// bounds of ``Domain/PurchaseSetting`` (10⁸ = ``Domain/UnitCosts/maximumPurchaseUnit``)
    /// — wholeness depends on the item and is the domain's to check.
    static let purchaseSettings = Migration(version: 5, summary: "purchase units and yearly capacities of each county") { flavor in
        let text = flavor.text, double = flavor.double
        return [
            """
            CREATE TABLE \(Tables.purchaseSettings) (
              county_code \(text) NOT NULL,
              resource \(text) NOT NULL,
              purchase_unit \(double) CHECK (purchase_unit > 0 AND purchase_unit <= 100000000),
              yearly_capacity \(double) CHECK (yearly_capacity >= 0 AND yearly_capacity <= 100000000),
              CHECK (purchase_unit IS NOT NULL OR yearly_capacity IS NOT NULL),
              PRIMARY KEY (county_code, resource)
            )
            """,
        ]
    }
}
