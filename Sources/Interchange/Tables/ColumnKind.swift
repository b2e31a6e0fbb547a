/// How the cells of a column are read and checked, whatever the file.
enum ColumnKind: Sendable {
    /// 年度: a whole number in 1949…2100.
    case year
    /// 县区代码: six digits, kept as text (codes may start with 0 in other schemes).
    case countyCode
    /// Free text.
    case text
    /// A count: a whole number, not negative.
    case count
    /// An area or an amount of money: a decimal number, not negative.
    case amount
    /// Decimal degrees within a range (longitude or latitude).
    case degrees(ClosedRange<Double>)
    /// One of a closed set of values, written in Chinese or as the English key.
    case choice(Choices)
}
