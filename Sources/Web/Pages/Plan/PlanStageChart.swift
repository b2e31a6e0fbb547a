import Domain
import Interchange
import Reports
import UseCases

/// One stage's 差异系数 of each indicator before and after the plan, against its limit: an
/// SVG bar chart (two bars per indicator, the limit as the marker, bars above it in the
/// failing colour) and the same figures as a table.
struct PlanStageChart {
    struct Row {
        var name: String
        var before: String
        var beforeClass: String
        var after: String
        var afterClass: String
        var limit: String
    }

    var title: String
    var chart: String
    var headers: [String]
    var rows: [Row]

    /// - Parameter after: the same stage after the plan; `nil` when the plan left it out.
    init(before: StageResult, after: StageResult?, standard: Standard, language l: Language) {
        let stage = before.stage
        title = l.pick("\(stage.chineseName)：各项指标校际差异系数（规划前后）",
                       "\(stage.englishName.capitalized): inter-school CV of each indicator, before and after")
        headers = l == .chinese
            ? ["指标", "规划前差异系数", "规划后差异系数", "限值"]
            : ["Indicator", "CV before", "CV after", "Limit"]
        let afterByIndex = Dictionary((after?.indicators ?? []).map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a })
        rows = before.indicators.map { indicator in
            let later = afterByIndex[indicator.index]
            return Row(
                name: standard.indicators[indicator.index].name(in: l),
                before: FigureText.three(indicator.cv), beforeClass: "num " + FigureText.judgementClass(indicator.pass),
                after: FigureText.three(later?.cv), afterClass: "num " + FigureText.judgementClass(later?.pass),
                limit: FigureText.three(indicator.limit))
        }
        let beforeWord = l.pick("规划前", "before"), afterWord = l.pick("规划后", "after")
        chart = BarChart(
            title: title,
            bars: before.indicators.flatMap { indicator -> [BarChart.Bar] in
                let name = standard.indicators[indicator.index].name(in: l)
                let later = afterByIndex[indicator.index]
                return [
                    Self.bar(name + " · " + beforeWord, indicator.cv, limit: indicator.limit, pass: indicator.pass),
                    Self.bar(name + " · " + afterWord, later?.cv, limit: later?.limit ?? indicator.limit, pass: later?.pass),
                ]
            },
            markerLabel: l.pick("限值", "limit")
        ).svg()
    }

    private static func bar(_ label: String, _ cv: Double?, limit: Double?, pass: Bool?) -> BarChart.Bar {
        BarChart.Bar(label: label, value: cv, marker: limit, highlighted: pass == false,
                     valueLabel: cv.map { Decimals.three($0) + (pass == false ? " ✗" : "") })
    }
}
