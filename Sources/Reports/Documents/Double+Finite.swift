extension Double {
    /// The number, or `nil` when it is infinite or NaN: what a document holds, since JSON has
    /// no such numbers (they are written as `null`).
    var finite: Double? { isFinite ? self : nil }
}
