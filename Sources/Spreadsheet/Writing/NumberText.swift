/// Numbers as cell values are written: the shortest text that reads back as the same
/// `Double`, integers without a fraction (12, not 12.0).
enum NumberText {
    /// The text of a finite `value`.
    static func string(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}
