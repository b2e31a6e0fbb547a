import Domain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a CSV data file row by row for one kind of file: decodes the text, maps the
/// header, converts each cell by its column's kind (recording every bad cell) and hands
/// each non-blank row to the file's own rules.
///
/// The current row lives in reused arrays indexed by column number, one per kind of value,
/// so a rule reads `scan.int(.teachersPrimary)` without a lookup or an allocation, and a
/// cell is converted straight from the file's bytes as the parser finds it.
struct TableScan<Column: DataColumn> {
    /// The problems found so far.
    private(set) var log: ProblemLog
    /// The header's layout.
    let layout: ColumnLayout<Column>
    /// An upper bound of the data rows (the line breaks), to reserve room for results.
    let estimatedRows: Int
    /// The current row's number, header = 1.
    private(set) var row = 0
    /// Whether the current row has an error.
    private(set) var rowHasErrors = false
    private let kinds = Column.allCases.map(\.kind)
    private var states = [CellState](repeating: .empty, count: Column.allCases.count)
    private var numbers = [Int](repeating: 0, count: Column.allCases.count)
    private var decimals = [Double](repeating: 0, count: Column.allCases.count)
    private var texts = [String](repeating: "", count: Column.allCases.count)

    private init(log: ProblemLog, layout: ColumnLayout<Column>, estimatedRows: Int) {
        self.log = log
        self.layout = layout
        self.estimatedRows = estimatedRows
    }

    /// Reads `bytes`, calling `body` for each data row that is not blank (a spreadsheet
    /// leaves blank and comma-only lines where rows were cleared).
    ///
    /// Errors stay in the returned scan's ``log``, except those that leave nothing to read:
    /// undecodable bytes, an empty file, a broken header row.
    static func read(
        _ bytes: [UInt8], file: String, language: Language, body: (inout TableScan) -> Void
    ) throws(DataFileError) -> TableScan {
        let text = try TextDecoding.utf8(from: bytes, file: file, language: language)
        return try text.withUnsafeBufferPointer { (buffer) throws(DataFileError) -> TableScan in
            var log = ProblemLog(file: file, language: language)
            var parser = CSVParser(buffer)
            var headers: [String] = []
            do throws(CSVSyntaxError) {
                if try !parser.next({ headers.append($1.string) }) { log.error(.emptyFile, row: 1, column: .wholeRow) }
            } catch {
                log.error(error.problem, row: error.row, column: .wholeRow)
            }
            try log.check()
            let layout = ColumnLayout<Column>(headers: headers, log: &log)
            var scan = TableScan(log: log, layout: layout, estimatedRows: buffer.count { $0 == .lineFeed })
            scan.readRows(&parser, body)
            return scan
        }
    }

    private mutating func readRows(_ parser: inout CSVParser, _ body: (inout TableScan) -> Void) {
        let columns = layout.columns
        // Each text column's last bytes, still in the file: a repeated county code or name
        // reuses the last String instead of building a new one.
        var lastText = [UnsafeBufferPointer<UInt8>](repeating: UnsafeBufferPointer(start: nil, count: 0), count: kinds.count)
        while true {
            for index in states.indices { states[index] = .empty }
            rowHasErrors = false
            row = parser.row + 1
            var filled = false, extra: Int?
            do throws(CSVSyntaxError) {
                let more = try parser.next { position, cell in
                    guard !cell.isEmpty else { return }
                    filled = true
                    guard position < columns.count else {
                        if extra == nil { extra = position }
                        return
                    }
                    if let column = columns[position] { read(cell, column, &lastText) }
                }
                guard more else { return }
            } catch {
                log.error(error.problem, row: error.row, column: .wholeRow)
                return
            }
            guard filled else { continue }
            if let extra { error(.extraCells(headerColumns: columns.count), at: ColumnRef(name: "", position: extra)) }
            for column in layout.presentRequired where states[column.rawValue] == .empty {
                error(.required, column)
            }
            body(&self)
        }
    }

    /// Converts a non-empty cell of `column`, or records why it cannot be.
    private mutating func read(_ cell: CSVCell, _ column: Column, _ lastText: inout [UnsafeBufferPointer<UInt8>]) {
        let index = column.rawValue, bytes = cell.bytes
        switch kinds[index] {
        case .text, .countyCode:
            if case .countyCode = kinds[index], bytes.count != 6 || bytes.contains(where: { $0 &- UInt8(ascii: "0") > 9 }) {
                return invalid(.countyCode(cell.string), column)
            }
            let last = lastText[index]
            if last.count != bytes.count || memcmp(last.baseAddress!, bytes.baseAddress!, bytes.count) != 0 {
                texts[index] = cell.string
                lastText[index] = bytes
            }
        case .year, .count:
            switch DecimalNumber.integer(bytes) {
            case .invalid: return invalid(.notANumber(cell.string), column)
            case .fraction: return invalid(.notWholeNumber(cell.string), column)
            case let .value(n):
                if case .year = kinds[index], !(1949...2100).contains(n) { return invalid(.yearOutOfRange(n), column) }
                if n < 0 { return invalid(.negative, column) }
                numbers[index] = n
            }
        case .amount, .degrees:
            guard let d = DecimalNumber.decimal(bytes) else { return invalid(.notANumber(cell.string), column) }
            if case let .degrees(range) = kinds[index], !range.contains(d) { return invalid(.outOfRange(range), column) }
            if case .amount = kinds[index], d < 0 { return invalid(.negative, column) }
            decimals[index] = d
        case let .choice(choices):
            guard let value = choices.match(bytes) else { return invalid(.unknownChoice(cell.string, choices), column) }
            numbers[index] = value
        }
        states[index] = .filled
    }

    private mutating func invalid(_ problem: Problem, _ column: Column) {
        states[column.rawValue] = .invalid
        error(problem, column)
    }

    /// The whole number (or enumeration index) in a count, year or choice `column`.
    func int(_ column: Column) -> Int? {
        states[column.rawValue] == .filled ? numbers[column.rawValue] : nil
    }

    /// The number in an amount or degrees `column`.
    func decimal(_ column: Column) -> Double? {
        states[column.rawValue] == .filled ? decimals[column.rawValue] : nil
    }

    /// The text in a text or county-code `column`.
    func text(_ column: Column) -> String? {
        states[column.rawValue] == .filled ? texts[column.rawValue] : nil
    }

    /// Whether `column` is empty or absent ("not reported"), as opposed to filled or invalid.
    func isBlank(_ column: Column) -> Bool {
        states[column.rawValue] == .empty
    }

    /// Records an error at `column` of the current row, or of an earlier `row`.
    mutating func error(_ problem: Problem, _ column: Column, row: Int? = nil) {
        error(problem, at: layout.ref(column), row: row)
    }

    /// Records a warning at `column` of the current row.
    mutating func warning(_ problem: Problem, _ column: Column) {
        log.warning(problem, row: row, column: layout.ref(column))
    }

    private mutating func error(_ problem: Problem, at ref: ColumnRef, row: Int? = nil) {
        if row == nil { rowHasErrors = true }
        log.error(problem, row: row ?? self.row, column: ref)
    }
}
