/// What a ``CSVParser`` hands the cells of a record to.
protocol CSVCellVisitor {
    /// Takes the cell at `position` in the record; the cells come in order.
    mutating func visit(_ position: Int, _ cell: CSVCell)
}

/// A byte-level CSV reader (RFC 4180): comma-separated cells, quoted cells with doubled
/// quotes and line breaks inside, CRLF or LF (or old Mac CR) record ends, a final line break
/// or none.
///
/// It walks the bytes once and hands the cells of each record to the caller as ``CSVCell``
/// views, without copying: a province's schools file has 130,000 rows of 40 cells, and any
/// work per cell beyond looking at its bytes shows in the total.
/// Spaces and tabs around a cell are dropped (they are never data in these files).
struct CSVParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where the next record starts.
    private(set) var position: Int
    /// No record starts at or after this position; one that starts before it is read to
    /// its end, wherever that is.
    var end: Int
    /// The number of records read; the header, read first, is 1.
    private(set) var row = 0

    /// A parser of the records of `bytes` (which must stay valid while it is used) that
    /// start in `range`, by default all of them.
    init(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>? = nil) {
        self.bytes = bytes
        position = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
    }

    /// Reads the next record, handing each cell to `visitor` as it is found, or returns
    /// `false` at the end of the range.
    ///
    /// Inlined, so that the visitor's work is done in the parser's loop rather than called
    /// for each cell.
    @inline(__always)
    mutating func next(_ visitor: inout some CSVCellVisitor) throws(CSVSyntaxError) -> Bool {
        let count = bytes.count
        guard position < end, let base = bytes.baseAddress else { return false }
        row += 1
        var p = position, index = 0
        while true {
            while p < count, base[p] == .space || base[p] == .tab { p += 1 }
            var first = p, past: Int, escaped = false
            if p < count, base[p] == .quote {
                first += 1
                p = first
                while true {
                    guard p < count else { throw CSVSyntaxError(row: row, column: index, problem: .unterminatedQuote) }
                    if base[p] == .quote {
                        guard p + 1 < count, base[p + 1] == .quote else { break }
                        escaped = true
                        p += 1
                    }
                    p += 1
                }
                past = p
                p += 1
                while first < past, base[first] == .space || base[first] == .tab { first += 1 }
                while p < count, base[p] == .space || base[p] == .tab { p += 1 }
            } else {
                p = delimiter(from: p, base, count)
                past = p
            }
            while past > first, base[past - 1] == .space || base[past - 1] == .tab { past -= 1 }
            visitor.visit(index, CSVCell(bytes: UnsafeBufferPointer(start: base + first, count: past - first), escaped: escaped))
            index += 1
            guard p < count else {
                position = p
                return true
            }
            switch base[p] {
            case .comma:
                p += 1
            case .lineFeed:
                position = p + 1
                return true
            case .carriageReturn:
                position = p + 1 < count && base[p + 1] == .lineFeed ? p + 2 : p + 1
                return true
            default:
                throw CSVSyntaxError(row: row, column: index - 1, problem: .textAfterQuote)
            }
        }
    }

    /// The most records with any text that `bytes` can hold, when a record starts at their
    /// start, or `nil` when they are not UTF-8 (see ``TextDecoding/firstInvalidUTF8(_:)``):
    /// both looked for in one pass, since each reads every byte of a large file.
    ///
    /// A record with text ends in a line break after that text (an unquoted cell stops at
    /// the first line break, a quoted one at its closing quote). So the bound is one record
    /// per line break (line feed or carriage return) that follows some other byte, and one
    /// more for a last record without a line break; a blank line, or the line feed of a
    /// CRLF, adds nothing. Quoted line breaks count too, so this is a bound, not a count;
    /// for most files it is the count. A vertical tab or form feed is text to the parser,
    /// so it is text here too: taken for a line break, a record of nothing else after a
    /// line break went uncounted (found by fuzz/FuzzCSV).
    ///
    /// Like ``delimiter(from:_:_:)``, it tests eight bytes at once.
    static func mostRecords(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return 0 }
        let count = bytes.count
        // Whether the byte before `p` is a line break, in the high bit of a word's first
        // byte; the start counts as one, so that leading blank lines add nothing.
        var previous: UInt64 = 0x80, records = 0, p = 0
        while p + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self))
            let high = word & 0x8080_8080_8080_8080
            // The ASCII bytes: the whole word, or those before its first other byte.
            let ascii = high == 0 ? 8 : high.trailingZeroBitCount >> 3
            if ascii > 0 {
                // Line breaks are 0x0A and 0x0D: the bytes of the word equal to either, as the
                // high bits of their bytes (exact: no borrow crosses bytes).
                let breaks = (Self.zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A) | Self.zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D))
                    & (ascii == 8 ? ~0 : (1 << (8 * ascii)) - 1)
                // One bit per byte, counted by a multiplication that adds all bytes into the
                // top one (nonzeroBitCount is a long routine on processors without POPCNT,
                // which generic x86-64 code cannot assume).
                let ends = (breaks & ~(breaks << 8 | previous)) >> 7
                records += Int(truncatingIfNeeded: (ends &* 0x0101_0101_0101_0101) >> 56)
                previous = breaks >> (8 * ascii - 8) & 0x80
                p += ascii
            }
            if ascii < 8 {
                let run = TextDecoding.charactersRun(base, from: p, count)
                guard run.isValid else { return nil }
                p = run.end
                previous = 0
            }
        }
        var afterBreak = previous != 0
        while p < count {
            if base[p] >= 0x80 {
                let run = TextDecoding.charactersRun(base, from: p, count)
                guard run.isValid else { return nil }
                p = run.end
                afterBreak = false
                continue
            }
            let isBreak = base[p] == .lineFeed || base[p] == .carriageReturn
            if isBreak, !afterBreak { records += 1 }
            afterBreak = isBreak
            p += 1
        }
        return afterBreak ? records : records + 1
    }

    /// The high bit of each zero byte of `word`, and no other bit.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F | word | 0x7F7F_7F7F_7F7F_7F7F)
    }

    /// The position of the first comma, line feed or carriage return at or after `p`, or
    /// `count`.
    ///
    /// Eight bytes are tested at once (SWAR): a byte-at-a-time loop costs three cycles a
    /// byte, most of the parse. The delimiters all sort below 0x2D, while digits, letters
    /// and the bytes of Chinese text sort above it; a word's first byte below 0x2D is found
    /// exactly, then checked, since a space or a bracket sorts there too.
    @inline(__always)
    private func delimiter(from p: Int, _ base: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var p = p
        while p + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self))
            // High bit of each byte set when the byte is below 0x2D: its low seven bits plus
            // 0x53 stay below 0x80 and its own high bit is clear. No carry crosses bytes.
            let below = ~((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x5353_5353_5353_5353) & ~word & 0x8080_8080_8080_8080
            if below == 0 {
                p += 8
                continue
            }
            p += below.trailingZeroBitCount >> 3
            if base[p].isDelimiter { return p }
            p += 1
        }
        while p < count, !base[p].isDelimiter { p += 1 }
        return p
    }
}
