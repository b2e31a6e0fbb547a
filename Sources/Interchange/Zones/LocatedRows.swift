import Domain

/// The values of a data file with where each came from, so that a check made later against
/// another file (``ZoneInputCheck``: an unknown school, a block nobody can reach) names the
/// row and the cell a person fixes, as the reader itself would.
///
/// ```swift
/// let blocks = try BlocksReader().read(bytes, file: "blocks.csv")
/// blocks.blocks           // [ResidentialBlock], in file order
/// blocks.content.rows     // [2, 3, 5, …]: the file row of each (blank rows are skipped)
/// ```
public struct LocatedRows<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The values, one per data row, in file order.
    public var values: [Value]
    /// The file as messages name it: the name given, then `:SHEET` for a workbook.
    public var file: String
    /// The row (header = 1) of each value.
    public var rows: [Int]
    /// Each column's header as written, by key (the key itself when the file lacks the
    /// column), and its position, for messages and their order.
    var columns: [String: ColumnPlace]

    /// Values that came from no file (e.g. from the store): rows numbered from 2 in order,
    /// columns named by their keys.
    public init(_ values: [Value], file: String) {
        self.values = values
        self.file = file
        rows = values.indices.map { $0 + 2 }
        columns = [:]
    }

    init(_ values: [Value], file: String, rows: [Int], columns: [String: ColumnPlace]) {
        self.values = values
        self.file = file
        self.rows = rows
        self.columns = columns
    }

    /// Where a column sits in the file.
    struct ColumnPlace: Sendable, Hashable {
        var header: String
        var position: Int
    }

    /// An error at `column` of the row of value `index`.
    func error(_ problem: ZoneFileProblem, at index: Int, _ column: some DataColumn, language: Language) -> (position: Int, error: RowError) {
        error(message: problem.message(in: language), at: index, column)
    }

    /// An error saying `message` at `column` of the row of value `index`.
    func error(message: String, at index: Int, _ column: some DataColumn) -> (position: Int, error: RowError) {
        let place = columns[column.key] ?? ColumnPlace(header: column.key, position: column.rawValue)
        return (place.position, RowError(file: file, row: rows[index], column: place.header, message: message))
    }
}

/// The rows of the valid values a ``TableRows`` read, for ``LocatedRows``: noted as each
/// value is appended, shifted when the parts of a large file are joined.
struct ValueRows: Sendable {
    private(set) var rows: [Int] = []

    mutating func reserve(_ count: Int) {
        rows.reserveCapacity(rows.count + count)
    }

    /// A value was appended for `row`.
    mutating func note(_ row: Int) {
        rows.append(row)
    }

    /// The rows of the next part of the file, whose rows start after `rowOffset` rows.
    mutating func append(_ next: ValueRows, rowOffset: Int) {
        rows += next.rows.map { $0 + rowOffset }
    }
}

/// A ``TableRows`` that notes the row of every value it appends.
protocol LocatingRows: TableRows where Value: Sendable & Hashable {
    var valueRows: ValueRows { get }
}

extension TableScan {
    /// Reads a table file as ``file(_:file:sheet:language:into:partBytes:)`` does, and keeps
    /// where each value came from.
    static func locatedFile<Rows: LocatingRows>(
        _ bytes: [UInt8], file: String, sheet: String?, language: Language, into empty: Rows, partBytes: Int = 1 << 20
    ) throws(DataFileError) -> DataFile<LocatedRows<Rows.Value>> where Rows.Column == Column {
        let read = try self.read(bytes, file: file, sheet: sheet, language: language, into: empty, partBytes: partBytes)
        var scan = read.scan
        read.rows.checkAcrossRows(&scan)
        try scan.log.check()
        var columns: [String: LocatedRows<Rows.Value>.ColumnPlace] = [:]
        for column in Column.allCases {
            let ref = scan.layout.ref(column)
            columns[column.key] = .init(header: ref.name, position: ref.position)
        }
        let rows = LocatedRows(read.values, file: scan.log.file, rows: read.rows.valueRows.rows, columns: columns)
        return DataFile(rows, warnings: scan.log.warnings)
    }
}

/// A `blocks` file (居住片区).
public typealias BlocksFile = DataFile<LocatedRows<ResidentialBlock>>
/// A `distances` file (片区到学校的距离).
public typealias DistancesFile = DataFile<LocatedRows<TravelDistance>>
/// An `enrollment` file (分年级在校生).
public typealias EnrollmentFile = DataFile<LocatedRows<EnrollmentRecord>>
/// A `births` file (出生人口).
public typealias BirthsFile = DataFile<LocatedRows<BirthRecord>>

extension DataFile where Content == LocatedRows<ResidentialBlock> {
    /// The blocks, one per data row, in file order.
    public var blocks: [ResidentialBlock] { content.values }
}

extension DataFile where Content == LocatedRows<TravelDistance> {
    /// The distances, one per data row, in file order.
    public var distances: [TravelDistance] { content.values }
}

extension DataFile where Content == LocatedRows<EnrollmentRecord> {
    /// The records, one per school, year and grade, in file order.
    public var records: [EnrollmentRecord] { content.values }
}

extension DataFile where Content == LocatedRows<BirthRecord> {
    /// The births, one per area and year, in file order.
    public var births: [BirthRecord] { content.values }
}
