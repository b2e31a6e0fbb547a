import Domain
import Spreadsheet

/// The `schools` import template (学校年度数据导入模板): a workbook a school clerk fills in
/// Excel or WPS and Junheng reads back as it is.
///
/// ```swift
/// let bytes = try SchoolsTemplate(standard: .builtIn("quality-2017")).workbook()
/// ```
///
/// Sheet 学校 has the Chinese headers in row 1 and the English keys in row 2, hidden (the
/// readers skip that row, so a filled template imports unchanged); data starts in row 3.
/// Enumerated columns have drop-down lists, numeric columns number validation with the
/// readers' own ranges, the two header rows and the school's name are frozen, and column
/// widths fit the headers. Sheet 说明 explains every column and the standard's indicators,
/// generated from the standard's data, so a province's own standard gets its own template.
public struct SchoolsTemplate: Sendable {
    /// The standard the instructions describe.
    public var standard: Standard
    /// The language of the instructions sheet (the headers stay the official Chinese ones).
    public var language: Language
    /// The rows that carry validation: room for a province's schools.
    public var dataRows = 3...50_000

    public init(standard: Standard, language: Language = .chinese) {
        self.standard = standard
        self.language = language
    }

    /// The template as XLSX bytes.
    public func workbook() throws(XLSXError) -> [UInt8] {
        var writer = XLSXWriter()
        writer.add(dataSheet())
        writer.add(instructionsSheet())
        return try writer.bytes()
    }

    /// Sheet 学校: headers, hidden keys, validations.
    func dataSheet() -> XLSXSheetContent {
        var sheet = XLSXSheetContent(name: "学校")
        let columns = SchoolColumn.allCases
        sheet.rows = [
            columns.map { XLSXOutputCell(.text($0.chineseHeader), style: $0.isRequired ? HouseStyles.requiredHeader : HouseStyles.header) },
            columns.map { XLSXOutputCell(.text($0.key), style: HouseStyles.key) },
        ]
        sheet.hiddenRows = [2]
        sheet.frozenRows = 2
        sheet.frozenColumns = SchoolColumn.schoolName.rawValue + 1
        for column in columns {
            let width = max(DisplayWidth.of(column.chineseHeader), column.key.count)
            sheet.columnWidths[column.rawValue] = Double(min(max(width + 2, 8), 30))
            if let validation = validation(of: column) { sheet.validations.append(validation) }
        }
        return sheet
    }

    /// The validation a clerk's entry in `column` meets, mirroring the readers' rules.
    func validation(of column: SchoolColumn) -> XLSXValidation? {
        let letters = CellReference.letters(column.rawValue)
        let range = "\(letters)\(dataRows.lowerBound):\(letters)\(dataRows.upperBound)"
        let header = column.chineseHeader
        let zh = language == .chinese
        switch column.kind {
        case let .choice(choices):
            return XLSXValidation(
                range: range, kind: .list(choices.chineseNames),
                prompt: (header, zh ? "请从下拉列表中选择" : "Choose from the list"),
                error: (header, zh ? "请从下拉列表中选择：\(choices.chineseNames.joined(separator: "、"))" : "Choose one of: \(choices.chineseNames.joined(separator: ", "))"))
        case .year:
            return XLSXValidation(
                range: range, kind: .wholeNumber(min: 1949, max: 2100),
                error: (header, zh ? "年度须为1949至2100之间的整数，如2025" : "A year between 1949 and 2100, e.g. 2025"))
        case .count:
            return XLSXValidation(
                range: range, kind: .wholeNumber(min: 0, max: StoredCount.maximum),
                error: (header, zh ? "须为不小于0的整数；未统计的留空（留空与0不同）" : "A whole number of at least 0; leave empty when not reported (empty is not 0)"))
        case .amount:
            return XLSXValidation(
                range: range, kind: .decimal(min: 0, max: nil),
                error: (header, zh ? "须为不小于0的数值；未统计的留空" : "A number of at least 0; leave empty when not reported"))
        case let .degrees(degrees):
            return XLSXValidation(
                range: range, kind: .decimal(min: degrees.lowerBound, max: degrees.upperBound),
                error: (header, zh ? "须在\(DecimalNumber.text(degrees.lowerBound))至\(DecimalNumber.text(degrees.upperBound))之间（十进制度数）" : "Decimal degrees between \(DecimalNumber.text(degrees.lowerBound)) and \(DecimalNumber.text(degrees.upperBound))"))
        case .text, .code, .countyCode:
            return nil
        }
    }

    /// Sheet 说明: the columns, then the standard.
    func instructionsSheet() -> XLSXSheetContent {
        let text = TemplateInstructions(standard: standard, language: language)
        var sheet = XLSXSheetContent(name: language.pick("说明", "Instructions"))
        sheet.rows = text.rows()
        sheet.columnWidths = [0: 26, 1: 24, 2: 10, 3: 70]
        sheet.fitToWidth = true
        return sheet
    }
}
