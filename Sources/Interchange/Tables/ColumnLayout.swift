/// Which file column holds which ``DataColumn``, worked out once from the header row so
/// that each cell is then found by position, without a lookup per cell.
///
/// A header matches a column's Chinese header or its English key (in any letter case), in
/// any order. Unknown headers are ignored with a warning; a column given twice, or a
/// required column missing, is an error.
struct ColumnLayout<Column: DataColumn> {
    /// The column at each file position, or `nil` when ignored.
    let columns: [Column?]
    /// Where each column is reported, by column number.
    private let refs: [ColumnRef]
    /// The required columns the file has.
    let presentRequired: [Column]
    /// The header row's cells as written.
    private let headers: [String]

    /// The layout of `headers` (the header row's cells), recording header problems in `log`.
    init(headers: [String], log: inout ProblemLog) {
        var lookup: [String: Column] = [:]
        for column in Column.allCases {
            lookup[column.chineseHeader] = column
            lookup[column.key] = column
        }
        var columns: [Column?] = []
        var found: [Int?] = Array(repeating: nil, count: Column.allCases.count)
        for (position, header) in headers.enumerated() {
            let here = ColumnRef(name: header, position: position)
            guard let column = lookup[header.lowercased()] else {
                if !header.isEmpty { log.warning(.unknownColumn, row: 1, column: here) }
                columns.append(nil)
                continue
            }
            if let first = found[column.rawValue] {
                log.error(.duplicateColumn(first: first + 1), row: 1, column: here)
                columns.append(nil)
                continue
            }
            found[column.rawValue] = position
            columns.append(column)
        }
        self.columns = columns
        self.headers = headers
        refs = Column.allCases.map { column in
            found[column.rawValue].map { ColumnRef(name: headers[$0], position: $0) }
                // Absent columns sort after the file's own, in canonical order.
                ?? ColumnRef(name: column.key, position: headers.count + column.rawValue)
        }
        presentRequired = Column.allCases.filter { $0.isRequired && found[$0.rawValue] != nil }
        for column in Column.allCases where column.isRequired && found[column.rawValue] == nil {
            log.error(.missingColumn, row: 1, column: refs[column.rawValue])
        }
    }

    /// Where problems of `column` are reported.
    func ref(_ column: Column) -> ColumnRef {
        refs[column.rawValue]
    }

    /// Where problems of the cell at 0-based `position` are reported: its header as written,
    /// or its number when it has none.
    func ref(position: Int) -> ColumnRef {
        position < headers.count && !headers[position].isEmpty
            ? ColumnRef(name: headers[position], position: position) : .numbered(position)
    }
}
