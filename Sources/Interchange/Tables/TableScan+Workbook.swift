import Domain
import Spreadsheet

extension TableScan {
    /// Reads a table file that may be CSV or XLSX (a workbook is recognised by its bytes, so
    /// a misnamed file still reads, and a file named .xlsx is never taken for text): a workbook's sheet — the first, or `sheet` — goes
    /// through the CSV rules as ``SheetText``, its problems named `FILE:SHEET:ROW:COLUMN`.
    ///
    /// - Throws: the refusal; a workbook that cannot be opened, or has no such sheet, is
    ///   refused as a whole (`FILE: message`).
    static func read<Rows: TableRows>(
        _ bytes: [UInt8], file: String, sheet: String?, language: Language, into empty: Rows, partBytes: Int
    ) throws(DataFileError) -> (values: [Rows.Value], rows: Rows, scan: TableScan) where Rows.Column == Column {
        let named = file.lowercased()
        guard sheet != nil || bytes.starts(with: zipSignature) || named.hasSuffix(".xlsx") || named.hasSuffix(".xlsm") else {
            return try read(bytes, file: file, language: language, into: empty, partBytes: partBytes)
        }
        let table: XLSXSheet
        do {
            table = try XLSXWorkbook(bytes: bytes, file: file).sheet(named: sheet)
        } catch {
            throw DataFileError(errors: [error.rowError(in: language)])
        }
        let text = SheetText(table, keys: Set(Column.allCases.map(\.key)))
        let label = "\(file):\(table.name)"
        var read = try self.read(text.csv, file: label, language: language, into: empty, partBytes: partBytes)
        let headers = table.rows.first { $0.number == 1 }.map { row in
            Dictionary(row.cells.map { ($0.column, $0.value) }, uniquingKeysWith: { first, _ in first })
        } ?? [:]
        for problem in text.problems {
            // The header as written, or the column's letters as the spreadsheet shows them.
            let name: String
            if case let .text(header)? = headers[problem.column], !header.isEmpty { name = header } else { name = CellReference.letters(problem.column) }
            read.scan.record(problem.problem, row: problem.row, at: ColumnRef(name: name, position: problem.column))
        }
        return read
    }
}

/// The first bytes of a zip archive (a local file header), which every XLSX workbook is.
private let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
