import Domain
import Spreadsheet

/// The rows of a budget file as ``BudgetReader`` checks them: a whole year in 2000…2100, a
/// budget above 0, each year once.
struct BudgetRows: TableRows {
    /// Every row whose year read, for duplicates.
    private var seen = KeyedRows<Int>()

    mutating func reserve(_ rows: Int) {
        seen.reserve(rows)
    }

    mutating func read(_ scan: inout TableScan<BudgetColumn>, into budgets: inout RowValues<YearBudget>) {
        let year = scan.text(.year).flatMap { Self.year($0, &scan) }
        if let year { seen.note(year, row: scan.row) }
        if let budget = scan.decimal(.budget), budget == 0 {
            scan.error(.planFile(.budgetNotPositive), .budget)
        }
        if !scan.rowHasErrors, let year, let budget = scan.decimal(.budget) {
            budgets.append(YearBudget(year: year, budget: budget))
        }
    }

    /// The year in `text`, or `nil` with the reason recorded.
    private static func year(_ text: String, _ scan: inout TableScan<BudgetColumn>) -> Int? {
        var text = text
        switch text.withUTF8(DecimalNumber.integer) {
        case .invalid:
            scan.error(.notANumber(text), .year)
        case .fraction:
            scan.error(.notWholeNumber(text), .year)
        case let .value(year):
            guard (2000...2100).contains(year) else {
                scan.error(.planFile(.budgetYearOutOfRange(year)), .year)
                return nil
            }
            return year
        }
        return nil
    }

    mutating func append(_ next: BudgetRows, rowOffset: Int) {
        seen.append(next.seen, rowOffset: rowOffset)
    }

    /// The check across rows: one budget per year.
    func checkAcrossRows(_ scan: inout TableScan<BudgetColumn>) {
        for twice in seen.repeats() { scan.error(.planFile(.duplicateBudgetYear(firstRow: twice.firstRow)), .year, row: twice.row) }
    }
}
