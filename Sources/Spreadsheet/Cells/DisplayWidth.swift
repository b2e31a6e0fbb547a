/// How wide text shows in a fixed-width grid — a terminal's columns, or a spreadsheet
/// column's width in characters. Chinese characters take two columns, so sizing by `count`
/// would misalign every Chinese table.
///
/// ```swift
/// DisplayWidth.of("学校")   // 4
/// DisplayWidth.of("ab")     // 2
/// ```
public enum DisplayWidth {
    /// Columns `text` takes: 2 for each East Asian wide and fullwidth character, 1 for others.
    public static func of(_ text: String) -> Int {
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
