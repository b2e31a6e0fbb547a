import Domain

/// Reads a costs file (单位成本: `item, unit, unit_cost[, locality]`, or 项目, 单位, 单价,
/// 城乡类型) into the prices a plan uses, or refuses it with every problem listed.
///
/// ```swift
/// let costs = try UnitCostsReader().read(bytes, file: "costs.csv").costs
/// let plan = try InvestmentPlanner(standard: standard, costs: costs).plan(schools)
/// ```
///
/// - item: a ``Resource`` raw value (`teaching_area`) or its Chinese name
///   (教学及辅助用房面积, see ``UnitCosts/chineseName(of:)``);
/// - unit: the unit the item is priced in (``UnitCosts/unit(of:)``: m², 元, 间, 人·年, 台,
///   册) or an alias of it (`m2`, `平方米`, `yuan`, `人年` …); another unit is refused with
///   the expected one named;
/// - unit_cost: yuan per unit, a number not below 0;
/// - locality: blank for the whole county, or 城区/镇区/乡村 (`urban`/`town`/`rural`) for
///   schools there. An item may be priced once county-wide and once per locality.
/// - purchase_unit (购置单位), optional: the step the item is bought in, in its unit (e.g.
///   `10` m², `1000` 元); above 0, at most 10⁸, a whole number for rooms, teachers,
///   computers and books, the same on every row of the item; blank keeps
///   ``UnitCosts/defaultPurchaseUnit(of:)`` (1 m², 100 元, 1 of anything counted).
/// - yearly_capacity (每年限额), optional: the most of the item the county adds in one year
///   (teachers trained, posts granted, m² built), county-wide, the same on every row of the
///   item; 0 or more, whole for whole items; blank for no limit. The schedule respects it.
///
/// Teachers: `backbone_teachers` is priced per teacher trained and designated (人, once); the
/// other teacher items per post and year (人·年, a salary every year) — see ``PlanLever``.
///
/// Items the file does not price keep ``UnitCosts/defaults``.
public struct UnitCostsReader: Sendable {
    /// The language of error messages.
    public var language: Language

    /// A reader with messages in `language`.
    public init(language: Language = .chinese) {
        self.language = language
    }

    /// Reads the bytes of a costs file: CSV (UTF-8 with or without BOM, or GB18030) or an
    /// XLSX workbook (its first sheet, or `sheet`).
    ///
    /// - Parameters:
    ///   - file: the name used in messages, as the user gave it.
    ///   - sheet: the worksheet to read when the file is a workbook.
    /// - Returns: ``UnitCosts/defaults`` with the file's prices set, and its warnings.
    /// - Throws: ``DataFileError`` with every problem, `FILE:ROW:COLUMN: message`.
    public func read(_ bytes: [UInt8], file: String, sheet: String? = nil) throws(DataFileError) -> UnitCostsFile {
        let rows = try TableScan.file(bytes, file: file, sheet: sheet, language: language, into: CostRows())
        var costs = UnitCosts.defaults
        for row in rows.content {
            costs.set(row.resource, to: row.yuan, in: row.locality)
            if let unit = row.purchaseUnit { costs.setPurchaseUnit(row.resource, to: unit) }
            if let capacity = row.yearlyCapacity { costs.setYearlyCapacity(row.resource, to: capacity) }
        }
        return UnitCostsFile(costs, warnings: rows.warnings)
    }
}
