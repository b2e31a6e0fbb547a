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
        let widths = headers.indices.map { column in all.map { Self.displayWidth($0[column]) }.max() ?? 0 }
        let margin = String(repeating: " ", count: indent)
        var out = ""
        for (r, row) in all.enumerated() {
            out += margin
            for (c, cell) in row.enumerated() {
                let last = c == row.count - 1
                // A left-aligned last cell is not padded, so lines carry no trailing spaces.
                let padding = last && alignments[c] == .left ? 0 : widths[c] - Self.displayWidth(cell)
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

    /// Columns a terminal gives `text`: 2 for East Asian wide and fullwidth characters.
    public static func displayWidth(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            width += scalar.value < 0x1100 ? 1 : isWide(scalar) ? 2 : 1
        }
        return width
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}
