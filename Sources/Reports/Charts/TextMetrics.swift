/// Text width estimates for laying out labels. SVG cannot measure text before a browser draws
/// it; CJK characters take about 1 em and Latin ones about 0.55 em in the fonts we list, which
/// is close enough to reserve room for labels and to shorten the longest ones.
enum TextMetrics {
    /// The estimated width of `text` at `fontSize` pixels.
    static func width(_ text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + em($1) } * fontSize
    }

    /// `text`, cut with "…" when wider than `maximum` pixels.
    static func fitted(_ text: String, fontSize: Double, maximum: Double) -> String {
        guard width(text, fontSize: fontSize) > maximum else { return text }
        var used = TextMetrics.em("…") * fontSize
        var out = ""
        for scalar in text.unicodeScalars {
            used += em(scalar) * fontSize
            if used > maximum { break }
            out.unicodeScalars.append(scalar)
        }
        return out + "…"
    }

    private static func em(_ scalar: Unicode.Scalar) -> Double {
        scalar.value >= 0x2E80 ? 1.0 : 0.58
    }
}
