/// The columns of a budget file (年度预算): one row per year.
enum BudgetColumn: Int, CaseIterable, Sendable, DataColumn {
    case year, budget

    var key: String {
        switch self {
        case .year: "year"
        case .budget: "budget"
        }
    }

    var chineseHeader: String {
        switch self {
        case .year: "年度"
        case .budget: "预算"
        }
    }

    /// The year is text here: its range (2000…2100) is narrower than a data year's.
    var kind: ColumnKind {
        switch self {
        case .year: .text
        case .budget: .amount
        }
    }

    var isRequired: Bool { true }
}
