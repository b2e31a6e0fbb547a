import Domain

/// A writer of one kind of data file as CSV that its reader reads back to equal values: the
/// header row of every column in canonical order, then a record per value, each cell as
/// ``text(_:of:)`` writes it (`nil`: an empty cell). ``SchoolsWriter``, ``TeachersWriter`` and
/// ``FactsWriter`` are its kinds.
protocol DataFileWriter: Sendable {
    associatedtype Column: DataColumn
    associatedtype Value
    /// Chinese headers and values, or English keys.
    var headers: HeaderStyle { get }
    /// The output encoding.
    var encoding: TextEncoding { get }
    /// The cell of `column` for `value`.
    func text(_ column: Column, of value: Value) -> String?
}

extension DataFileWriter {
    /// The CSV file of `values`, one record each, in order; no values give the header row
    /// alone (a template).
    ///
    /// - Throws: ``TextCodingError`` only for GB18030 on a system that cannot encode it.
    func file(_ values: [Value]) throws(TextCodingError) -> [UInt8] {
        var csv = CSVWriter()
        for column in Column.allCases { csv.cell(column.header(headers)) }
        csv.endRecord()
        for value in values {
            for column in Column.allCases { csv.cell(text(column, of: value)) }
            csv.endRecord()
        }
        return try encoding.encode(csv.bytes)
    }
}
