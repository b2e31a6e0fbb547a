/// The encoding of a file Junheng writes.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8 without a byte-order mark: for scripts and other programs.
    case utf8
    /// UTF-8 with a byte-order mark, which Excel needs to recognise UTF-8 Chinese text.
    case utf8WithBOM = "utf8-bom"
    /// GB18030 (国标码), what older Excel on a Chinese Windows reads without asking.
    case gb18030

    /// `utf8` text in this encoding.
    ///
    /// - Throws: ``TextCodingError`` for GB18030 when this system cannot encode it.
    public func encode(_ utf8: [UInt8]) throws(TextCodingError) -> [UInt8] {
        switch self {
        case .utf8: utf8
        case .utf8WithBOM: TextDecoding.byteOrderMark + utf8
        case .gb18030: try TextDecoding.gb18030(fromUTF8: utf8)
        }
    }
}
