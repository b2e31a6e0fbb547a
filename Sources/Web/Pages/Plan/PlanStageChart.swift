import Domain
import Interchange
import Reports
import UseCases

/// One stage's 差异系数 of each indicator before and after the plan, against its limit: an
/// SVG bar chart (``BarChart/beforeAfter(title:items:words:language:)``: two bars per indicator, the limit as the marker) and
/// the same figures as a table.
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
                before: ReportCell.three(indicator.cv).shown(in: l), beforeClass: "num " + FigureText.judgementClass(indicator.pass),
                after: ReportCell.three(later?.cv).shown(in: l), afterClass: "num " + FigureText.judgementClass(later?.pass),
                limit: ReportCell.three(indicator.limit).shown(in: l))
        }
        chart = BarChart.beforeAfter(
            title: title,
            items: before.indicators.map { indicator in
                let later = afterByIndex[indicator.index]
                return (standard.indicators[indicator.index].name(in: l),
                        .init(cv: indicator.cv, limit: indicator.limit, pass: indicator.pass),
                        .init(cv: later?.cv, limit: later?.limit ?? indicator.limit, pass: later?.pass))
            },
            words: (l.pick("规划前", "before"), l.pick("规划后", "after")), language: l).svg()
    }
}
