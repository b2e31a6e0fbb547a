import Domain
import UseCases

/// The model's terms step by step (目标函数各项): what each step lowers, before and after,
/// with its swaps, their distance and whether they were proven optimal.
struct RotateObjectiveTable {
    struct Row {
        var step: String
        var stage: String
        var swaps: String
        var measure: String
        var before: String
        var after: String
        var kilometres: String
        var optimality: String
        var optimalityClass: String
    }

    var heading: String
    var note: String
    var headers: [String]
    var rows: [Row]
    var empty: String?

    init(plan: RotationPlan, language l: Language) {
        heading = l.pick("目标函数各项", "Objective terms")
        note = l.pick(
            "各步骤依次进行，只用对调（同学科、同学段的两名教师互换学校），各校教师总数不变；骨干、学历与体育艺术三步降低每百名学生拥有数的加权方差，职称结构一步缩小城镇学校与农村学校中级及以上职称教师占比之差（≤ 0 即达到）。",
            "The steps run in turn and only swap (two teachers of one subject and stage trade schools), so every school keeps its headcount; the backbone, qualification and PE/art steps lower the weighted variance of the count per 100 students, the title step the town share minus the rural share of mid-level or higher titles (reached at ≤ 0).")
        headers = l == .chinese
            ? ["步骤", "学段", "对调次数", "目标项", "交流前", "交流后", "距离（公里）", "最优性"]
            : ["Step", "Stage", "Swaps", "Term", "Before", "After", "Distance (km)", "Optimality"]
        rows = plan.objective.map { term in
            Row(step: RotateText.step(term.step, language: l), stage: term.stage?.name(in: l) ?? l.pick("全部学段", "all stages"),
                swaps: String(term.swaps), measure: RotateText.measure(term.step, language: l),
                before: FigureText.three(term.before), after: FigureText.three(term.after),
                kilometres: FigureText.three(term.kilometres),
                optimality: RotateText.optimality(term.optimal, language: l), optimalityClass: term.optimal ? "pass" : "unknown")
        }
        empty = rows.isEmpty ? l.pick("方案没有给出目标函数各项。", "The plan gives no objective terms.") : nil
    }
}
