/// A row that has at least one cell with a value.
public struct XLSXRow: Sendable, Equatable {
    /// The 1-based row number.
    public var number: Int
    /// The cells, ascending by column.
    public var cells: [XLSXCell]

    /// A row with its cells.
    public init(number: Int, cells: [XLSXCell]) {
        self.number = number
        self.cells = cells
    }
}
