import Domain
import Interchange
import Reports
import UseCases

/// One stage's three teacher indicators (高于规定学历, 县级以上骨干, 体育艺术) — their 差异系数
/// before and after the rotation, against the standard's limit: an SVG bar chart drawn like
/// the investment plan's (``PlanStageChart``) and the same figures as a table.
struct RotateStageChart {
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

    /// The charts of `changes`, one per stage in the order the plan gives them.
    static func charts(_ changes: [TeacherIndicatorChange], standard: Standard, language l: Language) -> [RotateStageChart] {
        var stages: [Stage] = []
        for change in changes where !stages.contains(change.stage) { stages.append(change.stage) }
        return stages.map { stage in
            RotateStageChart(stage: stage, changes: changes.filter { $0.stage == stage }, standard: standard, language: l)
        }
    }

    init(stage: Stage, changes: [TeacherIndicatorChange], standard: Standard, language l: Language) {
        title = l.pick("\(stage.chineseName)：教师配置指标校际差异系数（交流前后）",
                       "\(stage.englishName.capitalized): inter-school CV of the teacher indicators, before and after")
        headers = l == .chinese
            ? ["指标", "交流前差异系数", "交流后差异系数", "限值"]
            : ["Indicator", "CV before", "CV after", "Limit"]
        let limit = standard.balance.cvLimits[stage]
        func pass(_ cv: Double?) -> Bool? {
            guard let cv, cv.isFinite, limit != nil else { return nil }
            return standard.balance.passes(cv, stage: stage)
        }
        rows = changes.map { change in
            Row(name: RotateText.indicator(change.resource, standard: standard, language: l),
                before: FigureText.three(change.before), beforeClass: "num " + FigureText.judgementClass(pass(change.before)),
                after: FigureText.three(change.after), afterClass: "num " + FigureText.judgementClass(pass(change.after)),
                limit: FigureText.three(limit))
        }
        chart = BeforeAfterChart.svg(
            title: title,
            items: changes.map { change in
                BeforeAfterChart.Item(
                    name: RotateText.indicator(change.resource, standard: standard, language: l),
                    before: .init(cv: change.before, limit: limit, pass: pass(change.before)),
                    after: .init(cv: change.after, limit: limit, pass: pass(change.after)))
            },
            words: (l.pick("交流前", "before"), l.pick("交流后", "after")), language: l)
    }
}
