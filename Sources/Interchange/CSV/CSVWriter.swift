import Spreadsheet
/// Builds RFC 4180 CSV text: cells separated by commas, records ended by CRLF (what Excel
/// writes and expects), cells quoted only when they contain a comma, a quote or a line break.
/// Text that a spreadsheet would run as a formula is neutralised (``FormulaNeutralising``).
public struct CSVWriter {
    /// The UTF-8 text so far.
    public private(set) var bytes: [UInt8] = []
    private var atRecordStart = true
    /// Whether formula-like cells get an apostrophe; off only for text Junheng itself reads
    /// back at once (the edit form's one-row file), never for a file someone opens.
    private let neutralisesFormulas: Bool

    public init(neutralisesFormulas: Bool = true) {
        self.neutralisesFormulas = neutralisesFormulas
    }

    /// Appends a cell; `nil` is an empty cell ("not reported").
    public mutating func cell(_ text: String?) {
        if !atRecordStart { bytes.append(.comma) }
        atRecordStart = false
        guard var text else { return }
        if neutralisesFormulas { text = FormulaNeutralising.neutralised(text) }
        let needsQuotes = text.utf8.contains { $0 == .comma || $0 == .quote || $0 == .lineFeed || $0 == .carriageReturn }
        guard needsQuotes else { return bytes.append(contentsOf: text.utf8) }
        bytes.append(.quote)
        for byte in text.utf8 {
            if byte == .quote { bytes.append(.quote) }
            bytes.append(byte)
        }
        bytes.append(.quote)
    }

    /// Ends the current record.
    public mutating func endRecord() {
        bytes.append(contentsOf: [.carriageReturn, .lineFeed])
        atRecordStart = true
    }
}
