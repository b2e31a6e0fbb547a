/// What the writer puts in a cell.
public enum XLSXOutputValue: Sendable, Equatable {
    /// Nothing (a styled empty cell when the cell has a style).
    case empty
    /// Text, written as a shared string.
    case text(String)
    /// A number; NaN and infinities are written as empty, since XLSX has no way to store them.
    case number(Double)
    /// TRUE or FALSE.
    case bool(Bool)
}
