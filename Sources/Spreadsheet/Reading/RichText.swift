/// The text of a shared string `<si>` or inline string `<is>`: a plain `<t>`, or rich-text
/// runs `<r><t>…</t></r>` concatenated; phonetic runs `<rPh>` (furigana) are not part of
/// the value. `_xHHHH_` escapes are resolved.
enum RichText {
    /// Reads up to and including the end tag of the element whose start tag was just
    /// returned (`token` is `.start` or `.empty`), using `buffer` as scratch.
    static func read(
        _ scanner: inout XMLScanner, after token: XMLToken, buffer: inout [UInt8], limit: Int
    ) throws(ScanError) -> String {
        buffer.removeAll(keepingCapacity: true)
        guard token == .start else { return "" }
        let depth = scanner.depth
        let start = scanner.position
        var inText = false
        var phoneticDepth: Int?
        while scanner.depth >= depth {
            switch try scanner.next() {
            case .start:
                if phoneticDepth == nil, scanner.isNamed("rPh") { phoneticDepth = scanner.depth }
                if phoneticDepth == nil, scanner.isNamed("t") { inText = true }
            case .end:
                if let phonetic = phoneticDepth, scanner.depth < phonetic { phoneticDepth = nil }
                inText = false
            case .text where inText:
                try scanner.appendText(to: &buffer)
                try checkLength(buffer, limit: limit, offset: start)
            case .text, .empty:
                continue
            case .done:
                return ""  // unreachable: the scanner reports the unclosed element first
            }
        }
        XMLText.unescapeSpreadsheetEscapes(&buffer)
        let text: String
        do {
            text = try buffer.withUnsafeBufferPointer { (bytes) throws(XMLProblem) in try XMLText.string(bytes) }
        } catch {
            throw ScanError(offset: start, problem: .xml(error))
        }
        guard text.utf16.count <= limit else { throw ScanError(offset: start, problem: .textTooLong(limit: limit)) }
        return text
    }

    /// Refuses text whose bytes already exceed what `limit` characters can take (4 bytes
    /// each at most, before `_xHHHH_` escapes are resolved: 7 bytes for a character),
    /// while it is still being collected; the exact count is checked on the decoded text.
    @inline(__always)
    static func checkLength(_ buffer: [UInt8], limit: Int, offset: Int) throws(ScanError) {
        guard buffer.count <= limit * 7 else { throw ScanError(offset: offset, problem: .textTooLong(limit: limit)) }
    }
}
