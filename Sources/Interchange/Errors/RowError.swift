/// One problem in a data file, at the place a person fixes it: `FILE:ROW:COLUMN: message`.
///
/// ROW counts the header as row 1 (as a spreadsheet shows it); a quoted cell that spans
/// lines still belongs to one row. COLUMN is the header as written in the file, or the
/// column's English key when the file lacks the column, or empty for the whole row.
public struct RowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// The row, header = 1.
    public var row: Int
    /// The column's header as written, its key when absent, or empty for the whole row.
    public var column: String
    /// What is wrong, in the reader's language.
    public var message: String

    /// A problem at `file`, `row`, `column`.
    public init(file: String, row: Int, column: String, message: String) {
        self.file = file
        self.row = row
        self.column = column
        self.message = message
    }

    /// `FILE:ROW:COLUMN: message`, or `FILE:ROW: message` for a whole-row problem.
    public var description: String {
        column.isEmpty ? "\(file):\(row): \(message)" : "\(file):\(row):\(column): \(message)"
    }
}
