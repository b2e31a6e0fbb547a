import Foundation

/// How Junheng shows numbers: 3 decimals (差异系数 and indicator values), whole yuan and m²
/// where fractions mean nothing. Comparisons never use these strings.
public enum Decimals {
    /// What a value that cannot be computed (infinite or not a number) shows as: never
    /// `inf` or `nan` on a page or in a table.
    public static let notComputable = "—"

    /// `value` with 3 decimals, e.g. `0.515` — rounded half away from zero, without
    /// Foundation's `String(format:)`, which made printing a province's tables slow.
    /// A non-finite value shows as ``notComputable``.
    public static func three(_ value: Double) -> String {
        guard value.isFinite else { return notComputable }
        let scaled = (value * 1000).rounded(.toNearestOrAwayFromZero)
        guard scaled.isFinite, abs(scaled) < 1e15 else { return String(format: "%.3f", value) }
        let thousandths = Int64(scaled)
        let magnitude = thousandths.magnitude
        let fraction = String(magnitude % 1000)
        let sign = thousandths < 0 ? "-" : ""
        return sign + String(magnitude / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// A value as a person writes it: no decimals when whole, else up to 3 (trailing zeros
    /// dropped), e.g. `4.2`, `2000`, `0.15`.
    public static func compact(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = three(value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
