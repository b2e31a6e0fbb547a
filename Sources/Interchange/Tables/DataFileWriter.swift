import Domain

/// Writes one kind of data file as CSV that its reader reads back to equal values: the header
/// row of every column in canonical order, then a record per value, numbers exact and in plain
/// notation, enumerations in the header's language. Writing no values gives a template: the
/// header row alone. `Row` is the kind (``SchoolsWriter``, ``TeachersWriter``,
/// ``FactsWriter``); each kind's `write` and cells are in a constrained extension.
///
/// ```swift
/// let bytes = try SchoolsWriter(headers: .chinese, encoding: .utf8WithBOM).write(schools)
/// ```
public struct DataFileWriter<Row>: Sendable {
    /// Chinese headers and values (小学, 本科, 是), or English keys (`primary`, `bachelor`, `yes`).
    public var headers: HeaderStyle
    /// The output encoding.
    public var encoding: TextEncoding

    /// A writer with `headers` (Chinese by default) in `encoding` (UTF-8 by default).
    public init(headers: HeaderStyle = .chinese, encoding: TextEncoding = .utf8) {
        self.headers = headers
        self.encoding = encoding
    }

    /// The CSV file of `rows`, one record each, in order; each cell as `text` writes it
    /// (`nil`: an empty cell).
    ///
    /// - Throws: ``TextCodingError`` only for GB18030 on a system that cannot encode it.
    func file<Column: DataColumn>(_ rows: [Row], _ text: (Column, Row) -> String?) throws(TextCodingError) -> [UInt8] {
        var csv = CSVWriter()
        for column in Column.allCases { csv.cell(column.header(headers)) }
        csv.endRecord()
        for row in rows {
            for column in Column.allCases { csv.cell(text(column, row)) }
            csv.endRecord()
        }
        return try encoding.encode(csv.bytes)
    }
}

/// Writes ``SchoolYear`` values as a `schools` file that ``SchoolsReader`` reads back.
public typealias SchoolsWriter = DataFileWriter<SchoolYear>
/// Writes ``Teacher`` values as a `teachers` file that ``TeachersReader`` reads back.
public typealias TeachersWriter = DataFileWriter<Teacher>
/// Writes ``CountyFact`` values as a `facts` file that ``FactsReader`` reads back: 是/否 (or
/// yes/no) for answers, plain decimal numbers for the rest.
public typealias FactsWriter = DataFileWriter<CountyFact>
