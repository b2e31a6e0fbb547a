import Domain
import Reports
import UseCases

/// The plan's summary: the resource part's verdict before and after the plan, what the plan
/// costs, how far from the least cost it can be, and how sure that is.
struct PlanSummary {
    struct Row {
        var label: String
        var value: String
        var cls: String?
    }

    var heading: String
    var verdictLine: String
    var beforeVerdict: String
    var beforeClass: String
    var afterVerdict: String
    var afterClass: String
    var rows: [Row]
    /// A sentence when there is nothing to add.
    var nothingToAdd: String?

    init(plan: InvestmentPlan, language l: Language) {
        let before = ResourceCheck(plan.before), after = ResourceCheck(plan.after)
        heading = l.pick("方案概要", "Summary")
        verdictLine = l.pick("资源配置：", "Resource allocation: ")
        beforeVerdict = PlanText.check(before, language: l)
        beforeClass = before.passes ? "pass" : "fail"
        afterVerdict = PlanText.check(after, language: l)
        afterClass = after.passes ? "pass" : "fail"
        let schools = Set(plan.items.map(\.schoolCode)).count
        rows = [
            Row(label: l.pick("规划前", "Before the plan"), value: PlanText.compliance(before, language: l), cls: nil),
            Row(label: l.pick("规划后", "After the plan"), value: PlanText.compliance(after, language: l), cls: nil),
            Row(label: l.pick("投入项目", "Items"),
                value: l.pick("\(plan.items.count) 项，涉及 \(schools) 所学校", "\(plan.items.count) items at \(schools) schools"), cls: nil),
            Row(label: l.pick("投入总额", "Total cost"), value: PlanText.money(plan.cost, language: l), cls: "num"),
            Row(label: l.pick("成本下界", "Lower bound"), value: PlanText.money(plan.lowerBound, language: l), cls: "num"),
            Row(label: l.pick("与下界的相对差距", "Gap to the lower bound"), value: ReportCell.percent(plan.gap).shown(in: l), cls: "num"),
            Row(label: l.pick("最优性", "Optimality"), value: PlanText.optimality(plan.optimality, language: l), cls: nil),
        ]
        nothingToAdd = plan.items.isEmpty
            ? l.pick("资源配置已达标，无需新增投入。", "The resource allocation passes already: nothing needs to be added.")
            : nil
    }
}
