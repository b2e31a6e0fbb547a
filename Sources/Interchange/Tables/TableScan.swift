import Domain
import Spreadsheet
import Foundation

/// Reads CSV rows for one kind of file: converts each cell by its column's kind (recording
/// every bad cell) and hands each non-blank row to the file's own ``TableRows``.
///
/// The current row lives in a ``RowBuffer`` indexed by column number, so a rule reads
/// `scan.int(.teachersPrimary)` without a lookup or an allocation, and a cell is converted
/// straight from the file's bytes as the parser finds it.
struct TableScan<Column: DataColumn>: CSVCellVisitor {
    /// The problems found so far.
    private(set) var log: ProblemLog
    /// The header's layout.
    let layout: ColumnLayout<Column>
    /// The current row's number, header = 1.
    private(set) var row = 0
    /// Whether the current row has an error.
    private(set) var rowHasErrors = false
    /// The columns of the current row with a cell that is not empty (filled or invalid).
    private var reported = ColumnSet<Column>()
    /// The columns of the current row with a value of their kind.
    private var filled = ColumnSet<Column>()
    /// Whether every cell of the current row so far is empty.
    private var rowIsBlank = true
    /// The position of the current row's first filled cell beyond the header's columns.
    private var extraCell: Int?
    /// The required columns the file has.
    private let required: ColumnSet<Column>
    /// The kinds by column number; they keep the plans' ``Choices`` alive.
    private let kinds = Column.allCases.map(\.kind)
    /// How the cells at each position of the file are read.
    private let plans: [CellPlan]
    private let current = RowBuffer(count: Column.allCases.count)

    init(log: ProblemLog, layout: ColumnLayout<Column>) {
        self.log = log
        self.layout = layout
        required = ColumnSet(layout.presentRequired)
        plans = layout.columns.map { [kinds] column in CellPlan(column, column.map { kinds[$0.rawValue] }) }
    }

    /// How the cells at one position of a file are read: the column there, if any, and its
    /// kind with the payload unpacked.
    ///
    /// Switching over a ``ColumnKind`` copied out of an array would retain and release its
    /// ``Choices`` for each choice cell: two atomic operations on an object that all cores
    /// share. The plan holds the reference unmanaged instead, and the scan's `kinds` keep
    /// the objects alive as long as the plans.
    private struct CellPlan {
        enum Conversion { case text, code, countyCode, year, count, amount, degrees, choice }
        let column: Column?
        let conversion: Conversion
        /// The allowed range of a degrees column.
        let range: ClosedRange<Double>
        /// The spellings of a choice column.
        let choices: Unmanaged<Choices>?

        init(_ column: Column?, _ kind: ColumnKind?) {
            self.column = column
            var range = 0.0...0.0, choices: Choices?
            switch kind {
            case nil, .text: conversion = .text
            case .code: conversion = .code
            case .countyCode: conversion = .countyCode
            case .year: conversion = .year
            case .count: conversion = .count
            case .amount: conversion = .amount
            case let .degrees(degrees): (conversion, range) = (.degrees, degrees)
            case let .choice(spellings): (conversion, choices) = (.choice, spellings)
            }
            self.range = range
            self.choices = choices.map(Unmanaged.passUnretained)
        }
    }

    /// Reads the records of `parser` into `rows` and `values`, skipping blank ones (a
    /// spreadsheet leaves blank and comma-only lines where rows were cleared), and stops at
    /// a syntax error (after reading the cells before it).
    mutating func read<Rows: TableRows>(
        _ parser: inout CSVParser, into rows: inout Rows, values: inout RowValues<Rows.Value>
    ) where Rows.Column == Column {
        while true {
            rowHasErrors = false
            reported = ColumnSet()
            filled = ColumnSet()
            rowIsBlank = true
            extraCell = nil
            row = parser.row + 1
            do throws(CSVSyntaxError) {
                guard try parser.next(&self) else { return }
            } catch {
                log.error(error.problem, row: error.row, column: layout.ref(position: error.column))
                return
            }
            guard !rowIsBlank else { continue }
            if let extraCell { error(.extraCells(headerColumns: plans.count), at: layout.ref(position: extraCell)) }
            for column in blank(required) {
                error(.required, column)
            }
            rows.read(&self, into: &values)
        }
    }

    /// Converts a cell of the current record (see ``read(_:into:values:)``).
    @inline(__always)
    mutating func visit(_ position: Int, _ cell: CSVCell) {
        guard !cell.isEmpty else { return }
        rowIsBlank = false
        guard position < plans.count else {
            if extraCell == nil { extraCell = position }
            return
        }
        let plan = plans[position]
        if let column = plan.column { read(cell, column, plan) }
    }

    /// Converts a non-empty cell of `column`, or records why it cannot be.
    @inline(__always)
    private mutating func read(_ cell: CSVCell, _ column: Column, _ plan: CellPlan) {
        let index = column.rawValue, bytes = cell.bytes
        reported.insert(column)
        switch plan.conversion {
        case .text, .code, .countyCode:
            // Bytes bound characters from above, so the common short cell is never counted.
            let limit = plan.conversion == .code ? ColumnKind.maximumCodeLength : ColumnKind.maximumTextLength
            if bytes.count > limit, String(decoding: bytes, as: UTF8.self).count > limit {
                return error(.textTooLong(limit: limit), column)
            }
            if plan.conversion == .countyCode, bytes.count != 6 || bytes.contains(where: { $0 &- UInt8(ascii: "0") > 9 }) {
                return error(.countyCode(cell.string), column)
            }
            if !current.repeats(index, bytes) {
                // A cell Junheng (or a spreadsheet) neutralised reads as it was typed.
                current.texts[index] = bytes.first == UInt8(ascii: "'") ? FormulaNeutralising.restored(cell.string) : cell.string
                current.remember(index, bytes)
            }
        case .year, .count:
            switch DecimalNumber.integer(bytes) {
            case .invalid: return error(.notANumber(cell.string), column)
            case .fraction: return error(.notWholeNumber(cell.string), column)
            case let .value(n):
                if plan.conversion == .year, !(1949...2100).contains(n) { return error(.yearOutOfRange(n), column) }
                if n < 0 { return error(.negative, column) }
                if n > StoredCount.maximum { return error(.tooLarge, column) }
                current.numbers[index] = n
            }
        case .amount, .degrees:
            guard let d = DecimalNumber.decimal(bytes) else { return error(.notANumber(cell.string), column) }
            if plan.conversion == .degrees, !plan.range.contains(d) { return error(.outOfRange(plan.range), column) }
            if plan.conversion == .amount, d < 0 { return error(.negative, column) }
            if plan.conversion == .amount, d > ColumnKind.maximumAmount { return error(.amountTooLarge, column) }
            current.decimals[index] = d
        case .choice:
            if !current.repeats(index, bytes) {
                // Every choice plan has its choices; used through a guaranteed reference,
                // which is neither retained nor released.
                guard let value = plan.choices!._withUnsafeGuaranteedRef({ $0.match(bytes) }) else {
                    return error(.unknownChoice(cell.string, plan.choices!.takeUnretainedValue()), column)
                }
                current.numbers[index] = value
                current.remember(index, bytes)
            }
        }
        filled.insert(column)
    }

    /// The whole number (or enumeration index) in a count, year or choice `column`.
    func int(_ column: Column) -> Int? {
        filled.contains(column) ? current.numbers[column.rawValue] : nil
    }

    /// The number in an amount or degrees `column`.
    func decimal(_ column: Column) -> Double? {
        filled.contains(column) ? current.decimals[column.rawValue] : nil
    }

    /// The text in a text or county-code `column`.
    func text(_ column: Column) -> String? {
        filled.contains(column) ? current.texts[column.rawValue] : nil
    }

    /// Whether `column` is empty or absent ("not reported"), as opposed to filled or invalid.
    func isBlank(_ column: Column) -> Bool {
        !reported.contains(column)
    }

    /// The blank `columns` (see ``isBlank(_:)``).
    func blank(_ columns: ColumnSet<Column>) -> ColumnSet<Column> {
        columns.subtracting(reported)
    }

    /// The `columns` that are not blank.
    func reported(_ columns: ColumnSet<Column>) -> ColumnSet<Column> {
        columns.intersection(reported)
    }

    /// Records an error at `column` of the current row, or of an earlier `row`.
    mutating func error(_ problem: Problem, _ column: Column, row: Int? = nil) {
        error(problem, at: layout.ref(column), row: row)
    }

    /// Records a warning at `column` of the current row.
    mutating func warning(_ problem: Problem, _ column: Column) {
        log.warning(problem, row: row, column: layout.ref(column))
    }

    /// Records an error found outside the scan (a workbook cell without a value) at `row`.
    mutating func record(_ problem: Problem, row: Int, at ref: ColumnRef) {
        log.error(problem, row: row, column: ref)
    }

    private mutating func error(_ problem: Problem, at ref: ColumnRef, row: Int? = nil) {
        if row == nil { rowHasErrors = true }
        log.error(problem, row: row ?? self.row, column: ref)
    }
}

extension TableScan {
    /// The rows of one part of a file, its problems, where its parser stopped, how many
    /// records it read and the values it wrote.
    private struct Part<Rows: TableRows> {
        var rows: Rows
        let log: ProblemLog
        let end: Int
        let records: Int
        let values: RowValues<Rows.Value>
    }

    /// Reads a whole file: maps its header, reads its rows into copies of `empty` in parts
    /// at once (one per core, each at least `partBytes`), and joins them.
    ///
    /// UTF-8 is read in place (after the byte-order mark, if any), the parts checking their
    /// own bytes first; anything else is decoded by ``TextDecoding`` (or refused, as it
    /// says) and read then.
    ///
    /// - Returns: the values of the valid rows, the rows, and a scan holding every problem,
    ///   for the checks that need all rows.
    /// - Throws: the refusal, when nothing can be read: undecodable bytes, an empty file,
    ///   a broken header row.
    static func read<Rows: TableRows>(
        _ bytes: [UInt8], file: String, language: Language, into empty: Rows, partBytes: Int
    ) throws(DataFileError) -> (values: [Rows.Value], rows: Rows, scan: TableScan) where Rows.Column == Column {
        let log = ProblemLog(file: file, language: language)
        let utf8 = try bytes.withUnsafeBufferPointer { (bytes) throws(DataFileError) in
            let mark = bytes.starts(with: TextDecoding.byteOrderMark) ? TextDecoding.byteOrderMark.count : 0
            return try read(UnsafeBufferPointer(rebasing: bytes[mark...]), log, empty, partBytes)
        }
        if let utf8 { return utf8 }
        let text = try TextDecoding.utf8(from: bytes, file: file, language: language)
        return try text.withUnsafeBufferPointer { (text) throws(DataFileError) in
            // Decoded text is UTF-8, so there is always a result.
            try read(text, log, empty, partBytes)!
        }
    }

    /// Reads `text`, or returns `nil` when it is not UTF-8.
    ///
    /// A part starts after a line feed. One that falls inside a quoted cell with a line
    /// break shows because the part before it does not end exactly there; the rows are then
    /// read again in one part.
    private static func read<Rows: TableRows>(
        _ text: UnsafeBufferPointer<UInt8>, _ log: ProblemLog, _ empty: Rows, _ partBytes: Int
    ) throws(DataFileError) -> (values: [Rows.Value], rows: Rows, scan: TableScan)? where Rows.Column == Column {
        var log = log
        var header = CSVParser(text)
        var cells: [CSVCell] = []
        do throws(CSVSyntaxError) {
            if try !header.next(&cells) { log.error(.emptyFile, row: 1, column: .numbered(0)) }
        } catch {
            log.error(error.problem, row: error.row, column: .numbered(error.column))
        }
        // A broken header leaves the parser at the start: the parts then cover all the text,
        // which must be UTF-8 before its syntax is worth reporting.
        let starts = partStarts(text, after: header.position, partBytes: partBytes)
        guard let capacities = mostRecords(text, starts) else { return nil }
        try log.check()
        let layout = ColumnLayout<Column>(headers: cells.map(\.string), log: &log)
        var parts: [Part<Rows>] = []
        // Room for one value at least, so that the buffer has an address.
        let values = [Rows.Value](unsafeUninitializedCapacity: max(1, capacities.reduce(0, +))) { buffer, initialized in
            let base = buffer.baseAddress!
            UnsafeMutableRawBufferPointer(buffer).adviseHugePages()
            var windows: [RowValues<Rows.Value>] = [], offset = 0
            for capacity in capacities {
                windows.append(RowValues(start: base + offset, capacity: capacity))
                offset += capacity
            }
            parts = readParts(text, starts, header, log, layout, empty, windows)
            if zip(parts, starts.dropFirst()).contains(where: { $0.end != $1 }) {
                for part in parts { part.values.start.deinitialize(count: part.values.count) }
                parts = readParts(text, [header.position], header, log, layout, empty, [RowValues(start: base, capacity: offset)])
            }
            // Close the gaps between the parts' values.
            initialized = 0
            for part in parts {
                (base + initialized).moveInitialize(from: part.values.start, count: part.values.count)
                initialized += part.values.count
            }
        }
        // Moved out rather than copied, so that appending to them copies nothing.
        var rows = empty, scan = TableScan(log: parts[0].log, layout: layout)
        swap(&rows, &parts[0].rows)
        // The first part goes on from the header, so its rows count from 1; the others
        // count from 0 and follow the records before them.
        var offset = parts[0].records
        for part in parts.dropFirst() {
            rows.append(part.rows, rowOffset: offset)
            scan.log.append(part.log, rowOffset: offset)
            offset += part.records
        }
        return (values, rows, scan)
    }

    /// Where the parts of the rows after `start` begin.
    private static func partStarts(_ buffer: UnsafeBufferPointer<UInt8>, after start: Int, partBytes: Int) -> [Int] {
        let count = min(ProcessInfo.processInfo.activeProcessorCount, (buffer.count - start) / max(1, partBytes))
        var starts = [start]
        for k in 1..<max(1, count) {
            var p = start + (buffer.count - start) * k / count
            while p < buffer.count, buffer[p] != .lineFeed { p += 1 }
            if p + 1 < buffer.count, p + 1 > starts[starts.count - 1] { starts.append(p + 1) }
        }
        return starts
    }

    /// The most records each part beginning at `starts` can hold (see
    /// ``CSVParser/mostRecords(inUTF8:)``), found at once, or `nil` when the text is not
    /// UTF-8.
    ///
    /// The parts start after the header and after line feeds, which are never inside a
    /// UTF-8 character, so the text is UTF-8 exactly when the header and every part are.
    private static func mostRecords(_ text: UnsafeBufferPointer<UInt8>, _ starts: [Int]) -> [Int]? {
        guard TextDecoding.firstInvalidUTF8(UnsafeBufferPointer(rebasing: text[..<starts[0]])) == nil else { return nil }
        var bounds = [Int?](repeating: nil, count: starts.count)
        bounds.withUnsafeMutableBufferPointer { bounds in
            // Each part reads the shared bytes and writes only its own slot.
            nonisolated(unsafe) let bounds = bounds, text = text
            DispatchQueue.concurrentPerform(iterations: starts.count) { k in
                let end = k + 1 < starts.count ? starts[k + 1] : text.count
                bounds[k] = CSVParser.mostRecords(inUTF8: UnsafeBufferPointer(rebasing: text[starts[k]..<end]))
            }
        }
        return bounds.contains(nil) ? nil : bounds.map { $0! }
    }

    /// Reads the parts beginning at `starts` at once into `windows`; the first goes on from
    /// `header`.
    private static func readParts<Rows: TableRows>(
        _ text: UnsafeBufferPointer<UInt8>, _ starts: [Int], _ header: CSVParser, _ log: ProblemLog,
        _ layout: ColumnLayout<Column>, _ empty: Rows, _ windows: [RowValues<Rows.Value>]
    ) -> [Part<Rows>] where Rows.Column == Column {
        var parts = [Part<Rows>?](repeating: nil, count: starts.count)
        parts.withUnsafeMutableBufferPointer { slots in
            // Each part reads the shared bytes and writes only its own slot and window.
            nonisolated(unsafe) let slots = slots, text = text, header = header, windows = windows
            DispatchQueue.concurrentPerform(iterations: starts.count) { k in
                let end = k + 1 < starts.count ? starts[k + 1] : text.count
                var parser = k == 0 ? header : CSVParser(text, in: starts[k]..<end)
                parser.end = end
                var scan = TableScan(log: k == 0 ? log : ProblemLog(file: log.file, language: log.language), layout: layout)
                var rows = empty, values = windows[k]
                // The others' rows are appended to the first part's: it makes room for all.
                rows.reserve(k == 0 ? windows.reduce(0) { $0 + $1.capacity } : values.capacity)
                scan.read(&parser, into: &rows, values: &values)
                slots[k] = Part(rows: rows, log: scan.log, end: parser.position, records: parser.row, values: values)
            }
        }
        return parts.map { $0! }
    }
}
