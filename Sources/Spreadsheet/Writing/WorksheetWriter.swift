import Foundation

/// Writes one `xl/worksheets/sheetN.xml`, its elements in the order the schema
/// (`CT_Worksheet`) requires, since Excel refuses a workbook whose elements are out of order.
struct WorksheetWriter {
    let sheet: XLSXSheetContent
    /// Whether this sheet's tab is the one selected when the workbook opens.
    let selected: Bool

    /// Excel's limit on a list validation's formula, quotes excluded.
    static let listLimit = 255

    /// The part's bytes and the used range ("A1:F100"), or nil for an empty sheet.
    func xml(strings: inout SharedStringTable, styles: inout StyleTable) throws(XLSXError) -> (bytes: [UInt8], used: String?) {
        try check()
        let columnCount = sheet.rows.map(\.count).max() ?? 0
        guard columnCount <= CellReference.columnCount else { throw failure(.tooManyColumns(columnCount)) }
        let lastRow = max(sheet.rows.count, sheet.hiddenRows.max() ?? 0)
        guard lastRow <= CellReference.rowCount else { throw failure(.tooManyRows(lastRow)) }
        let used = sheet.rows.isEmpty || columnCount == 0
            ? nil : "A1:" + CellReference.string(row: sheet.rows.count, column: columnCount - 1)

        var xml = XMLBytes()
        xml.raw(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#)
        xml.raw(#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
        if sheet.fitToWidth { xml.raw(#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#) }
        xml.raw("<dimension")
        xml.attribute("ref", used ?? "A1")
        xml.raw("/>")
        sheetViews(&xml)
        xml.raw(#"<sheetFormatPr defaultRowHeight="15"/>"#)
        columns(&xml)
        try sheetData(&xml, lastRow: lastRow, strings: &strings, styles: &styles)
        if sheet.autoFilter, let used {
            xml.raw("<autoFilter")
            xml.attribute("ref", used)
            xml.raw("/>")
        }
        if !sheet.merges.isEmpty {
            xml.raw("<mergeCells")
            xml.attribute("count", sheet.merges.count)
            xml.raw(">")
            for merge in sheet.merges {
                xml.raw("<mergeCell")
                xml.attribute("ref", merge)
                xml.raw("/>")
            }
            xml.raw("</mergeCells>")
        }
        validations(&xml)
        xml.raw(#"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#)
        xml.raw(#"<pageSetup paperSize="9""#)
        if sheet.landscape { xml.raw(#" orientation="landscape""#) }
        if sheet.fitToWidth { xml.raw(#" fitToWidth="1" fitToHeight="0""#) }
        xml.raw("/></worksheet>")
        return (xml.bytes, used)
    }

    // MARK: - Parts

    private func sheetViews(_ xml: inout XMLBytes) {
        xml.raw("<sheetViews><sheetView")
        if selected { xml.raw(#" tabSelected="1""#) }
        xml.raw(#" workbookViewId="0""#)
        let rows = max(0, sheet.frozenRows)
        let columns = max(0, sheet.frozenColumns)
        guard rows > 0 || columns > 0 else { return xml.raw("/></sheetViews>") }
        let pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight"
        xml.raw("><pane")
        if columns > 0 { xml.attribute("xSplit", columns) }
        if rows > 0 { xml.attribute("ySplit", rows) }
        xml.attribute("topLeftCell", CellReference.string(row: rows + 1, column: columns))
        xml.attribute("activePane", pane)
        xml.raw(#" state="frozen"/><selection"#)
        xml.attribute("pane", pane)
        xml.raw("/></sheetView></sheetViews>")
    }

    private func columns(_ xml: inout XMLBytes) {
        let widths = sheet.columnWidths.filter { $0.key >= 0 && $0.key < CellReference.columnCount && $0.value.isFinite && $0.value > 0 }
        guard !widths.isEmpty else { return }
        xml.raw("<cols>")
        for (column, width) in widths.sorted(by: { $0.key < $1.key }) {
            xml.raw("<col")
            xml.attribute("min", column + 1)
            xml.attribute("max", column + 1)
            xml.attribute("width", NumberText.string(min(width, 255)))
            xml.raw(#" customWidth="1"/>"#)
        }
        xml.raw("</cols>")
    }

    private func sheetData(
        _ xml: inout XMLBytes, lastRow: Int, strings: inout SharedStringTable, styles: inout StyleTable
    ) throws(XLSXError) {
        xml.raw("<sheetData>")
        for number in 1...max(lastRow, 1) where number <= lastRow {
            let cells = number <= sheet.rows.count ? sheet.rows[number - 1] : []
            let hidden = sheet.hiddenRows.contains(number)
            let written = cells.contains { $0.style != .plain || !Self.isEmpty($0.value) }
            guard written || hidden else { continue }
            xml.raw("<row")
            xml.attribute("r", number)
            if hidden { xml.raw(#" hidden="1""#) }
            xml.raw(">")
            for (column, cell) in cells.enumerated() {
                let empty = Self.isEmpty(cell.value)
                if empty && cell.style == .plain { continue }
                if let color = cell.style.fontColor, !StyleTable.isColor(color) { throw failure(.badColor(color)) }
                if let color = cell.style.fill, !StyleTable.isColor(color) { throw failure(.badColor(color)) }
                xml.raw("<c r=\"")
                xml.raw(CellReference.string(row: number, column: column))
                xml.raw("\"")
                let style = styles.index(of: cell.style)
                if style != 0 { xml.attribute("s", style) }
                switch cell.value {
                case let .text(text) where !empty:
                    xml.raw(#" t="s"><v>"#)
                    xml.raw(String(strings.index(of: FormulaNeutralising.neutralised(text))))
                    xml.raw("</v></c>")
                case let .number(value) where !empty:
                    xml.raw("><v>")
                    xml.raw(NumberText.string(value))
                    xml.raw("</v></c>")
                case let .bool(value):
                    xml.raw(value ? #" t="b"><v>1</v></c>"# : #" t="b"><v>0</v></c>"#)
                default:
                    xml.raw("/>")
                }
            }
            xml.raw("</row>")
        }
        xml.raw("</sheetData>")
    }

    private func validations(_ xml: inout XMLBytes) {
        guard !sheet.validations.isEmpty else { return }
        xml.raw("<dataValidations")
        xml.attribute("count", sheet.validations.count)
        xml.raw(">")
        for validation in sheet.validations {
            let formulas: [String]
            xml.raw("<dataValidation")
            switch validation.kind {
            case let .list(options):
                xml.attribute("type", "list")
                formulas = [Self.listFormula(options)]
            case let .listRange(range):
                xml.attribute("type", "list")
                formulas = [range]
            case let .wholeNumber(min, max):
                xml.attribute("type", "whole")
                xml.attribute("operator", max == nil ? "greaterThanOrEqual" : "between")
                formulas = [String(min)] + (max.map { [String($0)] } ?? [])
            case let .decimal(min, max):
                xml.attribute("type", "decimal")
                xml.attribute("operator", max == nil ? "greaterThanOrEqual" : "between")
                formulas = [NumberText.string(min)] + (max.map { [NumberText.string($0)] } ?? [])
            }
            if validation.allowBlank { xml.raw(#" allowBlank="1""#) }
            if let prompt = validation.prompt {
                xml.raw(#" showInputMessage="1""#)
                xml.attribute("promptTitle", prompt.title)
                xml.attribute("prompt", prompt.text)
            }
            xml.raw(#" showErrorMessage="1""#)
            if let error = validation.error {
                xml.attribute("errorTitle", error.title)
                xml.attribute("error", error.text)
            }
            xml.attribute("sqref", validation.range.replacingOccurrences(of: "$", with: ""))
            xml.raw(">")
            for (index, formula) in formulas.enumerated() {
                let tag = index == 0 ? "formula1" : "formula2"
                xml.raw("<\(tag)>")
                xml.spreadsheetText(formula)
                xml.raw("</\(tag)>")
            }
            xml.raw("</dataValidation>")
        }
        xml.raw("</dataValidations>")
    }

    // MARK: - Checks

    /// Refuses what Excel would refuse or repair: bad ranges, over-long lists and messages.
    private func check() throws(XLSXError) {
        for merge in sheet.merges where !merge.contains(":") || !CellReference.isRange(merge) {
            throw failure(.badRange(merge))
        }
        for validation in sheet.validations {
            let range = validation.range.replacingOccurrences(of: "$", with: "")
            guard CellReference.isRange(range) else { throw failure(.badRange(validation.range)) }
            if case let .list(options) = validation.kind {
                if let option = options.first(where: { $0.contains(",") }) { throw failure(.listOptionWithComma(option)) }
                let length = options.joined(separator: ",").utf16.count
                guard length <= Self.listLimit else { throw failure(.listTooLong(range: validation.range, length: length)) }
            }
            for message in [validation.prompt, validation.error].compactMap({ $0 }) {
                guard message.title.utf16.count <= 32 else { throw failure(.validationTextTooLong(range: validation.range, limit: 32)) }
                guard message.text.utf16.count <= 255 else { throw failure(.validationTextTooLong(range: validation.range, limit: 255)) }
            }
        }
    }

    /// `"a,b,c"` with quotes doubled, as formula text.
    private static func listFormula(_ options: [String]) -> String {
        "\"" + options.joined(separator: ",").replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func isEmpty(_ value: XLSXOutputValue) -> Bool {
        switch value {
        case .empty: true
        case let .number(number): !number.isFinite
        case .text, .bool: false
        }
    }

    private func failure(_ kind: XLSXError.Kind) -> XLSXError {
        XLSXError(kind, file: "", sheet: sheet.name)
    }
}
