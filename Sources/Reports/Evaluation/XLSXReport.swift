import Domain
import Interchange
import Spreadsheet

/// The evaluation as the workbook a bureau sends to the province (评估结果表): a summary
/// sheet (汇总) with each county's verdict and every reason (a row each), one sheet per stage with each
/// indicator's county value, range, CV, limit and result, the per-school sheet (学校达标明细)
/// with every value beside its threshold and failures highlighted, the schools left out, and
/// the county-fact items when a facts file was given.
///
/// Numbers are stored as numbers (CVs shown with 3 decimals, values with 2), so the province
/// can recompute from the file; nothing is rounded in the stored value.
public struct XLSXReport: Sendable {
    public let standard: Standard
    public let language: Language

    public init(standard: Standard, language: Language) {
        self.standard = standard
        self.language = language
    }

    /// The workbook of `results` (any number of counties and years).
    public func workbook(_ results: [CountyResult]) throws(XLSXError) -> [UInt8] {
        var writer = XLSXWriter()
        for sheet in sheets(results) { writer.add(sheet) }
        return try writer.bytes()
    }

    /// The sheets, in order.
    func sheets(_ results: [CountyResult]) -> [XLSXSheetContent] {
        var sheets = [summary(results)]
        sheets += standard.stages.map { stageSheet($0, results) }
        sheets.append(schoolSheet(results))
        sheets.append(excludedSheet(results))
        if results.contains(where: { !$0.facts.isEmpty }) { sheets.append(factsSheet(results)) }
        return sheets
    }

    // MARK: Sheets

    func summary(_ results: [CountyResult]) -> XLSXSheetContent {
        let l = language
        var sheet = table(
            name: l.pick("汇总", "Summary"),
            headers: [l.pick("县区代码", "County code"), l.pick("县区名称", "County"), l.pick("年度", "Year"),
                      l.pick("评估结论", "Verdict"), l.pick("问题数", "Problems"), l.pick("序号", "No."), l.pick("原因", "Reason")],
            widths: [10, 14, 8, 10, 8, 6, 120])
        // One row per reason, each carrying its county, so that a filter on any column keeps
        // whole facts (a wrapped multi-line cell would print as one line).
        for result in results {
            let county = [
                text(result.countyCode), text(result.countyName ?? ""), number(Double(result.year), Styles.integer),
                XLSXOutputCell(.text(result.verdict.name(in: l)), style: Styles.verdict(result.verdict)),
                number(Double(result.findings.count), Styles.integer),
            ]
            if result.findings.isEmpty { sheet.rows.append(county + [empty, empty]) }
            for (index, finding) in result.findings.enumerated() {
                sheet.rows.append(county + [number(Double(index + 1), Styles.integer), XLSXOutputCell(.text(finding.text(in: l, standard: standard)), style: HouseStyles.wrapped)])
            }
        }
        return sheet
    }

    func stageSheet(_ stage: Stage, _ results: [CountyResult]) -> XLSXSheetContent {
        let l = language
        var sheet = table(
            name: stage.name(in: l),
            headers: [l.pick("县区代码", "County code"), l.pick("县区名称", "County"), l.pick("年度", "Year"),
                      l.pick("指标", "Indicator"), l.pick("学校标准", "Threshold"), l.pick("县域均值", "County value"),
                      l.pick("最小值", "Min"), l.pick("最大值", "Max"), l.pick("差异系数", "CV"),
                      l.pick("限值", "Limit"), l.pick("结果", "Result"), l.pick("学校单位数", "Units")],
            widths: [10, 14, 8, 26, 10, 12, 12, 12, 10, 8, 10, 10])
        for result in results {
            guard let stageResult = result.stages.first(where: { $0.stage == stage }) else { continue }
            let county = [text(result.countyCode), text(result.countyName ?? ""), number(Double(result.year), Styles.integer)]
            for indicator in stageResult.indicators {
                let definition = standard.indicators[indicator.index]
                sheet.rows.append(county + [
                    text(definition.name(in: l)), optionalNumber(definition.threshold(for: stage), Styles.value),
                    optionalNumber(indicator.countyValue, Styles.value), optionalNumber(indicator.min, Styles.value),
                    optionalNumber(indicator.max, Styles.value),
                    optionalNumber(indicator.cv, indicator.pass == false ? Styles.failedCV : Styles.cv),
                    optionalNumber(indicator.limit, Styles.cv), outcome(indicator.pass, missing: !indicator.missingUnits.isEmpty),
                    number(Double(stageResult.unitCount), Styles.integer),
                ])
            }
            if standard.balance.judged == .composite {
                sheet.rows.append(county + [
                    text(l.pick("综合差异系数", "Composite CV")), empty, empty, empty, empty,
                    optionalNumber(stageResult.compositeCV, stageResult.compositePass == false ? Styles.failedCV : Styles.cv),
                    optionalNumber(stageResult.compositeLimit, Styles.cv), outcome(stageResult.compositePass, missing: stageResult.compositeCV == nil),
                    number(Double(stageResult.unitCount), Styles.integer),
                ])
            }
        }
        return sheet
    }

    func schoolSheet(_ results: [CountyResult]) -> XLSXSheetContent {
        let l = language
        var headers = [l.pick("县区代码", "County code"), l.pick("年度", "Year"), l.pick("学段", "Stage"),
                       l.pick("学校标识码", "School code"), l.pick("学校名称", "School"), l.pick("城乡类型", "Locality"),
                       l.pick("在校生数", "Students")]
        var widths: [Double] = [10, 8, 8, 14, 24, 8, 10]
        for indicator in standard.indicators {
            headers += [indicator.name(in: l), l.pick("标准", "Threshold")]
            widths += [14, 8]
        }
        headers += [l.pick("达标项数", "Met"), l.pick("学校达标", "School rule")]
        widths += [8, 10]
        var sheet = table(name: l.pick("学校达标明细", "Schools"), headers: headers, widths: widths)
        sheet.frozenColumns = 5
        for result in results {
            for unit in result.units {
                var row = [text(result.countyCode), number(Double(result.year), Styles.integer), text(unit.unit.stage.name(in: l)),
                           text(unit.unit.schoolCode), text(unit.unit.schoolName), text(unit.unit.locality.name(in: l)),
                           number(Double(unit.unit.students), Styles.integer)]
                for index in standard.indicators.indices {
                    row.append(optionalNumber(unit.values[index], unit.met[index] == false ? Styles.failedValue : Styles.value))
                    row.append(optionalNumber(standard.indicators[index].threshold(for: unit.unit.stage), Styles.threshold))
                }
                row.append(number(Double(unit.met.count { $0 == true }), Styles.integer))
                row.append(outcome(unit.passes, missing: unit.passes == nil && standard.schoolRule != nil))
                sheet.rows.append(row)
            }
        }
        return sheet
    }

    func excludedSheet(_ results: [CountyResult]) -> XLSXSheetContent {
        let l = language
        var sheet = table(
            name: l.pick("未纳入学校", "Left out"),
            headers: [l.pick("县区代码", "County code"), l.pick("年度", "Year"), l.pick("学校标识码", "School code"),
                      l.pick("学校名称", "School"), l.pick("学生数", "Students"), l.pick("原因", "Reason")],
            widths: [10, 8, 14, 24, 10, 36])
        for result in results {
            for exclusion in result.excluded {
                sheet.rows.append([
                    text(result.countyCode), number(Double(result.year), Styles.integer), text(exclusion.schoolCode),
                    text(exclusion.schoolName), number(Double(exclusion.students), Styles.integer),
                    text(exclusion.reason.text(in: l)),
                ])
            }
        }
        return sheet
    }

    func factsSheet(_ results: [CountyResult]) -> XLSXSheetContent {
        let l = language
        var sheet = table(
            name: l.pick("县级指标", "County items"),
            headers: [l.pick("县区代码", "County code"), l.pick("年度", "Year"), l.pick("项目", "Item"),
                      l.pick("名称", "Name"), l.pick("填报值", "Value"), l.pick("结果", "Result"), l.pick("佐证材料", "Evidence")],
            widths: [10, 8, 26, 50, 10, 10, 30])
        for result in results {
            for fact in result.facts {
                let value: XLSXOutputCell
                switch fact.fact?.value {
                case let .number(n)?: value = number(n, Styles.value)
                case .yes?: value = text(l.pick("是", "yes"))
                case .no?: value = text(l.pick("否", "no"))
                case nil: value = empty
                }
                let status: String
                switch fact.status {
                case .met: status = l.pick("达标", "met")
                case .notMet: status = l.pick("未达标", "not met")
                case .missing: status = l.pick("未填报", "missing")
                case .vetoed: status = l.pick("一票否决", "veto")
                }
                let failed = fact.status == .notMet || fact.status == .vetoed
                sheet.rows.append([
                    text(result.countyCode), number(Double(result.year), Styles.integer), text(fact.rule.key),
                    XLSXOutputCell(.text(fact.rule.name(in: l)), style: HouseStyles.wrapped), value,
                    XLSXOutputCell(.text(status), style: failed ? Styles.failedText : .plain), text(fact.fact?.evidence ?? ""),
                ])
            }
        }
        return sheet
    }

    // MARK: Cells

    private func table(name: String, headers: [String], widths: [Double]) -> XLSXSheetContent {
        var sheet = XLSXSheetContent(name: name)
        sheet.rows = [headers.map { XLSXOutputCell(.text($0), style: HouseStyles.header) }]
        sheet.frozenRows = 1
        sheet.autoFilter = true
        // Printed for the file: A4 landscape, as wide as the page.
        sheet.fitToWidth = true
        sheet.landscape = true
        for (column, width) in widths.enumerated() { sheet.columnWidths[column] = width }
        return sheet
    }

    private func outcome(_ pass: Bool?, missing: Bool) -> XLSXOutputCell {
        switch pass {
        case true?: XLSXOutputCell(.text(language.pick("达标", "pass")))
        case false?: XLSXOutputCell(.text(language.pick("未达标", "fail")), style: Styles.failedText)
        case nil: missing ? XLSXOutputCell(.text(language.pick("数据不全", "incomplete")), style: Styles.incomplete) : empty
        }
    }

    private var empty: XLSXOutputCell { XLSXOutputCell(.empty) }
    private func text(_ value: String) -> XLSXOutputCell { XLSXOutputCell(.text(value)) }
    private func number(_ value: Double, _ style: XLSXStyle) -> XLSXOutputCell { XLSXOutputCell(.number(value), style: style) }
    private func optionalNumber(_ value: Double?, _ style: XLSXStyle) -> XLSXOutputCell {
        value.map { number($0, style) } ?? empty
    }

    /// Number formats and highlights.
    private enum Styles {
        static let integer = XLSXStyle(numberFormat: "0")
        static let value = XLSXStyle(numberFormat: "0.00")
        static let threshold = XLSXStyle(fontColor: "808080", numberFormat: "0.00")
        static let cv = XLSXStyle(numberFormat: "0.000")
        static let failedCV = HouseStyles.failed(numberFormat: "0.000")
        static let failedValue = XLSXStyle(fontColor: "9C0006", fill: "FFC7CE", numberFormat: "0.00")
        static let failedText = HouseStyles.failedText
        static let incomplete = XLSXStyle(fontColor: "9C5700", fill: "FFEB9C")

        static func verdict(_ verdict: Verdict) -> XLSXStyle {
            switch verdict {
            case .pass: HouseStyles.passed
            case .fail: failedText
            case .incomplete: XLSXStyle(bold: true, fontColor: "9C5700", fill: "FFEB9C")
            }
        }
    }
}
