import Domain

/// One problem in a data file, at the place a person fixes it: `FILE:ROW:COLUMN: message`.
///
/// FILE is the file as the user named it, followed by `:SHEET` for a workbook. ROW counts
/// the header as row 1 (as a spreadsheet shows it); a quoted cell that spans
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

    /// `FILE:ROW:COLUMN: message`, `FILE:ROW: message` for a whole-row problem, or
    /// `FILE: message` for one of the whole file (row 0: e.g. a workbook that cannot be opened).
    ///
    /// Every part comes from a file or a person, so control characters are escaped (see
    /// ``MessageText/escaped(_:)``): a cell cannot clear a terminal or forge a line.
    public var description: String {
        let file = MessageText.escaped(file), column = MessageText.escaped(column), message = MessageText.escaped(message)
        if row == 0 { return "\(file): \(message)" }
        return column.isEmpty ? "\(file):\(row): \(message)" : "\(file):\(row):\(column): \(message)"
    }
}

extension RowError {
    /// `errors` by row, then column position, keeping the order found among equals: how the
    /// cross-file checks (``ZoneInputCheck``, ``LayoutInputCheck``) list a file's problems.
    static func inFileOrder(_ errors: [(row: Int, position: Int, error: RowError)]) -> [RowError] {
        errors.enumerated().sorted { ($0.element.row, $0.element.position, $0.offset) < ($1.element.row, $1.element.position, $1.offset) }
            .map(\.element.error)
    }
}
