/// A cell to write: a value and how it looks.
public struct XLSXOutputCell: Sendable, Equatable {
    /// The value.
    public var value: XLSXOutputValue
    /// The formatting.
    public var style: XLSXStyle

    /// A cell with `value`, plain unless `style` says otherwise.
    public init(_ value: XLSXOutputValue, style: XLSXStyle = .plain) {
        self.value = value
        self.style = style
    }
}
