
/// Reads the cells of a worksheet part (`<sheetData>`), ignoring everything else: the
/// `<dimension>` claim in particular is never trusted, so nothing is allocated from it.
/// The cells kept and the length of their text are bounded by ``XLSXLimits``, checked as
/// each cell is read.
struct WorksheetReader {
    private let sharedStrings: [String]
    private let limits: XLSXLimits
    private var rows: [XLSXRow] = []
    private var cellCount = 0
    private var lastRow = 0
    /// The cell being read, for messages: the row, and the column of the last cell begun.
    private var column = 0
    private var value: [UInt8] = []
    private var formula: [UInt8] = []
    private var scratch: [UInt8] = []

    /// The rows of the worksheet in `bytes`.
    static func read(
        _ bytes: [UInt8], sharedStrings: [String], limits: XLSXLimits, file: String, part: String, sheet: String
    ) throws(XLSXError) -> [XLSXRow] {
        var reader = WorksheetReader(sharedStrings: sharedStrings, limits: limits)
        return try PartScan.run(bytes, file: file, part: part, sheet: sheet) { (scanner: inout XMLScanner) throws(ScanError) in
            do throws(ScanError) {
                try reader.read(&scanner)
            } catch {
                // Located at the cell being read, which is where a person looks.
                var located = error
                located.row = max(1, reader.lastRow)
                located.column = reader.column
                throw located
            }
            return reader.rows
        }
    }

    private init(sharedStrings: [String], limits: XLSXLimits) {
        self.sharedStrings = sharedStrings
        self.limits = limits
    }

    private mutating func read(_ scanner: inout XMLScanner) throws(ScanError) {
        while true {
            let token = try scanner.next()
            if token == .done { return }
            if token == .start, scanner.depth == 2, scanner.isNamed("sheetData") { try sheetData(&scanner) }
        }
    }

    private mutating func sheetData(_ scanner: inout XMLScanner) throws(ScanError) {
        while true {
            let token = try scanner.next()
            switch token {
            case .end, .done: return
            case .start, .empty:
                if scanner.isNamed("row") { try row(&scanner, token) } else { try scanner.skipElement(after: token) }
            case .text: continue
            }
        }
    }

    private mutating func row(_ scanner: inout XMLScanner, _ token: XMLToken) throws(ScanError) {
        var number = lastRow + 1
        if let r = scanner.attribute("r") {
            guard let given = CellReference.row(UnsafeBufferPointer(rebasing: scanner.bytes[r.value]), from: 0) else {
                throw ScanError(offset: r.value.lowerBound, problem: .badCellReference(text(scanner, r.value)))
            }
            number = given
        }
        guard number > lastRow, number <= CellReference.rowCount else {
            throw ScanError(offset: scanner.name.lowerBound, problem: .rowOutOfOrder(number))
        }
        lastRow = number
        column = 0
        guard token == .start else { return }
        var cells: [XLSXCell] = []
        var lastColumn = -1
        while true {
            let token = try scanner.next()
            switch token {
            case .end, .done:
                if !cells.isEmpty { rows.append(XLSXRow(number: number, cells: cells)) }
                return
            case .start, .empty:
                guard scanner.isNamed("c") else { try scanner.skipElement(after: token); continue }
                if let cell = try cell(&scanner, token, row: number, lastColumn: &lastColumn) {
                    cellCount += 1
                    guard cellCount <= limits.cells else {
                        throw ScanError(offset: scanner.name.lowerBound, problem: .tooManyCells(limit: limits.cells))
                    }
                    cells.append(cell)
                }
            case .text: continue
            }
        }
    }

    /// The kinds of `t` attribute.
    private enum CellType { case number, shared, formulaString, inline, bool, error, date }

    private mutating func cell(
        _ scanner: inout XMLScanner, _ token: XMLToken, row: Int, lastColumn: inout Int
    ) throws(ScanError) -> XLSXCell? {
        var column = lastColumn + 1
        self.column = min(column, CellReference.columnCount - 1)
        if let r = scanner.attribute("r") {
            guard let (given, _) = CellReference.cell(UnsafeBufferPointer(rebasing: scanner.bytes[r.value])) else {
                throw ScanError(offset: r.value.lowerBound, problem: .badCellReference(text(scanner, r.value)))
            }
            column = given
        }
        guard column > lastColumn, column < CellReference.columnCount else {
            throw ScanError(offset: scanner.name.lowerBound, problem: .cellOutOfOrder(CellReference.string(row: row, column: column)))
        }
        lastColumn = column
        self.column = column
        var type = CellType.number
        if let t = scanner.attribute("t") {
            if scanner.equals(t.value, "s") { type = .shared }
            else if scanner.equals(t.value, "str") { type = .formulaString }
            else if scanner.equals(t.value, "inlineStr") { type = .inline }
            else if scanner.equals(t.value, "b") { type = .bool }
            else if scanner.equals(t.value, "e") { type = .error }
            else if scanner.equals(t.value, "d") { type = .date }
        }
        guard token == .start else { return nil }
        let cellOffset = scanner.name.lowerBound
        var hasValue = false
        var hasFormula = false
        var inline: String?
        value.removeAll(keepingCapacity: true)
        while true {
            let token = try scanner.next()
            if token == .end || token == .done { break }
            guard token == .start || token == .empty else { continue }
            if scanner.isNamed("v") {
                hasValue = true
                try collectText(&scanner, token, into: &value)
            } else if scanner.isNamed("f") {
                hasFormula = true
                formula.removeAll(keepingCapacity: true)
                try collectText(&scanner, token, into: &formula)
            } else if scanner.isNamed("is") {
                inline = try RichText.read(&scanner, after: token, buffer: &scratch, limit: limits.textLength)
            } else {
                try scanner.skipElement(after: token)
            }
        }
        let result: XLSXValue
        if type == .inline, let inline {
            result = .text(inline)
        } else if hasValue, !value.isEmpty {
            switch type {
            case .shared:
                result = .text(try sharedString(row: row, column: column, offset: cellOffset))
            case .bool:
                if value == [UInt8(ascii: "1")] || value == Array("true".utf8) { result = .bool(true) }
                else if value == [UInt8(ascii: "0")] || value == Array("false".utf8) { result = .bool(false) }
                else { throw ScanError(offset: cellOffset, problem: .badBoolean(String(decoding: value, as: UTF8.self))) }
            case .error: result = .error(try string(value, offset: cellOffset))
            case .formulaString, .inline, .date: result = .text(try string(value, offset: cellOffset))
            case .number: result = .number(try string(value, offset: cellOffset))
            }
        } else if type == .formulaString, hasValue, hasFormula {
            result = .text("")  // a formula whose result is the empty string
        } else if hasFormula {
            result = .formulaWithoutValue(try string(formula, offset: cellOffset))
        } else {
            return nil
        }
        return XLSXCell(row: row, column: column, value: result)
    }

    /// Appends the character data of the element just opened (`token`) up to its end tag,
    /// refusing text longer than a cell may hold.
    private func collectText(_ scanner: inout XMLScanner, _ token: XMLToken, into output: inout [UInt8]) throws(ScanError) {
        guard token == .start else { return }
        let depth = scanner.depth
        while scanner.depth >= depth {
            switch try scanner.next() {
            case .text where scanner.depth == depth:
                try scanner.appendText(to: &output)
                try RichText.checkLength(output, limit: limits.textLength, offset: scanner.position)
            case .done: return
            default: continue
            }
        }
    }

    private func sharedString(row: Int, column: Int, offset: Int) throws(ScanError) -> String {
        // At most 10 digits are read, so the index cannot overflow: a longer run is refused
        // before any arithmetic (a 20-digit index once stopped the process).
        var index = 0
        var valid = (1...10).contains(value.count)
        if valid {
            for byte in value {
                guard let digit = byte.decimalValue else { valid = false; break }
                index = index * 10 + Int(digit)
            }
        }
        guard valid, index < sharedStrings.count else {
            throw ScanError(offset: offset, problem: .badSharedStringIndex(
                reference: CellReference.string(row: row, column: column),
                // A bounded prefix: the message shows an excerpt of it.
                index: String(decoding: value.prefix(1024), as: UTF8.self), count: sharedStrings.count))
        }
        return sharedStrings[index]
    }

    private func string(_ bytes: [UInt8], offset: Int) throws(ScanError) -> String {
        let text: String
        do {
            text = try bytes.withUnsafeBufferPointer { (buffer) throws(XMLProblem) in try XMLText.string(buffer) }
        } catch {
            throw ScanError(offset: offset, problem: .xml(error))
        }
        guard text.utf16.count <= limits.textLength else { throw ScanError(offset: offset, problem: .textTooLong(limit: limits.textLength)) }
        return text
    }

    private func text(_ scanner: XMLScanner, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: scanner.bytes[range]), as: UTF8.self)
    }
}
