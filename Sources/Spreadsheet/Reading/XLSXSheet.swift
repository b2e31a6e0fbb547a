/// The cells of one worksheet.
public struct XLSXSheet: Sendable, Equatable {
    /// The tab name.
    public var name: String
    /// Rows ascending by number, only those with at least one cell.
    public var rows: [XLSXRow]

    /// A sheet with its rows.
    public init(name: String, rows: [XLSXRow]) {
        self.name = name
        self.rows = rows
    }
}
