/// Text cells made inert for spreadsheets (CSV and formula injection, OWASP).
///
/// Excel, WPS and LibreOffice run a cell that starts with `=`, `+`, `-` or `@` as a formula —
/// `=HYPERLINK("http://…","点击")` in a school's name would run on the planner's machine when
/// the plan's CSV is opened — and a leading tab or carriage return hides such a start. So a
/// text cell starting with one of them gets an apostrophe in front, which spreadsheets read
/// as "this is text" (and Junheng's readers drop again, see ``restored(_:)``), unless the
/// whole cell is a true number such as `-3` or `+1.5`.
///
/// ```swift
/// FormulaNeutralising.neutralised("=1+1")   // "'=1+1"
/// FormulaNeutralising.neutralised("-3")     // "-3"
/// FormulaNeutralising.restored("'=1+1")     // "=1+1"
/// ```
public enum FormulaNeutralising {
    /// `text` safe to put in a spreadsheet cell.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.utf8.first, triggers(first) else { return text }
        let isNumber = text.utf8.withContiguousStorageIfAvailable { DecimalNumber.decimal($0) != nil }
            ?? Array(text.utf8).withUnsafeBufferPointer { DecimalNumber.decimal($0) != nil }
        return isNumber ? text : "'" + text
    }

    /// A cell read back as it was before ``neutralised(_:)``: one apostrophe dropped when a
    /// trigger follows it.
    public static func restored(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "'"), triggers(bytes[bytes.index(after: bytes.startIndex)]) else { return text }
        return String(text.dropFirst())
    }

    /// Whether a cell starting with `byte` could be taken for a formula.
    @inline(__always)
    static func triggers(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
