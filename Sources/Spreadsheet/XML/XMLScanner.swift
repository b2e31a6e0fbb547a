/// A strict pull scanner over one XML document in memory, made for worksheets of hundreds of
/// thousands of cells: no allocation per token (names, attributes and text are byte ranges
/// into the document), one pass, bounded nesting.
///
/// It checks what matters for trusting the data: tags terminated, end tags matching their
/// start tags, one root element, attribute syntax, entity and character references (only the
/// five predefined entities exist: a `<!DOCTYPE` is refused, which also rules out entity
/// bombs). Names are compared by local name, so `<x:c>` is a `c`; namespaces are not resolved,
/// as every spreadsheet reader does. Comments and processing instructions are skipped.
struct XMLScanner {
    /// The document. The caller keeps it alive for the scanner's lifetime.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the next token starts.
    private(set) var position: Int
    /// The local name of the last start, empty or end tag.
    private(set) var name: Range<Int> = 0..<0
    /// The attributes of the last start or empty tag.
    private(set) var attributes: [XMLAttribute] = []
    /// The raw bytes of the last text token.
    private(set) var text: Range<Int> = 0..<0
    /// Whether the last text token needs ``XMLText/decode(_:_:into:)`` (it has `&` or CR);
    /// false for CDATA, whose bytes are literal.
    private(set) var textNeedsDecoding = false
    /// Qualified names of the open elements, innermost last.
    private var open: [Range<Int>] = []
    private var sawRoot = false
    private var scratch: [UInt8] = []

    /// Deeper nesting than this is refused: worksheets need about six levels.
    static let maximumDepth = 256

    /// A scanner at the start of `bytes`, past a UTF-8 byte order mark.
    init(_ bytes: UnsafeBufferPointer<UInt8>) throws(ScanError) {
        self.bytes = bytes
        position = 0
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw ScanError(offset: 0, problem: .xml(.utf16))
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        attributes.reserveCapacity(8)
        open.reserveCapacity(16)
    }

    /// How many elements are open.
    var depth: Int { open.count }

    /// Whether the last tag's local name is `literal`.
    func isNamed(_ literal: StaticString) -> Bool {
        equals(name, literal)
    }

    /// Whether the bytes of `range` are `literal`.
    func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let other = literal.utf8Start
        var index = 0
        while index < range.count {
            if bytes[range.lowerBound + index] != other[index] { return false }
            index += 1
        }
        return true
    }

    /// The raw value of the last tag's attribute with local name `literal`.
    func attribute(_ literal: StaticString) -> XMLAttribute? {
        for attribute in attributes where equals(attribute.name, literal) { return attribute }
        return nil
    }

    /// The value of the last tag's attribute with local name `literal`, references resolved.
    mutating func string(_ literal: StaticString) throws(ScanError) -> String? {
        guard let attribute = attribute(literal) else { return nil }
        return try string(attribute)
    }

    /// The value of an attribute as text, references resolved.
    mutating func string(_ attribute: XMLAttribute) throws(ScanError) -> String {
        do {
            if !attribute.hasReferences { return try XMLText.string(UnsafeBufferPointer(rebasing: bytes[attribute.value])) }
            scratch.removeAll(keepingCapacity: true)
            try XMLText.decode(bytes, attribute.value, into: &scratch)
            return try scratch.withUnsafeBufferPointer { buffer throws(XMLProblem) in try XMLText.string(buffer) }
        } catch {
            throw ScanError(offset: attribute.value.lowerBound, problem: .xml(error))
        }
    }

    /// Appends the last text token, references resolved, to `output`.
    func appendText(to output: inout [UInt8]) throws(ScanError) {
        guard textNeedsDecoding else { return output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[text])) }
        do { try XMLText.decode(bytes, text, into: &output) } catch { throw ScanError(offset: text.lowerBound, problem: .xml(error)) }
    }

    /// The last tag's name as written, for messages.
    var nameText: String { String(decoding: UnsafeBufferPointer(rebasing: bytes[name]), as: UTF8.self) }

    /// The next token; ``XMLToken/done`` once the root element has closed and only white
    /// space, comments and processing instructions follow.
    mutating func next() throws(ScanError) -> XMLToken {
        let count = bytes.count
        while true {
            guard position < count else {
                if let last = open.last { throw failure(count, .unclosedElement(describe(last))) }
                if !sawRoot { throw failure(count, .noRootElement) }
                return .done
            }
            if bytes[position] != UInt8(ascii: "<") {
                let start = position
                var special = false
                while position < count {
                    let byte = bytes[position]
                    if byte == UInt8(ascii: "<") { break }
                    if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\r") { special = true }
                    position += 1
                }
                if open.isEmpty {
                    for index in start..<position where !bytes[index].isXMLSpace { throw failure(index, .textOutsideRoot) }
                    continue
                }
                text = start..<position
                textNeedsDecoding = special
                if special { try validateText() }
                return .text
            }
            // Markup.
            guard position + 1 < count else { throw failure(position, .unterminatedTag) }
            switch bytes[position + 1] {
            case UInt8(ascii: "/"):
                return try endTag()
            case UInt8(ascii: "?"):
                position = try skip(past: "?>", from: position + 2, problem: .unterminatedProcessingInstruction)
            case UInt8(ascii: "!"):
                if hasPrefix("<!--", at: position) {
                    position = try skip(past: "-->", from: position + 4, problem: .unterminatedComment)
                } else if hasPrefix("<![CDATA[", at: position) {
                    let start = position + 9
                    position = try skip(past: "]]>", from: start, problem: .unterminatedCDATA)
                    guard !open.isEmpty else { throw failure(start, .textOutsideRoot) }
                    text = start..<(position - 3)
                    textNeedsDecoding = false
                    return .text
                } else if hasPrefix("<!DOCTYPE", at: position) {
                    throw failure(position, .doctype)
                } else {
                    throw failure(position, .badName)
                }
            default:
                return try startTag()
            }
        }
    }

    /// Skips the rest of the element whose start tag was just returned (nothing to do after
    /// an empty tag).
    mutating func skipElement(after token: XMLToken) throws(ScanError) {
        guard token == .start else { return }
        let target = open.count - 1
        while open.count > target {
            if try next() == .done { return }
        }
    }

    // MARK: - Tags

    private mutating func startTag() throws(ScanError) -> XMLToken {
        let count = bytes.count
        let tagStart = position
        var index = position + 1
        let nameStart = index
        var localStart = index
        while index < count {
            let byte = bytes[index]
            if byte.isXMLSpace || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") { break }
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                throw failure(index, .badName)
            }
            if byte == UInt8(ascii: ":") { localStart = index + 1 }
            index += 1
        }
        guard index < count else { throw failure(tagStart, .unterminatedTag) }
        guard index > nameStart, localStart < index else { throw failure(tagStart, .badName) }
        let qualified = nameStart..<index
        name = localStart..<index
        attributes.removeAll(keepingCapacity: true)
        while true {
            while index < count, bytes[index].isXMLSpace { index += 1 }
            guard index < count else { throw failure(tagStart, .unterminatedTag) }
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") {
                position = index + 1
                try opened(qualified, at: tagStart)
                open.append(qualified)
                return .start
            }
            if byte == UInt8(ascii: "/") {
                guard index + 1 < count else { throw failure(tagStart, .unterminatedTag) }
                guard bytes[index + 1] == UInt8(ascii: ">") else { throw failure(index, .badAttribute) }
                position = index + 2
                try opened(qualified, at: tagStart)
                return .empty
            }
            index = try attribute(at: index, tagStart: tagStart)
        }
    }

    /// Reads `name = "value"` at `start`; returns the index after the closing quote.
    private mutating func attribute(at start: Int, tagStart: Int) throws(ScanError) -> Int {
        let count = bytes.count
        var index = start
        var localStart = start
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "=") || byte.isXMLSpace { break }
            if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                throw failure(index, .badAttribute)
            }
            if byte == UInt8(ascii: ":") { localStart = index + 1 }
            index += 1
        }
        let name = localStart..<index
        while index < count, bytes[index].isXMLSpace { index += 1 }
        guard index < count else { throw failure(tagStart, .unterminatedTag) }
        guard bytes[index] == UInt8(ascii: "="), !name.isEmpty else { throw failure(index, .badAttribute) }
        index += 1
        while index < count, bytes[index].isXMLSpace { index += 1 }
        guard index < count else { throw failure(tagStart, .unterminatedTag) }
        let quote = bytes[index]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw failure(index, .badAttribute) }
        index += 1
        let valueStart = index
        var references = false
        while index < count, bytes[index] != quote {
            if bytes[index] == UInt8(ascii: "<") { throw failure(index, .badAttribute) }
            if bytes[index] == UInt8(ascii: "&") { references = true }
            index += 1
        }
        guard index < count else { throw failure(tagStart, .unterminatedTag) }
        let value = valueStart..<index
        if references {
            scratch.removeAll(keepingCapacity: true)
            do { try XMLText.decode(bytes, value, into: &scratch) } catch { throw failure(valueStart, error) }
        }
        attributes.append(XMLAttribute(name: name, value: value, hasReferences: references))
        return index + 1
    }

    /// Checks that an element may open here.
    private mutating func opened(_ qualified: Range<Int>, at offset: Int) throws(ScanError) {
        if open.isEmpty {
            if sawRoot { throw failure(offset, .multipleRoots) }
            sawRoot = true
        }
        if open.count >= Self.maximumDepth { throw failure(offset, .tooDeep) }
    }

    private mutating func endTag() throws(ScanError) -> XMLToken {
        let count = bytes.count
        let tagStart = position
        var index = position + 2
        let nameStart = index
        var localStart = index
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") || byte.isXMLSpace { break }
            if byte == UInt8(ascii: "<") { throw failure(tagStart, .unterminatedTag) }
            if byte == UInt8(ascii: ":") { localStart = index + 1 }
            index += 1
        }
        let qualified = nameStart..<index
        while index < count, bytes[index].isXMLSpace { index += 1 }
        guard index < count else { throw failure(tagStart, .unterminatedTag) }
        guard bytes[index] == UInt8(ascii: ">") else { throw failure(index, .unterminatedTag) }
        guard let expected = open.popLast() else { throw failure(tagStart, .unexpectedEndTag(describe(qualified))) }
        guard sameBytes(expected, qualified) else {
            throw failure(tagStart, .mismatchedEndTag(expected: describe(expected), found: describe(qualified)))
        }
        name = localStart..<index
        position = index + 1
        return .end
    }

    // MARK: - Helpers

    private mutating func validateText() throws(ScanError) {
        scratch.removeAll(keepingCapacity: true)
        do { try XMLText.decode(bytes, text, into: &scratch) } catch { throw failure(text.lowerBound, error) }
    }

    private func sameBytes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        var index = 0
        while index < a.count {
            if bytes[a.lowerBound + index] != bytes[b.lowerBound + index] { return false }
            index += 1
        }
        return true
    }

    private func hasPrefix(_ literal: StaticString, at offset: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard offset + length <= bytes.count else { return false }
        return equals(offset..<(offset + length), literal)
    }

    /// The index just after the first `terminator` at or after `start`.
    private func skip(past terminator: StaticString, from start: Int, problem: XMLProblem) throws(ScanError) -> Int {
        let first = terminator.utf8Start[0]
        var index = start
        while index < bytes.count {
            if bytes[index] == first, hasPrefix(terminator, at: index) { return index + terminator.utf8CodeUnitCount }
            index += 1
        }
        throw failure(start, problem)
    }

    private func describe(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<min(range.upperBound, range.lowerBound + 64)]), as: UTF8.self)
    }

    private func failure(_ offset: Int, _ problem: XMLProblem) -> ScanError {
        ScanError(offset: offset, problem: .xml(problem))
    }
}
