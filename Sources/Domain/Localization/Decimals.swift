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
        fixed(value, places: 3)
    }

    /// `value` with `places` decimals (0–6), rounded half away from zero: `fixed(2.5, places: 0)`
    /// is `3`, `fixed(0.5151, places: 2)` is `0.52`. A non-finite value shows as ``notComputable``.
    public static func fixed(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return notComputable }
        let places = min(max(places, 0), 6)
        let unit = Self.powersOfTen[places]
        let scaled = (value * Double(unit)).rounded(.toNearestOrAwayFromZero)
        guard scaled.isFinite, abs(scaled) < 1e15 else { return String(format: "%.\(places)f", value) }
        let units = Int64(scaled)
        let magnitude = units.magnitude
        let sign = units < 0 ? "-" : ""
        guard places > 0 else { return sign + String(magnitude) }
        let fraction = String(magnitude % unit)
        return sign + String(magnitude / unit) + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// A share (0.25) as a percentage with 3 decimals (`25.000%`); a non-finite share shows as
    /// ``notComputable``.
    public static func percent(_ share: Double) -> String {
        share.isFinite ? three(share * 100) + "%" : notComputable
    }

    /// `value` with `places` decimals and the thousands grouped by commas, as web pages show
    /// money and amounts: `grouped(12345678, places: 3)` is `12,345,678.000`. A non-finite
    /// value shows as ``notComputable``.
    public static func grouped(_ value: Double, places: Int) -> String {
        let text = fixed(value, places: places)
        guard value.isFinite else { return text }
        let negative = text.hasPrefix("-")
        let unsigned = negative ? text.dropFirst() : Substring(text)
        let whole = unsigned.prefix { $0 != "." }
        guard whole.count > 3 else { return text }
        var out = negative ? "-" : ""
        for (offset, digit) in whole.enumerated() {
            if offset > 0, (whole.count - offset) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out + unsigned.dropFirst(whole.count)
    }

    private static let powersOfTen: [UInt64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

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
