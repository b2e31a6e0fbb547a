import Domain
import UseCases

/// The title structure (职称结构) per stage: the share of teachers with a mid-level title or
/// higher in rural schools (农村学校) and in town schools (城镇学校, 城区 and 镇区), before and
/// after, and whether rural schools reach the town schools' share.
struct RotateTitleTable {
    struct Row {
        var stage: String
        var ruralBefore: String
        var townBefore: String
        var ruralAfter: String
        var townAfter: String
        var reached: String
        var reachedClass: String
    }

    var heading: String
    var headers: [String]
    var rows: [Row]
    var empty: String?

    init(plan: RotationPlan, language l: Language) {
        heading = l.pick("职称结构：中级及以上职称教师占比", "Title structure: share of mid-level or higher titles")
        headers = l == .chinese
            ? ["学段", "农村学校（交流前）", "城镇学校（交流前）", "农村学校（交流后）", "城镇学校（交流后）", "农村学校不低于城镇学校"]
            : ["Stage", "Rural schools (before)", "Town schools (before)", "Rural schools (after)", "Town schools (after)", "Rural at least town"]
        rows = plan.titleStructure.map { title in
            Row(stage: title.stage.name(in: l),
                ruralBefore: FigureText.percent(title.ruralBefore), townBefore: FigureText.percent(title.townBefore),
                ruralAfter: FigureText.percent(title.ruralAfter), townAfter: FigureText.percent(title.townAfter),
                reached: title.reached ? l.pick("是", "yes") : l.pick("否", "no"), reachedClass: title.reached ? "pass" : "fail")
        }
        empty = rows.isEmpty ? l.pick("方案没有给出职称结构。", "The plan gives no title structure.") : nil
    }
}
