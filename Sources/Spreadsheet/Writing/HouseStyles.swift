/// The few cell styles Junheng's workbooks share, so that templates and reports look alike.
public enum HouseStyles {
    /// A header cell.
    public static let header = XLSXStyle(bold: true, fill: "DDEBF7", wrap: true)
    /// The header of a column every row must fill.
    public static let requiredHeader = XLSXStyle(bold: true, fontColor: "C00000", fill: "FCE4D6", wrap: true)
    /// The English key row under a template's header.
    public static let key = XLSXStyle(fontColor: "808080")
    /// A section title in an instructions or summary sheet.
    public static let title = XLSXStyle(bold: true, fill: "DDEBF7")
    /// Long text that wraps within its column.
    public static let wrapped = XLSXStyle(wrap: true)
    /// A verdict that passes (green, as Excel's "good" style).
    public static let passed = XLSXStyle(bold: true, fontColor: "006100", fill: "C6EFCE")
    /// A verdict or text that fails (red, as Excel's "bad" style).
    public static let failedText = failed(numberFormat: nil)

    /// A failing value shown with `numberFormat`, highlighted like ``failedText``.
    public static func failed(numberFormat: String?) -> XLSXStyle {
        XLSXStyle(bold: true, fontColor: "9C0006", fill: "FFC7CE", numberFormat: numberFormat)
    }
}
