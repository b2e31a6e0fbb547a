/// The few cell styles Junheng's workbooks share, so that templates and reports look alike.
enum TemplateStyles {
    /// A header cell.
    static let header = XLSXStyle(bold: true, fill: "DDEBF7", wrap: true)
    /// The header of a column every row must fill.
    static let requiredHeader = XLSXStyle(bold: true, fontColor: "C00000", fill: "FCE4D6", wrap: true)
    /// The English key row under a template's header.
    static let key = XLSXStyle(fontColor: "808080")
    /// A section title in an instructions or summary sheet.
    static let title = XLSXStyle(bold: true, fill: "DDEBF7")
    /// Long text that wraps within its column.
    static let wrapped = XLSXStyle(wrap: true)
}
