/// A linear axis from a lower to an upper bound with round tick steps (1, 2 or 5 × 10ⁿ), so
/// that gridlines fall on numbers a reader can use.
public struct ChartScale: Sendable, Hashable {
    /// The value at the axis start.
    public let lower: Double
    /// The value at the axis end.
    public let upper: Double
    /// The distance between ticks.
    public let step: Double

    /// An axis from `lower` covering `upper` with about `ticks` intervals. Non-finite or empty
    /// ranges fall back to 0…1, so charts of empty or all-zero data still draw.
    public init(lower: Double = 0, covering upper: Double, ticks: Int = 5) {
        let lower = lower.isFinite ? lower : 0
        var span = upper.isFinite ? upper - lower : 0
        if !(span > 0) { span = 1 }
        let raw = span / Double(max(ticks, 1))
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        self.lower = lower
        self.step = step
        self.upper = lower + (span / step).rounded(.up) * step
    }

    /// Where `value` falls between 0 (lower) and 1 (upper), clamped; 0 for non-finite values.
    public func fraction(_ value: Double) -> Double {
        guard value.isFinite else { return 0 }
        return Swift.min(Swift.max((value - lower) / (upper - lower), 0), 1)
    }

    /// The tick values from lower to upper.
    public var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...Swift.max(count, 0)).map { lower + Double($0) * step }
    }
}
