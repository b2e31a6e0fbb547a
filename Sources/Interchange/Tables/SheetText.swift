import Spreadsheet
/// A worksheet turned into the CSV text that the table readers read, so that a workbook
/// passes every rule of its CSV twin and gets the same messages, row for row.
///
/// Each sheet row becomes one CSV record at the same row number: rows the sheet skips become
/// blank records, which the readers skip too. Numbers keep the text the workbook stores
/// (`3.5700000000000003`), booleans become `true`/`false`, which the yes/no columns accept.
/// A cell that holds an error value (`#DIV/0!`) or a formula the workbook never calculated
/// keeps that text — a number column then says it is not a number — and is also reported
/// as a ``SheetText/CellProblem``, so that a text column cannot take it either.
struct SheetText {
    /// A cell the workbook could not give a value for.
    struct CellProblem {
        /// The sheet row.
        var row: Int
        /// The 0-based column.
        var column: Int
        /// What is wrong.
        var problem: Problem
    }

    /// The CSV text, UTF-8.
    var csv: [UInt8] = []
    /// The cells that have no usable value.
    var problems: [CellProblem] = []

    /// The text of `sheet`. A second row made of nothing but column keys (`keys`) is the
    /// English key row of Junheng's own templates and is left blank.
    init(_ sheet: XLSXSheet, keys: Set<String>) {
        csv.reserveCapacity(sheet.rows.reduce(0) { $0 + $1.cells.count * 8 + 1 })
        var nextRow = 1
        for row in sheet.rows {
            // Rows are ascending; blank records keep every later row at its sheet number.
            while nextRow < row.number {
                csv.append(.lineFeed)
                nextRow += 1
            }
            if row.number == 2, Self.isKeyRow(row, keys: keys) {
                csv.append(.lineFeed)
                nextRow += 1
                continue
            }
            var column = 0
            for cell in row.cells {
                while column < cell.column {
                    csv.append(UInt8(ascii: ","))
                    column += 1
                }
                append(cell, row: row.number)
            }
            csv.append(.lineFeed)
            nextRow += 1
        }
    }

    /// Whether every filled cell of `row` is a column key, as in a template's key row.
    private static func isKeyRow(_ row: XLSXRow, keys: Set<String>) -> Bool {
        var found = 0
        for cell in row.cells {
            guard case let .text(text) = cell.value else { return false }
            guard keys.contains(text.lowercased()) else { return false }
            found += 1
        }
        return found > 0
    }

    private mutating func append(_ cell: XLSXCell, row: Int) {
        switch cell.value {
        case let .text(text): appendQuoted(text)
        case let .number(text): appendQuoted(text)
        case let .bool(value): csv += (value ? "true" : "false").utf8
        case let .error(text):
            problems.append(CellProblem(row: row, column: cell.column, problem: .cellError(text, cell: cell.reference)))
            appendQuoted(text)
        case let .formulaWithoutValue(formula):
            problems.append(CellProblem(row: row, column: cell.column, problem: .formulaWithoutValue(formula, cell: cell.reference)))
            appendQuoted("=" + formula)
        }
    }

    /// `text` as one CSV cell: quoted, with quotes doubled, when it holds a separator.
    private mutating func appendQuoted(_ text: String) {
        let bytes = text.utf8
        guard bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == .lineFeed || $0 == .carriageReturn }) else {
            csv += bytes
            return
        }
        csv.append(UInt8(ascii: "\""))
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { csv.append(byte) }
            csv.append(byte)
        }
        csv.append(UInt8(ascii: "\""))
    }
}
