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
            out += margin
            for (c, cell) in row.enumerated() {
                let last = c == row.count - 1
                // A left-aligned last cell is not padded, so lines carry no trailing spaces.
                let padding = last && alignments[c] == .left ? 0 : widths[c] - DisplayWidth.of(cell)
                if alignments[c] == .right { out += String(repeating: " ", count: padding) }
                out += cell
                if alignments[c] == .left { out += String(repeating: " ", count: padding) }
                if !last { out += "  " }
            }
            out += "\n"
            if r == 0 {
                out += margin + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        return out
    }
}
