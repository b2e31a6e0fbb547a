/// What the current row holds in a column.
enum CellState: UInt8 {
    /// Empty, or the column is absent: "not reported".
    case empty
    /// Not readable; the problem is already recorded.
    case invalid
    /// A value of the column's kind.
    case filled
}
