import Domain
import Interchange

/// The text rules shared by the charts and the HTML report: escaping, fixed-precision numbers
/// and the offline font list. Charts end up inside HTML pages and standalone `.svg` files, so
/// everything they write must be valid XML as well as HTML.
public enum Markup {
    /// Fonts that draw Chinese without downloading anything: the CJK families Linux, Windows
    /// and macOS ship, then the generic fallback.
    static let fontFamily =
        "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif"

    /// `text` with `& < > " '` replaced by entities, safe in element text and in attribute
    /// values quoted either way.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.appendEscaped(text)
        return out
    }

    /// `value` with 2 decimals (whole numbers without), for coordinates and lengths. Non-finite values become 0 so a
    /// chart never contains `nan` or `inf`, which browsers reject silently.
    static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "0" }
        let hundredths = Int64((value * 100).rounded(.toNearestOrAwayFromZero))
        let magnitude = hundredths.magnitude
        let sign = hundredths < 0 ? "-" : ""
        let fraction = magnitude % 100
        if fraction == 0 { return sign + String(magnitude / 100) }
        return sign + String(magnitude / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }
}

extension String {
    /// Appends `text` escaped for HTML and XML (see ``Markup/escape(_:)``); text without
    /// special characters — nearly all of it — is appended as is.
    mutating func appendEscaped(_ text: String) {
        let special = text.utf8.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        guard special else { append(text); return }
        for character in text.unicodeScalars {
            switch character {
            case "&": append("&amp;")
            case "<": append("&lt;")
            case ">": append("&gt;")
            case "\"": append("&quot;")
            case "'": append("&#39;")
            default: unicodeScalars.append(character)
            }
        }
    }
}
