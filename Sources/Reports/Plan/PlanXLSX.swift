import Domain
import Interchange
import Spreadsheet
import Planning

/// The investment plan as a workbook (`junheng plan invest --out plan.xlsx`): 汇总/Summary
/// (county, verdicts before and after, cost, bound, optimality, then each CV before and after
/// against its limit), 差距/Gaps (every unit's shortfalls), 方案/Items (the additions, with
/// their year when scheduled) and, with budgets, 年度安排/Schedule (year by year).
///
/// Numbers are stored as numbers, unrounded, shown with 3 decimals; money is in yuan.
public struct PlanXLSX: Sendable {
    /// The standard planned for.
    public let standard: Standard
    /// The language of sheet names, headers and texts.
    public let language: Language

    /// A writer for plans under `standard`, in `language`.
    public init(standard: Standard, language: Language) {
        self.standard = standard
        self.language = language
    }

    /// The workbook of `plan`, with `schedule` when given.
    public func workbook(_ plan: InvestmentPlan, schedule: BudgetSchedule? = nil) throws(XLSXError) -> [UInt8] {
        var writer = XLSXWriter()
        for sheet in sheets(plan, schedule: schedule) { writer.add(sheet) }
        return try writer.bytes()
    }

    /// The sheets, in order.
    func sheets(_ plan: InvestmentPlan, schedule: BudgetSchedule?) -> [XLSXSheetContent] {
        var sheets = [summary(plan, schedule: schedule), gapsSheet(plan), itemsSheet(plan, schedule: schedule)]
        if let schedule { sheets.append(scheduleSheet(schedule)) }
        return sheets
    }

    // MARK: Sheets

    func summary(_ plan: InvestmentPlan, schedule: BudgetSchedule?) -> XLSXSheetContent {
        let l = language
        let before = ResourceCheck(plan.before), after = ResourceCheck(plan.after)
        var sheet = XLSXSheetContent(name: l.pick("汇总", "Summary"))
        for (column, width) in [30.0, 30, 12, 12, 10, 12, 12].enumerated() { sheet.columnWidths[column] = width }
        sheet.fitToWidth = true
        sheet.landscape = true
        func line(_ label: String, _ value: XLSXOutputCell) {
            sheet.rows.append([XLSXOutputCell(.text(label), style: HouseStyles.title), value])
        }
        line(l.pick("县区代码", "County code"), text(plan.countyCode))
        line(l.pick("县区名称", "County"), text(plan.countyName ?? ""))
        line(l.pick("年度", "Year"), number(Double(plan.year), Styles.integer))
        line(l.pick("评估标准", "Standard"), text(standard.name(in: l) + " (\(plan.standard))"))
        line(l.pick("方案前资源配置", "Resources before"), verdict(before))
        line(l.pick("方案前达标学校单位", "Units passing before"), text("\(before.compliantUnits)/\(before.units)"))
        line(l.pick("方案后资源配置", "Resources after"), verdict(after))
        line(l.pick("方案后达标学校单位", "Units passing after"), text("\(after.compliantUnits)/\(after.units)"))
        line(l.pick("总投入（元）", "Total cost (yuan)"), number(plan.cost, Styles.money))
        line(l.pick("投入下界（元）", "Lower bound (yuan)"), number(plan.lowerBound, Styles.money))
        line(l.pick("相对差距", "Gap"), number(plan.gap, Styles.percent))
        line(l.pick("最优性", "Optimality"), text(PlanWording.optimality(plan.optimality, l)))
        line(l.pick("投入项数", "Items"), number(Double(plan.items.count), Styles.integer))
        if let schedule {
            line(l.pick("首个达标年度", "First passing year"), schedule.firstPassingYear.map { number(Double($0), Styles.integer) } ?? text(l.pick("预算期内未达标", "none within the budget years")))
            line(l.pick("预算缺口（元）", "Shortfall (yuan)"), number(schedule.shortfall, Styles.money))
        }
        sheet.rows.append([])
        sheet.rows.append([l.pick("学段", "Stage"), l.pick("指标", "Indicator"), l.pick("方案前差异系数", "CV before"),
                           l.pick("方案后差异系数", "CV after"), l.pick("限值", "Limit"), l.pick("方案前结果", "Before"),
                           l.pick("方案后结果", "After")].map { XLSXOutputCell(.text($0), style: HouseStyles.header) })
        for row in PlanWording.cvRows(plan) {
            sheet.rows.append([
                text(row.stage.name(in: l)), text(standard.indicators[row.indicator].name(in: l)),
                optionalNumber(row.before?.cv, row.before?.pass == false ? Styles.failed : Styles.three),
                optionalNumber(row.after?.cv, row.after?.pass == false ? Styles.failed : Styles.three),
                optionalNumber(row.limit, Styles.three), outcome(row.before?.pass), outcome(row.after?.pass),
            ])
        }
        return sheet
    }

    func gapsSheet(_ plan: InvestmentPlan) -> XLSXSheetContent {
        let l = language
        var sheet = table(
            name: l.pick("差距", "Gaps"),
            headers: [l.pick("学校标识码", "School code"), l.pick("学校名称", "School"), l.pick("学段", "Stage"),
                      l.pick("指标", "Indicator"), l.pick("实际值", "Value"), l.pick("达标值", "Threshold"),
                      l.pick("下限", "Floor"), l.pick("达到达标值需增加", "To threshold"), l.pick("达到下限需增加", "To floor"),
                      l.pick("单位", "Unit"), l.pick("余项", "Exception")],
            widths: [14, 24, 8, 26, 10, 10, 10, 14, 14, 8, 8])
        let exceptions = PlanWording.exceptions(plan)
        for gap in plan.gaps {
            sheet.rows.append([
                text(gap.schoolCode), text(gap.schoolName), text(gap.stage.name(in: l)),
                text(standard.indicators[gap.indicator].name(in: l)), number(gap.value, Styles.three),
                number(gap.threshold, Styles.three), optionalNumber(gap.floor, Styles.three),
                number(gap.toThreshold, Styles.three), number(gap.toFloor, Styles.three),
                text(PlanWording.amountUnit(gap.resource, l)),
                text(exceptions.contains(PlanWording.ExceptionKey(gap)) ? l.pick("是", "yes") : ""),
            ])
        }
        return sheet
    }

    func itemsSheet(_ plan: InvestmentPlan, schedule: BudgetSchedule?) -> XLSXSheetContent {
        let l = language
        let years = PlanWording.years(schedule)
        var headers = [l.pick("学校标识码", "School code"), l.pick("学校名称", "School"), l.pick("城乡类型", "Locality"),
                       l.pick("项目", "Resource"), l.pick("学段", "Stage"), l.pick("数量", "Amount"), l.pick("单位", "Unit"),
                       l.pick("单价（元）", "Unit cost (yuan)"), l.pick("金额（元）", "Cost (yuan)"), l.pick("原因", "Reason")]
        var widths: [Double] = [14, 24, 8, 30, 10, 12, 8, 14, 16, 24]
        if schedule != nil {
            headers.insert(l.pick("年度", "Year"), at: 0)
            widths.insert(8, at: 0)
        }
        var sheet = table(name: l.pick("方案", "Items"), headers: headers, widths: widths)
        for item in plan.items {
            var row = [
                text(item.schoolCode), text(item.schoolName), text(item.locality.name(in: l)),
                text(PlanWording.resource(item.resource, l)), text(PlanWording.stage(item.stage, l)),
                number(item.amount, Styles.three), text(PlanWording.amountUnit(item.resource, l)),
                number(item.unitCost, Styles.money), number(item.cost, Styles.money),
                text(PlanWording.reason(item.reason, l, floor: standard.schoolRule?.floorRatio)),
            ]
            if schedule != nil {
                row.insert(years[item.id].map { number(Double($0), Styles.integer) } ?? text(l.pick("未安排", "unscheduled")), at: 0)
            }
            sheet.rows.append(row)
        }
        return sheet
    }

    func scheduleSheet(_ schedule: BudgetSchedule) -> XLSXSheetContent {
        let l = language
        var sheet = table(
            name: l.pick("年度安排", "Schedule"),
            headers: [l.pick("年度", "Year"), l.pick("预算（元）", "Budget (yuan)"), l.pick("支出（元）", "Spent (yuan)"),
                      l.pick("项数", "Items"), l.pick("达标学校单位", "Units passing"), l.pick("学校单位数", "Units"),
                      l.pick("资源配置", "Resources")],
            widths: [8, 18, 18, 8, 12, 10, 10])
        for year in schedule.years {
            sheet.rows.append([
                number(Double(year.year), Styles.integer), number(year.budget, Styles.money), number(year.spent, Styles.money),
                number(Double(year.items.count), Styles.integer), number(Double(year.check.compliantUnits), Styles.integer),
                number(Double(year.check.units), Styles.integer), verdict(year.check),
            ])
        }
        return sheet
    }

    // MARK: Cells

    private func table(name: String, headers: [String], widths: [Double]) -> XLSXSheetContent {
        var sheet = XLSXSheetContent(name: name)
        sheet.rows = [headers.map { XLSXOutputCell(.text($0), style: HouseStyles.header) }]
        sheet.frozenRows = 1
        sheet.autoFilter = true
        sheet.fitToWidth = true
        sheet.landscape = true
        for (column, width) in widths.enumerated() { sheet.columnWidths[column] = width }
        return sheet
    }

    private func verdict(_ check: ResourceCheck) -> XLSXOutputCell {
        XLSXOutputCell(.text(PlanWording.verdict(check, language)), style: check.passes ? Styles.passed : Styles.failedText)
    }

    private func outcome(_ pass: Bool?) -> XLSXOutputCell {
        switch pass {
        case true?: text(language.pick("达标", "pass"))
        case false?: XLSXOutputCell(.text(language.pick("未达标", "fail")), style: Styles.failedText)
        case nil: XLSXOutputCell(.empty)
        }
    }

    private func text(_ value: String) -> XLSXOutputCell { XLSXOutputCell(.text(value)) }
    private func number(_ value: Double, _ style: XLSXStyle) -> XLSXOutputCell { XLSXOutputCell(.number(value), style: style) }
    private func optionalNumber(_ value: Double?, _ style: XLSXStyle) -> XLSXOutputCell {
        value.map { number($0, style) } ?? XLSXOutputCell(.empty)
    }

    /// Number formats and highlights.
    private enum Styles {
        static let integer = XLSXStyle(numberFormat: "0")
        static let three = XLSXStyle(numberFormat: "0.000")
        static let money = XLSXStyle(numberFormat: "#,##0.000")
        static let percent = XLSXStyle(numberFormat: "0.000%")
        static let failed = XLSXStyle(bold: true, fontColor: "9C0006", fill: "FFC7CE", numberFormat: "0.000")
        static let failedText = XLSXStyle(bold: true, fontColor: "9C0006", fill: "FFC7CE")
        static let passed = XLSXStyle(bold: true, fontColor: "006100", fill: "C6EFCE")
    }
}
