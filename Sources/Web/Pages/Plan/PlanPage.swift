import Domain
import UseCases

/// The plan page's view model (资源配置达标投入方案): the summary, the CVs before and after
/// per stage, the units' gaps, the items, and the budget form with its schedule — or, when no
/// plan can be made, why. Preformatted strings only.
struct PlanPage {
    var heading: String
    var standardName: String
    var costsNote: String
    var yearLabel: String
    var years: [PageListing.Link]
    var overviewHref: String
    var overviewLabel: String
    /// Why there is no plan (a ``PlanningError``), with what to do about it.
    var planError: String?
    var planErrorHint: String?
    var summary: PlanSummary?
    var chartsHeading: String
    var stages: [PlanStageChart]
    var hasCharts: Bool
    var gaps: PlanGapTable?
    var items: PlanItemTable?
    var budget: PlanBudgetForm?
    var schedule: PlanScheduleBlock?

    /// - Parameter budgetError: why the typed budgets were refused, already in `l`.
    init(loaded: CountyPlan, query: PlanQuery, budgetError: String?, standard: Standard, language l: Language) {
        let county = loaded.countyCode
        heading = l.pick("\(loaded.title) · \(loaded.year) 年度资源配置达标投入方案",
                         "\(loaded.title) · \(loaded.year) investment plan for the resource allocation")
        standardName = standard.name(in: l)
        costsNote = l.pick("按默认单位成本测算（规划估算，非官方标准）；只计新增投入。",
                           "Costed at the default unit costs (planning estimates, not official figures); additions only.")
        yearLabel = l.pick("年度：", "Year: ")
        years = loaded.years.map {
            PageListing.Link(href: "/counties/\(county)/plan?year=\($0)", label: String($0), current: $0 == loaded.year)
        }
        overviewHref = "/counties/\(county)?year=\(loaded.year)"
        overviewLabel = l.pick("返回县域概况", "Back to the county overview")
        chartsHeading = l.pick("校际差异系数：规划前后", "Inter-school CV before and after the plan")
        switch loaded.plan {
        case let .failure(error):
            planError = error.message(in: l)
            planErrorHint = error.missingValues.isEmpty
                ? nil
                : l.pick("请在学校页面补全这些数据（或重新导入）后再查看方案。",
                         "Fill these values in on the school pages (or import them again), then come back to the plan.")
            stages = []
            hasCharts = false
        case let .success(plan):
            summary = PlanSummary(plan: plan, language: l)
            let after = Dictionary(plan.after.stages.map { ($0.stage, $0) }, uniquingKeysWith: { a, _ in a })
            stages = plan.before.stages.map { PlanStageChart(before: $0, after: after[$0.stage], standard: standard, language: l) }
            hasCharts = !stages.isEmpty
            gaps = PlanGapTable(plan: plan, query: query, standard: standard, language: l)
            items = PlanItemTable(plan: plan, query: query, language: l)
            var error = budgetError
            switch loaded.schedule {
            case let .success(done)?: schedule = PlanScheduleBlock(schedule: done, language: l)
            case let .failure(refused)?: error = error ?? refused.message(in: l)
            case nil: break
            }
            budget = PlanBudgetForm(county: county, query: query, plan: plan, error: error, language: l)
        }
    }
}
