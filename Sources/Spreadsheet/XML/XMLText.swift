/// Character data as XML and SpreadsheetML store it, turned back into text: the five
/// predefined entities, numeric character references, line-end normalisation and the
/// `_xHHHH_` escapes Excel uses for characters XML 1.0 cannot carry.
enum XMLText {
    /// Appends the text of `range` to `output` with references resolved and CR / CRLF turned
    /// into LF (XML 1.0 §2.11: a parser must, and Excel relies on it).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into output: inout [UInt8]) throws(XMLProblem) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&") {
                index = try reference(bytes, at: index, end: end, into: &output)
            } else if byte == UInt8(ascii: "\r") {
                output.append(UInt8(ascii: "\n"))
                index += 1
                if index < end, bytes[index] == UInt8(ascii: "\n") { index += 1 }
            } else {
                output.append(byte)
                index += 1
            }
        }
    }

    /// Resolves the reference starting with `&` at `start`; returns the index after its `;`.
    private static func reference(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, into output: inout [UInt8]
    ) throws(XMLProblem) -> Int {
        // The longest legal reference is `&#x10FFFF;` (10 bytes) or `&#1114111;`; leading
        // zeros are legal but no producer writes more than a few.
        var semicolon = start + 1
        while semicolon < end, semicolon - start <= 16, bytes[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
        guard semicolon < end, bytes[semicolon] == UInt8(ascii: ";") else {
            throw .badReference(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(end, start + 12)]), as: UTF8.self))
        }
        let body = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<semicolon])
        let quoted = String(decoding: UnsafeBufferPointer(rebasing: bytes[start...semicolon]), as: UTF8.self)
        if body.first == UInt8(ascii: "#") {
            var scalar: UInt32 = 0
            let hex = body.count > 1 && body[1] == UInt8(ascii: "x")
            let digits = body.dropFirst(hex ? 2 : 1)
            guard !digits.isEmpty else { throw .badReference(quoted) }
            for digit in digits {
                guard let value = hex ? digit.hexValue : digit.decimalValue, scalar <= 0x10FFFF else {
                    throw .badReference(quoted)
                }
                scalar = scalar * (hex ? 16 : 10) + UInt32(value)
            }
            guard isXMLCharacter(scalar), let unicode = Unicode.Scalar(scalar) else { throw .badReference(quoted) }
            output.append(contentsOf: UTF8.encode(unicode)!)
        } else {
            switch String(decoding: body, as: UTF8.self) {
            case "lt": output.append(UInt8(ascii: "<"))
            case "gt": output.append(UInt8(ascii: ">"))
            case "amp": output.append(UInt8(ascii: "&"))
            case "quot": output.append(UInt8(ascii: "\""))
            case "apos": output.append(UInt8(ascii: "'"))
            default: throw .badReference(quoted)
            }
        }
        return semicolon + 1
    }

    /// Whether XML 1.0 allows the code point in a document (production `Char`).
    static func isXMLCharacter(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// The text of UTF-8 bytes, refusing invalid sequences.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) throws(XMLProblem) -> String {
        // Most cell values (numbers, codes) are ASCII: the non-generic decoding initializer is
        // several times cheaper than validation, and ASCII needs none.
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
        return text
    }

    /// Replaces the `_xHHHH_` escapes of ECMA-376 `ST_Xstring` (used in shared and inline
    /// strings) with the UTF-16 code unit they name; `_x005F_` is the escaped underscore, which
    /// is how a literal `_x0041_` survives. Surrogates are left as written.
    static func unescapeSpreadsheetEscapes(_ bytes: inout [UInt8]) {
        guard bytes.count >= 7, bytes.contains(UInt8(ascii: "_")) else { return }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "_"), index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"),
               bytes[index + 6] == UInt8(ascii: "_"),
               let a = bytes[index + 2].hexValue, let b = bytes[index + 3].hexValue,
               let c = bytes[index + 4].hexValue, let d = bytes[index + 5].hexValue,
               let scalar = Unicode.Scalar(UInt32(a) << 12 | UInt32(b) << 8 | UInt32(c) << 4 | UInt32(d)) {
                output.append(contentsOf: UTF8.encode(scalar)!)
                index += 7
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        bytes = output
    }
}
