/// One cell of a CSV record, as a view into the file's bytes: nothing is copied or decoded
/// until a reader asks for a string or a number.
struct CSVCell {
    /// The cell's bytes without enclosing quotes and surrounding spaces or tabs; a quote
    /// inside a quoted cell is still doubled when ``escaped`` is true.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Whether the cell contains doubled quotes (`""`) to undo.
    let escaped: Bool

    /// Whether the cell holds nothing but spaces.
    var isEmpty: Bool { bytes.isEmpty }

    /// The cell's text.
    var string: String {
        guard escaped else { return String(decoding: bytes, as: UTF8.self) }
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var previousWasQuote = false
        for byte in bytes {
            // Keep the first quote of each doubled pair.
            previousWasQuote = byte == UInt8(ascii: "\"") && !previousWasQuote
            if byte != UInt8(ascii: "\"") || previousWasQuote { text.append(byte) }
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// A record's cells, collected in order (the header row's, or a test's).
extension Array: CSVCellVisitor where Element == CSVCell {
    mutating func visit(_ position: Int, _ cell: CSVCell) {
        append(cell)
    }
}
