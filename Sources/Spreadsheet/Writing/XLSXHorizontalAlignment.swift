/// Horizontal alignment of a cell's content.
public enum XLSXHorizontalAlignment: String, Sendable, Hashable {
    /// Flush left.
    case left
    /// Centred.
    case center
    /// Flush right.
    case right
}
