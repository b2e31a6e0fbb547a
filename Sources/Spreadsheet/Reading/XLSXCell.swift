/// A cell with a value. Styled empty cells are not represented.
public struct XLSXCell: Sendable, Equatable {
    /// The 1-based row number.
    public var row: Int
    /// The 0-based column: A = 0, Z = 25, AA = 26 … XFD = 16383.
    public var column: Int
    /// What the cell holds.
    public var value: XLSXValue

    /// A cell at 1-based `row` and 0-based `column`.
    public init(row: Int, column: Int, value: XLSXValue) {
        self.row = row
        self.column = column
        self.value = value
    }

    /// The A1-style reference, e.g. "AB12".
    public var reference: String { CellReference.string(row: row, column: column) }
}
