import Domain

/// Reads a budget file (年度预算: `year, budget`, or 年度, 预算) into the yearly budgets a
/// plan is scheduled over, or refuses it with every problem listed.
///
/// ```swift
/// let budgets = try BudgetReader().read(bytes, file: "budget.csv").budgets
/// let schedule = try BudgetSchedule(plan: plan, budgets: budgets, standard: standard, schools: schools)
/// ```
///
/// - year: a whole number from 2000 to 2100, each year once;
/// - budget: yuan that year, a number above 0.
public struct BudgetReader: Sendable {
    /// The language of error messages.
    public var language: Language

    /// A reader with messages in `language`.
    public init(language: Language = .chinese) {
        self.language = language
    }

    /// Reads the bytes of a budget file: CSV (UTF-8 with or without BOM, or GB18030) or an
    /// XLSX workbook (its first sheet, or `sheet`).
    ///
    /// - Parameters:
    ///   - file: the name used in messages, as the user gave it.
    ///   - sheet: the worksheet to read when the file is a workbook.
    /// - Returns: the budgets in file order, and the file's warnings.
    /// - Throws: ``DataFileError`` with every problem, `FILE:ROW:COLUMN: message`.
    public func read(_ bytes: [UInt8], file: String, sheet: String? = nil) throws(DataFileError) -> BudgetFile {
        try TableScan.file(bytes, file: file, sheet: sheet, language: language, into: BudgetRows())
    }
}
