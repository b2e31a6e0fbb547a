import Domain

/// Turns the bytes of a tabular file into UTF-8, the only encoding the parsers read.
///
/// Bureaus send UTF-8 (with or without the byte-order mark Excel adds) or GB18030 (国标码,
/// what Excel on a Chinese Windows writes by default). A file that is valid UTF-8 is UTF-8:
/// GB18030 text with Chinese characters is practically never valid UTF-8, so the check
/// tells the two apart without guessing from content.
public enum TextDecoding {
    /// The UTF-8 byte-order mark (EF BB BF).
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The UTF-8 text of `bytes`: without a byte-order mark, decoded from GB18030 when the
    /// bytes are not valid UTF-8.
    ///
    /// A file with a byte-order mark is declared UTF-8 and must be valid UTF-8.
    ///
    /// - Throws: a ``DataFileError`` naming `file` and the line of the first undecodable byte.
    public static func utf8(from bytes: [UInt8], file: String, language: Language = .chinese) throws(DataFileError) -> [UInt8] {
        let hasMark = bytes.starts(with: byteOrderMark)
        let text = hasMark ? Array(bytes.dropFirst(byteOrderMark.count)) : bytes
        guard let invalid = text.withUnsafeBufferPointer(firstInvalidUTF8) else { return text }
        let problem: Problem, offset: Int
        if hasMark {
            (problem, offset) = (.undecodable, invalid)
        } else {
            switch Iconv.convert(text, from: "GB18030", to: "UTF-8") {
            case let .converted(utf8): return utf8
            case let .invalid(at): (problem, offset) = (.undecodable, at)
            case .unavailable: (problem, offset) = (.gb18030Unavailable, 0)
            }
        }
        let (row, column) = place(of: offset, in: text)
        throw DataFileError(errors: [
            RowError(file: file, row: row, column: String(column), message: problem.message(in: language)),
        ])
    }

    /// The GB18030 encoding of UTF-8 text, for files meant for Excel on a Chinese Windows.
    ///
    /// - Throws: ``TextCodingError`` when this system's `iconv` has no GB18030 converter.
    public static func gb18030(fromUTF8 utf8: [UInt8]) throws(TextCodingError) -> [UInt8] {
        switch Iconv.convert(utf8, from: "UTF-8", to: "GB18030") {
        case let .converted(bytes): return bytes
        // Every Unicode scalar has a GB18030 code, so only broken UTF-8 lands here.
        case .invalid: throw TextCodingError(message: "the text to encode is not valid UTF-8")
        case .unavailable: throw TextCodingError(message: "GB18030 encoding is unavailable on this system (iconv)")
        }
    }

    /// The 1-based line of a byte offset and the 1-based cell on it (counting the commas
    /// before it; a quoted comma may shift it by a cell): where a person looks for the bad byte.
    private static func place(of offset: Int, in bytes: [UInt8]) -> (row: Int, column: Int) {
        let before = bytes[..<min(offset, bytes.count)]
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let row = 1 + before.count { $0 == UInt8(ascii: "\n") }
        return (row, 1 + before[lineStart...].count { $0 == UInt8(ascii: ",") })
    }

    /// The offset of the first byte that breaks UTF-8 (RFC 3629: no overlong forms, no
    /// surrogates, nothing above U+10FFFF), or `nil` for valid text.
    ///
    /// This runs over every byte of files of tens of megabytes, so ASCII (digits, commas)
    /// is checked eight bytes at a time.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var i = 0
        while i < count {
            while i + 8 <= count, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < count else { return nil }
            if base[i] < 0x80 {
                i += 1
            } else {
                let run = charactersRun(base, from: i, count)
                guard run.isValid else { return run.end }
                i = run.end
            }
        }
        return nil
    }

    /// Where the run of multi-byte UTF-8 characters at `i` ends (at the next ASCII byte or
    /// the end of the bytes), or where its first invalid character starts (see
    /// ``firstInvalidUTF8(_:)``).
    ///
    /// The three-byte characters of Chinese text (U+1000…U+CFFF, leads E1…EC) have a loop of
    /// their own.
    @inline(__always)
    static func charactersRun(_ base: UnsafePointer<UInt8>, from i: Int, _ count: Int) -> (end: Int, isValid: Bool) {
        var i = i
        while i < count, base[i] >= 0x80 {
            while i + 3 <= count, base[i] &- 0xE1 < 12, base[i + 1] & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80 {
                i += 3
            }
            guard i < count, base[i] >= 0x80 else { break }
            // The allowed range of the second byte depends on the lead (RFC 3629, table 3-7).
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch base[i] {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xED: length = 3; high = 0x9F
            case 0xE1...0xEF: length = 3
            case 0xF0: length = 4; low = 0x90
            case 0xF4: length = 4; high = 0x8F
            case 0xF1...0xF3: length = 4
            default: return (i, false)
            }
            guard i + length <= count, (low...high).contains(base[i + 1]) else { return (i, false) }
            for k in 2..<length where base[i + k] & 0xC0 != 0x80 { return (i, false) }
            i += length
        }
        return (i, true)
    }
}
