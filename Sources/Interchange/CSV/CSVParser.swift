/// A byte-level CSV reader (RFC 4180): comma-separated cells, quoted cells with doubled
/// quotes and line breaks inside, CRLF or LF (or old Mac CR) record ends, a final line break
/// or none.
///
/// It walks the bytes once and hands each cell to the caller as a ``CSVCell`` view as soon
/// as it is found, without copying or collecting: a province's schools file has 130,000
/// rows of 40 cells, and any work per cell beyond looking at its bytes shows in the total.
/// Spaces and tabs around a cell are dropped (they are never data in these files).
struct CSVParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// The number of the record last read, header = 1.
    private(set) var row = 0

    /// A parser at the start of `bytes`, which must stay valid while it is used.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Reads the next record, calling `cell` with each cell's position in the record and
    /// its bytes; `false` at the end of the text.
    mutating func next(_ cell: (Int, CSVCell) -> Void) throws(CSVSyntaxError) -> Bool {
        let count = bytes.count
        guard position < count, let base = bytes.baseAddress else { return false }
        row += 1
        var p = position, index = 0
        while true {
            while p < count, base[p] == .space || base[p] == .tab { p += 1 }
            var start = p, end: Int, escaped = false
            if p < count, base[p] == .quote {
                start += 1
                p = start
                while true {
                    guard p < count else { throw CSVSyntaxError(row: row, problem: .unterminatedQuote) }
                    if base[p] == .quote {
                        guard p + 1 < count, base[p + 1] == .quote else { break }
                        escaped = true
                        p += 1
                    }
                    p += 1
                }
                end = p
                p += 1
                while start < end, base[start] == .space || base[start] == .tab { start += 1 }
                while p < count, base[p] == .space || base[p] == .tab { p += 1 }
            } else {
                p = delimiter(from: p, base, count)
                end = p
            }
            while end > start, base[end - 1] == .space || base[end - 1] == .tab { end -= 1 }
            cell(index, CSVCell(bytes: UnsafeBufferPointer(start: base + start, count: end - start), escaped: escaped))
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
                throw CSVSyntaxError(row: row, problem: .textAfterQuote)
            }
        }
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
