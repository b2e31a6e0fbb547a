import Domain
import Interchange
import Spreadsheet
import Planning

/// The rotation plan as a workbook (`junheng plan rotate --out plan.xlsx`), a sheet per part:
/// 汇总/Summary (county, quota checks for teachers and principals, distance, the rural-service
/// counts, then the three teacher CVs before and after), 方案目标/Objective (the model's steps),
/// 交流名单/Moves, 学校前后对比/Schools (each school's teachers before and after, staffing and
/// PE/art needs), 职称结构/Title structure, 农村任教经历/Rural service (the whole record) and
/// 数据不一致/Count differences. Every sheet is there even when its part is empty.
///
/// Numbers are stored as numbers, unrounded, shown with 3 decimals; shares as percentages.
public struct RotationXLSX: Sendable {
    /// The language of sheet names, headers and texts.
    public let language: Language
    let context: RotationWording.Context

    /// A writer for plans made for `schools` (one county's rows of one year), in `language`.
    public init(schools: [SchoolYear], language: Language) {
        self.language = language
        context = RotationWording.Context(schools)
    }

    /// The workbook of `plan`, its rural-service record and the teacher counts that differ from
    /// the schools file.
    public func workbook(_ plan: RotationPlan, ruralService: RuralServiceRecord, differences: [TeacherCountDifference]) throws(XLSXError) -> [UInt8] {
        var writer = XLSXWriter()
        for sheet in sheets(plan, ruralService: ruralService, differences: differences) { writer.add(sheet) }
        return try writer.bytes()
    }

    /// The sheets, in order.
    func sheets(_ plan: RotationPlan, ruralService: RuralServiceRecord, differences: [TeacherCountDifference]) -> [XLSXSheetContent] {
        [
            summary(plan, ruralService: ruralService), objectiveSheet(plan), movesSheet(plan), schoolsSheet(plan),
            titleSheet(plan), ruralServiceSheet(ruralService), differencesSheet(differences),
        ]
    }

    // MARK: Sheets

    func summary(_ plan: RotationPlan, ruralService: RuralServiceRecord) -> XLSXSheetContent {
        let l = language
        var sheet = XLSXSheetContent(name: l.pick("汇总", "Summary"))
        for (column, width) in [30.0, 30, 14, 14].enumerated() { sheet.columnWidths[column] = width }
        sheet.fitToWidth = true
        func line(_ label: String, _ value: XLSXOutputCell) {
            sheet.rows.append([XLSXOutputCell(.text(label), style: HouseStyles.title), value])
        }
        func count(_ label: String, _ value: Int) { line(label, number(Double(value), Styles.integer)) }
        line(l.pick("县区代码", "County code"), text(context.countyCode ?? ""))
        line(l.pick("县区名称", "County"), text(context.countyName ?? ""))
        line(l.pick("年度", "Year"), context.year.map { number(Double($0), Styles.integer) } ?? XLSXOutputCell(.empty))
        count(l.pick("符合交流条件教师数", "Eligible teachers"), plan.eligible)
        count(l.pick("交流教师数", "Teachers moving"), plan.teacherMovers)
        count(l.pick("应交流教师数（至少）", "Teachers to move (at least)"), plan.requiredMovers)
        count(l.pick("交流骨干教师数", "Backbone teachers moving"), plan.backboneMovers)
        count(l.pick("应交流骨干教师数（至少）", "Backbone teachers to move (at least)"), plan.requiredBackboneMovers)
        line(l.pick("教师交流比例", "Teacher quotas"), met(plan.meetsQuota))
        count(l.pick("符合交流条件校长数", "Eligible principals"), plan.eligiblePrincipals)
        count(l.pick("应交流校长数（至少）", "Principals to move (at least)"), plan.requiredPrincipalMovers)
        count(l.pick("交流校长数", "Principals moving"), plan.principalMovers)
        line(l.pick("校长交流比例", "Principal quota"), met(plan.meetsPrincipalQuota))
        count(l.pick("交流人次", "Moves"), plan.moves.count)
        line(l.pick("总距离（公里）", "Distance (km)"), number(plan.kilometres, Styles.three))
        count(l.pick("城镇中级职称教师数", "Town teachers at mid-level title"), ruralService.entries.count)
        count(l.pick("现已具备农村任教经历", "With rural service now"), ruralService.entries.count(where: \.qualifiesNow))
        count(l.pick("交流后具备农村任教经历", "With rural service after the moves"), ruralService.entries.count(where: \.qualifiesAfterMove))
        sheet.rows.append([])
        sheet.rows.append(headers([l.pick("学段", "Stage"), l.pick("指标", "Indicator"),
                                   l.pick("方案前差异系数", "CV before"), l.pick("方案后差异系数", "CV after")]))
        for change in plan.changes {
            sheet.rows.append([
                text(change.stage.name(in: l)), text(RotationWording.resource(change.resource, l)),
                optionalNumber(change.before, Styles.three), optionalNumber(change.after, Styles.three),
            ])
        }
        return sheet
    }

    func objectiveSheet(_ plan: RotationPlan) -> XLSXSheetContent {
        let l = language
        var sheet = table(
            name: l.pick("方案目标", "Objective"),
            headers: [l.pick("步骤", "Step"), l.pick("学段", "Stage"), l.pick("对调次数", "Swaps"), l.pick("目标量", "Measure"),
                      l.pick("方案前", "Before"), l.pick("方案后", "After"), l.pick("距离（公里）", "Distance (km)"),
                      l.pick("最优性", "Optimality")],
            widths: [18, 10, 10, 34, 12, 12, 14, 14])
        for term in plan.objective {
            sheet.rows.append([
                text(RotationWording.step(term.step, l)), text(RotationWording.stage(term.stage, l)),
                number(Double(term.swaps), Styles.integer), RotationWording.measure(term.step, l).map(text) ?? XLSXOutputCell(.empty),
                optionalNumber(term.before, Styles.three), optionalNumber(term.after, Styles.three),
                number(term.kilometres, Styles.three),
                term.optimal ? text(RotationWording.optimal(true, l)) : XLSXOutputCell(.text(RotationWording.optimal(false, l)), style: Styles.failedText),
            ])
        }
        return sheet
    }

    func movesSheet(_ plan: RotationPlan) -> XLSXSheetContent {
        let l = language
        var sheet = table(
            name: l.pick("交流名单", "Moves"),
            headers: [l.pick("教师编号", "Teacher"), l.pick("调出学校标识码", "From code"), l.pick("调出学校", "From school"),
                      l.pick("调入学校标识码", "To code"), l.pick("调入学校", "To school"), l.pick("学段", "Stage"),
                      l.pick("原因", "Reason"), l.pick("对调组", "Swap"), l.pick("距离（公里）", "Distance (km)")],
            widths: [14, 14, 24, 14, 24, 10, 18, 8, 14])
        for move in plan.moves {
            sheet.rows.append([
                text(move.teacherID), text(move.from), text(context.name(move.from)), text(move.to), text(context.name(move.to)),
                text(move.stage.name(in: l)), text(RotationWording.reason(move.reason, l)),
                number(Double(move.swap), Styles.integer), optionalNumber(move.kilometres, Styles.three),
            ])
        }
        return sheet
    }

    func schoolsSheet(_ plan: RotationPlan) -> XLSXSheetContent {
        let l = language
        var headers = [l.pick("学校标识码", "Code"), l.pick("学校名称", "School"), l.pick("城乡类型", "Locality"),
                       l.pick("学段", "Stage"), l.pick("在校生数", "Students"), l.pick("编制需求", "Staffing need")]
        for count in RotationWording.counts {
            let name = l.pick(count.chinese, count.english)
            headers += [l.pick("\(name)（方案前）", "\(name) before"), l.pick("\(name)（方案后）", "\(name) after")]
        }
        headers += [l.pick("体育艺术教师需求", "PE/art need"), l.pick("低于编制需求", "Understaffed")]
        var sheet = table(
            name: l.pick("学校前后对比", "Schools"), headers: headers,
            widths: [14, 24, 8, 8, 10, 10] + Array(repeating: 12, count: 2 * RotationWording.counts.count) + [12, 12])
        for school in plan.schools {
            let short = RotationWording.belowStaffingNeed(school) == true
            var row = [
                text(school.schoolCode), text(school.schoolName), text(school.locality.name(in: l)), text(school.stage.name(in: l)),
                number(Double(school.students), Styles.integer), school.staffingNeed.map { number(Double($0), Styles.integer) } ?? XLSXOutputCell(.empty),
            ]
            for (index, count) in RotationWording.counts.enumerated() {
                // The teachers after the plan are what the staffing need is judged on.
                let highlight = index == 0 && short
                row += [number(Double(count.value(school.before)), Styles.integer),
                        number(Double(count.value(school.after)), highlight ? Styles.failedInteger : Styles.integer)]
            }
            row.append(school.peArtNeed.map { number(Double($0), Styles.integer) } ?? XLSXOutputCell(.empty))
            row.append(short ? XLSXOutputCell(.text(l.pick("是", "yes")), style: Styles.failedText) : XLSXOutputCell(.empty))
            sheet.rows.append(row)
        }
        return sheet
    }

    func titleSheet(_ plan: RotationPlan) -> XLSXSheetContent {
        let l = language
        var sheet = table(
            name: l.pick("职称结构", "Title structure"),
            headers: [l.pick("学段", "Stage"), l.pick("农村学校占比（方案前）", "Rural before"), l.pick("城镇学校占比（方案前）", "Town before"),
                      l.pick("农村学校占比（方案后）", "Rural after"), l.pick("城镇学校占比（方案后）", "Town after"),
                      l.pick("农村不低于城镇", "Rural ≥ town")],
            widths: [10, 18, 18, 18, 18, 14])
        for row in plan.titleStructure {
            sheet.rows.append([
                text(row.stage.name(in: l)), optionalNumber(row.ruralBefore, Styles.percent), optionalNumber(row.townBefore, Styles.percent),
                optionalNumber(row.ruralAfter, Styles.percent), optionalNumber(row.townAfter, Styles.percent),
                row.reached ? XLSXOutputCell(.text(l.pick("达到", "reached")), style: Styles.passed)
                    : XLSXOutputCell(.text(l.pick("未达到", "not reached")), style: Styles.failedText),
            ])
        }
        return sheet
    }

    func ruralServiceSheet(_ record: RuralServiceRecord) -> XLSXSheetContent {
        let l = language
        var sheet = table(
            name: l.pick("农村任教经历", "Rural service"),
            headers: [l.pick("教师编号", "Teacher"), l.pick("学校标识码", "School code"), l.pick("学校名称", "School"),
                      l.pick("农村任教年限", "Rural service (years)"), l.pick("现已具备", "Has it now"),
                      l.pick("交流后具备", "Has it after the moves")],
            widths: [14, 14, 24, 14, 10, 12])
        for entry in record.entries {
            sheet.rows.append([
                text(entry.teacherID), text(entry.schoolCode), text(context.name(entry.schoolCode)),
                number(Double(entry.serviceYears), Styles.integer), text(RotationWording.yesNo(entry.qualifiesNow, l)),
                text(RotationWording.yesNo(entry.qualifiesAfterMove, l)),
            ])
        }
        return sheet
    }

    func differencesSheet(_ differences: [TeacherCountDifference]) -> XLSXSheetContent {
        let l = language
        var sheet = table(
            name: l.pick("数据不一致", "Count differences"),
            headers: [l.pick("学校标识码", "School code"), l.pick("学校名称", "School"), l.pick("学段", "Stage"),
                      l.pick("列", "Column"), l.pick("学校数据", "Schools file"), l.pick("教师信息", "Teacher records")],
            widths: [14, 24, 8, 26, 12, 12])
        for d in differences {
            sheet.rows.append([
                text(d.schoolCode), text(context.name(d.schoolCode)), text(d.stage.name(in: l)), text(RotationWording.column(d.column, l)),
                d.reported.map { number(Double($0), Styles.integer) } ?? XLSXOutputCell(.empty),
                number(Double(d.counted), Styles.integer),
            ])
        }
        return sheet
    }

    // MARK: Cells

    private func table(name: String, headers: [String], widths: [Double]) -> XLSXSheetContent {
        var sheet = XLSXSheetContent(name: name)
        sheet.rows = [self.headers(headers)]
        sheet.frozenRows = 1
        sheet.autoFilter = true
        sheet.fitToWidth = true
        sheet.landscape = true
        for (column, width) in widths.enumerated() { sheet.columnWidths[column] = width }
        return sheet
    }

    private func headers(_ names: [String]) -> [XLSXOutputCell] {
        names.map { XLSXOutputCell(.text($0), style: HouseStyles.header) }
    }

    private func met(_ met: Bool) -> XLSXOutputCell {
        met ? XLSXOutputCell(.text(language.pick("达到", "met")), style: Styles.passed)
            : XLSXOutputCell(.text(language.pick("未达到", "not met")), style: Styles.failedText)
    }

    private func text(_ value: String) -> XLSXOutputCell { XLSXOutputCell(.text(value)) }
    private func number(_ value: Double, _ style: XLSXStyle) -> XLSXOutputCell { XLSXOutputCell(.number(value), style: style) }
    private func optionalNumber(_ value: Double?, _ style: XLSXStyle) -> XLSXOutputCell {
        guard let value, value.isFinite else { return XLSXOutputCell(.empty) }
        return number(value, style)
    }

    /// Number formats and highlights.
    private enum Styles {
        static let integer = XLSXStyle(numberFormat: "0")
        static let three = XLSXStyle(numberFormat: "0.000")
        static let percent = XLSXStyle(numberFormat: "0.000%")
        static let failedInteger = XLSXStyle(bold: true, fontColor: "9C0006", fill: "FFC7CE", numberFormat: "0")
        static let failedText = XLSXStyle(bold: true, fontColor: "9C0006", fill: "FFC7CE")
        static let passed = XLSXStyle(bold: true, fontColor: "006100", fill: "C6EFCE")
    }
}
