import Domain
import UseCases

/// The budget form (GET, so that a schedule is a link): the data's year and the yearly
/// budgets as one line of `年度:金额` entries, with the reason when the line was refused.
struct PlanBudgetForm {
    var heading: String
    var action: String
    var year: String
    var label: String
    var value: String
    var placeholder: String
    var hint: String
    var submit: String
    var error: String?

    /// - Parameter error: why the typed budget was refused, already in `l`.
    init(county: String, query: PlanQuery, plan: InvestmentPlan?, error: String?, language l: Language) {
        heading = l.pick("分年度预算与时间表", "Yearly budgets and schedule")
        action = "/counties/\(county)/plan"
        year = String(query.year)
        label = l.pick("各年度预算（元）", "Budget per year (yuan)")
        value = query.budget ?? ""
        // An example in the plan's own scale: the cost spread over three years.
        let share = plan.map { max(1, ($0.cost / 3).rounded(.up)) } ?? 5_000_000
        placeholder = (1...3).map { "\(query.year + $0):\(Decimals.compact(share))" }.joined(separator: ", ")
        hint = l.pick("每项写成“年度:金额”，以逗号分隔，金额以元计，可写 500万；例如 \(placeholder)。每年按最紧迫的项目优先安排，结余不结转。",
                      "One YEAR:AMOUNT entry per year, separated by commas, amounts in yuan (500万 is accepted), e.g. \(placeholder). Each year takes the most urgent items that fit; what is left does not carry over.")
        submit = l.pick("生成时间表", "Make the schedule")
        self.error = error
    }
}
