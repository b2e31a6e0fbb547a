import Domain

extension UnitCostsReader {
    /// The prices a costs file sets, one per row in file order — what a county keeps as its
    /// own unit costs (``UnitCostPrice``) — under the checks of ``read(_:file:sheet:)``, and
    /// each price at most ``Domain/UnitCostPrice/maximumYuan``.
    ///
    /// ```swift
    /// let prices = try UnitCostsReader().prices(bytes, file: "costs.csv").content
    /// let costs = UnitCosts.defaults.setting(prices)   // what read(_:file:) answers
    /// ```
    ///
    /// - Throws: ``DataFileError`` with every problem.
    public func prices(_ bytes: [UInt8], file: String, sheet: String? = nil) throws(DataFileError) -> DataFile<[UnitCostPrice]> {
        let own = try countyCosts(bytes, file: file, sheet: sheet)
        return DataFile(own.content.prices, warnings: own.warnings)
    }

    /// Everything a costs file sets, as a county keeps it: the prices of ``prices(_:file:sheet:)``
    /// and each item's purchase unit and yearly capacity (once per item, in item order; an item
    /// whose cells are blank has none). `UnitCosts.defaults.setting(own)` equals
    /// ``read(_:file:sheet:)``'s costs, so a plan costed either way is the same.
    ///
    /// - Throws: ``DataFileError`` with every problem.
    public func countyCosts(_ bytes: [UInt8], file: String, sheet: String? = nil) throws(DataFileError) -> DataFile<CountyUnitCosts> {
        let rows = try TableScan.file(bytes, file: file, sheet: sheet, language: language, into: CostRows())
        var settings: [PurchaseSetting.Key: Double] = [:]
        for row in rows.content {
            if let unit = row.purchaseUnit { settings[PurchaseSetting.Key(resource: row.resource, kind: .purchaseUnit)] = unit }
            if let capacity = row.yearlyCapacity { settings[PurchaseSetting.Key(resource: row.resource, kind: .yearlyCapacity)] = capacity }
        }
        let prices = rows.content.map { UnitCostPrice($0.resource, in: $0.locality, yuan: $0.yuan) }
        let excessive = prices.filter { !$0.isValid }.map { price in
            RowError(file: file, row: 0, column: CostColumn.unitCost.key, message: language.pick(
                "\(price.resource.chineseName)的单价 \(Decimals.compact(price.yuan)) 元超过 10 亿元，请检查",
                "\(price.resource.englishName): the price \(Decimals.compact(price.yuan)) yuan exceeds 1 billion; check it"))
        }
        guard excessive.isEmpty else { throw DataFileError(errors: excessive, warnings: rows.warnings) }
        let own = CountyUnitCosts(prices: prices, settings: settings.keys.sorted().map { PurchaseSetting($0.resource, $0.kind, settings[$0]!) })
        return DataFile(own, warnings: rows.warnings)
    }
}
