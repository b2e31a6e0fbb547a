import Domain
import Spreadsheet

/// A ``Report`` as a workbook for people: a first sheet with the title, the headline facts
/// and every section's text, then one sheet per table — header row frozen and filtered,
/// numbers stored as numbers (unrounded) with a number format, failures highlighted, columns
/// as wide as their content, printed landscape on one page width.
public struct XLSXRenderer: Sendable {
    /// The language of the punctuation and the first sheet's name.
    public let language: Language
    /// The first sheet's name, e.g. 汇总 / Summary; `nil` leaves the text out: a workbook of
    /// the tables alone (the evaluation's, whose first table is its summary).
    public let summaryName: String?

    public init(language: Language, summaryName: String?) {
        self.language = language
        self.summaryName = summaryName
    }

    /// The workbook's bytes.
    public func workbook(_ report: Report) throws(XLSXError) -> [UInt8] {
        var writer = XLSXWriter()
        for sheet in sheets(report) { writer.add(sheet) }
        return try writer.bytes()
    }

    /// The sheets, in order.
    public func sheets(_ report: Report) -> [XLSXSheetContent] {
        (summaryName.map { [summary(report, name: $0)] } ?? []) + report.tables.map(sheet)
    }

    private func summary(_ report: Report, name: String) -> XLSXSheetContent {
        var sheet = XLSXSheetContent(name: name)
        sheet.fitToWidth = true
        sheet.landscape = true
        sheet.rows.append([XLSXOutputCell(.text(report.title), style: HouseStyles.title)])
        func add(_ facts: [ReportFact]) {
            for fact in facts { sheet.rows.append([XLSXOutputCell(.text(fact.label), style: HouseStyles.title), cell(fact.value)]) }
        }
        add(report.headline)
        for section in report.sections {
            var text: [[XLSXOutputCell]] = []
            for block in section.blocks {
                switch block {
                case let .paragraph(line), let .note(line): text.append([XLSXOutputCell(.text(line))])
                case let .facts(facts): for fact in facts { text.append([XLSXOutputCell(.text(fact.label), style: HouseStyles.title), cell(fact.value)]) }
                case let .numbered(items):
                    for (number, item) in zip(1..., items) { text.append([XLSXOutputCell(.text("\(number). \(item)"))]) }
                case let .subheading(line):
                    text.append([])
                    text.append([XLSXOutputCell(.text(line), style: HouseStyles.title)])
                case .table, .chart: break
                }
            }
            guard section.heading != nil || !text.isEmpty else { continue }
            sheet.rows.append([])
            if let heading = section.heading { sheet.rows.append([XLSXOutputCell(.text(heading), style: HouseStyles.title)]) }
            sheet.rows += text
        }
        sheet.columnWidths[0] = 30
        sheet.columnWidths[1] = 30
        return sheet
    }

    private func sheet(_ table: ReportTable) -> XLSXSheetContent {
        // A column of before/after counts becomes two: spreadsheets compare numbers, not arrows.
        var headers: [String] = []
        var cells: [(ReportCell) -> ReportCell] = []
        var sources: [Int] = []
        for index in table.columnIndices(for: .people) {
            let header = table.columns[index].header
            if table.isChange(index) {
                headers += [header + language.pick("（方案前）", " before"), header + language.pick("（方案后）", " after")]
                cells += [{ $0.split.before }, { $0.split.after }]
                sources += [index, index]
            } else {
                headers.append(header)
                cells.append { $0 }
                sources.append(index)
            }
        }
        var sheet = XLSXSheetContent(name: table.name)
        sheet.rows = [headers.map { XLSXOutputCell(.text($0), style: HouseStyles.header) }]
        var wraps = Set<Int>()
        for position in sources.indices {
            // As wide as the widest cell as shown, within reason; headers wrap, and so does
            // text too long for the widest column (a reason, a school's unmet indicators).
            let widest = table.rows.lazy.map { DisplayWidth.of(cells[position]($0[sources[position]]).shown(in: language)) }.max() ?? 0
            let header = min(DisplayWidth.of(headers[position]), 16)
            sheet.columnWidths[position] = Double(min(max(widest, header, 6) + 2, Self.widest))
            if widest + 2 > Self.widest { wraps.insert(position) }
        }
        for row in table.rows {
            sheet.rows.append(sources.indices.map { position in
                var stored = cell(cells[position](row[sources[position]]))
                if wraps.contains(position), stored.style == .plain { stored.style = HouseStyles.wrapped }
                return stored
            })
        }
        sheet.frozenRows = 1
        sheet.frozenColumns = sources.prefix(while: { $0 < table.frozenColumns }).count
        sheet.autoFilter = true
        sheet.fitToWidth = true
        sheet.landscape = true
        return sheet
    }

    /// The widest a column gets, in characters; longer text wraps.
    static let widest = 50

    /// One cell as stored: numbers as numbers with their format, verdicts coloured.
    func cell(_ value: ReportCell) -> XLSXOutputCell {
        switch value {
        case .empty: XLSXOutputCell(.empty)
        case let .text(text), let .code(text), let .term(text, _), let .link(text, _): XLSXOutputCell(.text(text))
        case let .count(count): number(Double(count), Styles.integer)
        case let .decimal(value, places): number(value, Styles.fixed(places))
        case let .stated(value): number(value, .plain)
        case let .quantity(value, unit): number(value, XLSXStyle(numberFormat: "0.000\" \(unit)\""))
        case let .money(value, false): number(value, Styles.money)
        // In 万元 as the text shows it, to the yuan (two decimals of 万元 are 100 yuan; four keep every yuan).
        case let .money(value, true): number(value.map { $0 / 10_000 }, XLSXStyle(numberFormat: "#,##0.00##\"" + language.pick(" 万元", " ×10k yuan") + "\""))
        case let .percent(value): number(value, Styles.percent)
        case let .judged(value, places, passes): number(value, passes == false ? Styles.failed(places) : Styles.fixed(places))
        case .change: cell(value.split.after)
        case let .linked(inner, _): cell(inner)
        case let .verdict(text, _, passes):
            passes.map { XLSXOutputCell(.text(text), style: $0 ? Styles.passed : Styles.failedText) } ?? XLSXOutputCell(.text(text))
        }
    }

    private func number(_ value: Double?, _ style: XLSXStyle) -> XLSXOutputCell {
        guard let value, value.isFinite else { return XLSXOutputCell(.empty) }
        return XLSXOutputCell(.number(value), style: style)
    }

    /// Number formats and highlights.
    enum Styles {
        static let integer = XLSXStyle(numberFormat: "0")
        static let money = XLSXStyle(numberFormat: "#,##0.000")
        static let percent = XLSXStyle(numberFormat: "0.000%")
        static let failedText = HouseStyles.failedText
        static let passed = HouseStyles.passed

        static func format(_ places: Int) -> String { places > 0 ? "0." + String(repeating: "0", count: places) : "0" }
        static func fixed(_ places: Int) -> XLSXStyle { XLSXStyle(numberFormat: format(places)) }
        static func failed(_ places: Int) -> XLSXStyle {
            HouseStyles.failed(numberFormat: format(places))
        }
    }
}
