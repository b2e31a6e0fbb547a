/// How a written cell looks. The writer builds the workbook's style table from the distinct
/// styles used, so styles cost nothing per cell.
public struct XLSXStyle: Sendable, Hashable {
    /// Bold font.
    public var bold: Bool
    /// Font colour as RGB hex, e.g. "C00000"; nil for automatic.
    public var fontColor: String?
    /// Solid background fill as RGB hex, e.g. "DDEBF7"; nil for none.
    public var fill: String?
    /// Excel number format code, e.g. "0.000", "0.0%", "#,##0.00"; nil for General.
    public var numberFormat: String?
    /// Wrap text within the cell.
    public var wrap: Bool
    /// Horizontal alignment; nil for Excel's default (text left, numbers right).
    public var horizontal: XLSXHorizontalAlignment?

    /// A style; every part defaults to Excel's default.
    public init(
        bold: Bool = false, fontColor: String? = nil, fill: String? = nil, numberFormat: String? = nil,
        wrap: Bool = false, horizontal: XLSXHorizontalAlignment? = nil
    ) {
        self.bold = bold
        self.fontColor = fontColor
        self.fill = fill
        self.numberFormat = numberFormat
        self.wrap = wrap
        self.horizontal = horizontal
    }

    /// Excel's default look.
    public static let plain = XLSXStyle()
}
