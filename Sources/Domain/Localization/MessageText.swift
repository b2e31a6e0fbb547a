/// Text from a file or a request, made safe to put in a message.
///
/// Messages go to terminals, logs, pages and JSON. A cell can hold an ANSI escape sequence
/// that clears the screen, a CR/LF that forges a line of its own (`schools.csv:2:名称: …`), or a
/// megabyte of text; none of that may reach a message as it is.
///
/// ```swift
/// MessageText.escaped("a\u{1B}[2Jb\r\nc")   // "a\\u{1B}[2Jb\\r\\nc"
/// MessageText.excerpt(String(repeating: "x", count: 1000)).count   // 81: 80 characters and "…"
/// ```
public enum MessageText {
    /// How many characters of a value a message quotes.
    public static let excerptLength = 80

    /// `text` with every control character written as an escape: `\r`, `\n`, `\t` and
    /// `\u{XX}` for the rest of C0, DEL and C1 (U+0080–U+009F), and the bidirectional
    /// overrides and isolates (U+202A–U+202E, U+2066–U+2069) that reorder what a terminal
    /// shows. Everything else is kept, Chinese included.
    public static func escaped(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return String(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else { result.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    /// `text` cut to ``excerptLength`` characters (with "…" when cut) and escaped: what a
    /// message quotes of a value someone typed.
    public static func excerpt(_ text: some StringProtocol, length: Int = excerptLength) -> String {
        // Counting characters of a megabyte-long value would be work for nothing: look at a
        // bounded prefix of scalars only.
        var cut = String.UnicodeScalarView()
        cut.append(contentsOf: text.unicodeScalars.prefix(length * 4))
        let prefix = String(cut)
        let longer = !text.unicodeScalars.dropFirst(cut.count).isEmpty
        let shown = longer || prefix.count > length ? String(prefix.prefix(length)) + "…" : prefix
        return escaped(shown)
    }

    /// Whether `scalar` is shown as an escape.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
