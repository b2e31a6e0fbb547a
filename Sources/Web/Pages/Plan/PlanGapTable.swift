import Domain
import Reports
import UseCases

/// The units' shortfalls before the plan (差距), most deficient first (lowest share of the
/// threshold), a page at a time: what each school must add to meet the threshold and to
/// reach the floor.
struct PlanGapTable {
    struct Row {
        var href: String
        var name: String
        var code: String
        var stage: String
        var indicator: String
        var value: String
        var threshold: String
        var toThreshold: String
        var toFloor: String
        var floorClass: String
    }

    var heading: String
    var note: String
    var headers: [String]
    var rows: [Row]
    var empty: String?
    var pager: PlanPager

    init(plan: InvestmentPlan, query: PlanQuery, standard: Standard, language l: Language) {
        heading = l.pick("学校差距", "Gaps of the schools")
        note = l.pick("“补足至达标值”与“补足至 85%”以所需新增的资源计（面积 m²、设备值 元、教师 人、教室 间、计算机 台、图书 册）。",
                      "What to add is counted in the resource's own unit (area m², equipment yuan, teachers, rooms, computers, books).")
        headers = l == .chinese
            ? ["学校", "学段", "指标", "现值", "达标值", "补足至达标值", "补足至 85%"]
            : ["School", "Stage", "Indicator", "Value", "Threshold", "To the threshold", "To 85 %"]
        let ordered = plan.gaps.enumerated().sorted { a, b in
            let x = a.element.threshold > 0 ? a.element.value / a.element.threshold : 1
            let y = b.element.threshold > 0 ? b.element.value / b.element.threshold : 1
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        let county = plan.countyCode, year = plan.year
        pager = PlanPager(count: ordered.count, asked: query.gapsPage, noun: ("处差距", "gaps"), language: l) {
            query.onGapsPage($0).href(county: county, anchor: "gaps")
        }
        rows = ordered[pager.range].map { gap in
            let definition = standard.indicators[gap.indicator]
            return Row(
                href: "/counties/\(county)/schools/\(gap.schoolCode)?year=\(year)",
                name: gap.schoolName, code: gap.schoolCode, stage: gap.stage.name(in: l),
                indicator: definition.name(in: l) + " (" + definition.unit + ")",
                value: ReportCell.three(gap.value).shown(in: l), threshold: ReportCell.stated(gap.threshold).shown(in: l),
                toThreshold: PlanText.shortfall(gap.toThreshold, of: gap.resource, language: l),
                toFloor: gap.floor == nil ? "—" : PlanText.shortfall(gap.toFloor, of: gap.resource, language: l),
                floorClass: gap.toFloor > 0 ? "num fail" : "num")
        }
        empty = ordered.isEmpty ? l.pick("每个学校单位的每项指标都已达到达标值。", "Every unit meets every threshold.") : nil
    }
}
