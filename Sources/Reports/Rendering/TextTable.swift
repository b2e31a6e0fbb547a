import Spreadsheet

/// A plain-text table for terminals, aligned by display width: Chinese characters take two
/// columns, so padding by `count` would misalign every Chinese table.
public struct TextTable: Sendable {
    /// How a column aligns.
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]) {
        self.headers = headers
        self.alignments = alignments
    }

    /// Appends a row of cells (as many as headers).
    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table, each line indented by `indent` spaces and ending in a newline.
    public func rendered(indent: Int = 2) -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        let margin = String(repeating: " ", count: indent)
        var out = ""
        for (r, row) in all.enumerated() {
            var line = margin
            for (c, cell) in row.enumerated() {
                let padding = widths[c] - DisplayWidth.of(cell)
                if alignments[c] == .right { line += String(repeating: " ", count: padding) }
                line += cell
                if alignments[c] == .left { line += String(repeating: " ", count: padding) }
                if c < row.count - 1 { line += "  " }
            }
            // Left-aligned or empty cells at the end leave no trailing spaces.
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
            if r == 0 {
                out += margin + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        return out
    }
}
