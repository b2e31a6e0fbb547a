import Domain
import UseCases

/// The plan laid out over the yearly budgets (时间表): per year what is spent on how many
/// items and how the resource part stands after it, then the first passing year or what the
/// budgets leave undone.
struct PlanScheduleBlock {
    struct Row {
        var year: String
        var budget: String
        var spent: String
        var items: String
        var compliant: String
        var verdict: String
        var verdictClass: String
    }

    var heading: String
    var headers: [String]
    var rows: [Row]
    var conclusion: String
    var conclusionClass: String
    var shortfall: String?

    init(schedule: BudgetSchedule, language l: Language) {
        heading = l.pick("时间表", "Schedule")
        headers = l == .chinese
            ? ["年度", "预算", "支出", "项目数", "达标学校单位", "资源配置"]
            : ["Year", "Budget", "Spent", "Items", "Units passing", "Resource allocation"]
        rows = schedule.years.map { year in
            Row(year: String(year.year), budget: PlanText.money(year.budget, language: l),
                spent: PlanText.money(year.spent, language: l), items: String(year.items.count),
                compliant: "\(year.check.compliantUnits)/\(year.check.units)",
                verdict: PlanText.check(year.check, language: l), verdictClass: year.check.passes ? "pass" : "fail")
        }
        if let first = schedule.firstPassingYear {
            conclusion = l.pick("资源配置在 \(first) 年度投入后达标。", "The resource allocation passes after the spending of \(first).")
            conclusionClass = "pass"
        } else {
            conclusion = l.pick("在所给预算内资源配置未能达标。", "The resource allocation does not pass within these budgets.")
            conclusionClass = "fail"
        }
        shortfall = schedule.unscheduled.isEmpty ? nil : l.pick(
            "尚有 \(schedule.unscheduled.count) 项未能安排，共需 \(PlanText.money(schedule.shortfall, language: l))（项目不拆分，当年结余不结转）。",
            "\(schedule.unscheduled.count) items could not be scheduled, costing \(PlanText.money(schedule.shortfall, language: l)) (items are never split; what a year leaves does not carry over).")
    }
}
